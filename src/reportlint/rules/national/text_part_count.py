"""CP005: the part count the preamble declares matches the parts the report has."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import Report, Span
from reportlint.parse.normalize import normalize
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import PERIOD, report_text

_NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_DECLARED = re.compile(r"(?:等|共分?|分为|分成|包括)\s*([一二两三四五六七八九十]|[0-9]{1,2})\s*个?部分")


def declared_parts(report: Report) -> tuple[int, Span] | None:
    """The part count stated before the first section ("…等六部分组成"), with its span."""
    last = report.sections[0].heading.span.line - 1 if report.sections else len(report.lines)
    for number, line in enumerate(report.lines[:last], start=1):
        match = _DECLARED.search(normalize(line))
        if match is None:
            continue
        word = match.group(1)
        count = int(word) if word.isdigit() else _NUMERALS[word]
        return count, Span.on_line(number, match.start() + 1, match.end() - match.start())
    return None


class DeclaredPartCount(Rule):
    """A preamble that announces five parts for a six-part report was copied without care."""

    code = "CP005"
    name = "completeness.declared-part-count"
    severity = Severity.WARNING
    message = "前言说报告由{declared}个部分组成，但正文有{found}个部分"
    basis = "国办公开办函〔2021〕30号（年度报告由六个部分组成）"
    sets = ("national-2021", "national-2019")
    description = (
        "前言常写“本报告由总体情况、……等六部分组成”。声明的部分数与正文实际的一级标题数不一致，"
        "说明前言或结构是从别的报告沿用而未核对。正文部分比声明的多时总是报告；比声明的少时，"
        "只在报告看来完整（有落款日期）时报告，因为截断的网页本来就缺后面的部分。"
        "修改方法：核对前言中的部分数与正文的一级标题。"
    )
    tests = (
        RuleCase(report_text(preamble="本报告由总体情况等六部分组成。\n" + PERIOD), passes=True),
        RuleCase(
            report_text(preamble="本报告由总体情况等五部分组成。\n" + PERIOD),
            passes=False,
            expect=("CP005:2",),
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        declared = declared_parts(report)
        if declared is None or not report.sections:
            return
        count, span = declared
        found = len(report.sections)
        if found > count or (found < count and report.signature_date is not None):
            yield Finding(span, {"declared": count, "found": found}, expected=str(count), actual=str(found))
