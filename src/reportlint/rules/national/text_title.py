"""CP002: the title names the issuing body and the report year."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import report_text


class TitleNamesBodyAndYear(Rule):
    """The title should say who reports and for which year."""

    code = "CP002"
    name = "completeness.title-body-year"
    severity = Severity.WARNING
    message = "标题「{title}」缺少{missing}；应写作“××（机关名称）××××年政府信息公开工作年度报告”"
    messages: ClassVar[Mapping[str, str]] = {
        "absent": "找不到报告标题；应有“××（机关名称）××××年政府信息公开工作年度报告”这样的标题"
    }
    basis = "国办公开办函〔2021〕30号；《中华人民共和国政府信息公开条例》第四十九条"
    sets = ("national-2021", "national-2019")
    description = (
        "年度报告的标题应写明发布机关和报告年度，例如“某某县人民政府2023年政府信息公开工作年度报告”。"
        "只有“工作年度报告”或“政府信息公开工作年度报告”的标题，读者和归档系统都无法判断是谁、哪一年的报告。"
        "标题跨两行时按一行读。修改方法：在标题中补上机关全称和年份。"
    )
    tests = (
        RuleCase(report_text(), passes=True),
        RuleCase(report_text("工作年度报告"), passes=False, expect=("CP002:1",)),
        RuleCase(report_text("政府信息公开工作年度报告（2023年）"), passes=False, expect=("CP002:1",)),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        title = context.report.title
        if title is None:
            yield Finding(Span.on_line(1, 1, 0), variant="absent")
            return
        missing = [part for part, known in (("发布机关", title.body), ("年份", title.year)) if not known]
        if missing:
            yield Finding(title.span, {"title": title.text, "missing": "和".join(missing)})
