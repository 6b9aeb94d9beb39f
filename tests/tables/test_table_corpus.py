"""Corpus pages (tests/fixtures/corpus_tables/, see SOURCE.md): the visible values land in place."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reportlint.model import Table, TableFormat

Assemble = Callable[[str, str, int, int], Table]
ALL_2021 = {("regulations", "issued"), ("normative_documents", "in_force"), ("licensing", "decisions")}


@pytest.mark.parametrize(
    ("page", "first", "last", "line_of_normative_in_force"),
    [("002", 14, 27, 17), ("012", 10, 70, 35), ("014", 10, 60, 26), ("015", 9, 48, 22), ("023", 9, 200, 36)],
)
def test_table2_zeros_at_template_positions(
    assemble: Assemble, page: str, first: int, last: int, line_of_normative_in_force: int
) -> None:
    table = assemble(f"corpus_tables/{page}.txt", "二", first, last)
    assert table.format is TableFormat.T2021
    for position in ALL_2021:
        assert table.value(*position) == 0
    assert table.cells[("normative_documents", "in_force")].span.line == line_of_normative_in_force


def test_012_table3_visible_rows(assemble: Assemble) -> None:
    table = assemble("corpus_tables/012.txt", "三", 72, 300)
    assert table.value("withheld.state_secret", "natural_person") == 0
    assert table.cells[("withheld.three_safety", "total")].span.line == 213
    assert table.row_label("withheld.three_safety") is not None


def test_016_empty_2019_tables_are_no_values(assemble: Assemble) -> None:
    table2 = assemble("corpus_tables/016.txt", "二", 10, 72)
    assert table2.format is TableFormat.T2019 and not table2.cells
    assert [p.kind for p in table2.problems] == ["no-values"]
    table3 = assemble("corpus_tables/016.txt", "三", 74, 200)
    assert "no-values" in {p.kind for p in table3.problems}
    assert "missing-cells" not in {p.kind for p in table3.problems}


def test_025_2019_format_with_truncated_headers(assemble: Assemble) -> None:
    table = assemble("corpus_tables/025.txt", "二", 6, 40)
    assert table.format is TableFormat.T2019
    assert table.value("other_services", "decisions") == 0
    assert table.cells[("fees", "change")].span.line == 20
    truncated = [p for p in table.problems if p.detail == "label-variant"]
    assert [p.span.line for p in truncated] == [7, 7]
