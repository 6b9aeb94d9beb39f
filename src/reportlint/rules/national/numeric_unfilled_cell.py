"""CP013: cells of tables 二, 三, 四 that are blank, "/" or text instead of a number.

Blanks (or "/") written for zero across a table are one cause: one finding per column when a
whole column is so, else one per row, naming the count and listing the other cells as related;
when they spread over three rows or more (besides whole columns), or would be several findings
over three rows or more (rows left wholly blank: every column is whole), the table is one finding,
so a report that leaves zeros blank everywhere gets one warning, not one per row or column. A cell of text is
its own finding: each says something different.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Cell, CellKind, Report, Table
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import (
    cell_names,
    column_label,
    has_values,
    locator,
    present_tables,
)
from reportlint.rules.national.numeric_sample import failing, line_of, passing

_CARRIED = "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"
_TABLE_AT_ROWS = 3  # rows with blanks (besides whole columns) from which the table is one finding
_KIND_WORDS = {CellKind.BLANK: "空白", CellKind.SLASH: "“/”", CellKind.TEXT: "文字"}


class UnfilledCell(Rule):
    """A blank, "/" or text cell: not a zero, so the identities that read it are skipped."""

    code = "CP013"
    name = "completeness.table-cell-filled"
    severity = Severity.WARNING
    message = "{table}「{row}」行「{column}」列未填写（{what}{raw}），应填数值，没有发生的填 0"
    messages: ClassVar[Mapping[str, str]] = {
        "row": "{table}「{name}」行有{count}个单元格未填写（{what}：{cells}），应填数值，没有发生的填 0",
        "column": "{table}「{name}」列的{count}个单元格全部未填写（{what}），应填数值，没有发生的填 0",
        "table": "{table}有{count}个单元格未填写（{what}），分布在{rows}行{whole}，应填数值，没有发生的填 0",
    }
    description = (
        "表二、表三、表四的每个单元格都应填写数值，没有发生的事项填 0。\n"
        "空白、“/”或文字不等于 0：reportlint 不会把它们当作 0 去核对总计，\n"
        "因此含这类单元格的勾稽关系（NU001–NU004）会被跳过，错误可能被掩盖。\n"
        "用空白或“/”代替 0 往往遍及整张表：整列都是时每列报告一次，否则每行报告一次；\n"
        "分布在三行以上时整张表只报告一次。都写明个数，其余单元格列为相关位置；写了文字的单元格逐个报告。\n"
        "诊断指向（第一个）该单元格。修改方法：填写数值（0 也要写出）。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(
            f"CP013:{line_of(_CARRIED)}",
            edits={_CARRIED: _CARRIED.replace("| 1 | 0 |", "| 1 | / |")},
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in present_tables(report):
            if not has_values(table):  # nothing filled in at all: CP014's one finding
                continue
            kinds = {cell.kind for cell in table.cells.values()}  # most tables: numbers only
            for kind in (CellKind.BLANK, CellKind.SLASH):
                if kind in kinds:
                    yield from _grouped(report, table, kind)
            if CellKind.TEXT in kinds:
                yield from (_one(report, cell) for cell in table.cells.values() if cell.kind is CellKind.TEXT)


def _one(report: Report, cell: Cell) -> Finding:
    row, column = cell_names(report, cell)
    raw = f"：{cell.raw}" if cell.kind is CellKind.TEXT else ""
    what = _KIND_WORDS[cell.kind]
    return Finding(
        span=cell.span,
        params={"table": f"表{cell.table}", "row": row, "column": column, "what": what, "raw": raw},
        locator=locator(report, cell.table, row, column),
        actual=cell.raw,
    )


def _grouped(report: Report, table: Table, kind: CellKind) -> Iterator[Finding]:
    """Whole columns of ``kind`` first (when the table has two rows or more), then rows."""
    cells = sorted(table.cells.values(), key=lambda cell: cell.span)
    rows = {cell.row for cell in cells}
    by_column: dict[str, list[Cell]] = {}
    for cell in cells:
        by_column.setdefault(cell.column, []).append(cell)
    whole = {
        column
        for column, found in by_column.items()
        if len(rows) > 1 and len(found) == len(rows) and all(c.kind is kind for c in found)
    }
    by_row: dict[str, list[Cell]] = {}
    for cell in cells:
        if cell.kind is kind and cell.column not in whole:
            by_row.setdefault(cell.row, []).append(cell)
    blank_rows = {cell.row for cell in cells if cell.kind is kind}
    findings = len(whole) + len(by_row)
    if len(by_row) >= _TABLE_AT_ROWS or (findings > 1 and len(blank_rows) >= _TABLE_AT_ROWS):
        yield _whole_table(report, table, kind, [c for c in cells if c.kind is kind], whole)
        return
    for column in sorted(whole, key=lambda key: by_column[key][0].span):
        yield _group(
            report, table, kind, by_column[column], "column", column_label(report, table.key, column)
        )
    for found in by_row.values():
        if len(found) == 1:
            yield _one(report, found[0])
        else:
            yield _group(report, table, kind, found, "row", cell_names(report, found[0])[0])


def _whole_table(report: Report, table: Table, kind: CellKind, cells: list[Cell], whole: set[str]) -> Finding:
    """One finding for a table whose blanks spread over many rows: one cause, one finding."""
    columns = [column_label(report, table.key, key) for key in sorted(whole, key=lambda k: _first(cells, k))]
    params = {
        "table": f"表{table.key}",
        "count": len(cells),
        "what": _KIND_WORDS[kind],
        "rows": len({cell.row for cell in cells}),
        "whole": f"（其中整列：{'、'.join(columns)}）" if columns else "",
    }
    return Finding(
        span=cells[0].span,
        params=params,
        variant="table",
        locator=locator(report, table.key),
        actual=cells[0].raw,
        related=tuple(cell.span for cell in cells[1:]),
    )


def _first(cells: list[Cell], column: str) -> tuple[int, int]:
    span = next(cell.span for cell in cells if cell.column == column)
    return (span.line, span.column)


def _group(
    report: Report, table: Table, kind: CellKind, cells: list[Cell], variant: str, name: str
) -> Finding:
    names = [cell_names(report, cell)[0 if variant == "column" else 1] for cell in cells]
    params = {
        "table": f"表{table.key}",
        "name": name,
        "count": len(cells),
        "what": _KIND_WORDS[kind],
        "cells": "、".join(names),
    }
    return Finding(
        span=cells[0].span,
        params=params,
        variant=variant,
        locator=locator(report, table.key, name),
        actual=cells[0].raw,
        related=tuple(cell.span for cell in cells[1:]),
    )
