"""--output-file is written atomically, keeps sensible permissions, and never replaces an input."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.store.atomic import write_atomically


def test_atomic_write_leaves_old_content_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(Exception, match="无法写入"):
        write_atomically("new", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


def test_new_output_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "review.html"
    write_atomically("<html></html>", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()


def test_output_file_that_is_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text("一、总体情况\n", encoding="utf-8")
    before = report.read_bytes()
    assert main(["check", str(report), "--output-file", str(report)]) == 2
    assert "从不改写" in capsys.readouterr().err
    assert report.read_bytes() == before


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
