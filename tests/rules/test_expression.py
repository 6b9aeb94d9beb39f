"""The expression language: selectors, loops, arithmetic and comparison, and refusing anything else."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_builders import full_report
from reportlint.model import Cell, CellKind, Report, Span, Table, TableFormat
from reportlint.rules.expression import ExpressionError, compile_expression

REPORT = full_report()


def failing(text: str) -> list[dict[str, str]]:
    """The loop bindings for which the expression does not hold on the consistent report."""
    return [dict(v.bindings) for v in compile_expression(text).violations(REPORT)]


@pytest.mark.parametrize(
    "text",
    [
        "三[total, natural_person] == 9",
        "三[total, natural_person] = 9",
        "sum(三[granted..other_handling.other, total]) == 三[total, total]",
        "sum(三[withheld.*, total]) == 1",
        "sum(三[new, *]) == 2 * 三[new, total]",
        "sum(三[new, natural_person..other_org]) - 三[new, total] == 0",
        "-三[new, total] + 14 == 三[carried_in, total]",
        "(三[new, total] + 1) * 2 == 28",
        "四[review.total] >= 四[review.upheld]",
        "四[direct_suit.total] != 0",
        "三[new, total] < 13.5",
    ],
)
def test_true_statements_hold(text: str) -> None:
    assert failing(text) == []


def test_loops_report_each_failing_binding() -> None:
    # only 自然人 (10) and 商业企业 (2) and 法律服务机构 (1) of row 一 are non-zero besides 总计 (13)
    assert failing("for c in 三.columns(natural_person..other_org): 三[new, c] == 0") == [
        {"c": "natural_person"},
        {"c": "commercial"},
        {"c": "legal_service"},
    ]
    assert failing("for r in 三.rows(withheld.*): 三[r, total] == 0") == [{"r": "withheld.third_party"}]
    assert failing("for g in [review, direct_suit]: 四[g.total] == 0") == [
        {"g": "review"},
        {"g": "direct_suit"},
    ]
    assert failing("for g in 四.groups: 四[g.total] == sum(四[g.upheld..g.pending])") == []


def test_nested_loops_cover_every_pair() -> None:
    text = "for r in 三.rows(new..carried_in): for c in 三.columns(total..total): 三[r, c] > 100"
    assert failing(text) == [{"r": "new", "c": "total"}, {"r": "carried_in", "c": "total"}]


def test_missing_table_means_nothing_is_judged() -> None:
    bare = full_report()
    bare_tables = type(bare)(path="x", text="", lines=(), tables={})
    assert list(compile_expression("三[new, total] == 99").violations(bare_tables)) == []


def test_violation_carries_values_and_cells() -> None:
    (violation,) = compile_expression(
        "三[new, total] == sum(三[new, natural_person..commercial])"
    ).violations(REPORT)
    assert (violation.left.amount, violation.right.amount) == (13, 12)
    assert [c.raw for c in violation.right.cells] == ["10", "2"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="三四[](),.*+-=<>!:0123456789 abcforinsumrowstal_", max_size=60))
def test_any_text_either_compiles_or_is_refused_cleanly(text: str) -> None:
    try:
        equation = compile_expression(text)
    except ExpressionError as error:
        assert error.message
        return
    list(equation.violations(REPORT))  # whatever compiled must also evaluate without raising


def _table2_report(values: dict[str, str]) -> Report:
    """A report whose only table is a 二 with one ``count`` column and the given rows."""
    cells = {
        (row, "count"): Cell("二", row, "count", raw, CellKind.NUMBER, Decimal(raw), Span.on_line(n, 1, 1))
        for n, (row, raw) in enumerate(values.items(), start=1)
    }
    table = Table("二", TableFormat.T2021, Span.on_line(1, 1, 1), cells)
    return Report(path="x", text="", lines=(), tables={"二": table})


def test_tables_whose_keys_come_from_the_report_are_expanded_per_report() -> None:
    # table 二's rows are read from each report, so the same equation must follow each one's rows
    equation = compile_expression("for r in 二.rows: 二[r, count] == 1")
    first, other = _table2_report({"a": "1", "b": "2"}), _table2_report({"c": "5", "a": "1"})
    for _ in range(2):  # and again, once every shape has been seen
        assert [dict(v.bindings) for v in equation.violations(first)] == [{"r": "b"}]
        assert [dict(v.bindings) for v in equation.violations(other)] == [{"r": "c"}]
    total = compile_expression("sum(二[*, count]) == 3")
    assert [v.left.amount for v in total.violations(other)] == [6]
    assert list(total.violations(first)) == []
