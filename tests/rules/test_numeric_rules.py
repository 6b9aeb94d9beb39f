"""The example numeric rules NU001–NU004 on hand-built reports: the off cell, expected and actual."""

from __future__ import annotations

import pytest

from report_builders import full_report
from reportlint.config import Config
from reportlint.diagnostics import Diagnostic
from reportlint.model import Report
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(create_host(load_entry_points=False), Config(select=("NU", "CP001")))


def at(report: Report, diagnostic: Diagnostic) -> str:
    """The text a diagnostic points at."""
    return report.lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1]


def test_consistent_report_has_no_findings(linter: Linter) -> None:
    assert linter.lint(full_report()) == []


def test_nu001_points_at_the_total_cell_of_each_unbalanced_column(linter: Linter) -> None:
    # 四、结转下年度 raised by one in 自然人 and 总计: 10+1 = 11 but 9+3 = 12; 13+1 = 14 but 12+3 = 15.
    report = full_report({"carried_forward": {"natural_person": "3", "total": "3"}})
    found = [d for d in linter.lint(report) if d.code == "NU001"]
    assert [(d.line, at(report, d), d.expected, d.actual) for d in found] == [
        (31, "9", "11", "12"),
        (31, "12", "14", "15"),
    ]
    first = found[0]
    assert (
        first.message == "表三「自然人」列不平衡：（七）总计 + 四、结转下年度 = 12，"
        "应为 11（= 一、本年新收 + 二、上年结转）"
    )
    assert first.locator == ("三、收到和处理政府信息公开申请情况", "表三", "（七）总计", "自然人")
    assert first.name == "numeric.applications-balance" and first.source == "national"
    # the other three cells of the identity: 一 = 10 (line 8), 二 = 1 (line 9), 四 = 3 (line 32);
    # each label is followed by " | ", so the 自然人 value starts 4 columns after it
    assert sorted(first.related) == [(8, 20, 8, 22), (9, 20, 9, 21), (32, 15, 32, 16)]
    assert [report.lines[r[0] - 1][r[1] - 1 : r[3] - 1] for r in sorted(first.related)] == ["10", "1", "3"]


@pytest.mark.parametrize("blank", ["", "/", "不详"])
def test_identities_over_blank_slash_or_text_cells_are_skipped(linter: Linter, blank: str) -> None:
    # Without the 自然人 value of row 一 neither NU001 (that column) nor NU002 (that row) can be judged.
    report = full_report({"new": {"natural_person": blank}, "carried_forward": {"natural_person": "5"}})
    found = [(d.code, d.line, d.expected, d.actual) for d in linter.lint(report)]
    # 自然人 of NU001 is not judged (its 一 is missing) and the 总计 column still balances (13+1 = 12+2);
    # NU002 skips row 一 but still judges row 四: six columns sum to 5, 总计 says 2.
    assert found == [("NU002", 32, "5", "2")]


def test_nu002_points_at_the_row_total(linter: Linter) -> None:
    report = full_report({"new": {"total": "14"}})
    found = [d for d in linter.lint(report) if d.code == "NU002"]
    assert len(found) == 1
    diagnostic = found[0]
    assert (diagnostic.line, at(report, diagnostic), diagnostic.expected, diagnostic.actual) == (
        8,
        "14",
        "13",
        "14",
    )
    assert diagnostic.locator[-2:] == ("一、本年新收政府信息公开申请数量", "总计")
    assert (
        diagnostic.message == "表三「一、本年新收政府信息公开申请数量」行「总计」列应为 13"
        "（= 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他），实为 14"
    )
    assert len(diagnostic.related) == 6


def test_nu003_sums_every_result_row(linter: Linter) -> None:
    # 4.保护第三方合法权益 raised to 2 in 自然人 and 总计: results now sum to 10 and 13, totals say 9 and 12.
    report = full_report({"withheld.third_party": {"natural_person": "2", "total": "2"}})
    found = [d for d in linter.lint(report) if d.code == "NU003"]
    assert [(d.line, at(report, d), d.expected, d.actual) for d in found] == [
        (31, "9", "10", "9"),
        (31, "12", "13", "12"),
    ]
    assert len(found[0].related) == 21  # the 21 result rows: （一）, （二）, then 8 + 3 + 5 + 3 sub-rows
    # the changed cell: "4.保护第三方合法权益" is 11 characters, then " | ", so its value is in column 15
    assert (15, 15, 15, 16) in found[0].related


def test_nu004_checks_each_group_of_table_4(linter: Linter) -> None:
    values = ["2", "0", "1", "1", "5", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"]
    report = full_report(t4=values)
    found = [d for d in linter.lint(report) if d.code == "NU004"]
    assert len(found) == 1
    diagnostic = found[0]
    assert (diagnostic.line, at(report, diagnostic), diagnostic.expected, diagnostic.actual) == (
        35,
        "5",
        "4",
        "5",
    )
    assert diagnostic.message.startswith("表四「行政复议·总计」应为 4（= 结果维持")
    assert diagnostic.locator[-1] == "行政复议·总计"


def test_a_report_without_tables_gets_no_numeric_findings(linter: Linter) -> None:
    report = full_report()
    bare = Report(path=report.path, text=report.text, lines=report.lines, sections=report.sections)
    assert [d.code for d in linter.lint(bare)] == []
