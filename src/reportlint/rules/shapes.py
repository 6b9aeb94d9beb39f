"""Row and column keys of each table in template order, their labels, and cell locators.

Rules name cells by the template's stable keys; messages and locators show the template's
wording, so a drafter sees "（七）总计 › 自然人" rather than "total › natural_person".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlint.model import Cell, Report, Table
from reportlint.parse.template import LabelSpec, load_template

TABLE_SECTIONS = {"二": 2, "三": 3, "四": 4}


@dataclass(frozen=True, slots=True)
class TableShape:
    """The keys of one table in template order, and the template wording of every key."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    groups: tuple[str, ...]
    row_labels: dict[str, str]
    column_labels: dict[str, str]
    group_labels: dict[str, str]

    def label(self, key: str, dimension: str = "rows") -> str:
        """The wording of a key of ``dimension`` (rows, columns, groups); the key when unknown."""
        table = {"rows": self.row_labels, "columns": self.column_labels}.get(dimension, self.group_labels)
        return table.get(key, key)


def _labels(specs: tuple[LabelSpec, ...]) -> dict[str, str]:
    return {spec.key: spec.label for spec in specs}


@cache
def template_shape(table: str) -> TableShape | None:
    """The template's shape of table 三 or 四 (None for 二, whose keys come from the report)."""
    template = load_template()
    if table == "三":
        return TableShape(
            rows=tuple(s.key for s in template.table3_every_row()),
            columns=tuple(s.key for s in template.table3_columns),
            groups=tuple(s.key for s in template.table3_groups),
            row_labels=_labels(template.table3_every_row()),
            column_labels=_labels(template.table3_columns),
            group_labels=_labels(template.table3_groups),
        )
    if table == "四":
        columns = template.table4_columns()
        groups = {g.key: g.label for g in template.table4_column_groups}
        return TableShape(
            rows=("cases",),
            columns=tuple(s.key for s in columns),
            groups=tuple(groups),
            row_labels={"cases": "数据"},
            column_labels={s.key: f"{groups[s.group or '']}·{s.label}" for s in columns},
            group_labels=groups,
        )
    return None


def shape_of(table_key: str, table: Table | None) -> TableShape:
    """The template shape, or for other tables the keys found in the report in reading order."""
    known = template_shape(table_key)
    if known is not None:
        return known
    rows: dict[str, None] = {}
    columns: dict[str, None] = {}
    if table is not None:
        for row, column in table.cells:
            rows.setdefault(row)
            columns.setdefault(column)
    row_labels = {label.key: label.template for label in table.rows} if table is not None else {}
    column_labels = {label.key: label.template for label in table.columns} if table is not None else {}
    return TableShape(tuple(rows), tuple(columns), (), row_labels, column_labels, {})


def table_heading(report: Report, table_key: str) -> str:
    """The heading of the section that holds a table, as written, or the template title."""
    number = TABLE_SECTIONS.get(table_key)
    section = report.section(number) if number is not None else None
    if section is not None:
        return f"{section.heading.numbering}{section.heading.title}"
    if number is not None:
        return load_template().sections[number - 1].title
    return ""


def cell_locator(report: Report, cell: Cell) -> tuple[str, ...]:
    """section › 表X › row label › column label, in the template's words."""
    shape = shape_of(cell.table, report.table(cell.table))
    parts = (
        table_heading(report, cell.table),
        f"表{cell.table}",
        shape.label(cell.row),
        shape.label(cell.column, "columns"),
    )
    return tuple(part for part in parts if part)
