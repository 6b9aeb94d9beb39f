"""Deeply nested web pages are refused quickly instead of hanging the parser (found: 100,000
nested divs took 276 s before the limit) or overflowing the recursive walker."""

from __future__ import annotations

import time

import pytest
from tests.robustness.hostile_inputs import nested_html

from reportlint.api import lint_bytes
from reportlint.limits import MAX_HTML_DEPTH


@pytest.mark.parametrize("tag", ["div", "span", "table"])
def test_absurd_nesting_is_an_io005_diagnostic_within_a_second(tag: str) -> None:
    started = time.perf_counter()
    result = lint_bytes("deep.html", nested_html(100_000, tag))
    assert time.perf_counter() - started < 1.0
    assert [d.code for d in result.diagnostics] == ["IO005"]
    assert f"嵌套超过 {MAX_HTML_DEPTH} 层" in result.diagnostics[0].message


def test_nesting_just_over_the_limit_is_refused_after_parsing() -> None:
    # Within the generous pre-scan bound, so the exact check on the parsed tree decides.
    result = lint_bytes("deep.html", nested_html(MAX_HTML_DEPTH + 5, "section"))
    assert [d.code for d in result.diagnostics] == ["IO005"]


def test_nesting_under_the_limit_is_read_as_a_report() -> None:
    result = lint_bytes("ok.html", nested_html(MAX_HTML_DEPTH - 10, "span"))
    assert not any(d.code.startswith("IO") for d in result.diagnostics)
    assert result.report is not None and "总体情况" in result.report.text
