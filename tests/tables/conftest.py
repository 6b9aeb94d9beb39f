"""Helpers for table tests: slice a fixture file by line numbers and assemble a table from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reportlint.model import Table
from reportlint.parse.tables import assemble_table
from reportlint.parse.textlines import split_lines

FIXTURES = Path(__file__).parent.parent / "fixtures"

Assemble = Callable[[str, str, int, int], Table]


@pytest.fixture
def assemble() -> Assemble:
    """assemble(fixture path under tests/fixtures, table key, first line, last line) → Table."""

    def run(relative: str, key: str, first: int, last: int) -> Table:
        lines = split_lines((FIXTURES / relative).read_text(encoding="utf-8"))
        return assemble_table(key, lines[first - 1 : last])

    return run


def _row_values(table: Table, row: str, columns: list[str] | None = None) -> list[str]:
    """The raw cells of one row in column order ("?" where nothing was placed)."""
    if columns is None:
        columns = [column for (found_row, column) in table.cells if found_row == row]
    found = [table.cell(row, column) for column in columns]
    return [cell.raw if cell is not None else "?" for cell in found]


@pytest.fixture
def values() -> Callable[..., list[str]]:
    """values(table, row, columns=None) → the raw cells of that row."""
    return _row_values
