"""CP012: a table row carries more values than the template has columns."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import locator, template_row_label, template_tables
from reportlint.rules.national.numeric_sample import failing, line_of, passing

_NEW = "一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 1 | 0 | 13"


class ExtraCells(Rule):
    """Table assembly found values beyond the template's last column on one line."""

    code = "CP012"
    name = "completeness.table-extra-cells"
    severity = Severity.WARNING
    message = "{table}「{row}」行多出单元格：{detail}"
    description = (
        "2021 年格式表格的一行中，数值个数多于模板的列数。常见原因是相邻两行被合并到一行\n"
        "（上一行缺失时，其数值接在上级标签之后），或多写了一列。多出的数值不参与核对。\n"
        "这是一个提示：缺行由 CP010 以错误报告；修改方法是按模板把数值放回各自的行和列。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(f"CP012:{line_of(_NEW)}", edits={_NEW: _NEW + " | 5"}),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in template_tables(report):
            for problem in table.problems:
                if problem.kind != "extra-cells":
                    continue
                row = template_row_label(table.key, problem.row) if problem.row else ""
                yield Finding(
                    span=problem.span,
                    params={"table": f"表{table.key}", "row": row, "detail": problem.message},
                    locator=locator(report, table.key, row),
                )
