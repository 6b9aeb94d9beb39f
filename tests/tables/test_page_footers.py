"""A page footer ("— 3 —", "- 3 -", "第 3 页", "－3－") left in a .txt between table rows is page
furniture: never a cell ("-" alone would be a "/" cell), never a reason to report the table.

Sources: seed 002 (tests/fixtures/seeds, one docx cell per TAB line) and the same report re-laid
one cell per line and as pipe rows (tests/layouts/relay.py). A footer is put after every row of
table 三 whose label is in ROWS, the way a page break falls in a printed table.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest
from tests.layouts import relay
from tests.layouts.test_relaid_seeds import _checked, _host, _source, _values

from reportlint.api import lint_bytes
from reportlint.diagnostics import FileResult

FOOTERS = ["— 3 —", "- 3 -", "第 3 页", "第3页 共7页", "－3－", "―3―", "-3-"]
ROWS = ("一、本年新收", "（一）予以公开", "5.属于三类内部事务信息", "（七）总计")


def _tab_layout(footer: str) -> str:
    out: list[str] = []
    lines = _source("002").splitlines()
    for number, line in enumerate(lines):
        out.append(line)
        after = lines[number + 1] if number + 1 < len(lines) else ""
        if line.strip() and not after.strip("\t ") and _row_ends(lines, number):
            out.append(footer)
    return "\n".join(out) + "\n"


def _row_ends(lines: list[str], number: int) -> bool:
    """The line is the last cell of a row of table 三 named in ROWS (docx rows end at a blank line)."""
    start = number
    while start > 0 and lines[start - 1].strip("\t "):
        start -= 1
    return any(lines[index].strip().startswith(ROWS) for index in range(start, number + 1))


def _relaid(footer: str, render: Callable[[list[relay.Block]], str]) -> str:
    original = _checked("002", None).report
    assert original is not None
    items: list[relay.Block] = []
    for item in relay.blocks(_source("002"), original):
        items.append(item)
        if isinstance(item, relay.Row) and item.label.startswith(ROWS):
            items.append(relay.Text(footer))
    return render(items)


LAYOUTS = {
    "TAB cells": _tab_layout,
    "one cell per line": lambda footer: _relaid(footer, relay.cell_per_line),
    "pipe rows": lambda footer: _relaid(footer, relay.pipe_rows),
}


@cache
def _with_footers(layout: str, footer: str) -> FileResult:
    return lint_bytes("002.txt", LAYOUTS[layout](footer).encode(), _host())


@pytest.mark.parametrize("footer", FOOTERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_footer_between_rows_changes_nothing(layout: str, footer: str) -> None:
    original, found = _checked("002", None), _with_footers(layout, footer)
    assert original.report is not None and found.report is not None
    assert _values(found.report) == _values(original.report)
    table_codes = {"CP011", "CP012", "CP013", "CP016", "CP019"}
    assert [d.message for d in found.diagnostics if d.code in table_codes or d.code.startswith("NU")] == []
