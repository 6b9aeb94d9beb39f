"""The Linter: selection, severity overrides, per-file ignores, crash isolation, ordering."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from report_builders import full_report
from reportlint.config import Config, ConfigError
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report, Span
from reportlint.plugins.hookspecs import hookimpl
from reportlint.plugins.host import create_host
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.engine import CRASH_CODE, Linter, lint_report

BROKEN = full_report({"new": {"total": "14"}})  # NU002 on line 8 and NU001 (总计 column) on line 31


class Exploding(Rule):
    """Raises on every report."""

    code = "ZZ001"
    name = "test.exploding"
    message = "不会出现"

    def check(self, context: RuleContext) -> Iterable[Finding]:
        raise RuntimeError("boom")


class FirstLine(Rule):
    """Reports line 1 of every report."""

    code = "ZZ002"
    name = "test.first-line"
    severity = Severity.INFO
    message = "第一行：{text}"

    def check(self, context: RuleContext) -> Iterable[Finding]:
        yield Finding(Span.on_line(1, 1, 2), {"text": context.report.lines[0][:2]})


class TestPlugin:
    """A plugin contributing the two rules above."""

    @hookimpl
    def reportlint_rules(self) -> Sequence[type[Rule]]:
        return [Exploding, FirstLine]


def linter(**settings: object) -> Linter:
    host = create_host(load_entry_points=False, extra_plugins=(TestPlugin(),))
    return Linter(host, Config(**settings))  # type: ignore[arg-type]


def codes(found: Iterable[Diagnostic]) -> list[str]:
    return [d.code for d in found]


def test_defaults_select_every_default_rule() -> None:
    selected = {info.code for info in linter().selected()}
    assert {"NU001", "NU002", "NU003", "NU004", "CP001", "ZZ001", "ZZ002", "IO001"} <= selected


def test_crashing_rule_becomes_one_diagnostic_and_the_others_still_run() -> None:
    checker = linter(select=("NU", "ZZ"))
    found = checker.lint(BROKEN)
    assert codes(found) == [CRASH_CODE, "ZZ002", "NU002", "NU001"]  # sorted by line, column, code
    crash = found[0]
    assert "ZZ001" in crash.message and "test.exploding" in crash.message and "boom" in crash.message
    assert crash.source == checker.rules["ZZ001"].source  # the name the plugin was registered under
    assert any("ZZ001" in warning for warning in checker.warnings)


def test_ignoring_rl900_hides_crash_diagnostics_but_keeps_the_warning() -> None:
    checker = linter(select=("ZZ",), ignore=("RL900",))
    assert codes(checker.lint(BROKEN)) == ["ZZ002"]
    assert checker.warnings


def test_select_prefix_name_and_set() -> None:
    assert codes(linter(select=("NU002",)).lint(BROKEN)) == ["NU002"]
    assert codes(linter(select=("numeric",)).lint(BROKEN)) == ["NU002", "NU001"]
    # The test report has no table 二, which CP015 (table absent from its section) notes.
    assert set(codes(linter(select=("national-2021",)).lint(BROKEN))) == {"NU001", "NU002", "CP015"}


def test_more_specific_selector_wins_over_ignore() -> None:
    assert codes(linter(select=("NU",), ignore=("NU001",)).lint(BROKEN)) == ["NU002"]
    assert codes(linter(select=("NU001",), ignore=("NU",)).lint(BROKEN)) == ["NU001"]
    assert codes(linter(ignore=("ALL",), extend_select=("NU002",)).lint(BROKEN)) == ["NU002"]


def test_unknown_select_is_a_config_error_and_unknown_ignore_a_warning() -> None:
    with pytest.raises(ConfigError, match="XX999"):
        linter(select=("XX999",))
    assert any("QQ" in w for w in linter(ignore=("QQ",)).warnings)


def test_severity_override_most_specific_wins() -> None:
    checker = linter(select=("NU",), severity={"NU": Severity.WARNING, "NU002": Severity.INFO})
    found = {d.code: d.severity for d in checker.lint(BROKEN)}
    assert found == {"NU001": Severity.WARNING, "NU002": Severity.INFO}
    assert checker.rules["NU002"].severity is Severity.INFO
    assert checker.rules["NU002"].default_severity is Severity.ERROR


def test_per_file_ignores_match_the_report_path() -> None:
    checker = linter(select=("NU",), per_file_ignores={"drafts/*.txt": ("NU001",), "*.docx": ("NU",)})
    draft = full_report({"new": {"total": "14"}}, path="drafts/a.txt")
    other = full_report({"new": {"total": "14"}}, path="final/a.txt")
    docx = full_report({"new": {"total": "14"}}, path="final/a.docx")
    assert codes(checker.lint(draft)) == ["NU002"]
    assert codes(checker.lint(other)) == ["NU002", "NU001"]
    assert codes(checker.lint(docx)) == []


def test_rule_options_reach_the_rule(tmp_path: Path) -> None:
    seen: list[object] = []

    class Optioned(Rule):
        code = "ZZ003"
        name = "test.optioned"
        message = "m"
        options: ClassVar[Mapping[str, Any]] = {"limit": 1, "mode": "x"}

        def check(self, context: RuleContext) -> Iterable[Finding]:
            seen.append(dict(context.options))
            return ()

    class Plugin:
        @hookimpl
        def reportlint_rules(self) -> Sequence[type[Rule]]:
            return [Optioned]

    host = create_host(load_entry_points=False, extra_plugins=(Plugin(),))
    Linter(host, Config(select=("ZZ003",), rule_options={"ZZ003": {"limit": 5}})).lint(BROKEN)
    assert seen == [{"limit": 5, "mode": "x"}]


def test_rules_cannot_change_diagnostics_of_others() -> None:
    # Findings are frozen and the engine builds the Diagnostic: the code and source come from the registry.
    found = linter(select=("ZZ002",)).lint(BROKEN)
    with pytest.raises(AttributeError):
        found[0].code = "NU001"  # type: ignore[misc]
    assert found[0].message == "第一行：某某"
    assert found[0].severity is Severity.INFO


def test_lint_report_convenience_matches_the_linter() -> None:
    host = create_host(load_entry_points=False)
    assert codes(lint_report(BROKEN, host, Config(select=("NU",)))) == ["NU002", "NU001"]
    # an empty report: every section is missing (CP001 ×6 at line 1) and so is the title (CP002);
    # nothing else can be judged
    empty = lint_report(Report(path="empty.txt", text="", lines=()), host)
    assert [(d.code, d.line) for d in empty] == [("CP001", 1)] * 6 + [("CP002", 1)]
