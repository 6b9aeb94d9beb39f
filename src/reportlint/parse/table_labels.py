"""Recognise template labels among cell tokens, even when split over cells or led by stray characters.

Each table has a vocabulary (every label and variant, folded with ``label_key``) plus the set of all
its prefixes, so a label broken over several cells ("商业" + "企业", "(三)" + "不予公开") is found by
extending while the joined text is still a prefix: linear in the number of tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import NamedTuple

from reportlint.model import Span
from reportlint.parse.table_layouts import Token
from reportlint.parse.template import LabelSpec, Template, label_key, load_template

MAX_JOINED_CELLS = 8
MAX_STRAY_CHARS = 2
_ART20 = {"一": "art20_1", "五": "art20_5", "六": "art20_6", "八": "art20_8", "九": "art20_9"}


class Role(Enum):
    """What a recognised label is in its table."""

    ROW = "row"
    GROUP = "group"
    COLUMN = "column"
    HEADER = "header"
    SUBTABLE = "subtable"


@dataclass(frozen=True, slots=True)
class Entry:
    """A label of the vocabulary: its role, the template spec and whether it is 2019-only."""

    role: Role
    spec: LabelSpec
    is2019: bool = False


class Match(NamedTuple):
    """A label found at tokens[start:end]: written text (joined), span, stray leading characters.

    A named tuple, like the cell tokens it stands among: tens are made per table.
    """

    entry: Entry
    start: int
    end: int
    written: str
    span: Span
    stray: Span | None
    row: int


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Folded label → entry, and every prefix of every folded label."""

    entries: dict[str, Entry]
    prefixes: frozenset[str]


def _vocabulary(items: Sequence[Entry]) -> Vocabulary:
    entries: dict[str, Entry] = {}
    for entry in items:
        for text in (entry.spec.label, *entry.spec.variants):
            entries.setdefault(label_key(text), entry)
    prefixes = frozenset(key[:size] for key in entries for size in range(1, len(key) + 1))
    return Vocabulary(entries, prefixes)


def _plain(role: Role, specs: Sequence[LabelSpec], is2019: bool = False) -> list[Entry]:
    return [Entry(role, spec, is2019) for spec in specs]


def _table2_entries(template: Template) -> list[Entry]:
    items: list[Entry] = [Entry(Role.HEADER, LabelSpec("content", "信息内容"))]
    for numeral, key in _ART20.items():
        items.append(Entry(Role.SUBTABLE, LabelSpec(key, f"第二十条第（{numeral}）项"), key == "art20_9"))
    for sub in template.table2:
        items += _plain(Role.ROW, sub.rows) + _plain(Role.COLUMN, sub.columns)
    shared_rows = {
        label_key(text) for sub in template.table2 for r in sub.rows for text in (r.label, *r.variants)
    }
    for spec in template.format2019_rows:
        items.append(Entry(Role.ROW, spec, label_key(spec.label) not in shared_rows))
    return items + _plain(Role.COLUMN, template.format2019_columns, True)


@cache
def vocabulary(table: str) -> Vocabulary:
    """The labels of table 二, 三 or 四 (built once per process)."""
    template = load_template()
    if table == "二":
        return _vocabulary(_table2_entries(template))
    if table == "三":
        headers = [LabelSpec(label_key(text), text) for text in template.table3_header_labels]
        return _vocabulary(
            _plain(Role.ROW, template.table3_rows)
            + _plain(Role.GROUP, template.table3_groups)
            + _plain(Role.COLUMN, template.table3_columns)
            + _plain(Role.HEADER, headers)
        )
    headers = [LabelSpec(label_key(text), text) for text in (*template.table4_header_labels, "数据")]
    return _vocabulary(
        _plain(Role.COLUMN, template.table4_group_columns)
        + _plain(Role.HEADER, template.table4_column_groups)
        + _plain(Role.HEADER, headers)
    )


def _stray_span(token: Token, count: int) -> Span:
    """The span of the first ``count`` visible characters of a token (stray text before a label)."""
    offset = 0
    seen = 0
    for char in token.text:
        if seen == count:
            break
        offset += 1
        if not char.isspace():
            seen += 1
    return Span.on_line(token.span.line, token.span.column, offset)


def match_label(tokens: Sequence[Token], start: int, words: Vocabulary) -> Match | None:
    """The longest label starting at ``tokens[start]`` (joining following cells), or None."""
    first = tokens[start]
    if first.is_value or not first.key:
        return None
    for skip in range(min(MAX_STRAY_CHARS, len(first.key) - 1) + 1):
        found = _extend(tokens, start, first.key[skip:], words)
        if found is not None:
            entry, end = found
            if end == start + 1:  # most labels are one cell
                span, written = first.span, first.text.strip()
            else:
                joined = tokens[start:end]
                span = joined[0].span.cover(joined[-1].span)
                written = "".join(token.text.strip() for token in joined)
            stray = _stray_span(first, skip) if skip else None
            return Match(entry, start, end, written, span, stray, first.row)
    return None


def _extend(tokens: Sequence[Token], start: int, key: str, words: Vocabulary) -> tuple[Entry, int] | None:
    best: tuple[Entry, int] | None = None
    index = start
    while key in words.prefixes:
        entry = words.entries.get(key)
        if entry is not None:
            best = (entry, index + 1)
        index += 1
        if index >= len(tokens) or index - start >= MAX_JOINED_CELLS:
            break
        following = tokens[index]
        if following.is_value or not following.key:
            break
        key += following.key
    return best


def is_header_sentence(token: Token) -> bool:
    """The 勾稽关系 note in table 三's header, which is not a label of the template."""
    return "勾稽关系" in token.key
