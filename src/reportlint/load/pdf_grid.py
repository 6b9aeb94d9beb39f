"""Table rows of a PDF page from its cell boxes, merged cells kept in their grid.

Word, WPS and LibreOffice draw a table cell as a filled or stroked rectangle, and a merged cell
as one rectangle over all the rows and columns it spans. The rows of the grid are the bands
between the boxes' top and bottom edges: a box that starts in a band is a cell of that row with
its text, a box that started in an earlier band and still covers this one is the blank
continuation cell the .docx layout has for a vertically merged label. A box drawn behind the
cells (a shaded band, a frame) holds other boxes and is not a cell.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from reportlint.load.pdf_text import Segment

# Edges closer than this (points) are one grid line: exports place them a fraction apart.
EDGE_TOLERANCE = 1.5
# Cells drawn as separate boxes (a web page's <table border="1"> keeps 2 px between them, its
# frame as far outside) are this far apart at most (points): their facing edges are one line.
CELL_SPACING = 4.0


@dataclass
class Box:
    left: float
    bottom: float
    right: float
    top: float
    segments: list[Segment] = field(default_factory=list)

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top

    def contains(self, other: Box) -> bool:
        tolerance = EDGE_TOLERANCE
        return (
            self.left - tolerance <= other.left
            and other.right <= self.right + tolerance
            and self.bottom - tolerance <= other.bottom
            and other.top <= self.top + tolerance
            and (self.right - self.left) * (self.top - self.bottom)
            > (other.right - other.left) * (other.top - other.bottom) + tolerance
        )

    @property
    def area(self) -> float:
        return (self.right - self.left) * (self.top - self.bottom)


def cells_only(boxes: list[Box]) -> list[Box]:
    """Drop boxes drawn behind others (a shaded row under its cells, a frame round a table) and
    duplicates (a cell both filled and stroked)."""
    unique: dict[tuple[int, int, int, int], Box] = {}
    for box in boxes:
        unique.setdefault((round(box.left), round(box.bottom), round(box.right), round(box.top)), box)
    kept = list(unique.values())
    ordered = sorted(kept, key=lambda box: box.left)
    behind: set[int] = set()
    for index, outer in enumerate(ordered):
        for inner in ordered[index + 1 :]:
            if inner.left > outer.right:
                break
            if outer.contains(inner):
                behind.add(id(outer))
                break
    return [box for box in kept if id(box) not in behind]


def snapped(boxes: list[Box]) -> list[Box]:
    """The boxes with the facing edges of rows drawn apart (the spacing of a web page's
    ``border="1"`` table) joined: each top or bottom moves to the middle of the edges near it,
    so that a row ends where the next begins, as in one grid. (Columns keep their edges:
    ``in_tables`` lets boxes that far apart side by side touch.)"""
    ys = _snap({edge for box in boxes for edge in (box.bottom, box.top)})
    return [Box(box.left, ys[box.bottom], box.right, ys[box.top], box.segments) for box in boxes]


def _snap(edges: set[float]) -> dict[float, float]:
    """Each edge mapped to the middle of its cluster: edges each within CELL_SPACING of the
    one before (no row is that low)."""
    where: dict[float, float] = {}
    cluster: list[float] = []
    for edge in [*sorted(edges), None]:
        if cluster and (edge is None or edge - cluster[-1] > CELL_SPACING):
            middle = (cluster[0] + cluster[-1]) / 2
            where.update(dict.fromkeys(cluster, middle))
            cluster = []
        if edge is not None:
            cluster.append(edge)
    return where


def in_tables(boxes: list[Box]) -> list[Box]:
    """Boxes that belong to a table: a group of touching boxes with two side by side somewhere.
    A lone box or a stack of full-width ones is shading behind paragraphs, not a grid."""
    boxes = sorted(boxes, key=lambda box: -box.top)
    group = list(range(len(boxes)))

    def root(index: int) -> int:
        while group[index] != index:
            group[index] = group[group[index]]
            index = group[index]
        return index

    side_by_side: set[int] = set()
    for index, box in enumerate(boxes):
        for other_index in range(index + 1, len(boxes)):
            other = boxes[other_index]
            if other.top < box.bottom - EDGE_TOLERANCE:
                break  # sorted by top: no later box reaches up to this one
            if other.left > box.right + CELL_SPACING or other.right < box.left - CELL_SPACING:
                continue
            group[root(other_index)] = root(index)
        for other in boxes[index + 1 :]:
            if other.top < box.bottom - EDGE_TOLERANCE:
                break
            overlap = min(box.top, other.top) - max(box.bottom, other.bottom)
            if overlap > EDGE_TOLERANCE and (
                other.left >= box.right - EDGE_TOLERANCE or other.right <= box.left + EDGE_TOLERANCE
            ):
                side_by_side.add(index)
    tables = {root(index) for index in side_by_side}
    return [box for index, box in enumerate(boxes) if root(index) in tables]


def grid_rows(
    boxes: list[Box], rules: list[tuple[float, float, float]] | None = None
) -> list[tuple[float, list[tuple[Box, bool]]]]:
    """Each grid row (its top) with its cells left to right: the box and whether it starts in
    this row (a box that started higher up continues a merged cell).

    ``rules`` are the page's vertical ruling lines as (x, bottom, top), when it draws its borders
    as lines over borderless filled cells: an empty cell with no line at its left edge is seen
    as part of its left neighbour (Word keeps such a cell where the rows of a table differ), so
    it is left out, as it would be when reading the printed table.
    """
    edges = _lines(sorted({edge for box in boxes for edge in (box.top, box.bottom)}, reverse=True))
    rows: list[tuple[float, list[tuple[Box, bool]]]] = []
    for top, bottom in itertools.pairwise(edges):
        covering = [
            box for box in boxes if box.top >= top - EDGE_TOLERANCE and box.bottom <= bottom + EDGE_TOLERANCE
        ]
        if not covering:
            continue
        covering.sort(key=lambda box: box.left)
        middle = (top + bottom) / 2
        cells: list[tuple[Box, bool]] = []
        for index, box in enumerate(covering):
            if rules and index and not box.segments and not _ruled(box.left, middle, rules):
                continue
            cells.append((box, abs(box.top - top) <= EDGE_TOLERANCE))
        rows.append((top, cells))
    return rows


def _ruled(x: float, y: float, rules: list[tuple[float, float, float]]) -> bool:
    return any(abs(rule_x - x) <= 2 * EDGE_TOLERANCE and bottom <= y <= top for rule_x, bottom, top in rules)


def _lines(edges: list[float]) -> list[float]:
    """Edges (highest first) with those within the tolerance of the previous taken as one."""
    merged: list[float] = []
    for edge in edges:
        if not merged or merged[-1] - edge > EDGE_TOLERANCE:
            merged.append(edge)
    return merged
