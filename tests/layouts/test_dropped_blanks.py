"""Known-good reports whose blank cells a scrape dropped must not get errors the blanks do not earn.

Sources as in test_relaid_seeds.py: the five seed reports and the two pingtan reports. Each is
first given blank cells the way real reports have them (relay.blank_zeros: the zeros of tables 二
and 三 left blank, or all but table 三's 总计; the merged label cells of table 三 blank in the rows
they span), and laid out
with its blank cells kept ("| 规章 |  | 3 |": the reference). Then the blank cells are dropped
(relay.drop_blanks), as a scrape that skips empty or &nbsp; cells does, in the one-cell-per-line,
TAB-separated, pipe and space-separated layouts (and as pipe rows that keep the blank merged
label cells before a row's label). For every such copy: no error the reference does
not get, the seed's must-report defects still found, at most one CP019 per table, and every value
read is the reference's (nothing guessed: a row whose figures go back among the blank cells more
ways than one is not checked, so no NU error hangs on a guessed cell).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache

import pytest
from tests.layouts import relay
from tests.layouts.test_relaid_seeds import SOURCES, _checked, _errors, _host, _must_report, _source, _values

from reportlint.api import lint_bytes
from reportlint.diagnostics import FileResult, Severity
from reportlint.model import Cell, CellKind

Render = Callable[[list[relay.Block]], str]

LAYOUTS: dict[str, Render] = {
    "one cell per line": relay.cell_per_line,
    "TAB-separated rows": lambda items: relay.joined_rows(items, "\t"),
    "pipe rows": relay.pipe_rows,
    "space-separated rows": lambda items: relay.joined_rows(items, " "),
    "cells ending |": relay.cell_pipe,
}
# Layouts that keep the blank merged label cells before a row's label and drop the rest.
KEEP_LEAD = {"pipe rows, merged label cells kept": relay.pipe_rows}
LAYOUTS.update(KEEP_LEAD)


# How the report leaves its zeros blank: every zero of tables 二 and 三, or all but table 三's 总计.
BLANKING = {"": False, "totals written": True}


@cache
def _blanked(name: str) -> list[relay.Block]:
    source, _, blanking = name.partition("+")
    original = _checked(source, None).report
    assert original is not None
    return relay.blank_zeros(relay.blocks(_source(source), original), keep_totals=BLANKING[blanking])


@cache
def _reference(name: str) -> FileResult:
    """The blanked report with its blank cells kept: what dropping them must not change."""
    return lint_bytes(f"{name.partition('+')[0]}.txt", relay.pipe_rows(_blanked(name)).encode(), _host())


@cache
def _dropped(name: str, layout: str) -> FileResult:
    text = LAYOUTS[layout](relay.drop_blanks(_blanked(name), keep_lead=layout in KEEP_LEAD))
    return lint_bytes(f"{name.partition('+')[0]}.txt", text.encode(), _host())


NAMES = [*SOURCES, *(f"{name}+{blanking}" for name in SOURCES for blanking in BLANKING if blanking)]
CASES = [(name, layout) for name in NAMES for layout in LAYOUTS]


def test_the_reference_keeps_the_blanks_and_reads_the_originals_figures() -> None:
    """The blanking itself is sound: kept blank cells are read as blank, figures where they were."""
    reference = _reference("000").report
    original = _checked("000", None).report
    assert reference is not None and original is not None
    table = reference.tables["三"]
    blanks = [cell for cell in table.cells.values() if cell.kind is CellKind.BLANK]
    assert blanks, "the seed's zeros in table 三 should be blank cells in the reference"
    before = _values(original)
    for (key, row, column), value in _values(reference).items():
        if value is not None:
            assert before[(key, row, column)] == value


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_no_error_the_blank_cells_do_not_earn(name: str, layout: str) -> None:
    dropped = _dropped(name, layout)
    new = _errors(dropped) - _errors(_reference(name))
    assert not new, "\n".join(
        f"{d.code} {d.line}: {d.message}" for d in dropped.diagnostics if (d.code, d.locator) in new
    )


@pytest.mark.parametrize(("name", "layout"), [c for c in CASES if not c[0].startswith("pingtan")])
def test_must_report_defects_still_found(name: str, layout: str) -> None:
    found = _dropped(name, layout).diagnostics
    for item in _must_report(name.partition("+")[0]):
        lowest = Severity(str(item["severity"]))
        family = str(item["family"])
        assert any(d.code.startswith(family) and d.severity.rank >= lowest.rank for d in found), item["what"]


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_one_cp019_per_table_at_most(name: str, layout: str) -> None:
    per_table = Counter(d.locator[:2] for d in _dropped(name, layout).diagnostics if d.code == "CP019")
    assert all(count == 1 for count in per_table.values()), per_table


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_no_value_is_guessed(name: str, layout: str) -> None:
    """Every figure read is the reference's figure in its own column, and a cell read blank is
    blank or 0 there (where a row's zero and its blanks could change places, none is claimed to
    be the written zero); a row not read is said in CP019, and no NU error comes from a guess."""
    reference, dropped = _reference(name), _dropped(name, layout)
    assert reference.report is not None and dropped.report is not None
    before = {cell: (c.kind, c.value) for cell, c in _cells(reference).items()}
    after = {cell: (c.kind, c.value) for cell, c in _cells(dropped).items()}
    wrong = {
        cell: (found, before[cell])
        for cell, found in after.items()
        if cell in before
        and found != before[cell]
        and not (found[0] is CellKind.BLANK and before[cell][1] == 0)
    }
    assert not wrong
    for key, table in reference.report.tables.items():
        read = [cell for cell in after if cell[0] == key]
        filled = any(cell.kind is not CellKind.BLANK for cell in table.cells.values())
        if filled and len(read) < len(table.cells):  # a table left all blank is CP014's, as kept
            assert any(d.code == "CP019" and f"表{key}" in d.locator for d in dropped.diagnostics), key
    nu = {e for e in _errors(dropped) if e[0].startswith("NU")}
    assert nu <= _errors(reference)


def _cells(result: FileResult) -> dict[tuple[str, str, str], Cell]:
    assert result.report is not None
    return {
        (key, row, column): cell
        for key, table in result.report.tables.items()
        for (row, column), cell in table.cells.items()
    }


def test_a_row_whose_figures_go_back_one_way_only_is_read_and_checked() -> None:
    """ "二、上年结转" with one figure in 自然人 and 总计 blank-free: the row total and the column
    identities leave one placement, so the cells are placed (decoded) and checked."""
    reference = _reference("001")
    dropped = _dropped("001", "one cell per line")
    assert dropped.report is not None and reference.report is not None
    decoded = [cell for cell in dropped.report.tables["三"].cells.values() if cell.decoded]
    assert decoded, "some rows of table 三 should be placed by the identities"
    for cell in decoded:
        assert (cell.kind, cell.value) == (
            reference.report.tables["三"].cells[(cell.row, cell.column)].kind,
            reference.report.tables["三"].cells[(cell.row, cell.column)].value,
        )
