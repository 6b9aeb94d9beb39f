"""CP011: a template row that is present has a value in every template column."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import Span, Table
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

_GRANTED = "三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6"


class MissingCells(Rule):
    """A row whose label is there but that has fewer values than the template has columns."""

    code = "CP011"
    name = "completeness.table-cells"
    severity = Severity.ERROR
    message = "{table}「{row}」行缺少{count}个单元格：{columns}"
    description = (
        "2021 年格式的表二、表三、表四中，已经写出的每一行都应在模板规定的每一列填写数值。\n"
        "一行的数值少于列数时，无法确定哪一列漏填，整行数据都不可靠。诊断指向该行的标签。\n"
        "修改方法：按模板的列顺序补齐该行数值（没有发生的填 0）。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021",)
    tests = (
        passing(),
        failing(
            f"CP011:{line_of('三、本年度办理结果')}",
            edits={_GRANTED: _GRANTED.removesuffix(" | 0 | 6") + " | 6"},
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table, row in template_row_slots(report):
            if not row_present(table, row) or undecided(table, row):
                continue
            absent = [c for c in template_columns(table.key, row) if table.cell(row, c) is None]
            if not absent:
                continue
            names = [column_label(report, table.key, c) for c in absent]
            row_name = template_row_label(table.key, row)
            yield Finding(
                span=_row_span(table, row),
                params={
                    "table": f"表{table.key}",
                    "row": row_name,
                    "count": len(absent),
                    "columns": "、".join(names),
                },
                locator=locator(report, table.key, row_name),
            )


def _row_span(table: Table, row: str) -> Span:
    """The row's label, or for a row without one (table 四) its first value."""
    label = table.row_label(row)
    if label is not None:
        return label.span
    return min(cell.span for (cell_row, _), cell in table.cells.items() if cell_row == row)
