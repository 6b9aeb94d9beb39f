"""A batch run through the real command: cross-year checks between the reports of one body, and
the html review page. Fixtures: seed 001 (巴楚县 2023) and the 2024 reports written from it."""

from __future__ import annotations

import json
from pathlib import Path

from cli.runner import run_reportlint

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_2023 = FIXTURES / "seeds" / "001_3801af194dfe54d2.txt"
CROSSYEAR = FIXTURES / "crossyear"
CROSS_YEAR_CODES = "NU020,NU021,PD020,PD021"


def _codes(tmp_path: Path, *paths: Path, select: str = CROSS_YEAR_CODES) -> list[tuple[str, str, int]]:
    result = run_reportlint("check", "--format", "json", "--select", select, *map(str, paths), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return [(Path(d["path"]).name, d["code"], d["line"]) for d in json.loads(result.stdout)]


def test_consecutive_years_that_carry_over_are_clean(tmp_path: Path) -> None:
    assert _codes(tmp_path, SEED_2023, CROSSYEAR / "bachu-2024.txt") == []


def test_carried_in_that_differs_from_last_years_carried_forward_is_reported(tmp_path: Path) -> None:
    found = _codes(tmp_path, SEED_2023, CROSSYEAR / "bachu-2024-mismatch.txt")
    # 自然人 and 总计 of "二、上年结转" (lines 98 and 104 of the 2024 file) and 现行有效件数 (line 30).
    assert ("bachu-2024-mismatch.txt", "NU020", 98) in found
    assert ("bachu-2024-mismatch.txt", "NU020", 104) in found
    assert ("bachu-2024-mismatch.txt", "NU021", 30) in found
    assert all(name == "bachu-2024-mismatch.txt" for name, _, _ in found)


def test_cross_year_codes_obey_the_selection(tmp_path: Path) -> None:
    found = _codes(tmp_path, SEED_2023, CROSSYEAR / "bachu-2024-mismatch.txt", select="NU021")
    assert [code for _, code, _ in found] == ["NU021"]


def test_the_same_year_twice_is_a_duplicate(tmp_path: Path) -> None:
    copy = tmp_path / "again.txt"
    copy.write_bytes(SEED_2023.read_bytes())
    found = _codes(tmp_path, SEED_2023, copy)
    assert [code for _, code, _ in found] == ["PD020"]


def test_html_review_page_lists_every_report(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = run_reportlint(
        "check", "--format", "html", "--output-file", str(out), "--select", "NU",
        str(SEED_2023), str(CROSSYEAR / "bachu-2024-mismatch.txt"), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "001_3801af194dfe54d2.txt" in page and "bachu-2024-mismatch.txt" in page
    assert "NU020" in page
    assert "<script src" not in page and "http://" not in page.replace("http://www.w3.org", "")
