"""Formats written piece by piece give exactly the text of ``format``: the JSON array is what
json.dumps gives for the whole list, and an empty run is an empty array."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from reportlint.api import FileResult
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.formatters.base import LintRun
from reportlint.formatters.json_format import JsonFormatter, diagnostic_to_dict
from reportlint.store.atomic import write_atomically
from reportlint.store.slim import SparseLines, kept_lines


def _diagnostic(line: int, message: str) -> Diagnostic:
    return Diagnostic(
        "报告.txt",
        "NU001",
        "numeric.x",
        Severity.ERROR,
        message,
        line,
        2,
        line,
        5,
        locator=("表三", "自然人"),
    )


def _run(*files: FileResult) -> LintRun:
    return LintRun(files, cwd=Path("."))


def test_json_pieces_make_exactly_the_dumped_list() -> None:
    first = FileResult("a.txt", (_diagnostic(3, "合计“不符”\n第二行"), _diagnostic(9, "期望 5")))
    related = replace(
        _diagnostic(7, "\x00控制\u2028字符"),
        expected="12",
        related=((1, 2, 1, 4), (5, 6, 7, 8)),
        fixes=("行政规范性文件", ""),
        origin="表3 第5行 第2列",
        locator=(),
    )
    second = FileResult("b.txt", (_diagnostic(1, "引号\\反斜杠\t制表"), related))
    run = _run(first, second)
    whole = [diagnostic_to_dict(d) for d in run.diagnostics()]
    assert JsonFormatter().format(run) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert JsonFormatter().format(_run(FileResult("c.txt", ()))) == "[]\n"


def test_pieces_written_to_a_file_are_the_whole_text(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomically(iter(["[\n", "  1,\n", "  “二”\n", "]\n"]), target, encoding="utf-8-sig")
    assert target.read_bytes() == "\ufeff[\n  1,\n  “二”\n]\n".encode()


def test_sparse_lines_read_like_the_full_lines_where_kept() -> None:
    lines = ("一", "二", "三", "四")
    kept = kept_lines(lines, [_diagnostic(3, "m")])
    assert (len(kept), kept[2], kept[-1], kept[0]) == (3, "三", "三", "")
    assert kept == ("", "", "三") and kept != ("", "", "四")
    assert kept[0:3] == ("", "", "三")
    assert SparseLines({}, 0) == ()


def test_a_run_for_a_format_without_source_keeps_no_lines_but_the_same_findings() -> None:
    from reportlint.api import lint_paths

    seeds = sorted(str(p) for p in (Path(__file__).parents[1] / "fixtures" / "seeds").glob("00[01]_*.txt"))
    shown = lint_paths(seeds, keep_reports=True)
    bare = lint_paths(seeds, keep_reports=True, keep_lines=False)
    assert [r.diagnostics for r in bare] == [r.diagnostics for r in shown]
    assert all(r.diagnostics for r in shown)  # EXPECTED.md: both seeds have findings
    assert all(r.lines for r in shown) and not any(r.lines for r in bare)
