"""One small fixture per layout of TEMPLATE.md section 3 (tests/fixtures/layouts/), plus fuzzing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.model import CellKind, Table, TableFormat
from reportlint.parse.normalize import normalize
from reportlint.parse.tables import assemble_table
from reportlint.parse.textlines import SourceLine

Assemble = Callable[[str, str, int, int], Table]
Values = Callable[..., list[str]]
T3 = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]


def test_layout1_docx_tabs_blank_cell_slash_split_label(assemble: Assemble, values: Values) -> None:
    table = assemble("layouts/1_docx_tabs.txt", "二", 1, 99)
    assert values(table, "regulations", ["issued", "repealed", "in_force"]) == ["1", "", "/"]
    assert table.cells[("regulations", "repealed")].kind is CellKind.BLANK
    assert table.value("regulations", "in_force") is None  # "/" is not zero
    assert table.value("normative_documents", "issued") == Decimal(1234)
    label = table.row_label("normative_documents")
    assert label is not None and label.written == "行政规范性文件" and label.span.end_line == 14


def test_layout2_html_one_cell_per_line(assemble: Assemble) -> None:
    table = assemble("layouts/2_html_cells.txt", "二", 1, 99)
    assert table.value("licensing", "decisions") == Decimal(7)
    assert table.value("fees", "amount") == Decimal("12.5")


def test_layout3_cells_ending_with_pipe(assemble: Assemble) -> None:
    table = assemble("layouts/3_cell_pipe.txt", "四", 1, 99)
    assert table.value("cases", "review.upheld") == 1 and table.value("cases", "review.total") == 1
    assert table.cells[("cases", "suit_after_review.total")].span.line == 21
    assert table.problems == ()


def test_layout4_pipe_rows_with_inner_blank_and_trailing_filler(assemble: Assemble, values: Values) -> None:
    table = assemble("layouts/4_pipe_rows.txt", "三", 1, 99)
    assert values(table, "new", T3) == ["3", "1", "0", "0", "0", "0", "4"]
    assert values(table, "carried_in", T3) == ["0", "", "0", "0", "0", "0", "0"]
    assert not [p for p in table.problems if p.kind in ("extra-cells", "missing-cells")]


def test_layout5_indented_pipe_cells(assemble: Assemble) -> None:
    table = assemble("layouts/5_indented_pipe.txt", "二", 1, 99)
    assert (table.value("penalty", "decisions"), table.value("enforcement", "decisions")) == (5, 6)


def test_layout6_lone_pipe_lines(assemble: Assemble, values: Values) -> None:
    table = assemble("layouts/6_lone_pipes.txt", "二", 1, 99)
    assert values(table, "regulations", ["issued", "repealed", "in_force"]) == ["0", "1", "2"]


def test_layout7_flattened_rows_record_lost_labels(assemble: Assemble, values: Values) -> None:
    table = assemble("layouts/7_flattened.txt", "三", 1, 99)
    assert values(table, "granted", T3) == ["1", "0", "0", "0", "0", "0", "1"]
    kinds = {(p.kind, p.row) for p in table.problems}
    assert ("missing-row", "withheld.state_secret") in kinds
    assert ("extra-cells", "withheld.state_secret") in kinds


def test_layout8_table_absent(assemble: Assemble) -> None:
    table = assemble("layouts/8_absent.txt", "二", 1, 99)
    assert table.format is TableFormat.UNKNOWN and not table.cells
    assert "no-values" in {p.kind for p in table.problems}


def test_negative_change_in_2019_column() -> None:
    text = [
        "第二十条第(五)项",
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
        "行政许可 | 9 | 减4 | 5",
    ]
    lines = [SourceLine(n + 1, t, normalize(t)) for n, t in enumerate(text)]
    table = assemble_table("二", lines)
    assert table.format is TableFormat.T2019
    assert table.value("licensing", "change") == Decimal(-4)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("\t |/0123规章行政（三）不予公开1.属于国家秘密总计\n结果-减,.")),
            max_size=30,
        )
    ),
    st.sampled_from(["二", "三", "四", "五"]),
)
def test_arbitrary_lines_never_raise(texts: list[str], key: str) -> None:
    lines = [
        SourceLine(n + 1, t.replace("\n", ""), normalize(t.replace("\n", ""))) for n, t in enumerate(texts)
    ]
    table = assemble_table(key, lines)
    assert table.key == key
    assert not [p for p in table.problems if "无法解析" in p.message]


def test_missing_row_between_neighbours_written_out_of_order_has_a_forward_span() -> None:
    """Row 二 is missing and its neighbours 一 and (一) are swapped: the span is the gap, forwards."""
    text = [
        "（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
    ]
    lines = [SourceLine(n + 1, t, normalize(t)) for n, t in enumerate(text)]
    table = assemble_table("三", lines)
    missing = [p for p in table.problems if p.kind == "missing-row" and p.row == "carried_in"]
    assert len(missing) == 1
    span = missing[0].span
    assert (span.line, span.column) <= (span.end_line, span.end_column)
    # from the "（一）" row (line 1, written first) to the end of the "一、" row (line 2)
    assert (span.line, span.end_line) == (1, 2)
