"""Real reports' wordings rewritten into the seeds give no false error (cases.yaml)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from reportlint.config import Config
from reportlint.diagnostics import Severity
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

HERE = Path(__file__).parent
SEEDS = HERE.parent / "fixtures" / "seeds"
CASES: list[dict[str, Any]] = YAML(typ="safe").load((HERE / "cases.yaml").read_text(encoding="utf-8"))
LINTER = Linter(create_host(load_entry_points=False), Config())


def _seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def _rewrite(text: str, case: dict[str, Any]) -> str:
    if "pattern" in case:
        rewritten, count = re.subn(case["pattern"], case["new"], text)
        assert count >= 1, f"{case['pattern']!r} must occur in seed {case['seed']}"
        return rewritten
    anchor = case.get("old", case.get("insert_after"))
    assert text.count(anchor) == 1, f"{anchor!r} must occur once in seed {case['seed']}"
    if "old" in case:
        return text.replace(anchor, case["new"])
    return text.replace(anchor, f"{anchor}\n{case['new']}")


def _errors(text: str, path: Path) -> set[str]:
    found = LINTER.lint(parse_text(text, str(path)))
    return {d.code for d in found if d.severity is Severity.ERROR}


def _codes(text: str, path: Path) -> set[str]:
    return {d.code for d in LINTER.lint(parse_text(text, str(path)))}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_real_wording(case: dict[str, Any]) -> None:
    path = _seed(case["seed"])
    original = path.read_text(encoding="utf-8")
    rewritten = _rewrite(original, case)
    before, after = _errors(original, path), _errors(rewritten, path)
    expected = set(case.get("expect", ()))
    assert after - before == expected, "errors the original lacks"
    assert before <= after, "the original's errors must still be found"
    assert not set(case.get("absent", ())) & _codes(rewritten, path)
