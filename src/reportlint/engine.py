"""Run the rules over a Report. (Placeholder until the rule engine lands.)

The CLI branch added a minimal ``RuleInfo`` / ``Linter`` with the agreed interface so the command
line can be tested; Python rule classes here simply expose ``code``, ``name``, ``severity``,
``message``, ``description``, ``basis`` and ``check(report) -> Iterable[Diagnostic]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint.config import Config
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report
from reportlint.plugins.host import PluginHost


@dataclass(frozen=True)
class RuleInfo:
    """What ``reportlint rules`` and the formatters know about a rule."""

    code: str
    name: str
    severity: Severity
    kind: str
    description: str
    basis: str | None
    message: str
    source: str
    path: Path | None = None
    tests: tuple[Mapping[str, Any], ...] = ()
    sets: tuple[str, ...] = field(default=())


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(code.startswith(pattern) for pattern in patterns)


class Linter:
    """All known rules plus the selection from the config."""

    def __init__(self, host: PluginHost, config: Config) -> None:
        self.config = config
        self.warnings: list[str] = []
        self._checks: dict[str, Any] = {}
        rules: dict[str, RuleInfo] = {}
        for plugin_rules in host.hook.reportlint_rules():
            for rule_class in plugin_rules:
                rule = rule_class()
                rules[rule.code] = RuleInfo(
                    code=rule.code,
                    name=rule.name,
                    severity=Severity(rule.severity),
                    kind="python",
                    description=getattr(rule, "description", ""),
                    basis=getattr(rule, "basis", None),
                    message=getattr(rule, "message", ""),
                    source=getattr(rule, "source", "plugin"),
                    tests=tuple(getattr(rule, "tests", ())),
                )
                self._checks[rule.code] = rule
        self.rules: Mapping[str, RuleInfo] = rules

    def selected(self) -> list[RuleInfo]:
        """The rules that run, by code."""
        select = self.config.select or ("",)
        chosen = [
            info
            for code, info in sorted(self.rules.items())
            if (_matches(code, select) or _matches(code, self.config.extend_select))
            and not _matches(code, self.config.ignore)
        ]
        return chosen

    def lint(self, report: Report) -> list[Diagnostic]:
        """Diagnostics of the selected rules, sorted."""
        found: list[Diagnostic] = []
        for info in self.selected():
            found.extend(self._checks[info.code].check(report))
        return sorted(found, key=Diagnostic.sort_key)


def lint_report(report: Report, host: PluginHost, config: Any = None) -> list[Diagnostic]:
    """All diagnostics for one parsed report, sorted."""
    return Linter(host, config or Config()).lint(report)
