"""From a line and column of the loaded text to a paragraph of the .docx and characters in it.

The body is numbered by the loader's own walk (load/wordml.py): paragraph ``n`` of an origin is
the n-th paragraph read (inside a layout frame too), table ``t`` the t-th table read, its rows and
cells as the loader numbers them (blank cells for skipped grid columns). A cell's lines are its
non-blank paragraphs (text boxes and nested tables included); its first line starts with the TAB
of the cell-per-line layout; a paragraph's text boxes follow it as lines of the same paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlint.load.source import LineOrigin, SourceDocument
from reportlint.load.wordml import Cell, Line, Paragraph, Table, walk_body
from reportlint.wordedit.runs import visible_text


@dataclass(frozen=True, slots=True)
class Place:
    """Characters ``start``..``end`` of ``paragraph`` (a w:p); ``exact`` is False when only the
    paragraph (or the cell's first paragraph) is known, not the words; ``in_cell`` when the place
    is a table cell (not a paragraph of the body or of a layout frame)."""

    paragraph: Any
    start: int
    end: int
    exact: bool
    in_cell: bool = False


class WordBody:
    """The paragraphs and tables of one document body, numbered as the loader numbers them."""

    def __init__(self, body: Any) -> None:
        blocks = walk_body(body)
        self.paragraphs = {block.number: block for block in blocks if isinstance(block, Paragraph)}
        self.tables = [block for block in blocks if isinstance(block, Table)]

    def title(self) -> Any | None:
        """The first paragraph with text (where a finding about the whole report is shown)."""
        return next((p.line.paragraph for p in self.paragraphs.values() if p.line.text.strip()), None)

    def first(self) -> Any | None:
        """The first paragraph read, with or without text."""
        return next((p.line.paragraph for p in self.paragraphs.values()), None)

    def row(self, origin: LineOrigin) -> tuple[Cell, ...] | None:
        """The cells of a row origin's row (or of a table origin's first row)."""
        if origin.table is None or not 1 <= origin.table <= len(self.tables):
            return None
        rows = self.tables[origin.table - 1].rows
        row_index = origin.row or 1
        return rows[row_index - 1] if 1 <= row_index <= len(rows) else None


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
        paragraph = body.paragraphs.get(origin.paragraph)
        if paragraph is None:
            return None
        own = paragraph.lines
        index = _lines_before(document.origins, line, lambda o: o.paragraph == origin.paragraph)
        if index == 0 and len(paragraph.parts) > 1:
            return _place_in_parts(paragraph.parts, text, column - 1, end - 1)
        return _place(own[min(index, len(own) - 1)], text, column - 1, end - 1, in_cell=False)
    row = body.row(origin)
    if row is None:
        return None
    first = next((cell[0] for cell in row if cell), None)  # a blank grid cell has no paragraph
    if origin.cell is None or not 1 <= origin.cell <= len(row) or not row[origin.cell - 1]:
        return Place(first.paragraph, 0, 0, False, True) if first is not None else None
    cell = row[origin.cell - 1]
    written = [line for line in cell if line.text.strip()]
    index = _lines_before(document.origins, line, lambda o: o == origin)
    if index >= len(written):
        return Place(cell[0].paragraph, 0, 0, False, True)
    shift = 1 if index == 0 else 0  # the TAB that starts a cell's first line
    return _place(written[index], text[shift:], column - 1 - shift, end - 1 - shift, in_cell=True)


def _lines_before(origins: Sequence[LineOrigin | None], line: int, same: Callable[[LineOrigin], bool]) -> int:
    """How many lines right before ``line`` come from the same place."""
    index = line - 1
    while index > 0 and (previous := origins[index - 1]) is not None and same(previous):
        index -= 1
    return line - 1 - index


def _place_in_parts(parts: Sequence[Line], line_text: str, start: int, end: int) -> Place:
    """The place in the paragraphs joined into one line (their marks deleted): in the one that
    holds the words, or that whole paragraph when the words run on into the next."""
    if "".join(part.text for part in parts) != line_text:
        return Place(parts[-1].paragraph, 0, 0, False)
    offset, index = 0, 0
    while index < len(parts) - 1 and start >= offset + len(parts[index].text):
        offset += len(parts[index].text)
        index += 1
    part = parts[index]
    if end <= offset + len(part.text):
        return _place(part, part.text, start - offset, end - offset, in_cell=False)
    return Place(part.paragraph, 0, 0, False)


def _place(line: Line, line_text: str, start: int, end: int, *, in_cell: bool) -> Place:
    """The characters, when the paragraph reads as the line does; else the whole paragraph."""
    if visible_text(line.paragraph) != line_text:
        return Place(line.paragraph, 0, 0, False, in_cell)
    start = min(max(start, 0), len(line_text))
    end = min(max(end, start), len(line_text))
    return Place(line.paragraph, start, end, True, in_cell)
