"""The line lexer: one typed token per source line, for the LALR grammar in grammars/report.lark.

Each line gets a one-letter code (its ``TokenKind`` value). Most lines are classified on their
own; a few decisions need a little context and are made here too, so the grammar stays simple:
the title and the page chrome above it (only in the front matter), the signature at the end, and
the table block of sections 二/三/四 (once a table has started, everything up to the next section
heading belongs to it, including row labels such as "（一）予以公开" that look like sub-headings).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import NamedTuple

from reportlint.model import Noise, Span
from reportlint.parse.dates import DATE_LINE_RE
from reportlint.parse.headings import (
    HeadingMatch,
    match_numbered_part,
    match_section_heading,
    match_subheading,
    section_key,
)
from reportlint.parse.textlines import SourceLine


class TokenKind(StrEnum):
    """The token codes the grammar sees (one character each)."""

    BLANK = "B"
    NOISE = "N"
    CHROME = "C"
    TITLE = "I"
    PUBLISHED = "U"
    HEADING = "H"
    TABLE_HEADING = "K"
    SUBHEADING = "S"
    TABLE = "T"
    PROSE = "P"
    SIGNATURE_BODY = "G"
    SIGNATURE_DATE = "D"


# Plain names for the members: enum attribute look-ups are slow in the per-line loops.
_BLANK = TokenKind.BLANK
_NOISE = TokenKind.NOISE
_CHROME = TokenKind.CHROME
_TITLE = TokenKind.TITLE
_PUBLISHED = TokenKind.PUBLISHED
_HEADING = TokenKind.HEADING
_TABLE_HEADING = TokenKind.TABLE_HEADING
_SUBHEADING = TokenKind.SUBHEADING
_TABLE = TokenKind.TABLE
_PROSE = TokenKind.PROSE
_SIGNATURE_BODY = TokenKind.SIGNATURE_BODY
_SIGNATURE_DATE = TokenKind.SIGNATURE_DATE
_HEADINGS = frozenset({_HEADING, _TABLE_HEADING})
_SKIPPED = frozenset({_BLANK, _NOISE})


class Token(NamedTuple):
    """One line as classified; ``start`` is the 0-based column where its content begins.

    A named tuple rather than a frozen dataclass: one is made per line, and tuples are cheap.
    """

    kind: TokenKind
    line: SourceLine
    start: int
    heading: HeadingMatch | None = None

    @property
    def content(self) -> str:
        """The line's text as written, from ``start``, without trailing white space."""
        return self.line.text[self.start :].rstrip()

    @property
    def span(self) -> Span:
        """Where the content is."""
        return Span.on_line(self.line.number, self.start + 1, len(self.content))


@dataclass(frozen=True, slots=True)
class LexedReport:
    """The tokens (one per line, in order) and the noise found while lexing."""

    tokens: tuple[Token, ...]
    noise: tuple[Noise, ...]

    @property
    def codes(self) -> str:
        """The token codes as one string, one per line."""
        return "".join(token.kind.value for token in self.tokens)

    def grammar_input(self) -> tuple[str, tuple[tuple[int, ...], ...]]:
        """The grammar's input and, for each of its codes, the indexes of the tokens it stands for.

        Blank and noise lines carry no structure and are left out; a run of lines with the same
        repeatable code (a table's hundreds of cell lines) becomes one code, so the LALR parser
        sees tens of tokens instead of hundreds.
        """
        codes: list[str] = []
        groups: list[list[int]] = []
        for index, token in enumerate(self.tokens):
            code = token.kind
            if code in _NOT_FOR_GRAMMAR:
                continue
            if codes and codes[-1] == code and code in _REPEATABLE:
                groups[-1].append(index)
            else:
                codes.append(code)
                groups.append([index])
        return "".join(codes), tuple(tuple(group) for group in groups)


# Token((kind, line, start, heading)) without the Python-level __new__ of the named tuple.
_token: Callable[[tuple[TokenKind, SourceLine, int, HeadingMatch | None]], Token] = partial(
    tuple.__new__, Token
)
TABLE_SECTION_KEYS = frozenset({2, 3, 4})
_NOT_FOR_GRAMMAR = frozenset("BN")
_REPEATABLE = frozenset("CIPSTG")  # never H/K (each starts a section), U or D (single lines)

