"""Turn a SourceDocument into a Report: lex lines, parse the skeleton with lark LALR, build the model.

lark stops here: the tree is walked once into the frozen model, and rules never see lark objects.
Any text parses. When the grammar rejects the token order (something the lexer should not emit),
the unusual codes are read as prose and the text is parsed again, which always succeeds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from reportlint.load.source import SourceDocument
from reportlint.model import (
    DateMention,
    Heading,
    Noise,
    Paragraph,
    Period,
    Report,
    Section,
    Span,
    Table,
    Title,
)
from reportlint.parse.dates import arabic_years, find_period, line_dates
from reportlint.parse.lexer import Token, TokenKind, lex
from reportlint.parse.marks import has_marks, unmark
from reportlint.parse.runon import split_run_on
from reportlint.parse.textlines import SourceLine, split_lines
from reportlint.resources import grammar_text

if TYPE_CHECKING:
    from lark import Lark, Tree

TABLE_OF_SECTION = {2: "二", 3: "三", 4: "四"}
_FALLBACK_CODES = str.maketrans({"C": "P", "I": "P", "U": "P", "G": "P", "D": "P"})
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_BOOK_TITLE_RE = re.compile(r"《[^》]*》")
_TITLE_RE = re.compile(
    r"(?:(?P<y1>(?:19|20)\d{2})\s*年度?)?(?P<body>.*?)(?:(?P<y2>(?:19|20)\d{2})\s*年度?)?"
    r"(?P<topic>政府信息公开|政务公开|信息公开)"
)
_AREA_SUFFIXES = ("省", "市", "县", "区", "乡", "镇", "旗", "州")


@cache
def _parser() -> Lark:
    """The LALR parser, built once per process; lark caches the grammar analysis on disk."""
    from lark import Lark

    return Lark(grammar_text("report.lark"), parser="lalr", lexer="basic", cache=True)


def _skeleton(codes: str) -> Tree[Any]:
    from lark.exceptions import LarkError

    try:
        return _parser().parse(codes)
    except LarkError:
        return _parser().parse(codes.translate(_FALLBACK_CODES))


@dataclass
class _SectionParts:
    """A section while it is being built from the tree."""

    heading: Token
    index: int  # of the heading in the lines (virtual lines share their source line's number)
    body: list[Token] = field(default_factory=list)
    table: list[Token] = field(default_factory=list)


@dataclass
class _Skeleton:
    """The parts the grammar found, as line tokens."""

    title: list[Token] = field(default_factory=list)
    published: list[Token] = field(default_factory=list)
    preamble: list[Token] = field(default_factory=list)
    sections: list[_SectionParts] = field(default_factory=list)
    signature: list[Token] = field(default_factory=list)
    signature_index: int | None = None


def _read_tree(tree: Tree[Any], groups: Sequence[Sequence[int]], tokens: Sequence[Token]) -> _Skeleton:
    """Map the lark tree back to line tokens: code ``i`` of the input stands for ``groups[i]``."""
    from lark import Token as LarkToken
    from lark import Tree as LarkTree

    def lines_of(value: Any) -> list[Token]:
        return [tokens[index] for index in groups[value.start_pos]]

    def all_in(node: Any) -> list[Token]:
        return [t for value in node.scan_values(lambda v: isinstance(v, LarkToken)) for t in lines_of(value)]

    skeleton = _Skeleton()
    nodes: list[Any] = list(tree.children)
    for node in nodes:
        children: list[Any] = list(node.children)
        if node.data == "front":
            for child in children:
                if not isinstance(child, LarkTree):
                    skeleton.preamble.extend(lines_of(child))
                elif child.data == "title":
                    skeleton.title = all_in(child)
                elif child.data == "published":
                    skeleton.published = all_in(child)
        elif node.data == "section":
            first = groups[children[0].start_pos][0]
            part = _SectionParts(tokens[first], first)
            for child in children[1:]:
                if isinstance(child, LarkTree):
                    part.table = all_in(child)
                else:
                    part.body.extend(lines_of(child))
            skeleton.sections.append(part)
        elif node.data == "signature":
            values = list(node.scan_values(lambda v: isinstance(v, LarkToken)))
            skeleton.signature = [t for value in values for t in lines_of(value)]
            if values:
                skeleton.signature_index = min(groups[values[0].start_pos])
    return skeleton


def parse_document(document: SourceDocument) -> Report:
    """Parse any text into a Report; never raises."""
    lines = split_lines(document.text)
    footers: list[Noise] = []
    if has_marks(document.text):
        lines, footers = unmark(lines)
    lines = split_run_on(lines)
    lexed = lex(lines)
    codes, groups = lexed.grammar_input()
    found = _read_tree(_skeleton(codes), groups, lexed.tokens)
    title_tokens, published, preamble = found.title, found.published, found.preamble
    parts, signature = found.sections, found.signature

    title = _title(title_tokens)
    paragraphs = [_paragraphs(token) for token in preamble]
    period = _period(preamble, parts)
    year, year_source = _report_year(title, preamble, parts, period)
    ends = [part.index for part in parts[1:]]
    if parts:
        ends.append(found.signature_index if found.signature_index is not None else len(lines))
    tables: dict[str, Table] = {}
    sections = tuple(
        _section(part, lines[part.index + 1 : end], year, tables)
        for part, end in zip(parts, ends, strict=True)
    )
    signature_body, signature_date = _signature(signature, published)
    return Report(
        path=document.path,
        text=document.text,
        lines=tuple(document.text.split("\n")),  # the texts of ``lines``, without a loop
        title=title,
        body=(title.body if title and title.body else None) or signature_body,
        year=year,
        year_source=year_source,
        period=period,
        signature_body=signature_body,
        signature_date=signature_date,
        preamble=tuple(p for group in paragraphs for p in group),
        sections=sections,
        tables=tables,
        noise=tuple(sorted((*lexed.noise, *footers), key=lambda item: item.span)) if footers else lexed.noise,
        format=document.format,
    )


def parse_text(text: str, path: str = "<text>") -> Report:
    """Parse a string as a plain-text report."""
    return parse_document(SourceDocument(path=path, text=text))


def _folded_content(token: Token) -> str:
    return token.line.folded[token.start : token.start + len(token.content)]


def _title(tokens: Sequence[Token]) -> Title | None:
    if not tokens:
        return None
    text = "".join(token.content.strip() for token in tokens)
    folded = arabic_years("".join(_folded_content(token).strip() for token in tokens))
    span = tokens[0].span.cover(tokens[-1].span)
    found = _TITLE_RE.search(folded)
    body: str | None = None
    year: int | None = None
    if found is not None:
        raw_body = text[found.start("body") : found.end("body")].strip()
        if (
            raw_body
            and not found["y2"]
            and found["topic"] == "政府信息公开"
            and raw_body.endswith(_AREA_SUFFIXES)
        ):
            raw_body += "政府"
        body = raw_body or None
        year_text = found["y1"] or found["y2"]
        year = int(year_text) if year_text else None
    if year is None:
        any_year = _YEAR_RE.search(folded)
        year = int(any_year.group(1)) if any_year else None
    return Title(text=text, span=span, body=body, year=year)


def _paragraphs(token: Token) -> list[Paragraph]:
    """A prose line is one paragraph; a sub-heading line gives one when prose follows its title."""
    heading = token.heading
    if (
        heading is not None
        and heading.title_start + len(heading.title) + 1 >= len(token.content) + token.start
    ):
        return []
    return [Paragraph(text=token.content, span=token.span)]


def _heading(token: Token) -> Heading:
    match = token.heading
    assert match is not None  # the lexer gives every heading token its match
    end = match.title_start + len(match.title)
    span = Span.on_line(token.line.number, match.numbering_start + 1, end - match.numbering_start)
    return Heading(match.level, match.numbering, match.number, match.title, span)


def _section(
    part: _SectionParts, block: Sequence[SourceLine], year: int | None, tables: dict[str, Table]
) -> Section:
    heading = _heading(part.heading)
    last = (part.table or part.body or [part.heading])[-1]
    subheadings = tuple(_heading(t) for t in part.body if t.kind is TokenKind.SUBHEADING and t.heading)
    paragraphs = tuple(p for t in (part.heading, *part.body) for p in _paragraphs(t))
    found: tuple[str, ...] = ()
    table_key = TABLE_OF_SECTION.get(part.heading.heading.key or 0) if part.heading.heading else None
    if part.table and table_key is not None:
        found = (table_key,)
        from reportlint.parse.tables import assemble_table

        earlier = tables.get(table_key)
        if earlier is None or not earlier.rows:
            # A second section of the same kind (an outline that restarts its numbering) holds the
            # table when the first one held only prose that looked like table lines.
            table = assemble_table(table_key, block, year)
            if earlier is None or len(table.rows) > len(earlier.rows):
                tables[table_key] = table
    key = part.heading.heading.key if part.heading.heading else None
    return Section(key, heading, part.heading.span.cover(last.span), subheadings, paragraphs, found)


def _first_year(tokens: Sequence[Token]) -> int | None:
    for token in tokens:
        found = _YEAR_RE.search(_BOOK_TITLE_RE.sub(lambda m: " " * len(m.group()), _folded_content(token)))
        if found is not None:
            return int(found.group(1))
    return None


def _report_year(
    title: Title | None, preamble: Sequence[Token], parts: Sequence[_SectionParts], period: Period | None
) -> tuple[int | None, str]:
    """The report year and where it came from (``year_source``).

    "title"; else "preamble" or "prose": the first year written as "YYYY年" (not a date, not
    inside 《》) before the first section or in the sections ("2023年，伽师县…"); else "period"
    (the statistical period's year); else "none".
    """
    if title is not None and title.year is not None:
        return title.year, "title"
    year = _first_year(preamble)
    if year is not None:
        return year, "preamble"
    year = _first_year([t for part in parts for t in (part.heading, *part.body)])
    if year is not None:
        return year, "prose"
    if period is not None:
        for mention in (period.end, period.start):
            if mention is not None and mention.year is not None:
                return mention.year, "period"
    return None, "none"


def _period(preamble: Sequence[Token], parts: Sequence[_SectionParts]) -> Period | None:
    for token in [*preamble, *(t for part in parts for t in (part.heading, *part.body))]:
        period = find_period(token.line, token.start)
        if period is not None:
            return period
    return None


def _signature(
    signature: Sequence[Token], published: Sequence[Token]
) -> tuple[str | None, DateMention | None]:
    """The issuing body and date at the end; the publication lines under the title stand in."""
    bodies = [t.content.strip() for t in signature if t.kind is TokenKind.SIGNATURE_BODY]
    dates = [d for t in signature if t.kind is TokenKind.SIGNATURE_DATE for d in line_dates(t.line, t.start)]
    body = " ".join(bodies) or None
    date = dates[0] if dates else None
    for token in published:
        found = line_dates(token.line, token.start)
        if not found:
            body = body or token.content.strip() or None
            continue
        date = date or found[0]
        rest = token.line.text[found[0].span.end_column - 1 :].strip()
        body = body or rest.split("来源")[0].strip() or None
    return body, date
