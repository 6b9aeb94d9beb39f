"""Markdown input: .md files and Markdown marks in any text (parse.marks, load.markdown).

The real files are extractions of published PDFs (tests/fixtures/corpus_full/SOURCE.md); what they
must give is in shared/corpus/full/LABELS.md, checked by hand.
"""

from __future__ import annotations

from pathlib import Path

from reportlint.api import lint_path, parse_path
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host

REAL = Path(__file__).parent.parent / "fixtures" / "corpus_full"
HOST = create_host(load_entry_points=False)
PROSE = "本机关认真贯彻落实条例，持续推进政务公开工作。"
MARKDOWN = f"""# 某县人民政府2023年政府信息公开工作年度报告

本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。

## 一、总体情况

**（一）主动公开**

{PROSE}

## 二、主动公开政府信息情况

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |

— 3 —

| 行政规范性文件 | 4 | 1 | 20 |
|:---|---:|---:|---:|
"""


def test_heading_marks_are_spaces_and_columns_stay_exact() -> None:
    report = parse_text(MARKDOWN)
    section = report.sections[0]
    assert (section.key, section.heading.title) == (1, "总体情况")
    line = MARKDOWN.split("\n")[section.heading.span.line - 1]
    assert line[section.heading.span.column - 1 :].startswith("一、总体情况")  # after "## "
    assert [sub.title for sub in section.subheadings] == ["主动公开"]  # "**" is not part of it
    assert report.title is not None and report.title.text == "某县人民政府2023年政府信息公开工作年度报告"
    assert report.lines[4] == "## 一、总体情况"  # the report text itself is untouched


def test_pipe_table_with_rules_and_a_page_footer_reads_every_cell() -> None:
    table = parse_text(MARKDOWN).table("二")
    assert table is not None
    assert [table.value("regulations", c) for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [table.value("normative_documents", c) for c in ("issued", "repealed", "in_force")] == [4, 1, 20]
    assert not [p for p in table.problems if p.kind == "unplaced"]  # no "---", no "— 3 —"


def test_md_files_are_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    report = parse_path(str(path), HOST)
    assert report.format == "md"
    assert report.table("二") is not None


def _errors(diagnostics: tuple[Diagnostic, ...]) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in diagnostics if d.severity is Severity.ERROR]


def test_real_extraction_keeps_its_labelled_defect_and_reads_its_tables_once() -> None:
    """shanghai-office-2025.md: part 五 has no heading (CP001); the tables came apart."""
    diagnostics = lint_path(str(REAL / "shanghai-office-2025.md"), HOST).diagnostics
    assert _errors(diagnostics) == [("CP001", "缺少第5部分「存在的主要问题及改进情况」")]
    unreadable = [d for d in diagnostics if d.code == "CP019"]
    assert len({d.locator for d in unreadable}) == len(unreadable)  # at most one per table
    report = parse_path(str(REAL / "shanghai-office-2025.md"), HOST)
    assert [s.key for s in report.sections] == [1, 2, 3, 4, 6]  # "三、本法提供" is no heading
    assert not [d for d in diagnostics if "— " in d.message]  # page footers are not findings


def test_real_extraction_with_a_restarted_outline() -> None:
    """kewei-2024.md: the outline restarts and part 五 is missing; table 二 is read, 三 cannot be."""
    diagnostics = lint_path(str(REAL / "kewei-2024.md"), HOST).diagnostics
    codes = [code for code, _ in _errors(diagnostics)]
    assert codes == ["CP001", "CP001"]
    assert any("缺少第5部分" in message for _, message in _errors(diagnostics))
    table3 = [d for d in diagnostics if d.code == "CP019"]
    assert len(table3) == 1 and "表三" in table3[0].message
    assert not [d for d in diagnostics if d.code in ("CP010", "CP011", "CP013", "CP015")]
    table2 = parse_path(str(REAL / "kewei-2024.md"), HOST).table("二")
    assert table2 is not None
    assert [table2.value("normative_documents", c) for c in ("issued", "repealed", "in_force")] == [13, 0, 55]
    assert table2.value("licensing", "decisions") == 97


def test_page_footers_are_noise_at_their_place() -> None:
    report = parse_text(MARKDOWN)
    footers = [noise for noise in report.noise if noise.kind == "page-footer"]
    assert [(n.text, n.span.line, n.span.column) for n in footers] == [("— 3 —", 17, 1)]
