"""One walk over a Word body, shared by the .docx loader and the Word editor (annotate, fix).

Which blocks are read (content controls looked through, text boxes after their paragraph, a
layout frame as the body, imported pages where they stand), where each table cell sits on the
table's grid, and how paragraphs and tables are numbered is decided here once, and which
characters count in wordtext.py: the place a finding names is then where its comment or edit goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from reportlint.load.wordtext import TBL, P, collect, paragraph_text

__all__ = ["Block", "Cell", "Chunk", "Line", "Paragraph", "Table", "walk_body"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TR, TC = f"{_W}tr", f"{_W}tc"
# Wrappers around block, row or cell content that are looked through (content controls, custom XML).
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})
_TR_PR, _DEL, _PPR, _RPR = f"{_W}trPr", f"{_W}del", f"{_W}pPr", f"{_W}rPr"
_ALT_CHUNK = f"{_W}altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TC_PR, _GRID_SPAN, _VMERGE, _VAL = f"{_W}tcPr", f"{_W}gridSpan", f"{_W}vMerge", f"{_W}val"
_GRID_BEFORE, _GRID_AFTER, _HMERGE = f"{_W}gridBefore", f"{_W}gridAfter", f"{_W}hMerge"


class Line(NamedTuple):
    """The visible text of one w:p (``paragraph``) as one line of the loaded text (a tuple: one
    is made for every paragraph of a table)."""

    paragraph: Any
    text: str


# A table cell: the lines of its paragraphs (with those of text boxes and nested tables in them).
Cell = tuple[Line, ...]


class Paragraph(NamedTuple):
    """A paragraph read as its own line, numbered in reading order, with its text boxes after it.

    ``parts`` are the w:p joined into ``line`` (more than one when paragraph marks were deleted
    as tracked changes); ``line.paragraph`` is the last of them.
    """

    number: int
    line: Line
    boxes: tuple[Line, ...]
    parts: tuple[Line, ...]

    @property
    def lines(self) -> tuple[Line, ...]:
        return (self.line, *self.boxes)


@dataclass(frozen=True, slots=True)
class Table:
    """A table as rows of cells at their grid positions (skipped grid columns are blank cells)."""

    rows: tuple[tuple[Cell, ...], ...]


class Chunk(NamedTuple):
    """An imported part shown in place of ``w:altChunk`` (HTML, RTF, …, named by ``relation``):
    what Word converts into body content when the document is opened."""

    relation: str


Block = Paragraph | Table | Chunk


def walk_body(body: Any) -> list[Block]:
    """Paragraphs and tables of ``w:body`` in reading order; a layout frame is looked through.

    A paragraph whose mark is deleted as a tracked change joins the next one, as Word shows it
    once the change is accepted (it takes the number of the paragraph it joins).
    """
    found: list[Block] = []
    _read_blocks(body, found, [0], framed=False)
    return found


def _read_blocks(parent: Any, found: list[Block], count: list[int], *, framed: bool) -> None:
    pending: list[Line] = []
    boxes: list[Line] = []
    for block in _blocks(parent, chunks=True):
        if block.tag == _ALT_CHUNK:
            found.append(Chunk(block.get(_R_ID, "")))
            continue
        if block.tag == TBL:
            if pending:
                found.append(_joined(count[0], pending, boxes))
                pending, boxes = [], []
            frame = None if framed else _layout_frame(block)
            if frame is not None:
                _read_blocks(frame, found, count, framed=True)
            else:
                found.append(Table(_grid_rows(block)))
            continue
        count[0] += 1
        _read_paragraph(block, pending, boxes)
        if not _mark_deleted(block):
            found.append(_joined(count[0], pending, boxes))
            pending, boxes = [], []
    if pending:
        found.append(_joined(count[0], pending, boxes))


def _joined(number: int, pending: list[Line], boxes: list[Line]) -> Paragraph:
    """One paragraph of the lines whose marks were deleted; the element is the last one's."""
    if len(pending) == 1:
        return Paragraph(number, pending[0], tuple(boxes), (pending[0],))
    text = "".join([line.text for line in pending])
    return Paragraph(number, Line(pending[-1].paragraph, text), tuple(boxes), tuple(pending))


def _mark_deleted(paragraph: Any) -> bool:
    """True when the paragraph mark itself is a tracked deletion (``w:pPr/w:rPr/w:del``)."""
    properties = paragraph.find(_PPR)
    if properties is None:
        return False
    mark = properties.find(_RPR)
    return mark is not None and mark.find(_DEL) is not None


def _layout_frame(table: Any) -> Any | None:
    """The one cell of a one-cell table that holds a table of its own: a frame around the report.

    WPS exports (and some Word templates) put the whole report in such a frame; its content is
    read as the body. Any other nested table stays inside its cell.
    """
    rows = list(_rows(table))
    if len(rows) != 1:
        return None
    cells = list(_row_cells(rows[0]))
    if len(cells) != 1 or not any(block.tag == TBL for block in _blocks(cells[0])):
        return None
    return cells[0]


