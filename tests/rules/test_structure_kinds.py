"""sections (CP001), table completeness, period checks and the when: guard on hand-built reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from report_builders import ReportBuilder, full_report, yaml_linter
from reportlint.config import Config
from reportlint.model import AssemblyProblem, Report, Span, Table
from reportlint.plugins.host import create_host
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.engine import Linter
from reportlint.rules.guard import Guard


def cp001() -> Linter:
    return Linter(create_host(load_entry_points=False), Config(select=("CP001",)))


def test_cp001_reports_each_missing_section_at_the_title() -> None:
    builder = ReportBuilder().add_title()
    for key in (1, 2, 3, 4, 5):
        builder.add_section(key)
    found = cp001().lint(builder.build())
    assert [(d.line, d.message, d.locator) for d in found] == [
        (1, "缺少第6部分「其他需要报告的事项」", ("其他需要报告的事项",))
    ]


def test_cp001_reports_a_section_out_of_order_at_its_heading() -> None:
    builder = ReportBuilder().add_title()
    for key in (1, 2, 4, 3, 5, 6):
        builder.add_section(key)
    found = cp001().lint(builder.build())
    # lines: 1 title, 2 一, 3 二, 4 四, 5 三 — 三 comes after 四
    assert [(d.line, d.column, d.end_column) for d in found] == [(5, 1, 18)]
    assert found[0].message.startswith("第3部分「收到和处理政府信息公开申请情况」的位置不对：「三、收到")


def test_cp001_passes_a_complete_report() -> None:
    assert cp001().lint(full_report()) == []


def test_table_kind_reports_blank_and_slash_cells_and_missing_rows(tmp_path: Path) -> None:
    linter = yaml_linter(
        tmp_path,
        {
            "LC001": "kind: table\ntable: 三\nrows: new..carried_in\nrequire: numeric\n"
            "message: 表三「{row}」行「{column}」列未填写数字：{cell}\n"
            "messages:\n  missing: 表三缺少「{row}」行\n"
        },
    )
    builder = ReportBuilder().add_title()
    builder.add_section(3).add_table3({"new": {"commercial": "", "research": "/"}}, drop=("carried_in",))
    report = builder.build()
    found = linter.lint(report)
    # the dropped row has no label to point at: its 7 findings sit at the table's first line (3)
    missing, (blank, slash) = found[:7], found[7:]
    assert {(d.line, d.message) for d in missing} == {(3, "表三缺少「二、上年结转政府信息公开申请数量」行")}
    assert (blank.line, blank.message) == (
        4,
        "表三「一、本年新收政府信息公开申请数量」行「商业企业」列未填写数字：",
    )
    assert (slash.line, slash.actual, slash.locator[-1]) == (4, "/", "科研机构")


def test_period_year_points_at_the_wrong_date(tmp_path: Path) -> None:
    linter = yaml_linter(
        tmp_path, {"LC002": "kind: period\ncheck: period-year\nmessage: 统计期限「{found}」不在{year}年\n"}
    )
    builder = ReportBuilder(year=2023).add_title()
    builder.add_section(1)
    builder.add_period(2022, 2023)
    report = builder.build()
    found = linter.lint(report)
    assert [(d.line, d.message, d.expected, d.actual) for d in found] == [
        (3, "统计期限「2022年1月1日」不在2023年", "2023", "2022")
    ]
    assert report.lines[2][found[0].column - 1 : found[0].end_column - 1] == "2022年1月1日"


def test_deadline_uses_rule_options_and_config_overrides(tmp_path: Path) -> None:
    rule = "kind: period\ncheck: deadline\nmessage: 落款 {found} 晚于 {deadline}\n"
    builder = ReportBuilder(year=2023).add_title()
    builder.add_signature("2024年2月10日", 2024, 2, 10)
    report = builder.build()
    found = yaml_linter(tmp_path / "a", {"LC003": rule}).lint(report)
    assert [d.message for d in found] == ["落款 2024年2月10日 晚于 2024年1月31日"]
    relaxed = yaml_linter(tmp_path / "b", {"LC003": rule}, rule_options={"LC003": {"month": 3, "day": 31}})
    assert relaxed.lint(report) == []


def test_when_guard_skips_reports_it_does_not_concern(tmp_path: Path) -> None:
    rule = "kind: forbid\npatterns: [报告]\nwhen: {min_year: 2021, tables: [三]}\n"
    linter = yaml_linter(tmp_path, {"LC004": rule})
    old = ReportBuilder(year=2020).add_title()
    old.add_section(3).add_table3()
    assert linter.lint(old.build()) == []  # year 2020 < 2021
    no_table = ReportBuilder(year=2023).add_title()
    assert linter.lint(no_table.build()) == []  # no table 三
    # title (1), the period sentence "本报告…" (3) and the heading 六、其他需要报告的事项 (38)
    assert [d.line for d in linter.lint(full_report())] == [1, 3, 38]


def test_missing_row_points_where_assembly_says_it_belongs(tmp_path: Path) -> None:
    linter = yaml_linter(tmp_path, {"LC005": "kind: table\ntable: 三\nrows: carried_in\ncolumns: total\n"})
    builder = ReportBuilder().add_title()
    builder.add_section(3).add_table3(drop=("carried_in",))
    report = builder.build()
    table = report.table("三")
    assert table is not None
    where = Span.on_line(5, 1, 1)  # between row 一 (line 4) and （一） (line 5), as assembly would record
    problem = AssemblyProblem("missing-row", "三", "缺少行", where, row="carried_in")
    moved = Table(table.key, table.format, table.span, table.cells, table.rows, table.columns, (problem,))
    patched = Report(
        path=report.path, text=report.text, lines=report.lines, sections=report.sections, tables={"三": moved}
    )
    assert [(d.line, d.column) for d in linter.lint(report)] == [(3, 1)]  # no problem recorded: table start
    assert [(d.line, d.column) for d in linter.lint(patched)] == [(5, 1)]


class _Recent(Rule):
    """A Python rule guarded like a YAML rule."""

    code = "ZZ010"
    name = "test.recent"
    message = "m"
    when = Guard(min_year=2021)

    def check(self, context: RuleContext) -> Iterable[Finding]:
        yield Finding(Span.on_line(1, 1, 1))


def test_python_rules_can_use_a_when_guard() -> None:
    assert _Recent().applies(full_report(year=2023))
    assert not _Recent().applies(full_report(year=2020))
