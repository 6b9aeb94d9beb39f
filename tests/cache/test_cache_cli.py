"""The cache on the command line: on by default in the project, --cache-dir, --no-cache."""

from __future__ import annotations

from pathlib import Path

from tests.cli.runner import BAD_REPORT, run_reportlint


def _project(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD_REPORT, encoding="utf-8")
    return tmp_path


def test_a_second_run_prints_the_same_from_the_default_cache(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = run_reportlint("check", "bad.txt", cwd=project)
    assert (project / ".reportlint_cache").is_dir()
    again = run_reportlint("check", "bad.txt", cwd=project)
    assert "TP001" in first.stdout
    assert (again.stdout, again.returncode) == (first.stdout, first.returncode) == (first.stdout, 1)


def test_no_cache_leaves_no_folder_and_cache_dir_is_honoured(tmp_path: Path) -> None:
    project = _project(tmp_path)
    run_reportlint("check", "--no-cache", "bad.txt", cwd=project)
    assert not (project / ".reportlint_cache").exists()
    run_reportlint("check", "--cache-dir", "elsewhere", "bad.txt", cwd=project)
    assert not (project / ".reportlint_cache").exists()
    assert list((project / "elsewhere").rglob("*.json"))


def test_a_changed_selection_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    project = _project(tmp_path)
    run_reportlint("check", "bad.txt", cwd=project)
    ignored = run_reportlint("check", "--ignore", "TP001", "bad.txt", cwd=project)
    assert "TP001" not in ignored.stdout
    assert ignored.returncode == 0
