"""ST004 and ST005: the outline against the template.

ST004 compares each recognised part heading with the template's wording (one finding with
expected and actual; a wording the template file lists as seen in practice is only info).
ST005 checks that the numbered items of a part count up by one without gaps or repeats:
（一）（二）… under the part, 1. 2. … under each （N）, and the "一是、二是、三是" lists of its prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Heading, Section, Span
from reportlint.parse.normalize import normalize
from reportlint.parse.template import SectionSpec, Template
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.guard import Guard
from reportlint.rules.national.text_cases import SECTIONS, report_text

_NUMERALS = "一二三四五六七八九十"
_FOLD = re.compile(r"[\s:：。.、，,;；]+$|\s+")
_POINT = re.compile(r"(?:^|(?<=[，,。；;：:\s]))([一二三四五六七八九十]{1,3})是")
"""A point of a "一是…二是…" list: the numeral starts the text or follows punctuation."""


# Words the 条例 (第五十条) and older formats put around a part's name: "行政机关主动公开政府信息的
# 情况", "政府信息公开工作存在的主要问题及改进情况". With them the heading is the template's part
# in the law's words, only a hint (info).
_STATUTE_WORDS = re.compile(r"^(?:行政机关|政府信息公开工作(?=\S{4}))|的(?=情况$)|、")


@lru_cache(maxsize=256)
def _fold(title: str) -> str:
    """A heading's words without spaces, full-width forms or trailing punctuation."""
    return _FOLD.sub("", normalize(title))


@lru_cache(maxsize=256)
def _core(folded: str) -> str:
    """A folded heading without the 条例's framing words (and its 、: "复议提起诉讼" is a variant)."""
    return _STATUTE_WORDS.sub("", folded)


def chinese_number(text: str) -> int | None:
    """一 → 1 … 十九 → 19, 二十 → 20; None for anything else."""
    if text == "十":
        return 10
    if len(text) == 1 and text in _NUMERALS:
        return _NUMERALS.index(text) + 1
    if len(text) == 2 and text[0] == "十" and text[1] in _NUMERALS[:9]:
        return 10 + _NUMERALS.index(text[1]) + 1
    if len(text) in (2, 3) and text[1] == "十" and text[0] in _NUMERALS[1:9]:
        tens = (_NUMERALS.index(text[0]) + 1) * 10
        return tens + (_NUMERALS.index(text[2]) + 1 if len(text) == 3 and text[2] in _NUMERALS[:9] else 0)
    return None


def _numeral(number: int) -> str:
    if number <= 10:
        return _NUMERALS[number - 1]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else _NUMERALS[tens - 1]) + "十" + (_NUMERALS[units - 1] if units else "")


class HeadingWording(Rule):
    """A part heading in other words than the template's."""

    code = "ST004"
    name = "structure.heading-wording"
    severity = Severity.WARNING
    message = "第{part}部分标题为「{actual}」，模板的措辞为「{expected}」"
    basis = "国办公开办函〔2021〕30号（年度报告格式的六个部分标题）"
    sets = ("national-2021",)
    when = Guard(since_year=2021)
    description = (
        "六个部分的标题应沿用模板的措辞，例如“四、政府信息公开行政复议、行政诉讼情况”。"
        "多字、漏字或改写（如“行政复议议”）会让读者和汇总工具对不上模板的部分。"
        "模板数据中列出的常见旧措辞（如“存在的主要问题和改进措施”）和条例第五十条的措辞"
        "（如“行政机关主动公开政府信息的情况”）只给提示（info）。"
        "缺少的部分由 CP001、编号由 ST001 报告，编号与所在部分不符的标题这里不重复；"
        "2021年以前的报告不检查。修改方法：改为模板的标题措辞。"
    )
    tests = (
        RuleCase(report_text(), passes=True),
        RuleCase(
            report_text(body=SECTIONS.replace("行政复议、", "行政复议议、")),
            passes=False,
            expect=("ST004:9",),
        ),
    )

    _specs: tuple[Template, dict[int, SectionSpec]] | None = None  # the template's parts by key

    def check(self, context: RuleContext) -> Iterator[Finding]:
        if self._specs is None or self._specs[0] is not context.template:
            self._specs = (context.template, {spec.key: spec for spec in context.template.sections})
        specs = self._specs[1]
        for section in context.report.sections:
            spec = specs.get(section.key) if section.key is not None else None
            heading = section.heading
            if spec is None or heading.level != 1 or heading.number not in (None, spec.key):
                continue  # a part numbered as another is ST001's and CP001's finding
            actual = section.heading.title.strip()
            folded = _fold(actual)
            if not folded or folded == _fold(spec.title):
                continue
            core = _core(folded)
            known = core == _core(_fold(spec.title)) or any(
                core in (_fold(variant), _core(_fold(variant))) for variant in spec.variants
            )
            yield Finding(
                section.heading.span,
                {"part": _numeral(spec.key), "actual": actual, "expected": spec.title},
                expected=spec.title,
                actual=actual,
                softer=Severity.INFO if known else None,
                fixes=(f"{section.heading.numbering}{spec.title}",),
            )


