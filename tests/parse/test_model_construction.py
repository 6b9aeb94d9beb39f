"""Span and Cell are built through their slots directly (speed): they must behave as before."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, replace
from decimal import Decimal

import pytest

from reportlint.model import Cell, CellKind, Span


def test_span_positional_and_keyword_construction_order_and_frozen() -> None:
    span = Span(3, 5, end_line=4, end_column=1)
    assert (span.line, span.column, span.end_line, span.end_column) == (3, 5, 4, 1)
    assert span == Span(3, 5, 4, 1) and hash(span) == hash(Span(3, 5, 4, 1))
    assert Span(3, 5, 4, 1) < Span(3, 6, 3, 7)  # order=True compares fields in order
    assert repr(span) == "Span(line=3, column=5, end_line=4, end_column=1)"
    with pytest.raises(FrozenInstanceError):
        span.line = 9  # type: ignore[misc]
    assert replace(span, line=1) == Span(1, 5, 4, 1)
    assert pickle.loads(pickle.dumps(span)) == span  # --jobs sends reports between processes
    assert Span.on_line(2, 4, 3) == Span(2, 4, 2, 7)
    with pytest.raises(TypeError, match=r"Span\.__init__"):
        Span(1, 2, 3)  # type: ignore[call-arg]


def test_cell_fields_frozen_and_pickled() -> None:
    span = Span(7, 2, 7, 4)
    cell = Cell("三", "new", "total", "12", CellKind.NUMBER, Decimal(12), span)
    assert (cell.table, cell.row, cell.column, cell.raw) == ("三", "new", "total", "12")
    assert (cell.kind, cell.value, cell.span) == (CellKind.NUMBER, Decimal(12), span)
    same = Cell(
        table="三", row="new", column="total", raw="12", kind=CellKind.NUMBER, value=Decimal(12), span=span
    )
    assert cell == same and hash(cell) == hash(same)
    with pytest.raises(FrozenInstanceError):
        cell.raw = "13"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(cell)) == cell
    assert replace(cell, value=None).value is None
