"""``reportlint fix``: the fixes rules declare, applied only when the report checked again agrees.

Fixtures: the seeds (tests/fixtures/seeds), the seeds rendered as .docx (tests/fixtures/formats),
the report beginnings of tests/fixtures/corpus and two complete reports in both of their
published forms (tests/fixtures/corpus_full, copied from shared/corpus/full; SOURCE.md).
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import docx
import pytest

from reportlint.api import lint_bytes
from reportlint.cli import main
from reportlint.config import load_config
from reportlint.fix import FixError, FixOutcome, fix_bytes
from reportlint.plugins.host import create_host

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
DOCX = sorted((FIXTURES / "formats").glob("00?.docx"))
PAGES = sorted((FIXTURES / "corpus").glob("*.txt"))
FULL = FIXTURES / "corpus_full"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOST = create_host()

# What each seed's fixes must write, worked out by hand from the seeds and the rules' documented
# replacements (WD002 the full notice title, WD001 the template label, ST001 the Chinese numeral,
# FE003 the single angle quotes inside 《》, ST003 full-width brackets in every such heading).
EXPECTED_FIXES = {
    "000": {("WD002", "《中华人民共和国政府信息公开工作年度报告格式》")},
    "001": {("WD001", "行政规范性文件"), ("WD001", "2.没有现成信息需要另行制作")},
    "002": {("ST001", "五、存在的主要问题及改进情况")},
    "003": {
        ("FE003", "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》"),
        # ST003: the five sub-headings of section 二 (lines 15–31), one finding, one fix
        *(
            ("ST003", heading)
            for heading in (
                "（一）主动公开情况",
                "（二）申请公开方面",
                "（三）政府信息管理方面",
                "（四）平台建设情况",
                "（五）监督保障方面",
            )
        ),
    },
    "004": {("WD001", "行政规范性文件")},
}


def _check_outcome(name: str, data: bytes, outcome: FixOutcome) -> None:
    """The fixed findings are gone, no finding is added, only the edited lines changed."""
    before = lint_bytes(name, data, HOST).diagnostics
    after = lint_bytes(name, outcome.data, HOST).diagnostics
    fixed = Counter(d.code for d in {id(e.diagnostic): e.diagnostic for e in outcome.applied}.values())
    assert Counter(d.code for d in before) - fixed == Counter(d.code for d in after)
    assert {(d.code, d.message) for d in after} <= {(d.code, d.message) for d in before}
    assert [(d.code, d.line) for d in outcome.remaining] == [(d.code, d.line) for d in after]
    old_lines, new_lines = outcome.before.split("\n"), outcome.after.split("\n")
    assert len(old_lines) == len(new_lines)
    changed = {i + 1 for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b}
    assert changed == {edit.line for edit in outcome.applied}
    for edit in outcome.applied:
        assert edit.new in new_lines[edit.line - 1]


@pytest.mark.parametrize("path", SEEDS + DOCX, ids=[p.name for p in SEEDS + DOCX])
def test_every_seed_gets_its_fixes_and_nothing_else(path: Path) -> None:
    data = path.read_bytes()
    outcome = fix_bytes(path.name, data, HOST)
    assert {(e.diagnostic.code, e.new) for e in outcome.applied} == EXPECTED_FIXES[path.name[:3]]
    assert not outcome.refused
    _check_outcome(path.name, data, outcome)
    assert path.read_bytes() == data


REAL = PAGES + sorted(FULL.glob("*.txt"))


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_published_reports_fix_safely(path: Path) -> None:
    data = path.read_bytes()
    outcome = fix_bytes(path.name, data, HOST)
    _check_outcome(path.name, data, outcome)
    if not outcome.applied:
        assert outcome.data == data
    assert path.read_bytes() == data


@pytest.mark.parametrize("path", sorted(FULL.glob("*.html")), ids=lambda p: p.name)
def test_a_saved_web_page_is_refused_with_a_message(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FixError) as error:
        fix_bytes(path.name, path.read_bytes(), HOST)
    assert ".txt 和 .docx" in error.value.message
    data = path.read_bytes()
    assert main(["fix", str(path), "--diff"]) == 2
    assert "只支持 .txt 和 .docx" in capsys.readouterr().err
    assert path.read_bytes() == data


def test_text_keeps_its_encoding_and_line_ends(tmp_path: Path) -> None:
    text = (FIXTURES / "seeds" / "002_a59350496f5eca4a.txt").read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode("gb18030")
    outcome = fix_bytes("002.txt", data, HOST)
    assert [e.new for e in outcome.applied] == ["五、存在的主要问题及改进情况"]
    fixed = outcome.data.decode("gb18030")  # still GB18030, and the same line ends
    assert fixed.count("\r\n") == data.decode("gb18030").count("\r\n") and "\n" not in fixed.replace(
        "\r\n", ""
    )
    expected = text.replace("5、 存在的主要问题及改进情况", "五、存在的主要问题及改进情况").replace(
        "\n", "\r\n"
    )
    assert fixed == expected


def _formatted_report() -> bytes:
    """000.docx with its preamble paragraph rebuilt from runs of different formatting, the
    wrong notice title in one run and a document number whose brackets are in runs of their own."""
    document = docx.Document(io.BytesIO((FIXTURES / "formats" / "000.docx").read_bytes()))
    paragraph = document.paragraphs[1]
    text = paragraph.text
    wrong = "《中华人民共和国政府信息公开年度报告格式》"
    head, tail = text.split(wrong)
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    first = paragraph.add_run(head)
    first.bold = True
    first.font.size = docx.shared.Pt(16)
    title = paragraph.add_run(wrong)
    title.italic = True
    title.font.color.rgb = docx.shared.RGBColor(0xC0, 0, 0)
    paragraph.add_run(tail).underline = True
    for piece, bold in (
        ("另见国办公开办函", False),
        ("[", True),
        ("2022", False),
        ("]", True),
        ("5号。", False),
    ):
        paragraph.add_run(piece).bold = bold
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _runs(data: bytes) -> list[tuple[str, str]]:
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[1]
    return [(run.text, run._r.rPr.xml if run._r.rPr is not None else "") for run in paragraph.runs]


def test_docx_fix_edits_the_runs_and_keeps_their_formatting() -> None:
    data = _formatted_report()
    outcome = fix_bytes("000.docx", data, HOST)
    assert {e.diagnostic.code for e in outcome.applied} == {"WD002", "WD004"}
    _check_outcome("000.docx", data, outcome)
    before, after = _runs(data), _runs(outcome.data)
    assert [props for _, props in after] == [props for _, props in before]  # same runs, same rPr
    changed = [(old, new) for (old, _), (new, _) in zip(before, after, strict=True) if old != new]
    assert changed == [
        ("《中华人民共和国政府信息公开年度报告格式》", "《中华人民共和国政府信息公开工作年度报告格式》"),
        ("[", "〔"),
        ("]", "〕"),
    ]


def _local_rules(tmp_path: Path, rules: dict[str, str]) -> Path:
    folder = tmp_path / "lint-rules"
    folder.mkdir()
    for code, body in rules.items():
        (folder / f"{code}.yaml").write_text(f"code: {code}\n{body}", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text(
        'rule-dirs = ["lint-rules"]\nextend-select = ["XT"]\n', encoding="utf-8"
    )
    return tmp_path / "reportlint.toml"


REPORT = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本机关甲项工作正常，丙项也是。\n"


def test_a_fix_that_adds_a_finding_or_leaves_its_own_is_not_applied(tmp_path: Path) -> None:
    toml = _local_rules(
        tmp_path,
        {
            # 甲 → 乙 makes the forbidden 乙; 丙 → 丙丙 still matches where it was
            "XT001": "name: test.first\nkind: substitute\nseverity: warning\nmessage: m\n"
            "wrong: 甲\nright: 乙\nscope: text\n",
            "XT002": "name: test.second\nkind: forbid\nseverity: warning\nmessage: m\n"
            "patterns: ['乙']\nscope: text\n",
            "XT003": "name: test.third\nkind: substitute\nseverity: warning\nmessage: m\n"
            "wrong: 丙\nright: 丙丙\nscope: text\n",
            "XT004": "name: test.fourth\nkind: substitute\nseverity: warning\nmessage: m\n"
            "wrong: 正常\nright: 良好\nscope: text\n",
        },
    )
    config = load_config(cwd=tmp_path, explicit=toml, host=HOST)
    data = REPORT.encode("utf-8")
    outcome = fix_bytes("r.txt", data, HOST, config)
    assert [e.diagnostic.code for e in outcome.applied] == ["XT004"]
    assert sorted(e.diagnostic.code for e, _ in outcome.refused) == ["XT001", "XT003"]
    assert outcome.data.decode("utf-8") == REPORT.replace("正常", "良好")


def test_command_writes_output_diff_or_in_place_and_leaves_the_original(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "002.txt"
    original.write_bytes((FIXTURES / "seeds" / "002_a59350496f5eca4a.txt").read_bytes())
    data = original.read_bytes()
    out = tmp_path / "002.fixed.txt"
    main(["fix", str(original), "-o", str(out)])
    summary = capsys.readouterr().err
    assert "修复了 1 个问题" in summary and "ST001" in summary and "仍有" in summary
    assert original.read_bytes() == data
    assert "五、存在的主要问题及改进情况" in out.read_text(encoding="utf-8")
    main(["fix", str(original), "--diff"])
    diff = capsys.readouterr().out
    assert "-5、 存在的主要问题及改进情况\n+五、存在的主要问题及改进情况\n" in diff
    assert original.read_bytes() == data
    assert main(["fix", str(original), "-o", str(original)]) == 2
    assert "--in-place" in capsys.readouterr().err and original.read_bytes() == data
    main(["fix", str(original), "--in-place"])
    assert original.read_bytes() == out.read_bytes()
    with pytest.raises(SystemExit) as usage:  # one destination at a time
        main(["fix", str(original), "-o", str(tmp_path / "x.txt"), "--diff"])
    assert usage.value.code == 2


def test_rule_command_says_whether_it_can_fix(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rule", "WD004"])
    assert "可自动修复：是" in capsys.readouterr().out
    main(["rule", "PD001"])
    assert "可自动修复：否" in capsys.readouterr().out


def test_check_marks_fixable_findings(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", str(FIXTURES / "seeds" / "002_a59350496f5eca4a.txt")])
    out = capsys.readouterr().out
    assert "ST001 [*] warning" in out
    assert "CP003 warning" in out
    assert out.rstrip().endswith("[*] 标记的 1 个问题可用 reportlint fix 自动修复")


def test_in_place_replaces_the_file_keeping_its_permissions(tmp_path: Path) -> None:
    report = tmp_path / "003.docx"
    report.write_bytes((FIXTURES / "formats" / "003.docx").read_bytes())
    report.chmod(0o640)
    assert main(["fix", "-q", str(report), "--in-place"]) == 0
    assert report.stat().st_mode & 0o777 == 0o640
    assert lint_bytes("003.docx", report.read_bytes(), HOST).diagnostics == ()
    assert [p.name for p in tmp_path.iterdir()] == ["003.docx"]  # no temporary file left