_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
# Page chrome: patterns that must start the line, and patterns found anywhere in it (two regexes:
# one alternation of both kinds is tried at every position of every line, several times slower).
_CHROME_START_RE = re.compile(
    "|".join(
        (
            r"登录\s*\|?\s*注册",
            r"无障碍(?:浏览|阅读)?$",
            r"[【\[]?\s*字体\s*[:：].*打印",
            r"(?:信息)?来源\s*[:：].*(?:发布|时间|日期)",
            r"(?:您现在的位置|当前位置|您的位置)",
            r"首页\s*[>＞]",
            r"\s*<[^>]*>",
            r"(?:分享到|打印本页|关闭窗口|扫一扫)",
        )
    )
)
_CHROME_ANYWHERE_RE = re.compile(
    "|".join(
        (
            r"按回车键|导盲模式|读屏|屏幕阅读",
            r"发布时间\s*[:：]\s*\d{4}",
            r"[\u2800-\u28ff]{2,}",
            r"&nbsp;|&gt;|&lt;",
        )
    )
)
_METADATA_RE = re.compile(r"^(索引号|发布机构|发布日期|成文日期|是否有效|主题分类|文号|有效性)\b|索引号")
_NUMBER_CELL_RE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?$|[/／\\—–-]$")
_HEADING_FIRST = frozenset("第一二三四五六七八九十123456789")
_SUBHEADING_FIRST = frozenset("(（123456789")  # what headings._SUB_RE can start with
_TABLE_WORDS = ("第二十条", "信息内容", "申请人情况", "本列数据", "自然人", "行政复议", "行政诉讼")
_SENTENCE_MARKS = ("。", "，", "；", ",", ";")
_TITLE_OPENERS = ("根据", "本报告", "本年度报告", "按照", "依据", "现将", "为")
_TITLE_PHRASES = ("政府信息公开工作年度报告", "政务公开工作年度报告")
# A title broken anywhere in its phrase ("…2023年度政府" / "信息公开工作年度报告"): the second line
# starts with the rest of the phrase.
_TITLE_CONTINUATIONS = (
    "工作",
    "年度",
    "报告",
    "政府信息公开",
    *(phrase[cut:] for phrase in _TITLE_PHRASES for cut in range(1, len(phrase) - 1)),
)
_FRONT_WINDOW = 40
_MAX_BARE_TITLE = 30
_YEAR_FIRST = re.compile(r"(?:19|20)\d{2}\s*年")
_SIGNATURE_SUFFIXES = (
    "政府", "办公室", "局", "委员会", "委", "办", "乡", "镇", "街道", "办事处", "中心", "厅", "院", "所",
    "馆", "队", "站", "会", "部", "处", "公司", "管委会",
)  # fmt: skip
_SHORT_CELL = 24
_MAX_CHROME = 100  # page chrome lines are short; long lines are text (or a rule of pipes)
_PIPE_RULE = 20


def lex(lines: Sequence[SourceLine]) -> LexedReport:
    """Classify every line; never raises."""
    noise: list[Noise] = []
    # Blank lines (a third of a docx-extracted report) take the short way.
    tokens = [
        _token((_BLANK, line, len(line.text), None))
        if line.folded.isspace() or not line.folded
        else _classify_alone(line, noise)
        for line in lines
    ]
    _mark_front_matter(tokens, noise)
    _mark_own_style_parts(tokens)
    _mark_numbered_parts(tokens)
    _mark_table_blocks(tokens)
    _mark_signature(tokens)
    noise.sort(key=lambda item: (item.span.line, item.span.column))
    return LexedReport(tuple(tokens), tuple(noise))


