"""require / forbid / substitute over text scopes, with exact spans in the original text."""

from __future__ import annotations

from pathlib import Path

from report_builders import ReportBuilder, full_report, yaml_linter


def _report_with(*paragraphs: str) -> tuple[ReportBuilder, list[int]]:
    builder = ReportBuilder().add_title()
    builder.add_section(1)
    numbers = [builder.add_paragraph(text).span.line for text in paragraphs]
    builder.add_section(6)
    builder.add_paragraph("本机关本年度没有产生信息处理费。")
    return builder, numbers


def test_substitute_points_at_the_wrong_words_and_offers_the_fix(tmp_path: Path) -> None:
    linter = yaml_linter(
        tmp_path,
        {
            "LC001": "kind: substitute\nmessage: 文号括号应为六角括号：{found} → {replacement}\n"
            r"wrong: '\[(\d{4})\]'"
            "\n"
            r"right: '〔\1〕'"
            "\n"
        },
    )
    builder, (line,) = _report_with("依据国办公开办函[2021]30号编制。")
    found = linter.lint(builder.build())
    # "依据国办公开办函" is 8 characters: "[2021]" occupies columns 9–14 (end 15 exclusive)
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("LC001", line, 9, 15)]
    assert found[0].message == "文号括号应为六角括号：[2021] → 〔2021〕"
    assert found[0].fixes == ("〔2021〕",) and found[0].expected == "〔2021〕" and found[0].actual == "[2021]"


def test_forbid_reports_every_match_in_its_scope_only(tmp_path: Path) -> None:
    linter = yaml_linter(
        tmp_path, {"LC002": "kind: forbid\nscope: section:6\npatterns: [信息公开处理费, 依申请收费]\n"}
    )
    builder, _ = _report_with("本机关未收取信息公开处理费。")  # in section 一: out of scope
    builder.add_paragraph("依申请收费情况：本年度未收取信息公开处理费。")  # line 6, in section 六
    report = builder.build()
    found = linter.lint(report)
    assert [(d.line, report.lines[d.line - 1][d.column - 1 : d.end_column - 1]) for d in found] == [
        (6, "依申请收费"),
        (6, "信息公开处理费"),
    ]


def test_require_reports_a_missing_statement_at_the_start_of_its_scope(tmp_path: Path) -> None:
    linter = yaml_linter(
        tmp_path,
        {"LC003": "kind: require\nscope: section:6\nmessage: 未说明信息处理费\npatterns: [信息处理费]\n"},
    )
    assert linter.lint(full_report()) == []
    builder = ReportBuilder().add_title()
    builder.add_section(6)
    builder.add_paragraph("本年度无其他需要报告的事项。")
    found = linter.lint(builder.build())
    assert [(d.line, d.column, d.message) for d in found] == [(2, 1, "未说明信息处理费")]


def test_require_does_not_judge_a_scope_the_report_lacks(tmp_path: Path) -> None:
    linter = yaml_linter(tmp_path, {"LC004": "kind: require\nscope: section:6\npatterns: ['信息处理费']\n"})
    builder = ReportBuilder().add_title()
    builder.add_section(1)
    assert linter.lint(builder.build()) == []  # no section 六: CP001 reports that, not this rule


def test_title_scope_matches_only_the_title(tmp_path: Path) -> None:
    linter = yaml_linter(tmp_path, {"LC005": "kind: forbid\nscope: title\npatterns: ['工作报告$']\n"})
    builder = ReportBuilder().add_title("某某局2023年政府信息公开工作报告")
    builder.add_section(1)
    builder.add_paragraph("这是政府信息公开工作报告")
    found = linter.lint(builder.build())
    assert [(d.line, d.column, d.end_column) for d in found] == [(1, 15, 19)]
