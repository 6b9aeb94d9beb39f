"""NU005: a count cell holds a negative or fractional number."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import Cell
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.kinds.equation import format_number
from reportlint.rules.national.numeric_cells import cell_names, locator, present_tables, table2_column
from reportlint.rules.national.numeric_sample import failing, line_of, passing, sample_line

_TOTAL = sample_line("（七）总计")


def _problem(cell: Cell) -> str | None:
    """Why a cell's value cannot be a count, or None when it can. The template says which table 二
    columns hold money (本年收费金额, 采购总金额: decimals) or a signed change (本年增/减)."""
    spec = table2_column(cell.column) if cell.table == "二" else None
    values = spec.values if spec is not None else "count"
    if cell.value is None or values == "amount":
        return None
    if cell.value < 0 and values != "signed":
        return "负数"
    if cell.value != cell.value.to_integral_value():
        return "小数"
    return None


class CountValue(Rule):
    """Counts of documents, decisions, applications and cases are whole numbers, never below zero."""

    code = "NU005"
    name = "numeric.count-value"
    severity = Severity.ERROR
    message = "{table}「{row}」行「{column}」列为{what} {actual}：件数、数量只能是非负整数"
    description = (
        "表二的件数和处理决定数量、表三的申请数量、表四的案件数量都是计数，\n"
        "只能是 0 或正整数。出现负数或小数，通常是录入错误（多打了符号或小数点）。\n"
        "表二“本年收费金额（单位：万元）”和2019年格式的“采购总金额”是金额，可以有小数，不在此检查；\n"
        "2019年格式的“本年增/减”可以是负数（减少），但仍应是整数。\n"
        "诊断指向该单元格。修改方法：核对原始台账后改为正确的整数。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(
            *[f"NU005:{line_of(_TOTAL)}"] * 2,
            edits={_TOTAL: _TOTAL.replace("| 9 |", "| -9 |").replace("| 2 |", "| 2.5 |", 1)},
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in present_tables(report):
            for cell in table.cells.values():
                what = _problem(cell)
                if what is None or cell.value is None:
                    continue
                row, column = cell_names(report, cell)
                actual = format_number(cell.value)
                yield Finding(
                    span=cell.span,
                    params={
                        "table": f"表{table.key}",
                        "row": row,
                        "column": column,
                        "what": what,
                        "actual": actual,
                    },
                    locator=locator(report, table.key, row, column),
                    actual=actual,
                )