def _without_bookmarks(line: SourceLine, noise: list[Noise]) -> str:
    """The folded line with docx "[bookmark: …]" markers blanked out (and recorded as noise)."""
    folded = line.folded
    markers = list(_BOOKMARK_RE.finditer(folded))
    for marker in markers:
        span = _span(line, marker.start(), marker.end())
        noise.append(Noise("docx-bookmark", line.text[marker.start() : marker.end()], span))
    return _BOOKMARK_RE.sub(lambda found: " " * len(found.group()), folded) if markers else folded


def _classify_alone(line: SourceLine, noise: list[Noise]) -> Token:
    """The kind of one line on its own (context is added by the _mark_* passes).

    Called for every line, so the common cases (blank lines, then the table cells of a docx
    extraction: a TAB and a number) are decided first, and tokens are built without keywords.
    """
    folded = line.folded
    if "[bookmark" in folded:
        folded = _without_bookmarks(line, noise)
    stripped = folded.strip()
    if not stripped:
        return _token((_BLANK, line, len(line.text), None))
    start = len(folded) - len(folded.lstrip())
    if folded[0] == "\t" and stripped[0] not in _HEADING_FIRST:
        return _token((_TABLE, line, start, None))  # a docx cell ("0", "行政许可"): never a heading
    if _NUMBER_CELL_RE.match(stripped):
        return _token((_TABLE, line, start, None))
    if stripped[0] in _HEADING_FIRST:
        heading = match_section_heading(line.text, folded, start)
        if heading is not None:
            return _heading_token(line, start, heading)
    if folded[0] == "\t":  # a docx table cell: never page chrome
        return _token((_TABLE, line, start, None))
    kind = _noise_kind(stripped)
    if kind is not None:
        noise.append(Noise(kind, line.text[start:].rstrip(), _span(line, start, len(folded.rstrip()))))
        return _token((_NOISE, line, start, None))
    if "|" in stripped:
        return _token((_TABLE, line, start, None))
    sub = match_subheading(line.text, folded, start) if stripped[0] in _SUBHEADING_FIRST else None
    if sub is not None:
        return _token((_SUBHEADING, line, start, sub))
    return _token((_PROSE, line, start, None))


def _heading_token(line: SourceLine, start: int, heading: HeadingMatch) -> Token:
    """A part heading's token; the parts with a table (二、三、四) open a table block."""
    code = _TABLE_HEADING if heading.key in TABLE_SECTION_KEYS else _HEADING
    return _token((code, line, start, heading))


def _part_numbers(tokens: Sequence[Token]) -> set[int | None]:
    """The numbers of the part headings found so far."""
    return {t.heading.number for t in tokens if t.kind in _HEADINGS and t.heading is not None}


def _noise_kind(stripped: str) -> str | None:
    if len(stripped) >= _PIPE_RULE and stripped[0] == "|" and not stripped.strip("| "):
        return "page-chrome"  # a rule of pipes left by a scraped layout table
    if len(stripped) > _MAX_CHROME:
        return None
    if "|" in stripped and _METADATA_RE.search(stripped.replace(" ", "")):
        return "page-metadata"
    if _CHROME_START_RE.match(stripped) or _CHROME_ANYWHERE_RE.search(stripped):
        return "page-chrome"
    return None


def _span(line: SourceLine, start: int, end: int) -> Span:
    return Span.on_line(line.number, start + 1, end - start)


def _squeezed(token: Token) -> str:
    return token.line.folded[token.start :].strip().replace(" ", "")


def _looks_like_title(text: str) -> bool:
    return (
        0 < len(text) <= 60
        and "报告" in text[-8:]
        and "。" not in text
        and not text.startswith(_TITLE_OPENERS)
    )


def _looks_like_fragment(text: str) -> bool:
    return 0 < len(text) <= 40 and not any(mark in text for mark in (*_SENTENCE_MARKS, "：", ":"))


