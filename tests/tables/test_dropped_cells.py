"""Rows whose blank cells a scrape dropped: placed where the table's identities allow one way only,
else one CP019 for the table and nothing checked; a row that writes its zeros and is short lacks a
cell (CP011).

The tables are the consistent sample of the numeric rules (rules/national/numeric_sample.py) with
rows edited the way a scrape that skips empty cells writes them; every expected value is worked
out by hand in the test's comment.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportlint.config import Config
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import CellKind, Report
from reportlint.parse.document import parse_text
from reportlint.parse.normalize import normalize
from reportlint.parse.tables import assemble_table
from reportlint.parse.textlines import SourceLine
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter
from reportlint.rules.national.numeric_sample import sample_line, sample_report

LINTER = Linter(create_host(load_entry_points=False), Config())
T3 = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def _check(edits: dict[str, str]) -> tuple[Report, list[Diagnostic]]:
    report = parse_text(sample_report(edits), "dropped.txt")
    return report, LINTER.lint(report)


def _table_errors(found: list[Diagnostic]) -> list[str]:
    """Errors about the tables (the sample's prose is not the point here)."""
    return [
        d.code for d in found if d.severity is Severity.ERROR and (d.code[:2] == "NU" or d.code[:4] == "CP01")
    ]


def _edit(start: str, cells: str) -> dict[str, str]:
    line = sample_line(start)
    return {line: line.split(" | ")[0] + " | " + cells}


def test_a_row_the_column_identities_place_one_way_is_read_and_checked() -> None:
    # 二、上年结转 1|0|0|0|0|0|1 scraped as "1 | 1": the row total puts the second 1 in 总计 and
    # the first in one of six columns; 一 + 二 = （七） + 四 holds per column only with it in
    # 自然人 (10 + 1 = 9 + 2; in 商业企业 it would read 2 + 1 ≠ 2 + 0).
    report, found = _check(_edit("二、上年结转", "1 | 1"))
    table = report.tables["三"]
    cells = [table.cells[("carried_in", column)] for column in T3]
    assert [(c.kind, c.value) for c in cells] == [(CellKind.NUMBER, Decimal(1))] + [
        (CellKind.BLANK, None)
    ] * 5 + [(CellKind.NUMBER, Decimal(1))]
    assert all(c.decoded for c in cells)
    assert not _table_errors(found)
    (blank,) = [d for d in found if d.code == "CP013"]
    assert "按表内勾稽关系推定得出" in blank.message
    assert not [d for d in found if d.code in ("CP011", "CP019")]


def test_the_results_identity_places_a_row_one_way() -> None:
    # （一）予以公开 5|1|0|0|0|0|6 scraped as "5 | 1 | 6". 6 is 总计 (row total); （七） = the result
    # rows per column: 自然人 9 = g + 1 + 1 + 2 gives g = 5, 商业企业 2 = g + 1 gives 1 there.
    report, found = _check(_edit("三、本年度办理结果", "（一）予以公开 | 5 | 1 | 6"))
    table = report.tables["三"]
    assert [table.value("granted", column) for column in T3] == [5, 1, None, None, None, None, 6]
    assert not _table_errors(found) and not [d for d in found if d.code == "CP019"]


def test_rows_placed_more_ways_than_one_are_one_cp019_and_never_guessed() -> None:
    # The rows with a figure in 法律服务机构 (一 10|2|0|0|1|0|13, （一） 5|1|…|6, 不掌握 2|1|0|0|1|0|4,
    # （七） 9|2|0|0|1|0|12) all scraped without their blanks: moving every such 1 to 科研机构 (or
    # 社会公益组织, 其他) together keeps each identity, so none of these rows is placed.
    edits = {
        **_edit("一、本年新收", "10 | 2 | 1 | 13"),
        **_edit("三、本年度办理结果", "（一）予以公开 | 5 | 1 | 6"),
        **_edit("（四）无法提供", "1.本机关不掌握相关政府信息 | 2 | 1 | 1 | 4"),
        **_edit("（七）总计", "9 | 2 | 1 | 12"),
    }
    report, found = _check(edits)
    table = report.tables["三"]
    for row in ("new", "unavailable.not_held", "total"):
        assert not [key for key in table.cells if key[0] == row], row
    (cp019,) = [d for d in found if d.code == "CP019"]
    assert cp019.severity is Severity.WARNING
    for label in ("一、本年新收", "1.本机关不掌握相关政府信息", "（七）总计"):
        assert label in cp019.message
    assert not _table_errors(found)


def test_a_short_row_that_writes_its_zeros_lacks_a_cell() -> None:
    # 5|1|0|0|0|6: three zeros written, so no blank cell was there to lose.
    _report, found = _check(_edit("三、本年度办理结果", "（一）予以公开 | 5 | 1 | 0 | 0 | 0 | 6"))
    assert _table_errors(found) == ["CP011"]
    assert not [d for d in found if d.code == "CP019"]


def test_a_table_that_shows_a_blank_cell_keeps_its_blanks() -> None:
    # One blank shown ("| |") tells the layout keeps blank cells: "1 | 1" is two cells short.
    edits = {**_edit("二、上年结转", "1 | 1"), **_edit("四、结转下年度", "2 |  | 0 | 0 | 0 | 0 | 2")}
    _report, found = _check(edits)
    assert "CP011" in _table_errors(found)
    assert not [d for d in found if d.code == "CP019"]


def test_a_row_left_wholly_blank_is_placed_blank() -> None:
    # 2.其他法律行政法规禁止公开 all zero, left blank and dropped: the label alone.
    report, found = _check({sample_line("2.其他法律行政法规禁止公开"): "2.其他法律行政法规禁止公开"})
    table = report.tables["三"]
    assert [table.cells[("withheld.prohibited_by_law", c)].kind for c in T3] == [CellKind.BLANK] * 7
    assert not _table_errors(found)
    assert [d.code for d in found if d.code[:2] == "NU" or d.code[:4] == "CP01"] == ["CP013"]


def test_table_four_figures_that_fit_several_groups_are_one_cp019() -> None:
    # 5|0|0|2|7|8|0|0|1|9|0|0|0|0|0 with zeros dropped: "5 2 7 8 1 9". Each group's 总计 is the
    # sum of its four results: (5, 2 | 7) and (8, 1 | 9) fill two of the three groups (3 ways),
    # 5 and 2 take two of four result columns in order (6 ways), so do 8 and 1: 3 × 6 × 6 = 108.
    line = sample_line("2 | 0 | 1 | 1 | 4")
    report, found = _check({line: "5 | 2 | 7 | 8 | 1 | 9"})
    assert not report.tables["四"].cells
    (cp019,) = [d for d in found if d.code == "CP019"]
    assert "108种排法都满足" in cp019.message
    assert not _table_errors(found)


@pytest.mark.parametrize(
    "texts",
    [
        ["|减0"],  # a signed zero put back among dropped blanks
        ["0", "1", "1", "1", "3", "00", "00", "/0", "0", "0", "00"],  # "/" beside run-together figures
        ["减0", "减0", "1,234", "1,234", "100"],  # a comma beside them
        ["5件", "251000元", "7"],
    ],
)
@pytest.mark.parametrize("key", ["二", "三", "四"])
def test_figures_written_with_signs_commas_or_units_never_break_assembly(texts: list[str], key: str) -> None:
    lines = [SourceLine(number, text, normalize(text)) for number, text in enumerate(texts, 1)]
    table = assemble_table(key, lines)
    assert not [p for p in table.problems if "无法解析" in p.message]
