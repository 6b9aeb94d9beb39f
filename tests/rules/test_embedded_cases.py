"""Run every rule's embedded ``tests:`` cases (YAML rules and Python rule classes alike).

Each case is parsed with reportlint.parse.document.parse_text and checked with only its rule selected. A
``pass`` case must give no finding of that rule; a ``fail`` case exactly the listed codes (and
lines, for entries written ``CODE:LINE``), or at least one finding when nothing is listed.
"""

from __future__ import annotations

from collections import Counter

import pytest

from reportlint.config import Config
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.base import RuleCase
from reportlint.rules.engine import Linter, RuleInfo

HOST = create_host(load_entry_points=False)
ALL_RULES = Linter(HOST, Config(select=("ALL",))).rules
CASES = [(info, index, case) for info in ALL_RULES.values() for index, case in enumerate(info.tests)]


def test_the_example_rules_carry_cases() -> None:
    assert {"CP001", "NU001", "NU002", "NU003", "NU004"} <= {info.code for info, _, _ in CASES}


def expected(case: RuleCase) -> Counter[str]:
    return Counter(case.expect)


@pytest.mark.parametrize(
    ("info", "index", "case"),
    CASES,
    ids=[f"{info.code}-{index}-{'pass' if case.passes else 'fail'}" for info, index, case in CASES],
)
def test_embedded_case(info: RuleInfo, index: int, case: RuleCase) -> None:
    report = parse_text(case.text, path=f"{info.code}-case{index}.txt")
    found = [d for d in Linter(HOST, Config(select=(info.code,))).lint(report) if d.code == info.code]
    if case.passes:
        assert found == [], f"{info.code} pass case {index} gave: {[d.message for d in found]}"
        return
    if not case.expect:
        assert found, f"{info.code} fail case {index} gave no finding"
        return
    with_lines = any(":" in entry for entry in case.expect)
    actual = Counter(f"{d.code}:{d.line}" if with_lines else d.code for d in found)
    assert actual == expected(case), f"{info.code} fail case {index}: {[(d.line, d.message) for d in found]}"