def _mark_front_matter(tokens: list[Token], noise: list[Noise]) -> None:
    """Find the title in the lines before the first section; what precedes it is page chrome."""
    limit = next(
        (i for i, t in enumerate(tokens) if t.heading is not None and t.heading.level == 1), len(tokens)
    )
    limit = min(limit, _FRONT_WINDOW)
    content = [i for i in range(limit) if tokens[i].kind in (_PROSE, _TABLE)]
    candidates = [i for i in content if _looks_like_title(_squeezed(tokens[i]))]
    if not candidates:
        return
    # A line naming the annual report beats a menu that happens to end in "…政府工作报告公示公告"
    # (a web page printed with its navigation).
    title_at = next((i for i in candidates if "年度报告" in _squeezed(tokens[i])), candidates[0])
    first = title_at
    previous = [i for i in content if i < title_at]
    if previous and _continues_title(_squeezed(tokens[title_at]), _squeezed(tokens[previous[-1]])):
        candidate = previous[-1]
        between = tokens[candidate + 1 : title_at]
        if all(t.kind is _BLANK for t in between):
            first = candidate
    for index in range(first):
        token = tokens[index]
        if token.kind in (_PROSE, _TABLE, _SUBHEADING):
            tokens[index] = Token(_CHROME, token.line, token.start)
            noise.append(Noise("page-chrome", token.content, token.span))
    for index in range(first, title_at + 1):
        if tokens[index].kind is not _BLANK:
            tokens[index] = Token(_TITLE, tokens[index].line, tokens[index].start)
    _mark_after_title(tokens, noise, title_at, limit)


def _continues_title(title: str, above: str) -> bool:
    """Whether the line above a title line is the title's first line: the title goes on with the
    rest of its phrase ("…2023年度政府" / "信息公开工作年度报告"), or the body stands alone above the
    year ("淮安市洪泽区人民政府" / "2024 年政府信息公开工作年度报告", as printed title pages are)."""
    if not _looks_like_fragment(above):
        return False
    if title.startswith(_TITLE_CONTINUATIONS):
        return True
    return _YEAR_FIRST.match(title) is not None and _is_body_line(above)


def _mark_after_title(tokens: list[Token], noise: list[Noise], title_at: int, limit: int) -> None:
    """Under the title: a repeated title line is noise; the publication line(s) are marked.

    Publication lines are a date line ("2024-01-26   伊宁县人民政府办公室"), possibly after a
    line naming the issuing body ("迎宾路街道办事处" / "2022年01月18日来源:1").
    """
    title_text = _squeezed(tokens[title_at])
    pending: int | None = None
    for index in range(title_at + 1, limit):
        token = tokens[index]
        if token.kind in _SKIPPED:
            continue
        text = _squeezed(token)
        if text == title_text:
            tokens[index] = Token(_NOISE, token.line, token.start)
            noise.append(Noise("repeated-title", token.content, token.span))
            continue
        if DATE_LINE_RE.match(token.line.folded[token.start :].strip()) and len(text) <= 40:
            if pending is not None:
                tokens[pending] = Token(_PUBLISHED, tokens[pending].line, tokens[pending].start)
            tokens[index] = Token(_PUBLISHED, token.line, token.start)
            return
        if pending is None and token.kind is _PROSE and _is_body_line(text):
            pending = index
            continue
        return


def _is_body_line(text: str) -> bool:
    """A short line that names an issuing body (ends like "…人民政府办公室", "…管理局")."""
    return _looks_like_fragment(text) and text.endswith(_SIGNATURE_SUFFIXES)


def _is_table_start(token: Token) -> bool:
    if token.kind is _TABLE:
        return True
    text = _squeezed(token)
    if token.kind is not _PROSE:
        return False
    return text.lstrip("(（").startswith(_TABLE_WORDS) or (
        len(text) <= _SHORT_CELL and not any(mark in text for mark in _SENTENCE_MARKS)
    )


_PARTS = 6
_OWN_STYLE_PARTS = 3
"""How many parts in a numbering of the report's own (or none) make that the report's outline."""


