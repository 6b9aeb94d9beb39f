"""Shared per-report views: built once per report, and the whole-text shortcut never hides a match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

import pytest

from report_builders import ReportBuilder, full_report, yaml_linter
from reportlint.config import Config
from reportlint.model import Report
from reportlint.plugins.hookspecs import hookimpl
from reportlint.plugins.host import create_host
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.engine import Linter
from reportlint.rules.views import ReportViews, ScopeText, whole_text_filter

LINES = ("第一行以文字结尾 ", "  行首空白", "word", "国办函〔2020〕", "109号", "", "abc def")


def _scope(lines: Sequence[str]) -> ScopeText:
    return ScopeText.of_lines(tuple(lines))


@pytest.mark.parametrize(
    "pattern",
    [
        r"^\s",  # line start: true of line 2 alone, must stay true inside the whole text
        r"\s$",  # line end: line 1 ends in a space
        r"^word$",
        r"\bword\b",
        r"\Bor\B",
        r"^$",  # the empty line
        r"结尾\s*$",
        r"行首",
        r"[^x]def$",
    ],
)
def test_a_pattern_that_matches_one_line_is_never_filtered_out(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert any(compiled.search(line) for line in LINES)  # the premise, checked by hand above
    assert _scope(LINES).may_match(compiled)


@pytest.mark.parametrize(
    ("pattern", "maybe"),
    [
        (r"结尾\s+行首", True),  # the space, the break and the indent
        (r"^行首", False),
        (r"wordx", False),
        (r"国办函〔2020〕\s*109号", True),  # only across a line break: "maybe", the lines decide
    ],
)
def test_a_pattern_that_matches_no_line_is_filtered_out_unless_it_spans_a_break(
    pattern: str, maybe: bool
) -> None:
    compiled = re.compile(pattern)
    assert not any(compiled.search(line) for line in LINES)
    assert _scope(LINES).may_match(compiled) is maybe


@pytest.mark.parametrize(
    "pattern",
    [r"〔2020〕(?!\s*109)", r"(?<=行)首", r"(?<!x)def", r"\Aword", r"word\Z", r"(?>\s*)1", r"\s*+1", r"a++"],
)
def test_patterns_that_could_look_past_a_line_get_no_shortcut(pattern: str) -> None:
    # e.g. 〔2020〕(?!\s*109) matches line 4 alone, but not the joined text, where 109 follows
    assert whole_text_filter(re.compile(pattern)) is None


def test_a_lookahead_rule_still_finds_a_match_the_joined_text_would_hide(tmp_path: Path) -> None:
    linter = yaml_linter(tmp_path, {"LC010": "kind: forbid\npatterns: ['〔2020〕(?!\\s*109)']\n"})
    builder = ReportBuilder().add_title()
    builder.add_section(1)
    first = builder.add_paragraph("依据国办函〔2020〕").span.line
    builder.add_paragraph("109号")  # on its own line: the lone first line still matches
    found = linter.lint(builder.build())
    assert [(d.code, d.line) for d in found] == [("LC010", first)]


class _SeesViews(Rule):
    """Records the views object and one scope it was given."""

    code = "ZZ101"
    name = "test.sees-views"
    message = "不会出现"
    seen: ClassVar[list[tuple[ReportViews, ScopeText | None]]] = []

    def check(self, context: RuleContext) -> Iterable[Finding]:
        self.seen.append((context.views, context.views.scope("text")))
        return ()


class _SeesViewsToo(_SeesViews):
    code = "ZZ102"
    name = "test.sees-views-too"


class _Plugin:
    @hookimpl
    def reportlint_rules(self) -> Sequence[type[Rule]]:
        return [_SeesViews, _SeesViewsToo]


def test_every_rule_of_one_report_shares_one_set_of_views_and_a_new_report_gets_new_ones() -> None:
    _SeesViews.seen.clear()
    host = create_host(load_entry_points=False, extra_plugins=(_Plugin(),))
    linter = Linter(host, Config(select=("ZZ1",)))
    first, second = full_report({}), full_report({"new": {"total": "14"}})
    linter.lint(first)
    linter.lint(second)
    (views_a, text_a), (views_b, text_b), (views_c, _) = _SeesViews.seen[:3]
    assert views_a is views_b and text_a is text_b  # built once, shared by both rules
    assert views_c is not views_a and views_c.report is second
    assert text_a is not None and [p.text for p in text_a.pieces] == list(first.lines)


def test_a_context_made_by_hand_builds_its_own_views() -> None:
    report = full_report({})
    context = RuleContext.for_report(report)
    assert context.views is context.views and context.views.report is report


_BUILDS: list[str] = []


def _first_line(report: Report) -> str:
    _BUILDS.append(report.path)
    return report.lines[0]


def test_a_shared_reading_is_built_once_per_report() -> None:
    _BUILDS.clear()
    report = full_report({})
    views = ReportViews(report)
    assert views.shared(_first_line) == report.lines[0]
    assert views.shared(_first_line) == report.lines[0]
    ReportViews(report).shared(_first_line)  # another lint of the same report builds anew
    assert [report.path, report.path] == _BUILDS
