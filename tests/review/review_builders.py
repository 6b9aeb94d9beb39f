"""Small builders of Reports, Tables and Diagnostics for the review tests.

The parser is written elsewhere; these build exactly the model it promises (model.py), with cells
placed at the lines where a reader of the fixture text finds them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from reportlint.api import FileResult
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Cell, CellKind, Report, Span, Table, TableFormat, Title

TABLE3_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
)

# (row key, column key) -> (raw text, line); the cell starts after the tab, at column 2.
CellSpec = Mapping[tuple[str, str], tuple[str, int]]


def make_cell(table: str, row: str, column: str, raw: str, line: int) -> Cell:
    """A cell as the parser would place it: kind and value follow from the raw text."""
    stripped = raw.strip()
    value: Decimal | None = None
    if stripped == "":
        kind = CellKind.BLANK
    elif stripped == "/":
        kind = CellKind.SLASH
    else:
        try:
            value = Decimal(stripped)
            kind = CellKind.NUMBER
        except InvalidOperation:
            kind = CellKind.TEXT
    return Cell(table, row, column, raw, kind, value, Span.on_line(line, 2, len(raw)))


def make_table(key: str, cells: CellSpec) -> Table:
    """A 2021-format table holding the given cells."""
    built = {pos: make_cell(key, pos[0], pos[1], raw, line) for pos, (raw, line) in cells.items()}
    lines = [line for _, line in cells.values()] or [1]
    return Table(key, TableFormat.T2021, Span(min(lines), 1, max(lines), 1), built)


def table3_row(row: str, values: Sequence[str], first_line: int) -> dict[tuple[str, str], tuple[str, int]]:
    """One row of table 三 written one cell per line, from ``first_line`` on."""
    return {
        (row, column): (raw, first_line + index)
        for index, (column, raw) in enumerate(zip(TABLE3_COLUMNS, values, strict=True))
    }


def make_report(
    path: str,
    body: str | None,
    year: int | None,
    *,
    text: str | None = None,
    tables: Mapping[str, Table] | None = None,
    title_line: int = 1,
) -> Report:
    """A report with a body, year and title; the text defaults to a one-line title."""
    title_text = f"{body or ''}{year or ''}年政府信息公开工作年度报告"
    text = text if text is not None else title_text
    lines = tuple(text.split("\n"))
    title = Title(lines[title_line - 1], Span.on_line(title_line, 1, len(lines[title_line - 1])), body, year)
    return Report(path=path, text=text, lines=lines, title=title, body=body, year=year, tables=tables or {})


def make_diagnostic(
    path: str, code: str, severity: Severity, message: str, line: int, column: int = 1
) -> Diagnostic:
    """A diagnostic at one position, as any rule would emit it."""
    return Diagnostic(path, code, code.lower(), severity, message, line, column, line, column + 1)


def read_fixture(path: Path) -> str:
    """A fixture's text exactly as stored."""
    return path.read_text(encoding="utf-8")


def result(report: Report, *diagnostics: Diagnostic) -> FileResult:
    """A FileResult for a report and its findings."""
    return FileResult(report.path, tuple(diagnostics), report)
