"""The corpus of bad inputs through the real command: a message or an IO diagnostic, never a
traceback; hostile rule packs stop with exit status 2 naming file, line and key."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from tests.cli.runner import run_reportlint
from tests.robustness.hostile_inputs import OLE_DOC, big_table, nested_html, zip_bomb, zip_with

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"
SEED = (SEEDS / "000_0d171b8ef5d5b856.txt").read_bytes()

# name -> (bytes, the IO code the file must get, or None for "read and checked as a report")
BAD_FILES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "IO003"),
    "blank.txt": (b" \n\t\r\n", "IO003"),
    "full-width-blank.txt": ("\u3000\u3000\n\u3000\n".encode(), "IO003"),
    "binary.txt": (bytes(range(256)) * 8, "IO001"),
    "truncated-utf8.txt": ("一、总体情况".encode()[:-1], "IO002"),
    "mixed-encodings.txt": ("一、总体情况\n".encode() + "二、主动公开政府信息情况\n".encode("gbk"), "IO002"),
    "broken.docx": (zip_with({"word/document.xml": b"<w:document"})[:-30], "IO005"),
    "word97.docx": (OLE_DOC, "IO005"),
    "not-xml.docx": (zip_with({"word/document.xml": b"<<<<"}), "IO005"),
    "deep.html": (nested_html(50_000), "IO005"),
    "truncated.pdf": (b"%PDF-1.7\n1 0 obj\n<<", "IO005"),
    "table-10000-rows.txt": (big_table(10_000), None),
    "seed-100-times.txt": (SEED * 100, None),
}


def _run_json(tmp_path: Path, *args: str) -> tuple[int, list[dict[str, object]], str]:
    (tmp_path / "reportlint.toml").write_text("", encoding="utf-8")
    done = run_reportlint("check", "--format", "json", *args, cwd=tmp_path, plugins=())
    assert "Traceback" not in done.stderr and "内部错误" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else [], done.stderr


def test_every_bad_file_in_one_run_gets_its_diagnostic(tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    status, found, _ = _run_json(tmp_path, *BAD_FILES)
    assert status == 1
    for name, (_, code) in BAD_FILES.items():
        codes = {str(d["code"]) for d in found if d["path"] == name}
        if code is None:
            assert codes and not any(c.startswith("IO") for c in codes), name
        else:
            assert codes == {code}, name


def test_the_repeated_report_is_capped_at_the_diagnostics_limit(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(SEED * 300)
    _, found, _ = _run_json(tmp_path, "r.txt")
    assert len(found) == 1001 and found[-1]["code"] == "RL901"


def test_file_over_max_file_size_is_io004_naming_the_setting(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(SEED)
    (tmp_path / "reportlint.toml").write_text('max-file-size = "1 KiB"\n', encoding="utf-8")
    done = run_reportlint("check", "--format", "json", "r.txt", cwd=tmp_path, plugins=())
    found = json.loads(done.stdout)
    assert [d["code"] for d in found] == ["IO004"] and "max-file-size" in found[0]["message"]


def test_zip_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    (tmp_path / "bomb.docx").write_bytes(zip_bomb(1100))  # 1.1 GB of zeros in about 1 MB
    _, found, _ = _run_json(tmp_path, "bomb.docx")
    assert [d["code"] for d in found] == ["IO005"] and "压缩炸弹" in str(found[0]["message"])


HOSTILE_RULES = {
    "XX001.yaml": (  # a python tag is a plain string, never an object
        "code: XX001\nname: !!python/object/apply:os.system ['touch pwned']\n",
        "XX001",
    ),
    "XX004.yaml": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "别名"),
    "XX005.yaml": ("- just\n- a list\n", "XX005.yaml"),
    "XX006.yaml": ("[" * 3000 + "]" * 3000 + "\n", "嵌套"),
    "XX002.yaml": (
        "code: XX002\nname: x.bad\nkind: forbid\nseverity: error\nmessage: m\n"
        "description: d\npatterns: ['(a|a)*b']\n",
        "XX002.yaml:7 键 patterns",
    ),
    "XX003.yaml": (
        "code: XX003\nname: x.expr\nkind: equation\nseverity: error\nmessage: m\n"
        "description: d\nequation: '三.total.__class__ == 1'\n",
        "XX003.yaml:7 键 equation",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_RULES))
def test_hostile_rule_file_stops_with_status_2_and_a_located_message(tmp_path: Path, name: str) -> None:
    text, expected = HOSTILE_RULES[name]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / name).write_text(text, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-dirs = ["rules"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(SEED)
    done = run_reportlint("check", "r.txt", cwd=tmp_path, plugins=())
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr and expected in done.stderr, done.stderr
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit"])
def test_check_never_changes_any_checked_file(tmp_path: Path, output_format: str) -> None:
    inputs = [tmp_path / "in" / name for name in ("a.txt", "000.docx", "000.html", "000.pdf")]
    inputs[0].parent.mkdir()
    inputs[0].write_bytes(SEED)
    for path in inputs[1:]:
        shutil.copy(FORMATS / path.name, path)
    os.utime(inputs[0].parent, ns=(1_000_000_000, 1_000_000_000))
    for path in inputs:
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in inputs}
    (tmp_path / "reportlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "out").mkdir()
    done = run_reportlint(
        "check", "--format", output_format, "--output-file", "out/result", "in", cwd=tmp_path, plugins=()
    )
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "out" / "result").is_file()  # github output may be empty: no findings
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in inputs} == before
    assert sorted(p.name for p in inputs[0].parent.iterdir()) == sorted(p.name for p in inputs)
