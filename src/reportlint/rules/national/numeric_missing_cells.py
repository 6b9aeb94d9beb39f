"""CP011: a template row that is present has a value in every template column."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Span, Table, TableFormat
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import (
    column_label,
    locator,
    row_present,
    template_columns,
    template_row_label,
    template_row_slots,
    undecided,
)
from reportlint.rules.national.numeric_sample import failing, line_of, passing

_SAME_CAUSE_ROWS = 3
"""From this many rows short of the same cells on, they are one finding for the table."""
_UNKNOWN = "数值少于列数，无法确定缺少的是哪几列（该行的数值未核对）"
_GRANTED = "三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6"


class MissingCells(Rule):
    """A row whose label is there but that has fewer values than the template has columns."""

    code = "CP011"
    name = "completeness.table-cells"
    severity = Severity.ERROR
    message = "{table}「{row}」行缺少{count}个单元格：{columns}"
    messages: ClassVar[Mapping[str, str]] = {
        "rows": "{table}共{rows}行都缺少{count}个单元格（首行「{row}」）：{columns}；可能整列漏填或错位",
    }
    description = (
        "2021 年格式的表二、表三、表四中，已经写出的每一行都应在模板规定的每一列填写数值。\n"
        "一行的数值少于列数时，无法确定哪一列漏填，整行数据都不可靠：该行不参与勾稽关系的核对。\n"
        "诊断指向该行的标签。\n"
        "三行及以上缺少同样的单元格（整列漏填或错位）时合并为一条诊断，其余各行列为相关位置。\n"
        "修改方法：按模板的列顺序补齐该行数值（没有发生的填 0）。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(
            f"CP011:{line_of('三、本年度办理结果')}",
            edits={_GRANTED: _GRANTED.removesuffix(" | 0 | 6") + " | 6"},
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        """Rows short of the same cells in one table (a column left out of the whole table) are
        one finding at the first of them, the others related: one cause, one finding."""
        report = context.report
        short: dict[tuple[str, int, tuple[str, ...]], list[tuple[Table, str, Span]]] = {}
        for table, row in template_row_slots(report):
            if not row_present(table, row) or undecided(table, row):
                continue
            is2019 = table.format is TableFormat.T2019
            columns = template_columns(table.key, row, is2019)
            problem = next((p for p in table.problems if p.kind == "missing-cells" and p.row == row), None)
            if problem is not None and problem.detail:  # placed no cell: which one lacks is unknown
                count = len(columns) - int(problem.detail)
                short.setdefault((table.key, count, ()), []).append(
                    (table, row, _row_span(table, row, problem.span))
                )
                continue
            absent = tuple(c for c in columns if table.cell(row, c) is None)
            if absent:
                short.setdefault((table.key, len(absent), absent), []).append(
                    (table, row, _row_span(table, row))
                )
        for (key, count, absent), rows in short.items():
            names = "、".join(column_label(report, key, c) for c in absent) if absent else _UNKNOWN
            together = len(rows) >= _SAME_CAUSE_ROWS
            for _table, row, span in rows[:1] if together else rows:
                row_name = template_row_label(key, row)
                params = {"table": f"表{key}", "row": row_name, "count": count, "columns": names}
                yield Finding(
                    span=span,
                    params={**params, "rows": len(rows)},
                    variant="rows" if together else None,
                    locator=locator(report, key, row_name),
                    related=tuple(other for _, _, other in rows[1:]) if together else (),
                )


def _row_span(table: Table, row: str, values: Span | None = None) -> Span:
    """The row's label, or for a row without one (table 四) its first value (or ``values``, where
    the figures of a row that placed no cell are)."""
    label = table.row_label(row)
    if label is not None:
        return label.span
    spans = [cell.span for (cell_row, _), cell in table.cells.items() if cell_row == row]
    return min(spans) if spans else values or table.span
