"""ST002: stray characters stuck to a table label ("0三、本年度办理结果")."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleContext

LABEL_VARIANT = "label-variant"


class StrayLabelText(Rule):
    """Table assembly found characters before or inside a label that belong to no template label."""

    code = "ST002"
    name = "structure.stray-label-text"
    severity = Severity.WARNING
    message = "{message}"
    basis = "国办公开办函〔2021〕30号（年度报告格式中的表格）"
    sets = ("national-2021", "national-2019")
    description = (
        "表格标签前后多出的字符（如“0三、本年度办理结果”中的“0”）多是从别处粘贴或转换时留下的，"
        "容易被读成数值。截断的2019年格式列标题（“本年新”）由 WD001 报告，这里不重复。"
        "修改方法：删去多余字符。"
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for table in context.report.tables.values():
            for problem in table.problems:
                if problem.kind != "stray-text" or problem.detail == LABEL_VARIANT:
                    continue
                yield Finding(problem.span, {"message": problem.message}, locator=(f"表{table.key}",))
