"""What a table cell's text means: the figure as written, with or without a unit after it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportlint.model import CellKind
from reportlint.parse.cells import classify


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("0", Decimal(0)),
        ("1,234", Decimal(1234)),
        ("889.46", Decimal("889.46")),
        ("减4", Decimal(-4)),
        ("-7", Decimal(-7)),
        # a unit written in the cell (上海市人民政府办公厅 2019: 采购总金额 "251000元")
        ("251000元", Decimal(251000)),
        ("5件", Decimal(5)),
        ("1.2万元", Decimal("1.2")),
        ("３件", Decimal(3)),  # full-width digit
    ],
)
def test_figures_are_numbers(raw: str, value: Decimal) -> None:
    assert classify(raw) == (CellKind.NUMBER, value)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("", CellKind.BLANK), ("  ", CellKind.BLANK), ("/", CellKind.SLASH), ("无", CellKind.SLASH)],
)
def test_blanks_and_slashes_are_not_zero(raw: str, kind: CellKind) -> None:
    assert classify(raw) == (kind, None)


@pytest.mark.parametrize("raw", ["元", "5人", "约5件", "5件左右", "行政许可", "2023年"])
def test_words_are_text(raw: str) -> None:
    assert classify(raw) == (CellKind.TEXT, None)
