"""Cross-year checks: two consecutive years of 巴楚县人民政府, built by hand and parsed from text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from review_builders import make_report, make_table, read_fixture, result, table3_row

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report
from reportlint.parse.document import parse_text
from reportlint.review.crossyear import cross_year_diagnostics, with_cross_year

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_2023 = FIXTURES / "seeds" / "001_3801af194dfe54d2.txt"
MATCH_2024 = FIXTURES / "crossyear" / "bachu-2024.txt"
MISMATCH_2024 = FIXTURES / "crossyear" / "bachu-2024-mismatch.txt"
BODY = "巴楚县人民政府"
ZEROS = ["0"] * 7


def bachu(path: Path, year: int, *, carried_in: Sequence[str], in_force: str, body: str = BODY) -> Report:
    """The Report the parser promises for these files, with cells at the lines they sit on.

    Lines read off the text: table 二 规章 23–25 and 规范性文件 28–30 (制发, 废止, 现行有效);
    table 三 "二、上年结转" 98–104 and "四、结转下年度继续办理" 346–352 (seven columns each).
    """
    table2 = make_table(
        "二",
        {
            ("regulations", "issued"): ("0", 23),
            ("regulations", "repealed"): ("0", 24),
            ("regulations", "in_force"): ("0", 25),
            ("normative_documents", "issued"): ("3", 28),
            ("normative_documents", "repealed"): ("0", 29),
            ("normative_documents", "in_force"): (in_force, 30),
        },
    )
    table3 = make_table(
        "三", {**table3_row("carried_in", carried_in, 98), **table3_row("carried_forward", ZEROS, 346)}
    )
    return make_report(str(path), body, year, text=read_fixture(path), tables={"二": table2, "三": table3})


def last_year() -> Report:
    return bachu(SEED_2023, 2023, carried_in=ZEROS, in_force="11")


def codes(found: Sequence[Diagnostic]) -> list[str]:
    return [d.code for d in found]


def test_consecutive_years_that_carry_over_give_no_findings() -> None:
    this_year = bachu(MATCH_2024, 2024, carried_in=ZEROS, in_force="14")
    assert cross_year_diagnostics([last_year(), this_year]) == []


def test_carried_in_differing_from_last_years_carried_forward_is_an_error_at_the_cell() -> None:
    this_year = bachu(MISMATCH_2024, 2024, carried_in=["1", "0", "0", "0", "0", "0", "1"], in_force="14")
    found = cross_year_diagnostics([this_year, last_year()])
    assert codes(found) == ["NU020", "NU020"]
    natural, total = found
    assert (natural.path, natural.line, natural.column) == (str(MISMATCH_2024), 98, 2)
    assert total.line == 104
    assert natural.severity is Severity.ERROR
    assert (natural.expected, natural.actual) == ("0", "1")
    assert "自然人" in natural.message and "总计" in total.message
    # the previous year's file and line are named so the reviewer can open it
    assert f"{SEED_2023} 第346行" in natural.message
    assert f"{SEED_2023} 第352行" in total.message


def test_in_force_not_carried_forward_is_a_warning() -> None:
    this_year = bachu(MISMATCH_2024, 2024, carried_in=ZEROS, in_force="12")
    found = cross_year_diagnostics([last_year(), this_year])
    assert codes(found) == ["NU021"]
    (warning,) = found
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.expected, warning.actual) == (30, "14", "12")
    assert "行政规范性文件" in warning.message and f"{SEED_2023} 第30行" in warning.message


def test_body_names_match_after_folding_spaces_and_full_width() -> None:
    spaced = bachu(MISMATCH_2024, 2024, carried_in=ZEROS, in_force="12", body="巴楚县 人民政府\u3000")
    assert codes(cross_year_diagnostics([last_year(), spaced])) == ["NU021"]


def test_other_bodies_and_reports_without_body_or_year_are_not_compared() -> None:
    other = bachu(MISMATCH_2024, 2024, carried_in=ZEROS, in_force="12", body="伽师县人民政府")
    no_year = make_report("x.txt", BODY, None)
    no_body = make_report("y.txt", None, 2024)
    assert cross_year_diagnostics([last_year(), other, no_year, no_body]) == []


def test_a_missing_cell_or_table_is_left_to_the_table_rules() -> None:
    this_year = make_report(str(MISMATCH_2024), BODY, 2024, tables={})
    blank = bachu(MISMATCH_2024, 2024, carried_in=["", "/", "0", "0", "0", "0", "0"], in_force="14")
    assert cross_year_diagnostics([last_year(), this_year]) == []
    assert cross_year_diagnostics([last_year(), blank]) == []


def test_two_reports_for_the_same_body_and_year_are_a_warning() -> None:
    first = bachu(MATCH_2024, 2024, carried_in=ZEROS, in_force="14")
    second = bachu(MISMATCH_2024, 2024, carried_in=ZEROS, in_force="14")
    found = cross_year_diagnostics([second, first])
    assert codes(found) == ["PD020"]
    (duplicate,) = found
    # the report later in path order ("…-2024.txt" > "…-2024-mismatch.txt") is the repeat
    assert duplicate.path == str(MATCH_2024) and duplicate.severity is Severity.WARNING
    assert str(MISMATCH_2024) in duplicate.message and "2024年度" in duplicate.message


def test_a_skipped_year_is_an_info_naming_the_missing_year() -> None:
    year_2021 = make_report("bachu-2021.txt", BODY, 2021)
    year_2023 = make_report("bachu-2023.txt", BODY, 2023)
    found = cross_year_diagnostics([year_2021, year_2023])
    assert codes(found) == ["PD021"]
    assert found[0].path == "bachu-2023.txt" and found[0].severity is Severity.INFO
    assert "缺少2022年度报告" in found[0].message


def test_consecutive_years_are_not_reported_as_skipped() -> None:
    found = cross_year_diagnostics([make_report("a.txt", BODY, 2022), make_report("b.txt", BODY, 2023)])
    assert found == []


# Parse-based: the same checks on the parser's own Reports.


def parsed(path: Path) -> Report:
    report = parse_text(read_fixture(path), path=str(path))
    assert report.table("三") is not None and report.table("二") is not None and report.body is not None
    return report


def test_parsed_consecutive_years_that_carry_over_give_no_findings() -> None:
    assert cross_year_diagnostics([parsed(SEED_2023), parsed(MATCH_2024)]) == []


def test_parsed_mismatching_year_gives_nu020_and_nu021() -> None:
    found = cross_year_diagnostics([parsed(SEED_2023), parsed(MISMATCH_2024)])
    assert [(d.code, d.line) for d in found] == [("NU021", 30), ("NU020", 98), ("NU020", 104)]


def test_with_cross_year_adds_findings_to_the_file_they_concern() -> None:
    earlier = result(last_year())
    later = result(bachu(MISMATCH_2024, 2024, carried_in=ZEROS, in_force="12"))
    merged = with_cross_year([earlier, later])
    assert merged[0].diagnostics == ()
    assert [d.code for d in merged[1].diagnostics] == ["NU021"]
    assert merged[1].report is later.report
