"""Split run-together lines (a scrape that lost its line breaks) at the headings inside them.

A scraper that drops line breaks leaves the whole report on a few lines: "…联系。一、总体情况2021年，
…（一）主动公开方面。…二、主动公开政府信息情况 第二十条…". Such a line is cut into *virtual lines*
at each section heading found inside it (a numeral followed by the exact words of a template
heading or one of its variants, after a sentence end, a figure or a space), after that heading's
words, and, in the sections without tables, at each "（一）" sub-heading that follows a sentence end.

A virtual line keeps the line number of its source line and the text before it as spaces, so its
columns are the columns of the original text and the lexer, the grammar, the table assembly and
every diagnostic work on it unchanged. Table row labels ("一、本年新收…数量", "四、结转下年度继续办理")
are not template headings and never cut a line. Lines without such a heading are left alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache
from operator import itemgetter

from reportlint.parse.headings import match_section_heading, numeral_value
from reportlint.parse.normalize import normalize
from reportlint.parse.template import load_template
from reportlint.parse.textlines import SourceLine

# A run-together line holds at least a heading and a paragraph; shorter lines are never cut.
MIN_RUN_ON = 12
_FOLDED = itemgetter(SourceLine._fields.index("folded"))
MIN_BODY = 8  # characters between one heading inside a line and the next, at the least
_TABLE_SECTIONS = frozenset({2, 3, 4})
# What may stand right before a heading inside a line: the end of a sentence, a figure (the last
# cell of a flattened table), a closing bracket or quote, or white space.
_NOT_BEFORE = re.compile(r"[^\s。！？；;.!?:)）”\"\d|]")
_TITLE_END = re.compile(r"\s*[^。！？；;，,《\n]{0,50}?(?:政府信息公开|政务公开)工作年度报告(?![）)》”])")
_SUB_RE = re.compile(r"(?<=[。！？；;!?])\s*[(（][一二三四五六七八九十]{1,2}[)）]")


@cache
def _heading_re() -> re.Pattern[str]:
    """Numeral, separator, then the longest template heading or variant (folded text)."""
    wordings = sorted(
        {normalize(text) for spec in load_template().sections for text in (spec.title, *spec.variants)},
        key=len,
        reverse=True,
    )
    titles = "|".join(re.escape(text) for text in wordings)
    # [^\S\n]: white space inside a line; the pattern also runs over the whole text at once.
    # The 条例's framing words may stand before the title: "五、政府信息公开工作存在的主要问题…".
    return re.compile(
        rf"(?P<num>[一二三四五六1-6])[^\S\n]*[、.][^\S\n]*(?:政府信息公开工作|行政机关)?(?P<title>{titles})"
    )


@cache
def _full_titles() -> frozenset[str]:
    return frozenset(normalize(spec.title) for spec in load_template().sections)


def _headings(folded: str) -> list[re.Match[str]]:
    """The headings inside a line. After a word ("…年度报告一、总体情况", a scrape that joined
    lines with nothing) and with an Arabic numeral ("5、存在的主要问题及改进情况", a numbering
    slip) only a template title in full counts; a short variant ("基本情况", "其他事项") needs
    a sentence end, figure, bracket or space before it and a Chinese numeral."""
    found = []
    for match in _heading_re().finditer(folded):
        start = match.start()
        plain = match["num"].isdigit() or (start > 0 and bool(_NOT_BEFORE.match(folded, start - 1)))
        if plain and match["title"] not in _full_titles():
            continue
        found.append(match)
    return found


@cache
def _title_keys() -> dict[str, int]:
    return {
        normalize(text): spec.key
        for spec in load_template().sections
        for text in (spec.title, *spec.variants)
    }


def split_run_on(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with every run-together line replaced by its virtual lines (same list if none)."""
    lengths = list(map(len, map(_FOLDED, lines)))  # in C: this runs for every report
    if max(lengths, default=0) < MIN_RUN_ON:
        return lines
    found: dict[int, list[re.Match[str]]] = {}
    for index in _candidates(lines, lengths):
        headings = _spaced(_headings(lines[index].folded))
        if headings and _is_run_on(lines[index], headings):
            found[index] = headings
    if not found:
        return lines
    result: list[SourceLine] = []
    for index, line in enumerate(lines):
        inside = found.get(index)
        if inside is None:
            result.append(line)
        else:
            result.extend(_virtual(line, _cuts(line.folded, inside, _section_before(lines, index))))
    return result


