"""The seed scorecard as a test: every hand-checked defect is found, and no false error appears.

Mirrors shared/tools/scorecard.py over tests/fixtures/seeds/expected.json: a must-report item is
found when a diagnostic of its family, at its lowest accepted severity or above, starts on one of
its lines; an error-level diagnostic whose family the seed does not list is a false error.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from tests.paths import SEEDS

from reportlint.api import lint_path
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.plugins.host import create_host

RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
WANTED = {"info": 0, "warning": 1, "error": 2}
EXPECTED: dict[str, Any] = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
SEED_NAMES = sorted(name for name in EXPECTED if name != "about")
ITEMS = [(name, item) for name in SEED_NAMES for item in EXPECTED[name]]
HOST = create_host(load_entry_points=False)


@cache
def diagnostics(name: str) -> tuple[Diagnostic, ...]:
    """The default rule selection's diagnostics for one seed (checked once per test run)."""
    return lint_path(str(SEEDS / name), HOST).diagnostics


@pytest.mark.parametrize(
    ("name", "item"),
    ITEMS,
    ids=[f"{name[:3]}-{item['family']}-{item['lines'][0]}" for name, item in ITEMS],
)
def test_must_report_item_is_found(name: str, item: dict[str, Any]) -> None:
    low, high = item["lines"]
    hits = [
        d
        for d in diagnostics(name)
        if d.code.startswith(item["family"])
        and RANK[d.severity] >= WANTED[item["severity"]]
        and low <= d.line <= high
    ]
    assert hits, f"{name}: {item['what']} not reported; got {[(d.code, d.line) for d in diagnostics(name)]}"


@pytest.mark.parametrize("name", SEED_NAMES, ids=[name[:3] for name in SEED_NAMES])
def test_no_false_errors(name: str) -> None:
    families = {item["family"] for item in EXPECTED[name]}
    false = [
        (d.code, d.line, d.message)
        for d in diagnostics(name)
        if d.severity is Severity.ERROR and d.code[:2] not in families
    ]
    assert false == []


def test_expectations_cover_every_seed() -> None:
    assert sorted(path.name for path in SEEDS.glob("*.txt")) == SEED_NAMES
