"""Every value of tables 二, 三 and 四 in the five seed reports, checked by hand against the text.

Line numbers are those of tests/fixtures/seeds/*.txt; blocks are the lines between the section
heading and the next heading, as the parser passes them.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from reportlint.model import CellKind, Span, Table, TableFormat
from reportlint.parse.template import load_template

S000 = "seeds/000_0d171b8ef5d5b856.txt"
S001 = "seeds/001_3801af194dfe54d2.txt"
S002 = "seeds/002_a59350496f5eca4a.txt"
S003 = "seeds/003_96c85236d91434a5.txt"
S004 = "seeds/004_c5a853553518463f.txt"

T2_COLUMNS = {
    "regulations": ["issued", "repealed", "in_force"],
    "normative_documents": ["issued", "repealed", "in_force"],
    "licensing": ["decisions"],
    "penalty": ["decisions"],
    "enforcement": ["decisions"],
    "fees": ["amount"],
}
T3_COLUMNS = [column.key for column in load_template().table3_columns]
T4_COLUMNS = [column.key for column in load_template().table4_columns()]
ZERO_ROW = ["0"] * 7

# (file, first line, last line, values by row) — read off the seed text by hand.
TABLE2 = {
    "000": (S000, 16, 60, {"regulations": ["0", "0", "0"], "normative_documents": ["2", "13", "9"],
                          "licensing": ["12635"], "penalty": ["1681"], "enforcement": ["1566"],
                          "fees": ["889.46"]}),
    "001": (S001, 15, 59, {"regulations": ["0", "0", "0"], "normative_documents": ["3", "0", "11"],
                          "licensing": ["33959"], "penalty": ["229909"], "enforcement": ["8376"],
                          "fees": ["1482.5623"]}),
    "002": (S002, 11, 56, {"regulations": ["0", "0", "0"], "normative_documents": ["0", "0", "0"],
                          "licensing": ["0"], "penalty": ["0"], "enforcement": ["0"], "fees": ["0"]}),
    "003": (S003, 36, 96, {"regulations": ["0", "0", "0"], "normative_documents": ["2", "0", "4"],
                          "licensing": ["45"], "penalty": ["32"], "enforcement": ["0"], "fees": ["6016"]}),
    "004": (S004, 14, 58, {"regulations": ["0", "0", "0"], "normative_documents": ["0", "0", "0"],
                          "licensing": ["0"], "penalty": ["0"], "enforcement": ["0"], "fees": ["0"]}),
}  # fmt: skip
# Table 三: every row is seven zeros except these (seed 001: lines 89–95, 108–114, 217–223, 337–343).
TABLE3 = {
    "000": (S000, 62, 347, {}),
    "001": (S001, 61, 354, {"new": ["2", "0", "0", "0", "0", "0", "2"],
                           "granted": ["1", "0", "0", "0", "0", "0", "1"],
                           "unavailable.not_held": ["1", "0", "0", "0", "0", "0", "1"],
                           "total": ["2", "0", "0", "0", "0", "0", "2"]}),
    "002": (S002, 58, 343, {}),
    "003": (S003, 98, 540, {}),
    "004": (S004, 60, 348, {}),
}  # fmt: skip
TABLE4 = {
    "000": (S000, 349, 403, "2 0 2 0 4 0 1 1 0 2 0 0 0 2 2", 387),
    "001": (S001, 356, 416, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", 400),
    "002": (S002, 345, 399, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", 383),
    "003": (S003, 542, 611, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", 581),
    "004": (S004, 350, 393, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", 377),
}

Values = Callable[..., list[str]]
Assemble = Callable[[str, str, int, int], Table]


@pytest.mark.parametrize("seed", sorted(TABLE2))
def test_table2_values(seed: str, assemble: Assemble, values: Values) -> None:
    path, first, last, expected = TABLE2[seed]
    table = assemble(path, "二", first, last)
    assert table.format is TableFormat.T2021
    assert {row: values(table, row, T2_COLUMNS[row]) for row in expected} == expected
    assert len(table.cells) == 10
    assert [p.kind for p in table.problems] == []


@pytest.mark.parametrize("seed", sorted(TABLE3))
def test_table3_values(seed: str, assemble: Assemble, values: Values) -> None:
    path, first, last, special = TABLE3[seed]
    table = assemble(path, "三", first, last)
    expected = {row.key: special.get(row.key, ZERO_ROW) for row in load_template().table3_rows}
    assert {row: values(table, row, T3_COLUMNS) for row in expected} == expected
    assert all(cell.kind is CellKind.NUMBER for cell in table.cells.values())


@pytest.mark.parametrize("seed", sorted(TABLE4))
def test_table4_values(seed: str, assemble: Assemble, values: Values) -> None:
    path, first, last, expected, first_value_line = TABLE4[seed]
    table = assemble(path, "四", first, last)
    assert values(table, "cases", T4_COLUMNS) == expected.split()
    lines = [table.cells[("cases", column)].span.line for column in T4_COLUMNS]
    if seed == "003":  # the scraped page separates every cell with a blank line
        assert lines == list(range(first_value_line, first_value_line + 30, 2))
    else:
        assert lines == list(range(first_value_line, first_value_line + 15))
    assert table.problems == ()


def test_seed000_spans_and_exact_numbers(assemble: Assemble) -> None:
    table2 = assemble(S000, "二", 16, 60)
    normative = [table2.cells[("normative_documents", c)].span.line for c in T2_COLUMNS["regulations"]]
    assert normative == [29, 30, 31]
    assert table2.cells[("licensing", "decisions")].span == Span(39, 2, 39, 7)
    assert table2.value("fees", "amount") == Decimal("889.46")
    assert table2.cells[("fees", "amount")].span.line == 58
    label = table2.row_label("normative_documents")
    assert label is not None and label.written == "行政规范性文件" and label.span.line == 28


def test_seed001_lost_state_secret_row_is_recorded_not_guessed(assemble: Assemble, values: Values) -> None:
    table = assemble(S001, "三", 61, 354)
    problems = {(p.kind, p.row): p for p in table.problems}
    assert set(problems) == {
        ("missing-row", "withheld.state_secret"),
        ("extra-cells", "withheld.state_secret"),
    }
    assert problems[("missing-row", "withheld.state_secret")].span.line == 127
    assert problems[("extra-cells", "withheld.state_secret")].span.line == 135  # the empty 8th cell
    assert table.row_label("withheld.state_secret") is None
    assert [table.cells[("withheld.state_secret", c)].span.line for c in T3_COLUMNS] == list(range(128, 135))
    assert values(table, "withheld.prohibited_by_law", T3_COLUMNS) == ZERO_ROW  # the rows after are intact


def test_seed001_label_variants_are_kept_as_written(assemble: Assemble) -> None:
    table3 = assemble(S001, "三", 61, 354)
    needs = table3.row_label("unavailable.needs_creation")
    assert needs is not None and needs.written == "2.没有现成信息需要另外制作"
    assert needs.template == "2.没有现成信息需要另行制作"
    table2 = assemble(S001, "二", 15, 59)
    normative = table2.row_label("normative_documents")
    assert normative is not None and (normative.written, normative.template) == (
        "规范性文件",
        "行政规范性文件",
    )


def test_seed004_stray_zero_before_group_label(assemble: Assemble) -> None:
    table = assemble(S004, "三", 60, 348)
    assert [(p.kind, p.span) for p in table.problems] == [("stray-text", Span(96, 2, 96, 3))]
    assert table.value("granted", "total") == Decimal(0)


def test_seed000_split_header_labels_are_joined(assemble: Assemble) -> None:
    table3 = assemble(S000, "三", 62, 347)
    commercial = next(c for c in table3.columns if c.key == "commercial")
    assert commercial.written == "商业企业" and (commercial.span.line, commercial.span.end_line) == (72, 73)
    table4 = assemble(S000, "四", 349, 403)
    assert [c.written for c in table4.columns][:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert table4.columns[1].span.line == 353 and table4.columns[1].span.end_line == 354


def test_seed003_cell_after_en_space_keeps_its_column(assemble: Assemble) -> None:
    table = assemble(S003, "四", 542, 611)
    assert table.cells[("cases", "direct_suit.upheld")].span == Span(591, 2, 591, 3)


def test_seed002_bookmark_marker_does_not_hide_the_header(assemble: Assemble) -> None:
    table = assemble(S002, "三", 58, 343)
    assert table.problems == ()
    assert len(table.cells) == 25 * 7