def _candidates(lines: Sequence[SourceLine], lengths: Sequence[int]) -> list[int]:
    """The long lines with a heading's words in them: one search over the whole text (in C), so
    the lines without one, nearly all, are never searched one by one."""
    text = "\n".join(map(_FOLDED, lines))
    indexes = {text.count("\n", 0, found.start()) for found in _heading_re().finditer(text)}
    return sorted(index for index in indexes if lengths[index] >= MIN_RUN_ON)


def _spaced(headings: list[re.Match[str]]) -> list[re.Match[str]]:
    """Headings each followed by content: "包括一、总体情况；二、主动公开…" lists the parts, it is no
    heading (each title runs into the next numeral within a few characters)."""
    close = {
        i
        for i, (this, following) in enumerate(itertools.pairwise(headings))
        if following.start() - this.end() < MIN_BODY
    }
    return [found for i, found in enumerate(headings) if i not in close and i - 1 not in close]


def _section_before(lines: Sequence[SourceLine], index: int) -> int | None:
    """The template section of the last heading before line ``index`` (for its first piece)."""
    for line in reversed(lines[:index]):
        headings = _headings(line.folded)
        if headings:
            return _title_keys()[headings[-1]["title"]]
    return None


def _is_run_on(line: SourceLine, headings: Sequence[re.Match[str]]) -> bool:
    """A heading inside the line, or one at its start whose words run on into the text (also
    when the heading as read would take in text after the template's words: "三、收到和处理政府
    信息公开申请情况 (本列数据的勾稽关系为:…" is the heading, then the table's note)."""
    if len(headings) > 1 or line.folded[: headings[0].start()].strip():
        return True
    if not line.folded[headings[0].end() :].strip():
        return False  # the line is the heading alone
    heading = match_section_heading(line.text, line.folded, headings[0].start())
    return heading is None or heading.title_start + len(heading.title) > headings[0].end()


def _cuts(folded: str, headings: Sequence[re.Match[str]], section: int | None) -> list[int]:
    """Where virtual lines start: each heading, after its words, and sub-headings in prose parts."""
    cuts: list[int] = []
    bounds = [*(found.start() for found in headings), len(folded)]
    if headings and bounds[0] > 0:
        if section is None:
            cuts.extend(_title_cut(folded, bounds[0]))
        cuts.extend(_sub_cuts(folded, 0, bounds[0], section))
    for found, end in zip(headings, bounds[1:], strict=True):
        key = _title_keys()[found["title"]]
        if numeral_value(found["num"]) is None:  # pragma: no cover - the pattern admits numerals only
            continue
        cuts.append(found.start())
        cuts.append(found.end())
        cuts.extend(_sub_cuts(folded, found.end(), end, key))
    return sorted(set(cuts))


def _title_cut(folded: str, end: int) -> Iterator[int]:
    """After the report's title when the text runs on behind it: "2019年…政府信息公开工作年度报告
    本年度报告根据…" (only at the start of the report's first line with a heading)."""
    found = _TITLE_END.match(folded, 0, end)
    if found is not None and folded[found.end() : end].strip():
        yield found.end()


def _sub_cuts(folded: str, start: int, end: int, section: int | None) -> Iterator[int]:
    if section in _TABLE_SECTIONS:
        return  # table row labels "（一）予以公开" are the table's business
    for found in _SUB_RE.finditer(folded, start, end):
        yield found.end() - len(found.group().lstrip())


def _virtual(line: SourceLine, cuts: Sequence[int]) -> Iterator[SourceLine]:
    """The pieces of a line between the cuts, each padded with spaces to its original column."""
    starts = [0, *(cut for cut in cuts if 0 < cut < len(line.text))]
    ends = [*starts[1:], len(line.text)]
    for start, end in zip(starts, ends, strict=True):
        if not line.folded[start:end].strip():
            continue
        pad = " " * start
        yield SourceLine(line.number, pad + line.text[start:end], pad + line.folded[start:end])
