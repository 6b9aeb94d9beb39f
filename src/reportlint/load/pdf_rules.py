"""Cell boxes of a table drawn only with ruling lines (browsers, LibreOffice, many Word exports).

A browser draws every cell border as a thin filled rectangle and LibreOffice as a line; no path
outlines a cell. The lines are gathered into one grid of the page (each distinct x of a vertical
line and y of a horizontal one), and neighbouring grid cells are one cell unless a line runs
between them, so a merged cell is the region its lines enclose. A region that reaches the edge
of the grid without a line there is not enclosed (the space between two tables, the margin
beside one) and is no cell.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reportlint.load.pdf_grid import Box

# Lines at most this thick (points) are rulings; coordinates this close are one grid line
# (a browser's adjacent cell borders lie side by side, less than a point apart).
RULE_THICKNESS = 2.0
SAME_LINE = 2.0
# Column lines running this far (points) beyond the last row line hold a row the page cut.
CUT_ROW = 6.0

Area = tuple[float, float, float, float]


def ruled_boxes(areas: Sequence[Area]) -> list[Box]:
    """The enclosed regions of the page's ruling grid, as cell boxes."""
    horizontal = [
        ((bottom + top) / 2, left, right)
        for left, bottom, right, top in areas
        if top - bottom <= RULE_THICKNESS < right - left
    ]
    vertical = [
        ((left + right) / 2, bottom, top)
        for left, bottom, right, top in areas
        if right - left <= RULE_THICKNESS < top - bottom
    ]
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    xs, x_rules = _grid_lines(vertical)
    ys, y_rules = _grid_lines(horizontal)
    # a table cut by a page break may have no line at the page's end of it, only its columns'
    # lines running there: the grid reaches as far (a line there that is not drawn)
    highest, lowest = max(top for _, _, top in vertical), min(bottom for _, bottom, _ in vertical)
    if highest > ys[-1] + CUT_ROW:
        ys.append(highest)
        y_rules.append([])
    if lowest < ys[0] - CUT_ROW:
        ys.insert(0, lowest)
        y_rules.insert(0, [])
    ys.reverse()  # top first
    y_rules.reverse()
    columns, rows = len(xs) - 1, len(ys) - 1
    if columns < 1 or rows < 1:
        return []
    parent = list(range(rows * columns))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for row in range(rows):
        middle_y = (ys[row] + ys[row + 1]) / 2
        for column in range(columns):
            here = row * columns + column
            if column + 1 < columns and not _covers(x_rules[column + 1], middle_y):
                parent[root(here + 1)] = root(here)
            if row + 1 < rows and not _covers(y_rules[row + 1], (xs[column] + xs[column + 1]) / 2):
                parent[root(here + columns)] = root(here)
    regions: dict[int, list[int]] = {}
    for index in range(rows * columns):
        regions.setdefault(root(index), []).append(index)
    boxes = []
    for cells in regions.values():
        for top_row, bottom_row, left_column, right_column in _rectangles(cells, columns):
            box = Box(xs[left_column], ys[bottom_row + 1], xs[right_column + 1], ys[top_row])
            # a cell cut by the page break has no line at the page's end of the table
            top = y_rules[top_row] if top_row else None
            bottom = y_rules[bottom_row + 1] if bottom_row + 1 < rows else None
            if _enclosed(box, x_rules[left_column], x_rules[right_column + 1], top, bottom):
                boxes.append(box)
    return boxes


def _rectangles(cells: list[int], columns: int) -> list[tuple[int, int, int, int]]:
    """A region's grid cells as rectangles (top row, bottom row, left column, right column).

    A cell is a rectangle; a region of another shape comes from lines a printer left out (a
    browser draws the part of a row-spanning cell on the next page shorter than the cell) and
    is read as its columns' runs of rows, neighbouring columns with the same run joined, so
    that it covers no other cell's text.
    """
    rows = {cell // columns for cell in cells}
    used = {cell % columns for cell in cells}
    top, bottom, left, right = min(rows), max(rows), min(used), max(used)
    if len(cells) == (bottom - top + 1) * (right - left + 1):
        return [(top, bottom, left, right)]
    runs: list[tuple[int, int, int, int]] = []
    for column in sorted(used):
        in_column = sorted(cell // columns for cell in cells if cell % columns == column)
        start = in_column[0]
        for previous, row in zip(in_column, [*in_column[1:], None], strict=True):
            if row == previous + 1:
                continue
            joined = next(
                (i for i, run in enumerate(runs) if run[:2] == (start, previous) and run[3] == column - 1),
                None,
            )
            if joined is None:
                runs.append((start, previous, column, column))
            else:
                runs[joined] = (start, previous, runs[joined][2], column)
            if row is not None:
                start = row
    return runs


def _grid_lines(
    rules: list[tuple[float, float, float]],
) -> tuple[list[float], list[list[tuple[float, float]]]]:
    """Distinct line positions (ascending) and, for each, the stretches a line covers there,
    in order and joined where they meet (a line drawn cell by cell is one stretch), so that
    ``_covers`` looks one up instead of trying each."""
    positions: list[float] = []
    stretches: list[list[tuple[float, float]]] = []
    for where, start, end in sorted(rules):
        if not positions or where - positions[-1] > SAME_LINE:
            positions.append(where)
            stretches.append([])
        stretches[-1].append((start, end))
    return positions, [_joined(line) for line in stretches]


def _joined(stretches: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Stretches in order, those within twice SAME_LINE of each other joined: the points they
    cover, give or take SAME_LINE, stay the same."""
    joined: list[tuple[float, float]] = []
    for start, end in sorted(stretches):
        if joined and start - joined[-1][1] <= 2 * SAME_LINE:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _covers(stretches: list[tuple[float, float]], point: float) -> bool:
    """Whether a stretch (in order, apart: see ``_joined``) covers the point, give or take SAME_LINE."""
    index = bisect.bisect_right(stretches, point + SAME_LINE, key=lambda stretch: stretch[0]) - 1
    return index >= 0 and point <= stretches[index][1] + SAME_LINE


def _enclosed(
    box: Box,
    left: list[tuple[float, float]],
    right: list[tuple[float, float]],
    top: list[tuple[float, float]] | None,
    bottom: list[tuple[float, float]] | None,
) -> bool:
    """The sides of the region are drawn (checked at their middles; ``None``: not required)."""
    middle_y = (box.top + box.bottom) / 2
    middle_x = (box.left + box.right) / 2
    return (
        _covers(left, middle_y)
        and _covers(right, middle_y)
        and (top is None or _covers(top, middle_x))
        and (bottom is None or _covers(bottom, middle_x))
    )
