"""A warm cache answers without the parser or the rules, and gives exactly the cold output:
cross-year findings of a batch, source lines under each finding and the Linter's warnings."""

from __future__ import annotations

import base64
import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.store.slim import kept_lines

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED_2023 = next((FIXTURES / "seeds").glob("001_*.txt"))  # 巴楚县人民政府, report for 2023
MISMATCH_2024 = FIXTURES / "crossyear" / "bachu-2024-mismatch.txt"
CARRIED_2024 = FIXTURES / "crossyear" / "bachu-2024.txt"

# Runs the real command line in-process, then says which heavy modules it needed.
_CHILD = """
import sys
from reportlint.cli import main
status = main(sys.argv[1:])
heavy = ("lark", "reportlint.parse.document", "reportlint.rules.engine")
print("\\nMODULES", " ".join(m for m in heavy if m in sys.modules))
"""


def _check(folder: Path, *args: str) -> tuple[str, str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "check", "--cache-dir", str(folder / "cache"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    output, _, modules = done.stdout.rpartition("\nMODULES")
    return output, done.stderr, modules.split()


def _two_years(tmp_path: Path, report_2024: Path = MISMATCH_2024) -> None:
    shutil.copy(SEED_2023, tmp_path / "bachu-2023.txt")
    shutil.copy(report_2024, tmp_path / "bachu-2024.txt")


def test_a_warm_batch_keeps_its_cross_year_findings(tmp_path: Path) -> None:
    _two_years(tmp_path)
    cold = _check(tmp_path, "--format", "json", "bachu-2023.txt", "bachu-2024.txt")
    warm = _check(tmp_path, "--format", "json", "bachu-2023.txt", "bachu-2024.txt")
    codes = {item["code"] for item in json.loads(cold[0])}
    assert {"NU020", "NU021"} <= codes  # SOURCE.md: 上年结转 and 现行有效件数 do not carry over
    assert warm[0] == cold[0]
    assert "reportlint.parse.document" not in warm[2]  # the slim reports came from the cache


def test_a_warm_batch_without_cross_year_findings_needs_neither_parser_nor_rules(tmp_path: Path) -> None:
    _two_years(tmp_path, CARRIED_2024)
    cold = _check(tmp_path, "--format", "json", "bachu-2023.txt", "bachu-2024.txt")
    warm = _check(tmp_path, "--format", "json", "bachu-2023.txt", "bachu-2024.txt")
    assert not {"NU020", "NU021"} & {item["code"] for item in json.loads(cold[0])}
    assert warm[0] == cold[0]
    assert "lark" in cold[2]
    assert warm[2] == []


def test_text_output_from_the_cache_shows_the_same_source_lines(tmp_path: Path) -> None:
    _two_years(tmp_path)
    cold = _check(tmp_path, "bachu-2023.txt", "bachu-2024.txt")
    warm = _check(tmp_path, "bachu-2023.txt", "bachu-2024.txt")
    assert " 98 | " in cold[0]  # NU020 points at line 98 of the 2024 report (SOURCE.md)
    assert warm[0] == cold[0]


def test_the_linters_warnings_are_shown_on_warm_runs_too(tmp_path: Path) -> None:
    _two_years(tmp_path)
    cold = _check(tmp_path, "--ignore", "ZZ999", "bachu-2023.txt")
    warm = _check(tmp_path, "--ignore", "ZZ999", "bachu-2023.txt")
    assert "ZZ999" in cold[1]
    assert warm[1] == cold[1]
    assert warm[2] == []


def test_the_sarif_rule_list_builds_the_linter_only_when_asked(tmp_path: Path) -> None:
    _two_years(tmp_path)
    cold = _check(tmp_path, "--format", "sarif", "bachu-2023.txt")
    warm = _check(tmp_path, "--format", "sarif", "bachu-2023.txt")
    assert warm[0] == cold[0]
    assert json.loads(warm[0])["runs"][0]["tool"]["driver"]["rules"]
    assert "reportlint.rules.engine" in warm[2] and "reportlint.parse.document" not in warm[2]


def _diagnostic(line: int, end_line: int, related: tuple[tuple[int, int, int, int], ...] = ()) -> Diagnostic:
    return Diagnostic("a.txt", "NU001", "n", Severity.ERROR, "m", line, 1, end_line, 2, related=related)


def test_kept_lines_are_those_a_finding_covers_and_nothing_after_the_last() -> None:
    lines = ("l1", "l2", "l3", "l4", "l5", "l6")
    kept = kept_lines(lines, [_diagnostic(2, 3, related=((5, 1, 5, 2),))])
    assert kept == ("", "l2", "l3", "", "l5")
    assert kept_lines(lines, [_diagnostic(9, 9)]) == ()  # past the end: nothing to show


def test_a_compact_report_survives_pickling_with_every_cross_year_fact() -> None:
    from reportlint.api import parse_path
    from reportlint.review.crossyear import slim_for_cross_year
    from reportlint.store.slim import compact_report

    full = parse_path(str(SEED_2023))
    slim = slim_for_cross_year(full)
    compact = pickle.loads(pickle.dumps(compact_report(slim, full.lines)))
    assert (compact.body, compact.year, compact.title) == (slim.body, slim.year, slim.title)
    assert set(compact.tables) == set(slim.tables) == {"二", "三"}
    for key, table in slim.tables.items():
        assert dict(compact.tables[key].cells) == dict(table.cells)
    # 巴楚县 2023, table 三 "四、结转下年度继续办理" (seed line 345): 0 in all seven columns, 总计 last
    assert compact.tables["三"].value("carried_forward", "total") == 0


def test_a_damaged_packed_report_in_the_cache_is_a_miss_not_an_error(tmp_path: Path) -> None:
    _two_years(tmp_path)
    cold = _check(tmp_path, "--format", "json", "bachu-2023.txt", "bachu-2024.txt")
    for entry in (tmp_path / "cache").rglob("*.json"):
        stored = json.loads(entry.read_text(encoding="utf-8"))
        if isinstance(stored, dict) and stored.get("report"):
            stored["report"]["packed"] = base64.b64encode(b"not zlib data").decode("ascii")
            entry.write_text(json.dumps(stored), encoding="utf-8")
    again = _check(tmp_path, "--format", "json", "bachu-2023.txt", "bachu-2024.txt")
    assert (again[0], again[1]) == (cold[0], cold[1])
    assert "reportlint.parse.document" in again[2]  # both files were checked again
