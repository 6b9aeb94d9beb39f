"""Recognize section headings and sub-headings, and match section titles to the template.

A numbered line is a *section* heading only when its words are those of an expected heading:
table 三's row labels ("一、本年新收…数量", "三、本年度办理结果", "四、结转下年度继续办理") are numbered
the same way and must not start sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from reportlint.parse.template import label_key, load_template

CHINESE_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Fuzzy stems per template section, for real wording that is neither the title nor a listed variant.
_SECTION_STEMS: dict[int, tuple[str, ...]] = {
    1: ("总体情况", "基本情况", "概述", "概况"),
    2: ("主动公开",),
    3: ("收到和处理", "依申请公开", "申请情况", "处理政府信息公开申请"),
    4: ("行政复议", "行政诉讼"),
    5: ("存在的主要问题", "存在问题", "主要问题", "改进情况", "改进措施"),
    6: ("其他需要报告", "其他报告", "其他事项", "其它需要报告", "其他需要说明"),
}
# Headings of the pre-2019 format that match no 2021 section but are still section headings.
_OLD_FORMAT_STEMS = ("收费及减免", "收费和减免", "收费减免")

_SECTION_RE = re.compile(
    r"(?P<num>第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,2}|[1-9])"
    r"(?P<sep>\s*[、.,，:：]\s*|\s+)(?P<title>\S.*)$"
)
_SUB_RE = re.compile(
    r"(?P<num>[(（]\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*[)）]|(?P<ar>[1-9][0-9]?)[、.](?!\d))"
)
_TITLE_TRAIL = "、。.,，:：;；  "
_MAX_TITLE = 40
_STOPS = "。:：；;"


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    """A recognized heading: columns are 0-based offsets into the line, ``key`` the template section."""

    level: int
    numbering: str
    number: int | None
    title: str
    numbering_start: int
    title_start: int
    key: int | None = None


def numeral_value(numeral: str) -> int | None:
    """1–99 for "一", "十二", "5", "第三部分"; None when not a numeral."""
    numeral = numeral.removeprefix("第").removesuffix("部分")
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(char not in CHINESE_NUMERALS for char in numeral):
        return None
    if len(numeral) == 1:
        return CHINESE_NUMERALS[numeral]
    tens, _, ones = numeral.partition("十")
    if "十" not in numeral:
        return None
    return (CHINESE_NUMERALS.get(tens, 1) if tens else 1) * 10 + (CHINESE_NUMERALS[ones] if ones else 0)


@cache
def _exact_titles() -> dict[str, int]:
    titles: dict[str, int] = {}
    for spec in load_template().sections:
        for wording in (spec.title, *spec.variants):
            titles.setdefault(label_key(wording), spec.key)
    return titles


@lru_cache(maxsize=4096)
def section_key(title: str, *, strict: bool = False) -> tuple[bool, int | None]:
    """Whether ``title`` reads as a section heading, and which template section (1–6) it is.

    ``strict`` accepts only the template titles and their listed variants (used for Arabic
    numerals such as the slip "5、", which also number ordinary list items).
    """
    folded = label_key(title)
    exact = _exact_titles().get(folded)
    if exact is not None:
        return True, exact
    if strict or folded.endswith("数量"):
        return False, None
    for key, stems in _SECTION_STEMS.items():
        if any(stem in folded for stem in stems):
            return True, key
    if any(stem in folded for stem in _OLD_FORMAT_STEMS):
        return True, None
    return False, None


def _until_stop(text: str) -> str:
    """A heading's words end at the first full stop, colon or semicolon; prose may follow."""
    cut = min((i for i in (text.find(mark) for mark in _STOPS) if i >= 0), default=len(text))
    return text[:cut]


def match_section_heading(original: str, folded: str, start: int) -> HeadingMatch | None:
    """A section heading starting at column ``start`` of the line, or None (texts as written)."""
    found = _SECTION_RE.match(folded, start)
    if found is None:
        return None
    numeral = found["num"]
    arabic = numeral.isdigit()
    if arabic and found["sep"].strip() not in ("、", "."):
        return None
    # An Arabic numeral ("5、") numbers list items too: only a line that is all heading counts.
    words = found["title"] if arabic else _until_stop(found["title"])
    title = words.rstrip().rstrip(_TITLE_TRAIL)
    if not title or len(title) > _MAX_TITLE:
        return None
    is_heading, key = section_key(title, strict=arabic)
    if not is_heading:
        return None
    return HeadingMatch(
        level=1,
        numbering=original[found.start("num") : found.start("title")].rstrip(),
        number=numeral_value(numeral),
        title=original[found.start("title") : found.start("title") + len(title)],
        numbering_start=found.start("num"),
        title_start=found.start("title"),
        key=key,
    )


# A part heading in words of its own is at most this long and names no table row.
_MAX_OWN_TITLE = 20
_ROW_WORDS = ("数量", "办理结果", "结转", "新收", "总计", "申请人", "予以公开", "不予", "无法提供")


def match_numbered_part(original: str, folded: str, start: int, number: int) -> HeadingMatch | None:
    """A part heading in words of its own ("五、存在的不足和下一步打算"), numbered ``number``.

    Only a Chinese numeral (an Arabic "5、" numbers list items too) and a short title that is no
    sentence and names no table row; whether the place fits (the part after ``number - 1``) is
    the caller's judgement, and the template part is the one of that number.
    """
    found = _SECTION_RE.match(folded, start)
    if found is None or found["num"].isdigit() or numeral_value(found["num"]) != number:
        return None
    title = found["title"].rstrip().rstrip(_TITLE_TRAIL)
    if (
        not title
        or len(title) > _MAX_OWN_TITLE
        or any(mark in title for mark in "。，,；;:：")
        or any(char.isdigit() for char in title)
        or any(word in title for word in _ROW_WORDS)
    ):
        return None
    return HeadingMatch(
        level=1,
        numbering=original[found.start("num") : found.start("title")].rstrip(),
        number=number,
        title=original[found.start("title") : found.start("title") + len(title)],
        numbering_start=found.start("num"),
        title_start=found.start("title"),
        key=number,
    )


def match_subheading(original: str, folded: str, start: int) -> HeadingMatch | None:
    """A sub-heading "（一）…", "(一)…" (level 2) or list item "1." / "1、" (level 3), or None.

    The title ends at the first full stop or colon: the rest of such a line is prose.
    """
    found = _SUB_RE.match(folded, start)
    if found is None:
        return None
    rest_start = found.end()
    while rest_start < len(folded) and folded[rest_start] in " \t":
        rest_start += 1
    title = _until_stop(folded[rest_start:]).rstrip()
    if found["cn"]:
        level, number = 2, numeral_value(found["cn"])
    else:
        level, number = 3, int(found["ar"])
    return HeadingMatch(
        level=level,
        numbering=original[found.start("num") : found.end("num")],
        number=number,
        title=original[rest_start : rest_start + len(title)],
        numbering_start=found.start("num"),
        title_start=rest_start,
    )
