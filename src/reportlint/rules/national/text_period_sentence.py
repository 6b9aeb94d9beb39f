"""CP003: the report states its statistical period."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.guard import Guard
from reportlint.rules.national.text_cases import report_text


class PeriodSentencePresent(Rule):
    """Without a period sentence nobody can tell which months the tables count."""

    code = "CP003"
    name = "completeness.period-sentence"
    severity = Severity.WARNING
    message = "报告没有说明统计期限（如“本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”）"
    basis = "国办公开办函〔2021〕30号；《中华人民共和国政府信息公开条例》第五十条"
    sets = ("national-2021", "national-2019")
    when = Guard(min_year=2019)
    description = (
        "年度报告通常在前言中写明表中数据的统计期限（“本报告中所列数据的统计期限自××××年1月1日起"
        "至××××年12月31日止”）。没有这句话，读者无法确认数据口径，也无法核对统计期限与报告年度是否一致。"
        "这是习惯做法而非格式的硬性要求，所以只是警告。修改方法：在前言中补上统计期限。"
    )
    tests = (
        RuleCase(report_text(), passes=True),
        RuleCase(report_text(preamble=""), passes=False, expect=("CP003:1",)),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        if report.period is not None:
            return
        where = report.title.span if report.title is not None else Span.on_line(1, 1, 0)
        yield Finding(where, {"year": report.year if report.year is not None else "××××"})
