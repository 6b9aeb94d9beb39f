"""From a line and column of the loaded text to a paragraph of the .docx and characters in it.

Paragraph ``n`` of an origin is the n-th paragraph of the body in document order, looking through
content controls and inserted revisions; table ``t`` the t-th table of the body, its rows without
those deleted as a tracked change. A cell's lines are its non-blank paragraphs; its first line
starts with the TAB of the cell-per-line layout. That is the .docx loader's origin map.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reportlint.load.source import LineOrigin, SourceDocument
from reportlint.wordedit.runs import TBL, P, visible_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TR, _TC, _TR_PR, _DEL = f"{_W}tr", f"{_W}tc", f"{_W}trPr", f"{_W}del"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})


@dataclass(frozen=True, slots=True)
class Place:
    """Characters ``start``..``end`` of ``paragraph`` (a w:p); ``exact`` is False when only the
    paragraph (or the cell's first paragraph) is known, not the words."""

    paragraph: Any
    start: int
    end: int
    exact: bool


def _blocks(parent: Any) -> Iterator[Any]:
    for child in parent:
        if child.tag in (P, TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _rows(table: Any) -> list[Any]:
    return [
        row
        for row in _children(table, _TR)
        if row.find(_TR_PR) is None or row.find(_TR_PR).find(_DEL) is None
    ]


def _cell_paragraphs(cell: Any) -> list[Any]:
    """The cell's paragraphs in reading order, those of nested tables included."""
    found: list[Any] = []
    for block in _blocks(cell):
        if block.tag == P:
            found.append(block)
        else:
            for row in _rows(block):
                for inner in _children(row, _TC):
                    found.extend(_cell_paragraphs(inner))
    return found


class WordBody:
    """The paragraphs and tables of one document body, numbered as the loader numbers them."""

    def __init__(self, body: Any) -> None:
        blocks = list(_blocks(body))
        self.paragraphs = [block for block in blocks if block.tag == P]
        self.tables = [block for block in blocks if block.tag == TBL]

    def title(self) -> Any | None:
        """The first paragraph with text (where a finding about the whole report is shown)."""
        return next((p for p in self.paragraphs if visible_text(p).strip()), None)

    def cell(self, origin: LineOrigin) -> Any | None:
        """The w:tc of a cell origin, or the first cell of a row or table origin."""
        if origin.table is None or not 1 <= origin.table <= len(self.tables):
            return None
        rows = _rows(self.tables[origin.table - 1])
        row_index = origin.row or 1
        if not 1 <= row_index <= len(rows):
            return None
        cells = list(_children(rows[row_index - 1], _TC))
        cell_index = origin.cell or 1
        return cells[cell_index - 1] if 1 <= cell_index <= len(cells) else None


def locate(
    body: WordBody, document: SourceDocument, line: int, column: int, end_line: int, end_column: int
) -> Place | None:
    """The place of a diagnostic's span (its first line); None when the origin map has none."""
    origin = document.origin_of(line)
    lines = document.text.split("\n")
    if origin is None or not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    end = end_column if end_line == line else len(text) + 1
    if origin.paragraph is not None:
        if not 1 <= origin.paragraph <= len(body.paragraphs):
            return None
        return _place(body.paragraphs[origin.paragraph - 1], text, column - 1, end - 1)
    cell = body.cell(origin)
    if cell is None:
        return None
    paragraphs = _cell_paragraphs(cell)
    if origin.cell is None or not paragraphs:  # a row or table origin: the row's first cell
        return Place(paragraphs[0], 0, 0, False) if paragraphs else None
    written = [p for p in paragraphs if visible_text(p).strip()]
    index = _line_in_cell(document.origins, line)
    if not written or index >= len(written):
        return Place(paragraphs[0], 0, 0, False)
    shift = 1 if index == 0 else 0  # the TAB that starts a cell's first line
    return _place(written[index], text[shift:], column - 1 - shift, end - 1 - shift)


def _line_in_cell(origins: Sequence[LineOrigin | None], line: int) -> int:
    """How many lines of the same cell come before ``line``."""
    index = line - 1
    count = 0
    while index > 0 and origins[index - 1] == origins[line - 1]:
        index -= 1
        count += 1
    return count


def _place(paragraph: Any, line_text: str, start: int, end: int) -> Place:
    """The characters, when the paragraph reads as the line does; else the whole paragraph."""
    if visible_text(paragraph) != line_text:
        return Place(paragraph, 0, 0, False)
    start = min(max(start, 0), len(line_text))
    end = min(max(end, start), len(line_text))
    return Place(paragraph, start, end, True)
