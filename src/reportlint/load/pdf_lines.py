"""What a PDF page is read into: body lines and table rows, each cell with the column it stands in.

A table row keeps, beside the text of its cells, the slot of each cell: the column's left and
right edge and the cell's lines of text. A merged cell's continuation in a lower row shares the
slot of the row where the cell starts, so text found for it later (on the next page, where the
printer carried on writing it) lands in the cell it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint.load.layout import CellLines

# A word narrower than the room left on a line by less than this (points) did not fit there.
ROOM_TOLERANCE = 1.0


@dataclass(eq=False)
class Slot:
    """A cell's column and text, and what tells whether its text goes on past the box: ``open``,
    the text runs down to the bottom of the box (and is no figure: a figure is never cut);
    ``room``, the width its last line leaves free; ``lead``, the width of its first word."""

    left: float
    right: float
    lines: list[str]
    open: bool = False
    bottom: float = 0.0  # the lower edge of the cell's box on its page
    room: float = float("inf")
    lead: float = 0.0
    figure: bool = False  # the cell holds a number: a row's own figure, never the rest of a text

    def ran_out(self, lead: float) -> bool:
        """The text was cut at the box's end: it fills the box down to the bottom, and a word
        ``lead`` wide (the first of the text that follows) would not have fitted on its last
        line (a character, or a character with the "，" that may not start a line)."""
        return self.open and self.room < lead + ROOM_TOLERANCE


@dataclass(eq=False)
class Line:
    """A body line (``cells`` empty) or a table row (``cells`` filled) on one page.

    ``slots`` (rows read from cell boxes only) has one slot per cell; a cell whose text list is
    its slot's own ``lines`` starts in this row, any other is the blank continuation of a
    merged cell from a higher row.
    """

    top: float
    page: int
    text: str = ""
    left: float = 0.0
    right: float = 0.0
    height: float = 0.0
    lead: float = 0.0  # the width of the first word (see pdf_flow)
    cells: list[CellLines] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)

    def starts(self, index: int) -> bool:
        """The cell at ``index`` starts in this row (it is not a merged cell's continuation)."""
        return self.cells[index] is self.slots[index].lines
