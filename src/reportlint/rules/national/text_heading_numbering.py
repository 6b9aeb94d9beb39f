"""ST001: top-level headings numbered 一、二、…六、 without slips, gaps or repeats."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Heading
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import SECTIONS, report_text

NUMERALS = "一二三四五六七八九十"
_PROPER = re.compile(r"^[一二三四五六七八九十]+、$")


def proper_numbering(number: int) -> str:
    """The template numbering of top-level part ``number`` (1–10): "五、"."""
    return f"{NUMERALS[number - 1]}、" if 1 <= number <= len(NUMERALS) else f"{number}、"


class HeadingNumbering(Rule):
    """Part headings use Chinese numerals with 、 and count up by one."""

    code = "ST001"
    name = "structure.heading-numbering"
    severity = Severity.WARNING
    message = "一级标题「{found}」的编号应为「{expected}」"
    messages: ClassVar[Mapping[str, str]] = {
        "gap": "一级标题编号不连续：「{found}」前缺少第{missing}部分",
        "repeat": "一级标题编号重复：「{found}」与第{line}行的标题编号相同",
    }
    basis = "国办公开办函〔2021〕30号（六个部分依次编号一至六）"
    sets = ("national-2021", "national-2019")
    fixable = True
    description = (
        "年度报告的六个部分依次编为“一、”至“六、”。阿拉伯数字编号（“5、”）、编号跳号（一、二、四）"
        "或重复编号都会让读者和检查工具对不上模板的部分。部分顺序错乱由 CP001 报告。"
        "修改方法：改为模板的中文数字编号。"
    )
    tests = (
        RuleCase(report_text(), passes=True),
        RuleCase(report_text(body=SECTIONS.replace("五、", "5、")), passes=False, expect=("ST001:11",)),
        RuleCase(
            report_text(
                body=SECTIONS.replace("四、", "五、")
                .replace("五、存在", "六、存在")
                .replace("六、其他", "七、其他")
            ),
            passes=False,
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        previous: Heading | None = None
        seen: dict[int, Heading] = {}
        for section in context.report.sections:
            heading = section.heading
            number = heading.number if heading.number is not None else section.key
            found = f"{heading.numbering}{heading.title}"
            if number is not None and not _PROPER.match(heading.numbering.strip()):
                expected = proper_numbering(number)
                yield Finding(
                    heading.span,
                    {"found": found, "expected": expected},
                    expected=expected,
                    actual=heading.numbering,
                    fixes=(f"{expected}{heading.title}",),
                )
            if number is None:
                continue
            if number in seen:
                repeated = {"found": found, "line": seen[number].span.line}
                yield Finding(heading.span, repeated, variant="repeat")
            elif previous is not None and previous.number is not None and number > previous.number + 1:
                missing = "、".join(NUMERALS[n - 1] for n in range(previous.number + 1, number) if n <= 10)
                yield Finding(heading.span, {"found": found, "missing": missing}, variant="gap")
            seen.setdefault(number, heading)
            previous = heading
