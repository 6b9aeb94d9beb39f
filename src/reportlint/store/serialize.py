"""The Report model as JSON-ready data and as a readable tree, for ``reportlint parse``.

Every node carries its position (line/column, 1-based); Decimal values are strings so nothing is
lost to floats; tables are listed as rows of cells in template order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from reportlint.model import Cell, DateMention, Heading, Paragraph, Report, Section, Span, Table

_PREVIEW = 40


def _span(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _plain(value: Any) -> Any:
    """Model values as JSON types (dataclasses to objects, spans to positions)."""
    if isinstance(value, Span):
        return _span(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Table):
        return _table(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: _plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _rows_of_cells(table: Table) -> list[tuple[str, list[Cell]]]:
    """Cells grouped by row: labelled rows first in their order, then any other rows."""
    order = [label.key for label in table.rows]
    grouped: dict[str, list[Cell]] = {key: [] for key in order}
    for cell in table.cells.values():
        grouped.setdefault(cell.row, []).append(cell)
    return [
        (key, sorted(cells, key=lambda c: (c.span.line, c.span.column))) for key, cells in grouped.items()
    ]


def _table(table: Table) -> dict[str, Any]:
    labels = {label.key: label for label in table.rows}
    rows = []
    for key, cells in _rows_of_cells(table):
        label = labels.get(key)
        rows.append(
            {
                "key": key,
                "written": label.written if label else None,
                "span": _span(label.span) if label else None,
                "cells": [
                    {
                        "column": c.column,
                        "raw": c.raw,
                        "kind": c.kind.value,
                        "value": _plain(c.value),
                        "span": _span(c.span),
                    }
                    | ({"decoded": True} if c.decoded else {})  # cut from run-together figures
                    for c in cells
                ],
            }
        )
    return {
        "key": table.key,
        "format": table.format.value,
        "span": _span(table.span),
        "columns": _plain(table.columns),
        "rows": rows,
        "problems": _plain(table.problems),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """JSON-ready data for ``reportlint parse`` (the source text itself is left out)."""
    data: dict[str, Any] = {"path": report.path, "format": report.format, "line_count": len(report.lines)}
    for item in fields(report):
        if item.name not in ("path", "format", "text", "lines"):
            data[item.name] = _plain(getattr(report, item.name))
    return data


def _at(span: Span) -> str:
    return f"{span.line}:{span.column}"


def _quote(text: str) -> str:
    text = text.strip()
    return f"“{text[:_PREVIEW]}…”" if len(text) > _PREVIEW else f"“{text}”"


def _date(mention: DateMention | None) -> str:
    if mention is None:
        return "-"
    parts = "-".join(
        "?" if part is None else f"{part:02d}" for part in (mention.year, mention.month, mention.day)
    )
    flag = "" if mention.well_formed else " (格式有误)"
    return f"{parts} {_quote(mention.text)} @{_at(mention.span)}{flag}"


def _section_lines(section: Section, report: Report) -> list[str]:
    head = section.heading
    where = f"@{_at(head.span)}–{section.span.end_line}"
    out = [f"  section key={section.key or '-'} {head.numbering}{head.title} {where}"]
    items: list[Heading | Paragraph] = [*section.subheadings, *section.paragraphs]
    items.sort(key=lambda item: (item.span.line, item.span.column, isinstance(item, Paragraph)))
    for item in items:
        if isinstance(item, Heading):
            out.append(f"    subheading L{item.level} {item.numbering}{item.title} @{_at(item.span)}")
        else:
            out.append(f"    paragraph @{_at(item.span)} {_quote(item.text)}")
    for key in section.tables:
        table = report.tables.get(key)
        if table is None:
            continue
        out.append(
            f"    table {key} format={table.format.value} @{_at(table.span)}–{table.span.end_line} "
            f"cells={len(table.cells)} problems={len(table.problems)}"
        )
        for row, cells in _rows_of_cells(table):
            values = " ".join(f"{cell.column}={cell.raw or '∅'}" for cell in cells)
            decoded = " (decoded: cut from figures run together)" if any(c.decoded for c in cells) else ""
            out.append(f"      row {row}: {values}{decoded}")
        out.extend(f"      problem {p.kind} @{_at(p.span)} {p.message}" for p in table.problems)
    return out


def report_to_tree(report: Report) -> str:
    """An indented outline for ``reportlint parse --format tree``."""
    out = [f"Report {report.path} ({report.format}, {len(report.lines)} lines)"]
    title = report.title
    if title is not None:
        facts = f"body={title.body or '-'} year={title.year or '-'}"
        out.append(f"  title @{_at(title.span)} {_quote(title.text)} {facts}")
    else:
        out.append("  title -")
    out.append(f"  body {report.body or '-'}")
    out.append(f"  year {report.year or '-'} (from {report.year_source})")
    period = report.period
    if period is not None:
        out.append(f"  period @{_at(period.span)} {_quote(period.text)}")
        out.append(f"    start {_date(period.start)}")
        out.append(f"    end {_date(period.end)}")
    else:
        out.append("  period -")
    out.append(f"  signature body={report.signature_body or '-'} date={_date(report.signature_date)}")
    if report.preamble:
        out.append("  preamble")
        out.extend(f"    paragraph @{_at(p.span)} {_quote(p.text)}" for p in report.preamble)
    for section in report.sections:
        out.extend(_section_lines(section, report))
    if report.noise:
        out.append("  noise")
        out.extend(f"    {n.kind} @{_at(n.span)} {_quote(n.text)}" for n in report.noise)
    return "\n".join(out)
