"""A report's pages joined back into one flow, as a reader follows it across page breaks.

Printing adds what the report's text does not have: page numbers ("-1-", "— 2 —", "第 1 页") and
running headers or footers in the margins, a table's header rows repeated at the top of each
page, and, where a table row does not fit at the bottom of a page, the rest of its cells carried
on at the top of the next one (Word and LibreOffice let a row break across pages unless told
not to). Here the furniture is dropped, a repeated header is read once, and a row cut by the
break is joined again: the first row of the next page continues the last one when it stands in
the same columns and has text only in cells whose text ran out of their box: down to its
bottom, with no room on the last line for the first word that follows (a figure cell or a
finished label holds nothing there). A new row at the top of a page stays a row; only a
merged label it sits beside may carry on from the page before. Text a browser draws under the
table at the page's end goes back into the cell it ran out of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlint.load.pdf_lines import Line, Slot

# Share of the page height at the top and at the bottom where headers, footers and page
# numbers stand.
MARGIN_SHARE = 0.08
# Column edges closer than this (points) are the same column on two pages.
COLUMN_TOLERANCE = 2.0
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*\d+|\s*共\s*\d+\s*页)?[-—–\s]*$")
_DIGITS = re.compile(r"\d+|\s+")


def joined_pages(pages: Sequence[list[Line]], heights: Sequence[float]) -> list[Line]:
    """All pages' lines in reading order, without furniture, with rows cut by a break joined."""
    running = _running_texts(pages, heights)
    result: list[Line] = []
    for lines, height in zip(pages, heights, strict=True):
        lines = _without_furniture(lines, height, running)
        tail = _overflow(result)
        last = len(result) - len(tail) - 1 if tail is not None else -1
        if last < 0 or not result[last].slots or not lines:
            result.extend(lines)
            continue
        following = _without_repeated_header(lines, _table_so_far(result[: last + 1]))
        if tail:  # text under the table: the rest of a cell only if the table goes on overleaf
            goes_on = bool(following) and _same_columns(result[last], following[0])
            if goes_on and _take_overflow(result[last], tail):
                del result[last + 1 :]
                tail = []
        if not tail:
            lines = following
            if lines and _continues(result[-1], lines):
                lines = lines[1:]
        result.extend(lines)
    return result


def _margin(line: Line, height: float) -> str | None:
    """ "top" or "bottom" for a body line in the page's top or bottom margin band."""
    if line.cells:
        return None
    if line.top > height * (1 - MARGIN_SHARE):
        return "top"
    if line.top < height * MARGIN_SHARE:
        return "bottom"
    return None


def _key(text: str) -> str:
    """A margin text without its page number: the same running header on every page."""
    return _DIGITS.sub("", text)


def _running_texts(pages: Sequence[list[Line]], heights: Sequence[float]) -> set[tuple[str, str]]:
    """Texts that stand in the same margin on more than one page: running headers and footers."""
    seen: dict[tuple[str, str], int] = {}
    for lines, height in zip(pages, heights, strict=True):
        keys = set()
        for line in lines:
            band = _margin(line, height)
            if band is not None and _key(line.text):
                keys.add((band, _key(line.text)))
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _without_furniture(lines: list[Line], height: float, running: set[tuple[str, str]]) -> list[Line]:
    """The page's lines less its running texts and its page number: a running text if the page
    numbers run like one ("- 1 -", "- 2 -"), else the page's lowest or highest line."""
    furniture = {
        id(line) for line in lines if (band := _margin(line, height)) and (band, _key(line.text)) in running
    }
    numbered = any(_PAGE_NUMBER.match(line.text) for line in lines if id(line) in furniture)
    kept = [line for line in lines if id(line) not in furniture]
    if not numbered and kept and _is_page_number(kept[-1], kept[-2] if len(kept) > 1 else None, height):
        kept.pop()
    elif not numbered and kept and _is_page_number(kept[0], kept[1] if len(kept) > 1 else None, height):
        kept.pop(0)
    return kept


def _is_page_number(line: Line, neighbour: Line | None, height: float) -> bool:
    """A page number: in a margin, set apart from the text, just a number ("-1-", "第1页")."""
    if _margin(line, height) is None or not _PAGE_NUMBER.match(line.text):
        return False
    if neighbour is None:
        return True
    # "-1-" or "第1页" is a page number a line away from the text; a bare number must stand apart
    factor = 2.5 if line.text.strip().isdigit() else 1.2
    return abs(neighbour.top - line.top) > factor * line.height


def _overflow(lines: list[Line]) -> list[Line] | None:
    """The body lines after the last table row of the last page so far; None if that page has
    no table row."""
    start = len(lines)
    while start and not lines[start - 1].cells and lines[start - 1].page == lines[-1].page:
        start -= 1
    ends_table = start and lines[start - 1].cells and lines[start - 1].page == lines[-1].page
    return lines[start:] if ends_table else None


