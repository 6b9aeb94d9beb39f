"""Dates as written in reports, and the statistical-period sentence.

Dates are found on the folded text (full-width digits are half-width there) and quoted from the
original. A date whose 年 is missing ("20231月1日") is kept with ``well_formed=False`` so a rule can
report it; a date without a year ("至12月31日止") keeps ``year=None``, exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reportlint.model import DateMention, Period, Span
from reportlint.parse.headings import numeral_value
from reportlint.parse.textlines import SourceLine

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?P<my>(?:19|20)\d{2})(?P<mm>\d{1,2})\s*月\s*(?P<md>\d{1,2})\s*日"
    r"|(?P<iy>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d)"
    r"|(?<![\d年])(?P<om>\d{1,2})\s*月\s*(?P<od>\d{1,2})\s*日"
    r"|(?P<cy>[〇○零一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月(?P<cd>[一二三四五六七八九十]{1,3})日"
)
# The start of the one date form without 月 ("2023-01-01"): a cheap test before _DATE_RE.
_NUMERIC_DATE_RE = re.compile(r"(?:19|20)\d{2}[-/.]")
# A line that starts with a date (a signature date, or "2024-01-26  伊宁县人民政府办公室").
DATE_LINE_RE = re.compile(
    r"(?:(?:19|20)\d{2}(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*(?:\S.*)?"
)
_CHINESE_DIGITS = {char: index for index, char in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_CHINESE_YEAR_RE = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_PERIOD_WORDS = (
    "统计期限",
    "统计时限",
    "统计时间",
    "统计周期",
    "统计区间",
    "统计期间",
    "数据截止",
    "截止期限",
    "统计范围",
)
_RANGE_RE = re.compile(r"(至|到|—|–|~|－|-)")
# A period stated as a whole year, without days: "统计期限为2023年度", "为2023年全年",
# "为二〇二三年度", "为2023年1月至12月". Only right after a period word, so that "与2022年度统计期间
# 相比" is no period sentence.
_YEAR_PERIOD_RE = re.compile(
    r"(?:{words})[^\d，,。；;]{{0,8}}?"
    r"(?P<year>(?P<y>(?:19|20)\d{{2}})|(?P<cy>[〇○零一二三四五六七八九]{{4}}))\s*年"
    r"(?:度|全年|(?:1|一)\s*月份?\s*(?:至|到|—|–|~|－|-)\s*(?:12|十二)\s*月份?(?!\s*\d{{1,2}}\s*日))".format(
        words="|".join(_PERIOD_WORDS)
    )
)
_SENTENCE_RE = re.compile(r"[^。；;\n]*[。；;\n]?")


def _mention(original: str, found: re.Match[str], line: int, offset: int) -> DateMention:
    span = Span.on_line(line, offset + found.start() + 1, found.end() - found.start())
    text = original[found.start() : found.end()]
    if found["y"]:
        return DateMention(text, span, int(found["y"]), int(found["m"]), int(found["d"]))
    if found["my"]:
        return DateMention(
            text, span, int(found["my"]), int(found["mm"]), int(found["md"]), well_formed=False
        )
    if found["iy"]:
        return DateMention(text, span, int(found["iy"]), int(found["im"]), int(found["id"]))
    if found["om"]:
        return DateMention(text, span, None, int(found["om"]), int(found["od"]))
    year = int("".join(str(_CHINESE_DIGITS[char]) for char in found["cy"]))
    return DateMention(text, span, year, numeral_value(found["cm"]), numeral_value(found["cd"]))


def arabic_years(text: str) -> str:
    """``text`` with years in Chinese numerals written in digits ("二〇二三年" → "2023年"), one
    character for one, so positions stay."""
    if "年" not in text:
        return text
    return _CHINESE_YEAR_RE.sub(lambda found: "".join(str(_CHINESE_DIGITS[c]) for c in found.group()), text)


def find_dates(original: str, folded: str, line: int, offset: int = 0) -> list[DateMention]:
    """Every date in a piece of one line; ``offset`` is the piece's 0-based column in the line."""
    return [_mention(original, found, line, offset) for found in _DATE_RE.finditer(folded)]


def line_dates(source: SourceLine, start: int = 0) -> list[DateMention]:
    """Every date in a source line from column ``start`` (0-based)."""
    return find_dates(source.text[start:], source.folded[start:], source.number, start)


def _sentences(folded: str) -> Iterable[tuple[int, int]]:
    for found in _SENTENCE_RE.finditer(folded):
        if found.end() > found.start():
            yield found.start(), found.end()


def find_period(source: SourceLine, start: int = 0) -> Period | None:
    """The statistical-period sentence in a line, with its first two dates, or None.

    A period stated as a whole year ("统计期限为2023年度") has that year as its start and no end.
    """
    folded = source.folded
    if folded.find("月", start) < 0 and _NUMERIC_DATE_RE.search(folded, start) is None:
        # every date form but "2023-01-01" has 月: most prose lines stop here
        return _year_period(source, start) if folded.find("年", start) >= 0 else None
    if _DATE_RE.search(folded, start) is None:
        return _year_period(source, start)
    for begin, end in _sentences(folded):
        begin = max(begin, start)
        if begin >= end:
            continue
        piece = folded[begin:end]
        dates = find_dates(source.text[begin:end], piece, source.number, begin)
        keyword = any(word in piece for word in _PERIOD_WORDS)
        ranged = len(dates) >= 2 and _is_year_range(dates[0], dates[1], piece, begin)
        if not dates or not (keyword or ranged):
            continue
        whole = _year_period(source, begin, end) if keyword else None
        if whole is not None and whole.start and whole.start.span.column < dates[0].span.column:
            return whole  # "统计期限为2023年度，于2024年1月5日发布"
        return _sentence_period(source, begin, end, dates[0], dates[1] if len(dates) > 1 else None)
    return _year_period(source, start)


def _sentence_period(
    source: SourceLine, begin: int, end: int, first: DateMention, last: DateMention | None
) -> Period:
    folded = source.folded
    while begin < end and folded[begin] == " ":
        begin += 1
    text = source.text[begin:end].rstrip()
    return Period(text=text, span=Span.on_line(source.number, begin + 1, len(text)), start=first, end=last)


def _year_period(source: SourceLine, start: int, stop: int | None = None) -> Period | None:
    """A period sentence naming a whole year without days ("统计期限为2023年度"), or None."""
    found = _YEAR_PERIOD_RE.search(source.folded, start, len(source.folded) if stop is None else stop)
    if found is None:
        return None
    digits = found["y"] or "".join(str(_CHINESE_DIGITS[char]) for char in found["cy"])
    begin, end = found.start("year"), found.end()
    mention = DateMention(
        source.text[begin:end], Span.on_line(source.number, begin + 1, end - begin), int(digits), None, None
    )
    for sentence_begin, sentence_end in _sentences(source.folded):
        if sentence_begin <= begin < sentence_end:
            return _sentence_period(source, max(sentence_begin, start), sentence_end, mention, None)
    return None


def _is_year_range(first: DateMention, second: DateMention, piece: str, begin: int) -> bool:
    """ "1月1日 至 12月31日": a whole-year range even without a keyword."""
    between = piece[first.span.end_column - 1 - begin : second.span.column - 1 - begin]
    whole_year = (first.month, first.day, second.month, second.day) == (1, 1, 12, 31)
    return whole_year and _RANGE_RE.search(between) is not None
