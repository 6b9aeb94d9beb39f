"""Mutation tests: every single-cell change of tables 三 and 四 in a seed is caught by an NU error.

For each seed, each numeric cell of tables 三 and 四 is rewritten in the TEXT as value + 1 (at the
cell's own span), the text is parsed again and linted with the NU rules. The seeds' identities all
hold (shared/seeds/EXPECTED.md), so every mutant breaks at least one: the row's 总计 (NU002), the
column's （七）总计 (NU003) and balance (NU001), or a table 四 group total (NU004). A mutant counts
as caught only when an NU error points at a cell of an identity that reads the changed cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config import Config
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Cell, CellKind, Report
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
LINTER = Linter(create_host(load_entry_points=False), Config(select=("NU",)))


def mutated_cells(report: Report) -> list[Cell]:
    """The numeric cells of tables 三 and 四, in a stable order."""
    cells = [
        cell
        for key in ("三", "四")
        if (table := report.table(key)) is not None
        for cell in table.cells.values()
        if cell.kind is CellKind.NUMBER
    ]
    return sorted(cells, key=lambda c: (c.span.line, c.span.column))


def rewrite(text: str, cell: Cell, replacement: str) -> str:
    """The text with one cell's characters replaced (positions are 1-based code points)."""
    lines = text.split("\n")
    span = cell.span
    assert span.line == span.end_line, "a table value sits on one line"
    line = lines[span.line - 1]
    assert line[span.column - 1 : span.end_column - 1] == cell.raw, "the span holds the cell as written"
    lines[span.line - 1] = line[: span.column - 1] + replacement + line[span.end_column - 1 :]
    return "\n".join(lines)


def cell_starts(report: Report) -> set[tuple[int, int]]:
    return {(c.span.line, c.span.column) for t in report.tables.values() for c in t.cells.values()}


def catches(found: list[Diagnostic], changed: tuple[int, int], cells: set[tuple[int, int]]) -> bool:
    """An NU error at a table cell whose identity (the cell itself or its related cells) reads
    the changed cell."""
    for diagnostic in found:
        if not diagnostic.code.startswith("NU") or diagnostic.severity is not Severity.ERROR:
            continue
        at = (diagnostic.line, diagnostic.column)
        identity = {at} | {(r[0], r[1]) for r in diagnostic.related}
        if at in cells and changed in identity:
            return True
    return False


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_every_single_cell_change_is_detected(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    original = parse_text(text, str(seed))
    assert not [d for d in LINTER.lint(original) if d.code.startswith("NU")], "the seed's figures hold"
    cells = mutated_cells(original)
    assert len(cells) == 175 + 15, "every cell of tables 三 (25×7) and 四 (15) is a number in the seeds"
    missed = []
    for cell in cells:
        assert cell.value is not None
        mutant = parse_text(rewrite(text, cell, str(cell.value + 1)), str(seed))
        changed = (cell.span.line, cell.span.column)
        if not catches(LINTER.lint(mutant), changed, cell_starts(mutant)):
            missed.append(f"表{cell.table}[{cell.row}, {cell.column}] at {changed}")
    detected = len(cells) - len(missed)
    print(f"{seed.name}: {detected}/{len(cells)} single-cell mutants detected")
    assert missed == [], f"{len(missed)} undetected: {missed[:10]}"


def test_mutants_of_all_seeds_number_in_the_hundreds() -> None:
    """Guards the test above against quietly checking nothing (e.g. if the seeds moved)."""
    total = sum(len(mutated_cells(parse_text(s.read_text(encoding="utf-8")))) for s in SEEDS)
    assert len(SEEDS) == 5 and total == 5 * 190
