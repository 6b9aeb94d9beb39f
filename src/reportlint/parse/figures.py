"""Read a flattened table row ("640020470" for 64|0|0|2|0|4|70) with the table's own identities.

A scrape that loses the cell boundaries runs a row's figures together. Every way to cut the digits
into the row's cells (no leading zeros, a space is always a cut) is a *reading*; the readings that
break an identity of the table are dropped: per row, 总计 = the six applicant columns (table 三) and
each group's 总计 = its four results (table 四); across rows of table 三, per column, 一 + 二 = （七）
+ 四 and （七） = the sum of the result rows. A row is decoded only when one reading is left; when
several are left (or none), the row stays undecided and is reported once per table, never guessed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlint.model import Span
from reportlint.parse.cells import parse_number
from reportlint.parse.template import load_template

MAX_READINGS = 20000  # per row; a row with more ways to cut it is undecided
MAX_CUTTINGS = 100_000  # partial cuts tried per row (most fail an identity); more: undecided
MAX_COMBINATIONS = 20000  # of the undecided rows' readings tried against the column identities


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of figures as written (digits, maybe a space or a decimal point) and where it starts."""

    text: str
    line: int
    column: int  # 1-based column of text[0]


Figure = tuple[str, Span]  # a cell's text and where it is
Reading = tuple[Figure, ...]
RowCheck = Callable[[Sequence[Decimal]], bool]


def readings(
    pieces: Sequence[Piece], count: int, check: RowCheck | None = None, prefix: RowCheck | None = None
) -> list[Reading] | None:
    """Every reading of ``pieces`` as ``count`` cells that passes ``check``; None when too many.

    ``prefix`` (when given) is asked of every partial reading, so that a wrong start is dropped
    before its continuations are tried (table 四: each finished group must add up).
    """
    chars: list[tuple[str, int, int]] = []  # (char, line, column), spaces become forced cuts
    forced: set[int] = set()
    for piece in pieces:
        if chars:
            forced.add(len(chars))
        for offset, char in enumerate(piece.text):
            if char.isspace():
                if chars:
                    forced.add(len(chars))
                continue
            chars.append((char, piece.line, piece.column + offset))
    text = "".join(char for char, _, _ in chars)
    found: list[Reading] = []
    try:
        for cuts, values in _cuttings(text, count, forced, prefix):
            if check is not None and not check(values):
                continue
            if len(found) >= MAX_READINGS:
                return None
            bounds = zip((0, *cuts), (*cuts, len(text)), strict=True)
            found.append(
                tuple(
                    (
                        text[start:end],
                        Span(chars[start][1], chars[start][2], chars[end - 1][1], chars[end - 1][2] + 1),
                    )
                    for start, end in bounds
                )
            )
    except _TooMany:
        return None
    return found


class _TooMany(Exception):
    """More ways to cut a row than are worth trying."""


def _cuttings(
    text: str, count: int, forced: set[int], prefix: RowCheck | None
) -> Iterator[tuple[tuple[int, ...], list[Decimal]]]:
    """Cut positions (and the numbers they give) for ``count`` well-formed numbers, every forced
    position among the cuts; raises _TooMany after MAX_CUTTINGS tries."""
    if count < 1 or len(text) < count:
        return
    need = sorted(forced)
    tried = [0]

    def walk(start: int, left: int, made: tuple[int, ...], values: list[Decimal]) -> Iterator[Any]:
        tried[0] += 1
        if tried[0] > MAX_CUTTINGS:
            raise _TooMany
        if left == 1:
            last = text[start:]
            if _well_formed(last) and not any(start < cut < len(text) for cut in need):
                full = [*values, Decimal(last)]
                if prefix is None or prefix(full):
                    yield made, full
            return
        for end in range(start + 1, len(text) - left + 2):
            part = text[start:end]
            if not _well_formed(part):
                if text[start] == "0" and part != "0" and not part.startswith("0."):
                    break  # a leading zero: longer pieces from here are no better
                continue
            if any(start < cut < end for cut in need):
                break  # a space lies inside this piece
            partial = [*values, Decimal(part)]
            if prefix is not None and not prefix(partial):
                continue
            yield from walk(end, left - 1, (*made, end), partial)

    yield from walk(0, count, (), [])


def _well_formed(part: str) -> bool:
    if not part or part[0] == "." or part[-1] == "." or part.count(".") > 1:
        return False
    return part[0] != "0" or len(part) == 1 or part[1] == "."


def total_is_sum(values: Sequence[Decimal]) -> bool:
    """The last cell is the sum of the others (a table 三 row)."""
    return values[-1] == sum(values[:-1], Decimal(0))


