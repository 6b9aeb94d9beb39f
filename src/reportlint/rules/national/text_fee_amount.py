"""FE005: a fee statement that says a processing fee was charged also gives the amount."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.parse.normalize import normalize
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.guard import Guard
from reportlint.rules.national.text_cases import SECTIONS, report_text

_SENTENCE = re.compile(r"[^。;；!?]+")
_CHARGED = re.compile(r"(收取|收缴|收费)[^。;]{0,30}处理费|处理费[^。;]{0,10}(收取|收缴)")
_NEGATED = re.compile(r"未|没有|不|无|免|零")
# "收取信息处理费情况：无", "金额为0", "均为0": none charged, said after the words.
_NONE_AFTER = re.compile(r"[:：]\s*(无|没有|0|０|零)|(为|是)\s*(0|０|零)(?![0-9０-９.])")
_AMOUNT = re.compile(r"[0-9][0-9,.]*\s*(元|万元)")
# A sub-heading naming the topic ("（二）收取信息处理费情况") says nothing yet.
_TOPIC = re.compile(r"情况\s*[:：]?\s*$")
_CHARGED_CASE = SECTIONS.replace("本年度没有产生信息处理费。", "本年度按规定收取信息处理费。")


class FeeAmountStated(Rule):
    """Saying "we charged the fee" without the amount leaves the statement half done."""

    code = "FE005"
    name = "fee.amount-when-charged"
    severity = Severity.WARNING
    message = "第六部分说收取了信息处理费，但没有写明金额：「{found}」"
    basis = "国办函〔2020〕109号；国办公开办函〔2021〕30号（第六部分）"
    sets = ("national-2021",)
    when = Guard(min_year=2021)
    description = (
        "2021年格式要求第六部分报告收取信息处理费的情况。说明已收取时，应写明金额（和件数），"
        "例如“本年度共收取信息处理费200元”；否定的说法（“未收取”“没有产生”）不需要金额。"
        "修改方法：补上收取的金额。"
    )
    tests = (
        RuleCase(report_text(), passes=True),
        RuleCase(
            report_text(body=SECTIONS.replace("没有产生信息处理费", "收取信息处理费共计200元")), passes=True
        ),
        RuleCase(report_text(body=_CHARGED_CASE), passes=False, expect=("FE005:14",)),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        section = report.section(6)
        if section is None:
            return
        span = section.span
        for number in range(span.line, min(span.end_line, len(report.lines)) + 1):
            line = report.lines[number - 1]
            # Only the section's own columns: a run-together scrape holds every section on one line.
            begin = span.column - 1 if number == span.line else 0
            end = span.end_column - 1 if number == span.end_line else len(line)
            for sentence in _SENTENCE.finditer(normalize(line), begin, end):
                text = sentence.group(0)
                charged = _CHARGED.search(text)
                if charged is None or _NEGATED.search(text[: charged.end()]) or _AMOUNT.search(text):
                    continue
                if _NONE_AFTER.search(text, charged.end()) or _TOPIC.search(text):
                    continue
                found = line[sentence.start() : sentence.end()].strip()
                yield Finding(Span.on_line(number, sentence.start() + 1, len(text)), {"found": found})
