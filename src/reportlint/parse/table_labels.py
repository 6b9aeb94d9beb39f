"""Recognise template labels among cell tokens, even when split over cells or led by stray characters.

Each table has a vocabulary (every label and variant, folded with ``label_key``) plus the set of all
its prefixes, so a label broken over several cells ("商业" + "企业", "(三)" + "不予公开") is found by
extending while the joined text is still a prefix: linear in the number of tokens.

A cell that is no label exactly may still be one with a word changed or lost ("…需要另外制作",
"其他法律行政止公开"): ``near_label`` takes the template label most like it (rapidfuzz's normalized
Indel similarity) when the similarity reaches NEAR_MISS_SCORE, so the row is placed where the
template has it and WD001 names the difference, instead of a missing row and unplaced values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from reportlint.model import Span
from reportlint.parse.table_layouts import Token
from reportlint.parse.template import LabelSpec, Template, label_key, load_template

MAX_JOINED_CELLS = 8
MAX_STRAY_CHARS = 2
NEAR_MISS_SCORE = 80.0
"""Lowest similarity (0–100) at which a cell is taken for a template label written differently.
Measured with scripts/near_miss_threshold.py: of the one-edit mutants of every label of five
characters or more, 80 takes 339 of 433 (表二) and 1248 of 1321 (表三) back to their own label and
none to another (70 sends one to a wrong label); of the 118 table cells of the corpora that are no
exact label, it takes 9, of which 5 are cut-off labels and 4 merged header cells ("信息内容" + a
column), which the merged-cells and value-follows checks below refuse."""
NEAR_MISS_PLACED_SCORE = 60.0
"""The same for the row the template has next after the last row found: a label standing where its
row belongs may have lost more ("（一）予以公开" with a word replaced scores 71). Measured likewise:
60 takes all 1264 one-edit mutants of table 三's rows; of the corpus cells only one cut-off label
(016.txt "3.补正后申请内容", refused: no value follows) scores 55 or more, two headings score 50."""
MIN_NEAR_MISS_CHARS = 5
"""Shorter labels ("规章", "总计", "其他") are too short for one changed character to leave them
recognisable: they must be written exactly."""
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
    near_keys: tuple[str, ...] = ()
    """Folded labels that a near miss may stand for: rows, groups and columns long enough."""
    order: tuple[tuple[str, ...], ...] = ()
    """The folded labels of each row and group, in template order (tables 二 and 三)."""
    position: Mapping[str, int] = field(default_factory=dict)
    """Template key of a row or group → its index in ``order``."""
    pieces: frozenset[str] = frozenset()
    """Every part (two characters or more) of every folded label: what a broken label leaves."""


def _vocabulary(items: Sequence[Entry], order: Sequence[str] = ()) -> Vocabulary:
    entries: dict[str, Entry] = {}
    for entry in items:
        for text in (entry.spec.label, *entry.spec.variants):
            entries.setdefault(label_key(text), entry)
    prefixes = frozenset(key[:size] for key in entries for size in range(1, len(key) + 1))
    near = tuple(
        key
        for key, entry in entries.items()
        if entry.role in (Role.ROW, Role.GROUP, Role.COLUMN) and len(key) >= MIN_NEAR_MISS_CHARS
    )
    keys_of: dict[str, list[str]] = {}
    for key, entry in entries.items():
        if entry.role in (Role.ROW, Role.GROUP) and len(key) >= MIN_NEAR_MISS_CHARS:
            keys_of.setdefault(entry.spec.key, []).append(key)
    placed = tuple(tuple(keys_of.get(spec_key, ())) for spec_key in order)
    pieces = frozenset(
        key[start:end]
        for key in entries
        for start in range(len(key))
        for end in range(start + 2, len(key) + 1)
    )
    positions = {spec_key: i for i, spec_key in enumerate(order)}
    return Vocabulary(entries, prefixes, near, placed, positions, pieces)


def is_label_debris(token: Token, words: Vocabulary) -> bool:
    """Text made only of parts of the table's labels ("行政复议行政诉讼", "结果结果其他", "维持纠正
    结果审结"): an extraction broke the header up and ran its pieces together. It is no content
    of the report to place (what the lost labels stood for is reported where it matters). One
    longer part of one label alone ("3.补正后申请内容") is a label cut short, which is reported."""
    key = token.key
    if token.is_value or len(key) < 2:
        return False
    if key in words.pieces:
        return len(key) < MIN_CUT_LABEL
    longest = min(len(key), max(map(len, words.entries), default=0))
    reach = [True] + [False] * len(key)  # reach[i]: key[:i] is a run of label parts
    for end in range(2, len(key) + 1):
        reach[end] = any(
            reach[start] and key[start:end] in words.pieces for start in range(max(0, end - longest), end - 1)
        )
    return reach[-1]


def _table3_order(template: Template) -> list[str]:
    """Rows of table 三 with each group's label before its first sub-row."""
    order: list[str] = []
    for row in template.table3_rows:
        if row.group and row.group not in order:
            order.append(row.group)
        order.append(row.key)
    return order


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
        return _vocabulary(_table2_entries(template), [r.key for sub in template.table2 for r in sub.rows])
    if table == "三":
        headers = [LabelSpec(label_key(text), text) for text in template.table3_header_labels]
        return _vocabulary(
            _plain(Role.ROW, template.table3_rows)
            + _plain(Role.GROUP, template.table3_groups)
            + _plain(Role.COLUMN, template.table3_columns)
            + _plain(Role.HEADER, headers),
            _table3_order(template),
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
            # Characters before the label that are a label too ("总计总计") are cells run
            # together, not stray text.
            stray = _stray_span(first, skip) if skip and first.key[:skip] not in words.entries else None
            return Match(entry, start, end, written, span, stray, first.row)
    return None


def near_label(tokens: Sequence[Token], start: int, words: Vocabulary, after: int = -1) -> Match | None:
    """The template label most like the text cells from ``tokens[start]`` on (one cell, or several
    that no exact label starts among), when similar enough; None otherwise. ``after`` is the
    position (in ``words.order``) of the last row or group found before: the next one is taken at
    the lower NEAR_MISS_PLACED_SCORE."""
    placed = words.order[after + 1] if 0 <= after + 1 < len(words.order) else ()
    best: tuple[float, int, str] | None = None
    key = ""
    end = start
    while end < len(tokens) and end - start < MAX_JOINED_CELLS:
        token = tokens[end]
        if token.is_value or not token.key or (end > start and match_label(tokens, end, words)):
            break
        key += token.key
        end += 1
        if len(key) < MIN_NEAR_MISS_CHARS:
            continue
        for choices, cutoff in ((words.near_keys, NEAR_MISS_SCORE), (placed, NEAR_MISS_PLACED_SCORE)):
            found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found is not None and found[0] not in key and (best is None or found[1] > best[0]):
                best = (found[1], end, found[0])  # a whole label plus more is merged cells, not a near miss
    if best is None:
        return None
    _, stop, label = best
    if words.entries[label].role is Role.ROW and not _value_follows(tokens, stop):
        return None  # a row label stands before its values; without them it is some other text
    joined = tokens[start:stop]
    span = joined[0].span.cover(joined[-1].span)
    written = "".join(token.text.strip() for token in joined)
    return Match(words.entries[label], start, stop, written, span, None, joined[0].row)


def _value_follows(tokens: Sequence[Token], index: int) -> bool:
    return index < len(tokens) and tokens[index].is_value and not tokens[index].is_blank


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


MIN_CUT_LABEL = 4  # characters: a shorter part of a label alone ("维持", "审结") is header debris
_NOTE_STARTS = ("注：", "注:", "说明：", "说明:", "备注：", "备注:")


def is_header_sentence(token: Token) -> bool:
    """The 勾稽关系 note in table 三's header, or a note on the table ("注：行政复议、行政诉讼数量含
    上年度结转数量。"), which are not labels of the template."""
    return "勾稽关系" in token.key or token.text.lstrip().startswith(_NOTE_STARTS)