def _in_part_one(body: str) -> str:
    """An embedded case: the sample report with ``body`` as the text of part 一."""
    return report_text(body=SECTIONS.replace("本机关认真贯彻落实政府信息公开条例。", body))


class ItemSequence(Rule):
    """Numbered items inside a part skip or repeat a number."""

    code = "ST005"
    name = "structure.item-sequence"
    severity = Severity.WARNING
    message = "「{actual}」的编号应为「{expected}」（上一项为「{previous}」）"
    messages: ClassVar[Mapping[str, str]] = {
        "point": "“{actual}”前一项为“{previous}”，按顺序应为“{expected}”",
    }
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    description = (
        "一个部分中的（一）（二）（三）…、每个（N）下的 1. 2. 3. …，以及正文中的“一是、二是、三是”"
        "都应逐一递增，不跳号、不重复（如“一是…；三是…；三是…”）。“一是”开始一组新的列举。"
        "编号形式（全角、半角）不在此检查。修改方法：按顺序重新编号。"
    )
    tests = (
        RuleCase(_in_part_one("一是公开，二是解读，三是回应。"), passes=True),
        RuleCase(_in_part_one("一是公开；三是解读；三是回应。"), passes=False, expect=("ST005:4",)),
        RuleCase(_in_part_one("一是公开；二是解读；二是回应。"), passes=False, expect=("ST005:4",)),
        RuleCase(
            _in_part_one("（一）主动公开\n正文。\n（三）依申请公开\n正文。"),
            passes=False,
            expect=("ST005:6",),
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for section in context.report.sections:
            if section.key is None:
                continue
            yield from self._headings(section)
            yield from self._points(section)

    def _headings(self, section: Section) -> Iterator[Finding]:
        # per level: the last heading and how many items the list has had
        previous: dict[int, tuple[Heading, int] | None] = {2: None, 3: None}
        for heading in section.subheadings:
            if heading.level not in previous or heading.number is None:
                continue
            if heading.level == 2:
                previous[3] = None
            before = previous[heading.level]
            position = 1 if before is None else before[1] + 1
            previous[heading.level] = (heading, position)
            if before is None or before[0].number is None:
                continue
            if _in_order(heading.number, before[0].number, position):
                continue
            wanted = self._written(heading, before[0].number + 1)
            yield Finding(
                heading.span,
                {"actual": heading.numbering, "expected": wanted, "previous": before[0].numbering},
                expected=wanted,
                actual=heading.numbering,
            )

    @staticmethod
    def _written(heading: Heading, number: int) -> str:
        """``heading``'s numbering form with another number: （三） → （二）, 3. → 2."""
        digits = re.search(r"\d+", heading.numbering)
        if digits is not None:
            return heading.numbering[: digits.start()] + str(number) + heading.numbering[digits.end() :]
        found = re.search(f"[{_NUMERALS}]+", heading.numbering)
        if found is None:
            return heading.numbering
        return heading.numbering[: found.start()] + _numeral(number) + heading.numbering[found.end() :]

    def _points(self, section: Section) -> Iterator[Finding]:
        previous: tuple[int, int] | None = None  # the last point's number and its position
        for paragraph in section.paragraphs:
            if "是" not in paragraph.text or (previous is None and "一是" not in paragraph.text):
                continue  # a list starts at 一是
            for match in _POINT.finditer(paragraph.text):
                number = chinese_number(match.group(1))
                if number is None or (previous is None and number != 1):
                    continue
                if number == 1 or previous is None:
                    previous = (1, 1)
                    continue
                last, position = previous
                previous = (number, position + 1)
                if _in_order(number, last, position + 1):
                    continue
                written = f"{match.group(1)}是"
                expected = f"{_numeral(last + 1)}是"
                span = Span.on_line(paragraph.span.line, paragraph.span.column + match.start(1), len(written))
                yield Finding(
                    span,
                    {"actual": written, "expected": expected, "previous": f"{_numeral(last)}是"},
                    variant="point",
                    expected=expected,
                    actual=written,
                )


def _in_order(number: int, last: int, position: int) -> bool:
    """True for the next number after ``last``, or for the item's own position in its list: after
    one slip ("（一）（二）（二）（四）") the items that follow are in order again (one cause,
    one finding)."""
    return number in (last + 1, position)
