"""Read PDF reports with a text layer: lines rebuilt from text positions, tables from cell boxes.

pdfium gives text as positioned segments and the drawn rectangles as path objects. A rectangle
big enough to hold text and smaller than a page frame is a table cell: segments inside it are
its text, and cells sharing a top edge are one row (an empty box, such as the lower part of a
vertically merged label, is a blank cell, as in the .docx layout); tables drawn with ruling
lines only get their boxes from the lines' grid (pdf_rules). Other segments are grouped into
lines by their vertical position. A table drawn without boxes or lines is recognised by text
standing in columns far apart on one line: each column is a cell (empty cells cannot be seen,
so rows with blank merged labels come out shorter). Each cell keeps its column and what tells
whether its text was cut at the box's end (pdf_lines), so that the pages can be joined into one
flow (pdf_breaks: furniture dropped, rows cut by a page break joined) and written out with
wrapped paragraphs rejoined (pdf_flow).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from reportlint.load.pdf_breaks import joined_pages
from reportlint.load.pdf_flow import flow
from reportlint.load.pdf_grid import EDGE_TOLERANCE, Box, cells_only, grid_rows, in_tables, snapped
from reportlint.load.pdf_lines import Line, Slot
from reportlint.load.pdf_rules import ruled_boxes
from reportlint.load.pdf_text import RUN_GAP, Segment, page_segments
from reportlint.load.source import InputError, SourceDocument

# Boxes smaller than this (points) are rules or decorations, not cells.
MIN_CELL_SIZE = 6.0
# A path at most this wide (points) and taller than a cell's minimum is a vertical ruling line.
RULE_WIDTH = 2.0
# Rectangles covering more than this share of the page are frames or backgrounds, not cells.
MAX_CELL_SHARE = 0.25
_BAND = 20.0
# Text further apart than this many line heights on one line stands in separate table columns.
COLUMN_GAP = 0.6
# Word's and LibreOffice's cell padding is 5.4 pt each side; text further in is indented or centred.
CELL_PADDING = 8.0
CARRIED_LINES = 2
_OPENING = "（(〔[【《〈“‘「『"
_BULLETS = frozenset("•·●○◦▪■□◆◇►▸")
_CLOSING = "）)〕]】》〉”’」』，。、；：！？,.;:!?%"
_FIGURE = re.compile(r"^[\d.,，%\s]+$")
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def load_pdf(data: bytes, path: str) -> SourceDocument:
    """Turn a PDF into the shared text layout with page numbers in the origins."""
    import pypdfium2 as pdfium  # only when a PDF is read

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise InputError("IO005", f"{path}：PDF 有密码保护，无法读取；请提供未加密的文件") from None
        raise InputError("IO005", f"{path}：PDF 文件已损坏或不完整，无法读取") from None
    try:
        pages, heights = [], []
        for number, page in enumerate(document, start=1):
            heights.append(page.get_height())
            pages.append(_page_lines(page, number))
    except pdfium.PdfiumError:
        raise InputError("IO005", f"{path}：PDF 页面内容损坏，无法读取") from None
    finally:
        document.close()
    lines = joined_pages(pages, heights)
    if not any(line.text or line.cells for line in lines):
        raise InputError(
            "IO003", f"{path}：PDF 没有文字层，可能是扫描件；请提供可复制文字的 PDF 或 Word 文件"
        )
    return flow(lines).document(path, "pdf")


def _page_lines(page: Any, number: int) -> list[Line]:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    segments = page_segments(textpage)
    areas = [_drawn_area(obj) for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2)]
    boxes = _cell_boxes(areas)
    rules = [
        ((left + right) / 2, bottom, top)
        for left, bottom, right, top in areas
        if right - left <= RULE_WIDTH and top - bottom > MIN_CELL_SIZE
    ]
    width, height = page.get_width(), page.get_height()
    boxes = in_tables(
        snapped(cells_only([box for box in boxes if box.area < width * height * MAX_CELL_SHARE]))
    )
    # where no cell is drawn as a box, the lines alone may draw a table
    ruled = [Box(*area) for area in _cell_areas(ruled_boxes(areas))]
    boxes += in_tables(
        snapped(
            [
                box
                for box in ruled
                if box.area < width * height * MAX_CELL_SHARE
                and not any(
                    drawn.holds((box.left + box.right) / 2, (box.bottom + box.top) / 2)
                    or box.holds((drawn.left + drawn.right) / 2, (drawn.bottom + drawn.top) / 2)
                    for drawn in boxes
                )
            ]
        )
    )
    loose = _place(segments, boxes)
    lines = [_as_row_if_columns(line, row) for line, row in _text_lines(loose, number)]
    lines += _table_rows(boxes, rules, number)
    lines.sort(key=lambda line: -line.top)
    textpage.close()
    page.close()
    return lines


def _drawn_area(path: Any) -> tuple[float, float, float, float]:
    """The path's own outline: PDFium's bounds of a stroked path include half the line width
    each side, which would make neighbouring cells overlap by a line's width."""
    import ctypes

    import pypdfium2.raw as raw

    left, bottom, right, top = path.get_bounds()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    width = ctypes.c_float()
    if (
        raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke))
        and stroke.value
        and raw.FPDFPageObj_GetStrokeWidth(path, ctypes.byref(width))
    ):
        half = width.value / 2
        return left + half, bottom + half, right - half, top - half
    return left, bottom, right, top


