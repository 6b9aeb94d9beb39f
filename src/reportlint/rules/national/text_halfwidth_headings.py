"""ST003: half-width punctuation in headings, summarised once per report."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import SECTIONS, report_text

_HALF_WIDTH = re.compile(r"[(),:;]")
_FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})
_CASE_WITH_SUBHEADINGS = SECTIONS.replace("本机关认真贯彻", "（一）主动公开\n本机关认真贯彻", 1)


class HalfWidthHeadingPunctuation(Rule):
    """Headings in 《标点符号用法》 use full-width （）、，：; scraped pages often half-width them."""

    code = "ST003"
    name = "structure.half-width-heading-punctuation"
    severity = Severity.INFO
    message = "{count}处标题使用了半角标点（首处：「{found}」），中文标题应使用全角标点（如“（一）”）"
    basis = "GB/T 15834—2011《标点符号用法》"
    sets = ("national-2021", "national-2019")
    fixable = True
    description = (
        "中文文本中的括号、逗号、冒号应使用全角形式，例如“（一）主动公开”而不是“(一)主动公开”。"
        "网页转换常把全角标点变成半角；这不影响内容，所以只是提示，每份报告只提示一次（指向第一处）。"
        "修改方法：把标题中的半角标点改为全角（reportlint fix 会改正所有这样的标题）。"
    )
    tests = (
        RuleCase(report_text(body=_CASE_WITH_SUBHEADINGS), passes=True),
        RuleCase(
            report_text(body=_CASE_WITH_SUBHEADINGS.replace("（一）", "(一)")),
            passes=False,
            expect=("ST003:4",),
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        headings = [h for s in context.report.sections for h in (s.heading, *s.subheadings)]
        offending = [h for h in headings if _HALF_WIDTH.search(f"{h.numbering}{h.title}")]
        if offending:
            first = offending[0]
            params = {"count": len(offending), "found": f"{first.numbering}{first.title}"}
            fixes = [(h.span, _full_width(context.report.lines, h.span)) for h in offending]
            if all(text is not None for _, text in fixes):
                yield Finding(
                    first.span,
                    params,
                    fixes=(str(fixes[0][1]),),
                    fix_elsewhere=tuple((span, str(text)) for span, text in fixes[1:]),
                )
            else:
                yield Finding(first.span, params)


def _full_width(lines: Sequence[str], span: Span) -> str | None:
    """The heading's words with its half-width punctuation made full-width (one-line spans only)."""
    if span.end_line != span.line or not 1 <= span.line <= len(lines):
        return None
    return lines[span.line - 1][span.column - 1 : span.end_column - 1].translate(_FULL_WIDTH)
