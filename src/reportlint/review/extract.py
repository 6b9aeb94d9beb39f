"""The statistical tables of many reports as flat records, for spreadsheets and databases.

``reportlint extract PATH... --format csv|json [--output-file F]``: one record per body, year,
table, row and column, so that an office can pivot a hundred bodies' figures in Excel. CSV is
written UTF-8 with a byte-order mark because Excel on Chinese Windows otherwise guesses GBK.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from functools import cache

from reportlint.model import Report
from reportlint.review.identity import body_label

TABLE_ORDER = ("二", "三", "四")


@dataclass(frozen=True, slots=True)
class ExtractRecord:
    """One table value with where it came from; ``row``/``column`` are template keys."""

    path: str
    body: str
    year: int | None
    table: str
    row: str
    column: str
    row_label: str
    column_label: str
    value: Decimal | None
    raw: str
    kind: str
    line: int
    col: int


FIELDS = tuple(field.name for field in fields(ExtractRecord))


def extract_records(reports: Iterable[Report]) -> list[ExtractRecord]:
    """Every cell of tables 二, 三 and 四 of every report, in report then document order."""
    records: list[ExtractRecord] = []
    for report in reports:
        for key in TABLE_ORDER:
            table = report.table(key)
            if table is None:
                continue
            for cell in sorted(table.cells.values(), key=lambda c: c.span):
                records.append(
                    ExtractRecord(
                        path=report.path,
                        body=body_label(report),
                        year=report.year,
                        table=key,
                        row=cell.row,
                        column=cell.column,
                        row_label=_labels().get((key, "row", cell.row), cell.row),
                        column_label=_labels().get((key, "column", cell.column), cell.column),
                        value=cell.value,
                        raw=cell.raw,
                        kind=str(cell.kind),
                        line=cell.span.line,
                        col=cell.span.column,
                    )
                )
    return records


def to_csv(records: Sequence[ExtractRecord]) -> str:
    """CSV text starting with a byte-order mark; blank values stay empty, never 0."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow(_csv_value(getattr(record, name)) for name in FIELDS)
    return "\ufeff" + buffer.getvalue()


def to_json(records: Sequence[ExtractRecord]) -> str:
    """A JSON array of records; values are numbers (integers stay integers) or null."""
    data = [{**asdict(record), "value": _json_number(record.value)} for record in records]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@cache
def _labels() -> dict[tuple[str, str, str], str]:
    """(table, "row"|"column", key) → the template's label, for readers of the spreadsheet."""
    from reportlint.parse.template import load_template

    template = load_template()
    labels: dict[tuple[str, str, str], str] = {}
    for sub in (*template.format2019_table2, *template.table2):  # 2021 wording wins a shared key
        labels.update({("二", "row", row.key): row.label for row in sub.rows})
        labels.update({("二", "column", column.key): column.label for column in sub.columns})
    labels.update({("三", "row", row.key): row.label for row in template.table3_every_row()})
    labels.update({("三", "column", column.key): column.label for column in template.table3_columns})
    groups = {group.key: group.label for group in template.table4_column_groups}
    for column in template.table4_columns():
        labels[("四", "column", column.key)] = f"{groups[column.group or '']}·{column.label}"
    labels[("四", "row", "cases")] = "数据"
    return labels