def _cell_boxes(bounds: list[tuple[float, float, float, float]]) -> list[Box]:
    """Rectangles big enough to be cells."""
    return [
        Box(*rect)
        for rect in bounds
        if rect[2] - rect[0] > MIN_CELL_SIZE and rect[3] - rect[1] > MIN_CELL_SIZE
    ]


def _cell_areas(boxes: list[Box]) -> list[tuple[float, float, float, float]]:
    return [
        (box.left, box.bottom, box.right, box.top)
        for box in boxes
        if box.right - box.left > MIN_CELL_SIZE and box.top - box.bottom > MIN_CELL_SIZE
    ]


def _place(segments: list[Segment], boxes: list[Box]) -> list[Segment]:
    """Put each segment into the cell box holding its centre; return those outside every box.

    Boxes are bucketed by height band so that a page of a few hundred cells stays linear.
    """
    bands: dict[int, list[Box]] = {}
    for box in boxes:
        for band in range(int(box.bottom // _BAND), int(box.top // _BAND) + 1):
            bands.setdefault(band, []).append(box)
    loose: list[Segment] = []
    pending = list(reversed(segments))
    while pending:
        segment = pending.pop()
        y = segment.middle
        candidates = bands.get(int(y // _BAND), ())
        x = (segment.left + segment.right) / 2
        home = next((box for box in candidates if box.holds(x, y)), None)
        first = (segment.left + (segment.starts[1] if len(segment.starts) > 1 else segment.right)) / 2
        start = next((box for box in candidates if box.holds(first, y)), None)
        if start is not None and segment.right > start.right + EDGE_TOLERANCE:
            head, rest = segment.split(start.right - EDGE_TOLERANCE)
            if rest is not None:  # the run crosses the border of the cell it starts in
                start.segments.append(head)
                pending.append(rest)
                continue
        if home is None:
            loose.append(segment)
        else:
            home.segments.append(segment)
    return loose


def _text_lines(segments: list[Segment], page: int) -> Iterator[tuple[Line, list[Segment]]]:
    """Segments grouped by vertical position, left to right: one entry per visual line."""
    rows: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: -s.middle):
        last = rows[-1][0] if rows else None
        if last is not None and abs(last.middle - segment.middle) < (last.top - last.bottom) / 2:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    for row in rows:
        row.sort(key=lambda s: s.left)
        line = Line(
            top=max(s.top for s in row),
            page=page,
            text=_join(row),
            left=row[0].left,
            right=row[-1].right,
            height=max(s.top - s.bottom for s in row),
            lead=_lead(row[0]),
        )
        yield line, row


def _lead(segment: Segment) -> float:
    """The width of the line's first word: the characters a line may not be broken between
    (opening brackets with what follows, a number or Latin word, closing punctuation)."""
    text, end = segment.text, 0
    while end < len(text) and text[end] in _OPENING:
        end += 1
    if end < len(text) and text[end].isascii() and text[end].isalnum():
        while end < len(text) and text[end].isascii() and (text[end].isalnum() or text[end] in ".,%-"):
            end += 1
    elif end < len(text):
        end += 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return (segment.starts[end] if end < len(segment.starts) else segment.right) - segment.left


def _as_row_if_columns(line: Line, row: list[Segment]) -> Line:
    """A line whose text stands in columns far apart is a table row drawn without cell boxes.

    Far apart is further than a space can be: in a justified line the space between two words is
    widened by the spacing added between its characters, twice (before and after it). A list
    item's bullet set apart from its text (a browser's or LibreOffice's print of a web page's
    menus) is no cell.
    """
    cells: list[list[Segment]] = [[row[0]]]
    for before, segment in itertools.pairwise(row):
        spacing = max(before.spacing, segment.spacing)
        if cells == [[before]] and before.text.strip() in _BULLETS:
            cells[-1].append(segment)
        elif segment.left - before.right >= COLUMN_GAP * line.height + 2 * spacing:
            cells.append([segment])
        else:
            cells[-1].append(segment)
    if len(cells) >= 2:
        line.cells = [[_join(cell)] for cell in cells]
    return line


def _join(row: list[Segment]) -> str:
    """Segments of one line; a visible gap becomes a space where a space is written: wider than
    a character, or wider than text set tight next to a number or Latin word (Chinese text has
    no spaces, but "为 2025 年" has; letter-spaced Chinese stays without)."""
    text = row[0].text
    for before, segment in itertools.pairwise(row):
        gap = segment.left - before.right
        height = segment.top - segment.bottom
        latin = before.text[-1:].isascii() or segment.text[:1].isascii()
        text += (" " if gap > height or (latin and gap > RUN_GAP * height) else "") + segment.text
    return text


def _table_rows(boxes: list[Box], rules: list[tuple[float, float, float]], page: int) -> list[Line]:
    """The grid rows of the page's cell boxes; each cell's text lines top to bottom, a merged
    cell's continuation blank (sharing the slot of the row where the cell starts)."""
    result = []
    slots: dict[int, Slot] = {}
    for top, cells in grid_rows(boxes, rules):
        if all(not starts or not box.segments for box, starts in cells):
            continue  # a printed row with nothing written in it says nothing
        row = Line(top=top, page=page)
        for box, starts in cells:
            slot = slots.get(id(box))
            if slot is None:
                slot = slots[id(box)] = _slot(box, page)
            row.slots.append(slot)
            row.cells.append(slot.lines if starts else [""])
        result.append(row)
    return result


def _slot(box: Box, page: int) -> Slot:
    """The cell's column and text, open when the text reaches the bottom of the box and is no
    figure, with the room its last line leaves inside the cell's padding and its first word."""
    lines = [line for line, _ in _text_lines(box.segments, page)]
    if not lines:
        return Slot(box.left, box.right, [""], bottom=box.bottom)
    texts = [line.text for line in lines]
    last = lines[-1]
    padding = min(CELL_PADDING, min(line.left for line in lines) - box.left)
    # as near the bottom as text can stop before a page break (a browser carries at least two
    # lines of a paragraph over to the next page), and not set in the middle of the box
    above, below = box.top - lines[0].top, last.top - last.height - box.bottom
    centred = above > CELL_PADDING and abs(above - below) < last.height / 2
    at_bottom = below <= min(CELL_PADDING, above) + CARRIED_LINES * last.height and not centred
    figure = _FIGURE.match("".join(texts)) is not None
    room = box.right - box.left - 2 * padding - (last.right - last.left)
    return Slot(box.left, box.right, texts, at_bottom and not figure, box.bottom, room, lines[0].lead, figure)