def _mark_own_style_parts(tokens: list[Token]) -> None:
    """Parts numbered like sub-headings ("（一）总体情况" … "（六）其他需要报告的事项") or not
    numbered at all ("总体情况" on a line of its own, where Word's automatic numbering was lost
    on the way to the web page), in a report that numbers (almost) no part "一、".

    A line is such a part only when its words are the template's title (or a listed variant)
    of a part: a bracketed one of the part of its own number ("（一）主动公开政府信息情况" under
    一 is part 一's first item, not part 二), and at least three such, in order. The numbering is
    ST001's warning; without this every part would be missing (six CP001 errors for one cause).
    """
    numbered = _part_numbers(tokens)
    if len(numbered) >= _OWN_STYLE_PARTS:
        return
    found: list[tuple[int, HeadingMatch]] = []
    for index, token in enumerate(tokens):
        heading = _own_style_part(token)
        if heading is None or heading.key in numbered:
            continue
        if not found or (heading.key or 0) > (found[-1][1].key or 0):
            found.append((index, heading))
    if len(found) < _OWN_STYLE_PARTS:
        return
    for index, heading in found:
        tokens[index] = _heading_token(tokens[index].line, tokens[index].start, heading)


def _own_style_part(token: Token) -> HeadingMatch | None:
    """The part heading a sub-heading or a bare line stands for, or None."""
    heading = token.heading
    if token.kind is _SUBHEADING and heading is not None and heading.level == 2:
        key = section_key(heading.title, strict=True)[1]
        return replace(heading, level=1, key=key) if key is not None and key == heading.number else None
    if token.kind is not _PROSE:
        return None
    title = token.content
    if len(title) > _MAX_BARE_TITLE:
        return None
    key = section_key(title, strict=True)[1]
    if key is None:
        return None
    return HeadingMatch(1, "", key, title, token.start, token.start, key)


def _mark_numbered_parts(tokens: list[Token]) -> None:
    """Part headings in words of their own, known by their place: "五、存在的不足和下一步打算"
    right after part 四 and before a later part, when no heading of the template's words is
    numbered 五 anywhere (the last part, 六, needs no later one).

    A missing part is CP001's error; a part whose heading only words it differently is ST004's
    warning, so such a line must not leave its part missing (and its table unread).
    """
    numbers = _part_numbers(tokens)
    if len(numbers) >= _PARTS:
        return
    last = 0
    for index, token in enumerate(tokens):
        if token.kind in _HEADINGS and token.heading is not None:
            last = token.heading.number or last
            continue
        wanted = last + 1
        if token.kind is not _PROSE or wanted > _PARTS or wanted in numbers:
            continue
        later = any(number > wanted for number in numbers if number is not None)
        if token.line.folded[token.start] not in _HEADING_FIRST or not (later or wanted == _PARTS):
            continue
        heading = match_numbered_part(token.line.text, token.line.folded, token.start, wanted)
        if heading is not None:
            tokens[index] = _heading_token(token.line, token.start, heading)
            last = wanted


def _mark_table_blocks(tokens: list[Token]) -> None:
    """Inside sections 二/三/四, every line from the first table line on is a table line."""
    in_table_section = in_table = False
    for index, token in enumerate(tokens):
        if token.kind in _HEADINGS:
            in_table_section = token.kind is _TABLE_HEADING
            in_table = False
            continue
        if not in_table_section or token.kind in _SKIPPED:
            continue
        if not in_table and _is_table_start(token):
            in_table = True
        if in_table and token.kind is not _TABLE:
            tokens[index] = _token((_TABLE, token.line, token.start, None))


def _mark_signature(tokens: list[Token]) -> None:
    """The closing lines after the last section: the issuing body and the date."""
    last_heading = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].kind in _HEADINGS), -1)
    candidates = [i for i in range(len(tokens) - 1, last_heading, -1) if tokens[i].kind not in _SKIPPED][:3]
    if not candidates:
        return
    position = 0
    last = tokens[candidates[0]]
    if last.kind is _PROSE and DATE_LINE_RE.fullmatch(last.line.folded[last.start :].strip()):
        tokens[candidates[0]] = Token(_SIGNATURE_DATE, last.line, last.start)
        position = 1
    for index in candidates[position : position + 2]:
        token = tokens[index]
        text = _squeezed(token)
        if not (token.kind is _PROSE and _is_body_line(text)):
            break
        tokens[index] = Token(_SIGNATURE_BODY, token.line, token.start)