def _take_overflow(row: Line, overflow: list[Line]) -> bool:
    """Put text drawn below the table at the page's end back into the open cell it ran out of
    (a browser lets the rest of a row-spanning label run out of its cut box), when all of it
    stands in that cell's column, line under line from the cell's lower edge; else leave it."""
    home = next(
        (
            slot
            for slot in row.slots
            if slot.ran_out(overflow[0].lead)
            and all(
                slot.left - COLUMN_TOLERANCE <= line.left and line.right <= slot.right + COLUMN_TOLERANCE
                for line in overflow
            )
        ),
        None,
    )
    if home is None:
        return False
    edge = home.bottom
    for line in overflow:
        if not edge - 2 * line.height < line.top < edge + line.height:
            return False
        edge = line.top - line.height
    home.lines.extend(line.text for line in overflow)
    home.open = False
    return True


def _table_so_far(lines: list[Line]) -> list[Line]:
    """The rows of the table the lines end with."""
    start = len(lines)
    while start and lines[start - 1].cells:
        start -= 1
    return lines[start:]


def _same_columns(one: Line, other: Line) -> bool:
    return len(one.slots) == len(other.slots) and all(
        abs(a.left - b.left) <= COLUMN_TOLERANCE and abs(a.right - b.right) <= COLUMN_TOLERANCE
        for a, b in zip(one.slots, other.slots, strict=True)
    )


def _texts(line: Line) -> list[str]:
    return ["".join("".join(text.split()) for text in cell) for cell in line.cells]


def _without_repeated_header(lines: list[Line], table: list[Line]) -> list[Line]:
    """The page's lines less the table's first rows printed again at its top."""
    count = 0
    while (
        count < len(lines)
        and count < len(table) - 1
        and lines[count].slots
        and _same_columns(lines[count], table[count])
        and _texts(lines[count]) == _texts(table[count])
    ):
        count += 1
    return lines[count:]


def _continues(last: Line, lines: list[Line]) -> bool:
    """Join the page's first row to the row that ends the page before when it carries on that
    row's cells; True when the whole row was a continuation (and so is dropped).

    A new row stays, but text it has in a merged cell left open on the page before (the
    label's remaining characters, written down the merged box) joins that label: a cell merged
    over rows above the cut row, or one the cut row starts whose part on this page goes on
    below the new row or stands beside cells of another shape (a heading cell over two heading
    rows). A label cell of the cut row under which a row of the same shape starts is that
    row's own, finished or not. A cell merged over rows above the cut row that is filled down
    to the bottom of its box goes on even if its last line has room: its lines are paragraphs
    ("三、" / "本年" / "度办"), cut between two of them.
    """
    first = lines[0]
    if not first.slots:
        return False
    same = _same_columns(last, first)
    written = [index for index, cell in enumerate(first.cells) if any(text.strip() for text in cell)]
    carried = [
        (index, owner)
        for index in written
        if not first.slots[index].figure
        and (owner := _column_above(last, first.slots[index])) is not None
        and (owner.ran_out(first.slots[index].lead) or (owner.open and not _starts_in(last, owner)))
    ]
    if not carried:
        return False
    whole = same and len(carried) == len(written)
    below = {
        id(slot) for line in lines[1:] for index, slot in enumerate(line.slots) if not line.starts(index)
    }
    moved: dict[int, Slot] = {}
    for index, owner in carried:
        fragment = first.slots[index]
        if not whole and _starts_in(last, owner) and same and id(fragment) not in below:
            continue  # the cut row's own cell: a new row of its shape below it cannot continue it
        owner.lines.extend(text for text in first.cells[index] if text.strip())
        owner.open, owner.room = fragment.open, fragment.room
        moved[id(fragment)] = owner
        if not whole:
            first.cells[index] = [""]
            first.slots[index] = owner
    for line in lines[1:]:  # merged cells that started in the joined row go on below it
        for index, slot in enumerate(line.slots):
            line.slots[index] = moved.get(id(slot), slot)
    return whole


def _starts_in(row: Line, slot: Slot) -> bool:
    """The cell starts in this row (it is not merged down from a row above)."""
    return any(cell is slot and row.starts(index) for index, cell in enumerate(row.slots))


def _column_above(last: Line, slot: Slot) -> Slot | None:
    """The cell of the row before the break that stands in the same column as ``slot``."""
    return next(
        (
            cell
            for cell in last.slots
            if abs(cell.left - slot.left) <= COLUMN_TOLERANCE
            and abs(cell.right - slot.right) <= COLUMN_TOLERANCE
        ),
        None,
    )