def groups_add_up(size: int) -> RowCheck:
    """Each group of ``size`` cells ends with the sum of the others (table 四: groups of five)."""

    def check(values: Sequence[Decimal]) -> bool:
        """Every finished group (a partial reading's open group is not judged yet)."""
        return all(
            total_is_sum(values[start : start + size]) for start in range(0, len(values) - size + 1, size)
        )

    return check


ColumnCheck = Callable[[Mapping[str, Sequence[Decimal]]], frozenset[tuple[str, int]]]
"""The identities (name, column) that fail in a table; those whose rows are not all there are skipped."""


def resolve(
    options: Mapping[str, Sequence[Reading]],
    known: Mapping[str, Sequence[Decimal]],
    check: ColumnCheck | None,
) -> dict[str, list[Reading]]:
    """The readings of each row left once the table's cross-row identities are applied.

    ``options`` holds the readings of the flattened rows, ``known`` the values of the other rows;
    ``check`` is asked about a whole table. An identity that fails among the decided rows alone (a
    real error of the report) tells nothing about the open rows: only new failures reject a choice.
    """
    left = {row: list(found) for row, found in options.items()}
    open_rows = [row for row, found in left.items() if len(found) > 1]
    if check is None or not open_rows:
        return left
    decided = dict(known)
    decided.update({row: _values(found[0]) for row, found in left.items() if len(found) == 1})
    sizes = [len(left[row]) for row in open_rows]
    total = 1
    for size in sizes:
        total *= size
    if total > MAX_COMBINATIONS:
        return left
    kept: dict[str, set[Reading]] = {row: set() for row in open_rows}
    already = check(decided)
    for combination in itertools.product(*(left[row] for row in open_rows)):
        grid = dict(decided)
        grid.update({row: _values(reading) for row, reading in zip(open_rows, combination, strict=True)})
        if check(grid) <= already:
            for row, reading in zip(open_rows, combination, strict=True):
                kept[row].add(reading)
    for row in open_rows:
        left[row] = [reading for reading in left[row] if reading in kept[row]]
    return left


def figure_value(text: str) -> Decimal:
    """The number a figure of a reading stands for ("减4", "1,234", "5件" as written); a blank cell
    (a dropped one put back) counts as zero in the identities."""
    return (parse_number(text) or Decimal(0)) if text else Decimal(0)


def _values(reading: Reading) -> list[Decimal]:
    return [figure_value(text) for text, _ in reading]


MAX_PLACEMENTS = 20000  # per row; a row with more ways to place its figures is undecided


def placements(
    figures: Sequence[Figure], count: int, anchor: Span, check: RowCheck | None = None
) -> list[Reading] | None:
    """Every way to put ``figures`` (in their order) into ``count`` cells, the others blank, that
    passes ``check``; None when there are too many ways to try.

    A scrape that drops the blank cells of a row ("821 35 2 1 859" for 821|35|||2|1|859) keeps the
    figures in order and loses where the gaps were. A blank cell put back is ``("", span)``, its
    span empty just after the figure before it (or after ``anchor``, the row's label, when first).
    """
    if len(figures) > count:
        return []
    if math.comb(count, len(figures)) > MAX_PLACEMENTS:
        return None
    found: list[Reading] = []
    for chosen in itertools.combinations(range(count), len(figures)):
        cells: list[Figure] = []
        taken = iter(figures)
        gap = Span(anchor.end_line, anchor.end_column, anchor.end_line, anchor.end_column)
        slots = set(chosen)
        for column in range(count):
            if column in slots:
                figure = next(taken)
                cells.append(figure)
                end = figure[1]
                gap = Span(end.end_line, end.end_column, end.end_line, end.end_column)
            else:
                cells.append(("", gap))
        reading = tuple(cells)
        if check is None or check(_values(reading)):
            found.append(reading)
    return found


_OUTSIDE_RESULTS = frozenset({"new", "carried_in", "total", "carried_forward"})


def table3_columns_hold(grid: Mapping[str, Sequence[Decimal]]) -> frozenset[tuple[str, int]]:
    """Per column of table 三: 一 + 二 = （七） + 四, and （七） = the result rows (when all are there)."""
    results = [spec.key for spec in load_template().table3_rows if spec.key not in _OUTSIDE_RESULTS]
    balance = ("new", "carried_in", "total", "carried_forward")
    failed: set[tuple[str, int]] = set()
    for column in range(len(load_template().table3_columns)):
        if all(row in grid for row in balance):
            new, carried_in, total, carried_forward = (grid[row][column] for row in balance)
            if new + carried_in != total + carried_forward:
                failed.add(("balance", column))
        if (
            "total" in grid
            and all(row in grid for row in results)
            and grid["total"][column] != sum((grid[row][column] for row in results), Decimal(0))
        ):
            failed.add(("results", column))
    return frozenset(failed)