def _read_paragraph(paragraph: Any, lines: list[Line], boxes: list[Line]) -> None:
    """The paragraph's line onto ``lines``, those of the text boxes anchored in it onto ``boxes``.

    Each box is read once: mc:AlternateContent holds it twice, and its mc:Fallback copy is never
    walked; a box inside a box is read with the outer one.
    """
    texts: list[str] = []
    contents: list[Any] = []
    collect(paragraph, texts, None, [], contents)
    lines.append(Line(paragraph, "".join(texts)))
    for content in contents:
        for box_paragraph in content.iter(P):
            boxes.append(Line(box_paragraph, paragraph_text(box_paragraph)))


def _blocks(parent: Any, *, chunks: bool = False) -> Iterator[Any]:
    """Paragraphs and tables (and, when asked, w:altChunk) in document order, looking through
    content controls."""
    for child in parent:
        tag = child.tag
        if tag in (P, TBL) or (chunks and tag == _ALT_CHUNK):
            yield child
        elif tag in _WRAPPERS:
            yield from _blocks(child, chunks=chunks)


def _rows(table: Any) -> Iterator[Any]:
    """Table rows, without rows deleted as a tracked change (``w:trPr/w:del``)."""
    for child in table:
        if child.tag == TR:
            properties = child.find(_TR_PR)
            if properties is None or properties.find(_DEL) is None:
                yield child
        elif child.tag in _WRAPPERS:
            yield from _rows(child)


def _row_cells(row: Any) -> Iterator[Any]:
    for child in row:
        if child.tag == TC:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _row_cells(child)


def _grid_rows(table: Any) -> tuple[tuple[Cell, ...], ...]:
    """Each row's cells; grid columns a row skips (``w:gridBefore`` / ``w:gridAfter``) are blank
    cells cut where the row above has cell borders (the first row: the row below), so the cells
    after them keep the numbers of the cells above them, as a vertically merged continuation cell
    does. A cell merged into the one before it (legacy ``w:hMerge``) widens that cell."""
    rows: list[tuple[Cell, ...]] = []
    table_rows = list(_rows(table))
    above = _borders(table_rows[1]) if len(table_rows) > 1 else []
    for row in table_rows:
        cells: list[Cell] = []
        starts: list[int] = []
        column = _skip(row, _GRID_BEFORE, 0, above, cells, starts)
        for cell in _row_cells(row):
            span, down, across = _shape(cell)
            if across and cells:  # its text, if any, goes on in the cell it widens
                cells[-1] += _cell(cell, continued=down)
            else:
                starts.append(column)
                cells.append(_cell(cell, continued=down))
            column += span
        _skip(row, _GRID_AFTER, column, above, cells, starts)
        rows.append(tuple(cells))
        above = starts
    return tuple(rows)


def _skip(row: Any, tag: str, column: int, above: list[int], cells: list[Cell], starts: list[int]) -> int:
    """Add the blank cells of a skipped stretch of grid columns from ``column``; where it ends."""
    width = _row_property(row, tag)
    if width <= 0:
        return column
    end = column + width
    for start in [column, *(border for border in above if column < border < end)]:
        starts.append(start)
        cells.append(())
    return end


def _borders(row: Any) -> list[int]:
    """The grid columns where the row's own cells start."""
    column = _row_property(row, _GRID_BEFORE)
    borders: list[int] = []
    for cell in _row_cells(row):
        span, _, across = _shape(cell)
        if not (across and borders):
            borders.append(column)
        column += span
    return borders


def _row_property(row: Any, tag: str) -> int:
    properties = row.find(_TR_PR)
    found = properties.find(tag) if properties is not None else None
    return _number(found.get(_VAL)) if found is not None else 0


def _number(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return 0


def _shape(cell: Any) -> tuple[int, bool, bool]:
    """How many grid columns the cell spans; whether it continues the cell above (``w:vMerge``)
    or the cell before it (``w:hMerge``)."""
    span, down, across = 1, False, False
    properties = cell.find(_TC_PR)
    if properties is not None:
        for item in properties:
            tag = item.tag
            if tag == _GRID_SPAN:
                span = max(_number(item.get(_VAL)), 1)
            elif tag == _VMERGE:
                down = item.get(_VAL, "continue") == "continue"
            elif tag == _HMERGE:
                across = item.get(_VAL, "continue") == "continue"
    return span, down, across


def _cell(cell: Any, *, continued: bool) -> Cell:
    """A cell's lines: a vertically merged continuation cell is blank (its paragraphs kept, so a
    comment can still be anchored there); nested tables continue the cell, row by row."""
    if continued:
        return tuple(Line(block, "") for block in _blocks(cell) if block.tag == P)
    lines: list[Line] = []
    for block in _blocks(cell):
        if block.tag == P:
            _read_paragraph(block, lines, lines)
        else:
            for row in _rows(block):
                for inner in _row_cells(row):
                    lines.extend(_cell(inner, continued=_shape(inner)[1]))
    return tuple(lines)
