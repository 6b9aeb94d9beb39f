"""Shared helpers of the numeric and table rules: template keys per table, labels, locators.

Kept apart from the rules so each rule module reads as "what is checked", not "how to find it".
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.model import Cell, Report, Span, Table, TableFormat
from reportlint.parse.template import LabelSpec, SubtableSpec, load_template
from reportlint.rules.shapes import shape_of, table_heading

CHECKED_TABLES = ("二", "三", "四")
"""The statistical tables the template prescribes, in report order."""


def _subtables(is2019: bool) -> tuple[SubtableSpec, ...]:
    template = load_template()
    return template.format2019_table2 if is2019 else template.table2


def template_rows(table_key: str, is2019: bool = False) -> tuple[str, ...]:
    """The row keys the template (2021, or the 2019 trial format) prescribes for a table."""
    template = load_template()
    if table_key == "三":
        return tuple(spec.key for spec in template.table3_rows_for(is2019))
    if table_key == "四":
        return ("cases",)
    if table_key == "二":
        return tuple(row.key for sub in _subtables(is2019) for row in sub.rows)
    return ()


def template_columns(table_key: str, row: str, is2019: bool = False) -> tuple[str, ...]:
    """The column keys of one row of a table in the template (2021 or 2019)."""
    template = load_template()
    if table_key == "三":
        return tuple(spec.key for spec in template.table3_columns)
    if table_key == "四":
        return tuple(spec.key for spec in template.table4_columns())
    for sub in _subtables(is2019):
        if any(spec.key == row for spec in sub.rows):
            return tuple(spec.key for spec in sub.columns)
    return ()


def table2_column(column: str) -> LabelSpec | None:
    """A column of table 二 (2021 or 2019 format) by key."""
    for sub in (*_subtables(False), *_subtables(True)):
        for spec in sub.columns:
            if spec.key == column:
                return spec
    return None


def template_row_label(table_key: str, row: str) -> str:
    """The template wording of a row (the key itself when the template has no such row)."""
    if table_key == "二":
        for sub in (*_subtables(False), *_subtables(True)):
            for spec in sub.rows:
                if spec.key == row:
                    return spec.label
        return row
    return shape_of(table_key, None).label(row)


def column_label(report: Report, table_key: str, column: str) -> str:
    """The template wording of a column, for messages."""
    if table_key == "二":
        spec = table2_column(column)
        if spec is not None:
            return spec.label
    return shape_of(table_key, report.table(table_key)).label(column, "columns")


def locator(report: Report, table_key: str, *parts: str) -> tuple[str, ...]:
    """section › 表X › parts, leaving out empty parts."""
    return tuple(p for p in (table_heading(report, table_key), f"表{table_key}", *parts) if p)


def cell_names(report: Report, cell: Cell) -> tuple[str, str]:
    """The template wording of a cell's row and column."""
    return template_row_label(cell.table, cell.row), column_label(report, cell.table, cell.column)


UNDECIDED = frozenset({"ambiguous-figures", "dropped-blanks"})
"""Rows whose cells could not be placed one way only: run-together figures, or figures whose
blank cells a scrape dropped."""


def undecided(table: Table, row: str) -> bool:
    """A row whose figures could not be placed one way only (no cells placed: nothing that depends
    on where they go is checked, and one CP019 finding says so)."""
    return any(p.kind in UNDECIDED and p.row == row for p in table.problems)


def row_present(table: Table, row: str) -> bool:
    """True when the table has the row: its label, or for table 四 (whose values line carries
    no label) any value in it; a flattened row that could not be cut is there too."""
    if undecided(table, row):
        return True
    if table.key == "四":
        return any(cell_row == row for cell_row, _ in table.cells)
    return table.row_label(row) is not None


def template_tables(report: Report) -> Iterator[Table]:
    """Tables 二, 三, 四 of a report that follow a known template (2021 or the 2019 trial format)."""
    for key in CHECKED_TABLES:
        table = report.table(key)
        if table is not None and table.format is not TableFormat.UNKNOWN:
            yield table


def present_tables(report: Report) -> Iterator[Table]:
    """Tables 二, 三, 四 that the report has, whatever their format."""
    for key in CHECKED_TABLES:
        table = report.table(key)
        if table is not None:
            yield table


def template_row_slots(report: Report) -> Iterator[tuple[Table, str]]:
    """(table, row key) for every template row of the known-format tables that hold values."""
    for table in template_tables(report):
        if has_values(table):
            for row in template_rows(table.key, table.format is TableFormat.T2019):
                yield table, row


def has_values(table: Table) -> bool:
    """True unless table assembly found no value at all (one finding covers that)."""
    return not any(problem.kind == "no-values" for problem in table.problems)


def header_only(table: Table) -> bool:
    """A table 二 or 三 whose header is there but no row at all: cut off, or the body is an image.

    Table 四 has no row labels (its values line follows the header), so it never counts."""
    return table.key != "四" and not table.rows and not has_values(table)


def table_start(table: Table) -> Span:
    """The first character of a table, where findings about the whole table point."""
    return Span.on_line(table.span.line, table.span.column, 1)
