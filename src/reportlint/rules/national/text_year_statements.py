"""PD005: statements that name another year as the year being reported on.

Only two unambiguous forms are read: "本年度（2022年）" (the report glossing its own year) and
"2022年全年共收到/受理/公开…" (a whole-year statistic). Plans such as "2024年，将…" in section 五
are normal and never match; section 五 is skipped altogether.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import Paragraph, Report
from reportlint.parse.normalize import normalize
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import PERIOD, SECTIONS, report_text

_STATEMENTS = (
    re.compile(r"本年度?\s*\(\s*((?:19|20)[0-9]{2})\s*年?度?\s*\)"),
    re.compile(
        r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度?全年(?:共|累计|总计)?(?:收到|受理|办理|主动公开|公开|发布|新增)"
    ),
)


def _statement_paragraphs(report: Report) -> Iterator[Paragraph]:
    yield from report.preamble
    for section in report.sections:
        if section.key != 5:
            yield from section.paragraphs


class OtherYearStatement(Rule):
    """The body text reports a whole-year figure for a year other than the report year."""

    code = "PD005"
    name = "period.statement-year"
    severity = Severity.WARNING
    message = "「{found}」把{actual}年当作本报告年度，而本报告是{year}年度报告"
    basis = "《中华人民共和国政府信息公开条例》第四十九条（报告上一年度的工作）"
    sets = ("national-2021", "national-2019")
    description = (
        "正文中“本年度（2022年）”或“2022年全年共收到……”这类说法，表明所述数据属于哪一年。"
        "年份与报告年度不同，通常是沿用上一年报告时没有改年份，数据本身也可能是旧的。"
        "第五部分中对下一年的工作打算（“2024年，将……”）是正常内容，不检查。"
        "修改方法：核对年份和相应数据。"
    )
    tests = (
        RuleCase(report_text(preamble=PERIOD + "2023年全年共收到政府信息公开申请0件。\n"), passes=True),
        # plans for the next year in section 五 are normal
        RuleCase(
            report_text(
                body=SECTIONS.replace("存在的问题有待改进。", "2024年，本机关将全年公开信息不少于100条。")
            ),
            passes=True,
        ),
        RuleCase(
            report_text(preamble=PERIOD + "2022年全年共收到政府信息公开申请0件。\n"),
            passes=False,
            expect=("PD005:3",),
        ),
        RuleCase(
            report_text(preamble=PERIOD + "本年度（2022年）主动公开政府信息100条。\n"),
            passes=False,
            expect=("PD005:3",),
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        if report.year is None:
            return
        for paragraph in _statement_paragraphs(report):
            folded = normalize(paragraph.text)
            for pattern in _STATEMENTS:
                for match in pattern.finditer(folded):
                    stated = int(match.group(1))
                    if stated == report.year:
                        continue
                    found = paragraph.text[match.start() : match.end()]
                    span = paragraph.span
                    yield Finding(
                        span.on_line(span.line, span.column + match.start(), match.end() - match.start()),
                        {"found": found, "actual": stated, "year": report.year},
                        expected=str(report.year),
                        actual=str(stated),
                    )
