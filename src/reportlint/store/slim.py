"""Compact slim reports and sparse source lines: what a batch run keeps of each file.

A batch run needs, per file, only what the cross-year checks and the review page read (body,
year, title, the cells of tables 二 and 三: review.crossyear.slim_for_cross_year) and the source
lines output can show. Held as objects that is ~190 cells a file, too much for 10,000 files and
slow to send back from a worker; here the tables, with the source lines their cells and the title
cover, are one zlib-compressed JSON text, decoded only when read (the cross-year checks read the
tables of consecutive years of one body only). The same record is what the result cache stores.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, overload

from reportlint.diagnostics import Diagnostic
from reportlint.model import Cell, CellKind, Report, Span, Table, TableFormat, Title


class SparseLines(Sequence[str]):
    """A report's lines of which only some are kept (the others read as empty): indexes and
    length as in the full list, the memory of the kept lines only."""

    __slots__ = ("_kept", "_length")

    def __init__(self, kept: Mapping[int, str], length: int) -> None:
        self._kept = dict(kept)  # 0-based index → text
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("line index out of range")
        return self._kept.get(position, "")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._length and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SparseLines({self._kept!r}, {self._length})"

    def __reduce__(self) -> tuple[type[SparseLines], tuple[dict[int, str], int]]:
        return (SparseLines, (self._kept, self._length))


def kept_lines(lines: Sequence[str], diagnostics: Iterable[Diagnostic]) -> SparseLines:
    """Only the source lines output can show: those the diagnostics cover, the others left empty,
    so a result carries a few lines instead of the whole report."""
    return sparse_lines({n: lines[n - 1] for n in _covered(diagnostics) if 0 < n <= len(lines)})


def _covered(diagnostics: Iterable[Diagnostic]) -> set[int]:
    wanted: set[int] = set()
    for d in diagnostics:
        wanted.update(range(d.line, d.end_line + 1))
        for related in d.related:
            wanted.update(range(related[0], related[2] + 1))
    return wanted


def sparse_lines(numbered: Mapping[int, str]) -> SparseLines:
    """Lines by 1-based number; the sequence ends at the last of them."""
    return SparseLines({n - 1: text for n, text in numbered.items()}, max(numbered, default=0))


def with_lines_for(
    lines: Sequence[str], diagnostics: Iterable[Diagnostic], report: Report | None
) -> SparseLines:
    """``lines`` completed with the lines of a compact report that ``diagnostics`` (say, findings
    the cross-year checks added) point at."""
    wanted = _covered(diagnostics)
    kept = {n: lines[n - 1] for n in wanted if 0 < n <= len(lines)}
    missing = [n for n in wanted if not kept.get(n)]
    tables = report.tables if report is not None else None
    if missing and isinstance(tables, _PackedTables):
        packed = tables.lines()
        kept.update((n, packed[n]) for n in missing if n in packed)
    return sparse_lines(kept)


def compact_report(report: Report, lines: Sequence[str]) -> Report:
    """A slim report whose tables (and the ``lines`` their cells and title cover) are packed."""
    return unpack_report(report.path, pack_report(report, lines))


def pack_report(report: Report, lines: Sequence[str]) -> dict[str, Any]:
    """A slim report as plain JSON data (for the cache), its tables packed."""
    spans = [cell.span for table in report.tables.values() for cell in table.cells.values()]
    title = report.title
    if title is not None:
        spans.append(title.span)
    covered = {n for span in spans for n in range(span.line, span.end_line + 1) if 0 < n <= len(lines)}
    tables = {
        key: {
            "format": table.format.value,
            "span": _span_record(table.span),
            "cells": [_cell_record(c) for c in table.cells.values()],
        }
        for key, table in report.tables.items()
    }
    parts = {"tables": tables, "lines": {str(n): lines[n - 1] for n in sorted(covered)}}
    packed = zlib.compress(json.dumps(parts, ensure_ascii=False).encode("utf-8"), 6)
    return {
        "title": None if title is None else [title.text, _span_record(title.span), title.body, title.year],
        "body": report.body,
        "year": report.year,
        "year_source": report.year_source,
        "format": report.format,
        "packed": base64.b64encode(packed).decode("ascii"),
    }


def unpack_report(path: str, record: Mapping[str, Any], *, verify: bool = False) -> Report:
    """The compact slim report of ``pack_report``'s data; raises ValueError/TypeError/KeyError
    when the data is not such a record. ``verify`` (data read back from disk) also checks now
    that the packed part decompresses, so a damaged one is found here, not when it is read."""
    title = record["title"]
    packed = base64.b64decode(record["packed"], validate=True)
    if verify:
        try:
            zlib.decompress(packed)
        except zlib.error as error:
            raise ValueError(f"packed tables: {error}") from None
    return Report(
        path=path,
        text="",
        lines=(),
        title=None if title is None else Title(title[0], _span(title[1]), title[2], title[3]),
        body=record["body"],
        year=record["year"],
        year_source=record["year_source"],
        tables=_PackedTables(packed),
        format=record["format"],
    )


class _PackedTables(Mapping[str, Table]):
    """Tables kept compressed until read."""

    def __init__(self, packed: bytes) -> None:
        self._packed = packed
        self._tables: dict[str, Table] | None = None

    def _unpacked(self) -> dict[str, Any]:
        """Decoded afresh each time: keeping the decoded form would undo the packing."""
        parts: dict[str, Any] = json.loads(zlib.decompress(self._packed))
        return parts

    def _decoded(self) -> dict[str, Table]:
        if self._tables is None:
            records = self._unpacked()["tables"]
            self._tables = {key: _table(key, record) for key, record in records.items()}
        return self._tables

    def lines(self) -> dict[int, str]:
        """The source lines the tables' cells and the report's title cover."""
        return {int(n): str(text) for n, text in self._unpacked()["lines"].items()}

    def __getitem__(self, key: str) -> Table:
        return self._decoded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())

    def __reduce__(self) -> tuple[type[_PackedTables], tuple[bytes]]:
        return (_PackedTables, (self._packed,))


def _cell_record(cell: Cell) -> list[Any]:
    """A cell as a list; the common case (a number written as its value, on one line) short."""
    value = _decimal_text(cell.value)
    span = cell.span
    if cell.kind is CellKind.NUMBER and cell.raw == value and span.line == span.end_line:
        short = [cell.row, cell.column, value, span.line, span.column, span.end_column]
        return [*short, True] if cell.decoded else short  # 7 items: decoded, else 6
    return [cell.row, cell.column, cell.raw, cell.kind.value, value, *_span_record(span), cell.decoded]


def _cell(table: str, record: Sequence[Any]) -> Cell:
    if len(record) in (6, 7):
        row, column, value, line, column_start, column_end, *short_flag = record
        span = Span(line, column_start, line, column_end)
        return Cell(table, row, column, value, CellKind.NUMBER, Decimal(value), span, bool(short_flag))
    row, column, raw, kind, value, *span_record = record[:9]
    decoded = len(record) > 9 and record[9]
    number = None if value is None else Decimal(value)
    return Cell(table, row, column, raw, CellKind(kind), number, _span(span_record), bool(decoded))


def _table(key: str, record: Mapping[str, Any]) -> Table:
    cells = {}
    for cell_record in record["cells"]:
        cell = _cell(key, cell_record)
        cells[(cell.row, cell.column)] = cell
    return Table(key, TableFormat(record["format"]), _span(record["span"]), cells)


def _span(record: Sequence[int]) -> Span:
    line, column, end_line, end_column = record
    return Span(int(line), int(column), int(end_line), int(end_column))


def _span_record(span: Span) -> list[int]:
    return [span.line, span.column, span.end_line, span.end_column]


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
