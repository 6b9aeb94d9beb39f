"""Plugins cannot break a run: a crash becomes RL900, hostile rules cannot touch other findings or
the shared report, and no file yields more than ``max-diagnostics`` findings."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from reportlint.api import lint_text
from reportlint.config import Config, ConfigError, load_config
from reportlint.limits import MAX_DIAGNOSTICS_PER_FILE
from reportlint.model import Span
from reportlint.plugins.hookspecs import hookimpl
from reportlint.plugins.host import create_host
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.engine import CRASH_CODE, TRUNCATED_CODE, Linter

TEXT = "某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开。\n"


class EveryLine(Rule):
    """One finding on every line of the report."""

    code = "ZY001"
    name = "test.every-line"
    message = "第 {n} 行"

    def check(self, context: RuleContext) -> Iterable[Finding]:
        for number in range(1, len(context.report.lines) + 1):
            yield Finding(Span.on_line(number, 1, 1), {"n": str(number)})


class Vandal(Rule):
    """Tries to change the report every rule shares (its lines are a tuple: TypeError)."""

    code = "ZY002"
    name = "test.vandal"
    message = "不会出现"

    def check(self, context: RuleContext) -> Iterable[Finding]:
        context.report.lines[0] = "被篡改"  # type: ignore[index]
        return []


class Forger(Rule):
    """Yields something that is not a Finding, pretending to be another rule's diagnostic."""

    code = "ZY003"
    name = "test.forger"
    message = "不会出现"

    def check(self, context: RuleContext) -> Iterable[Finding]:
        yield {"code": "NU001", "severity": "info"}  # type: ignore[misc]


class HostilePlugin:
    @hookimpl
    def reportlint_rules(self) -> Sequence[type[Rule]]:
        return [EveryLine, Vandal, Forger]


def _linter(**settings: object) -> Linter:
    host = create_host(load_entry_points=False, extra_plugins=(HostilePlugin(),))
    return Linter(host, Config(select=("ZY", "RL"), **settings))  # type: ignore[arg-type]


def test_crashing_rules_become_rl900_naming_rule_and_plugin_and_others_still_run() -> None:
    linter = _linter()
    result = lint_text(TEXT, "r.txt", linter.host, linter.config)
    crashes = [d for d in result.diagnostics if d.code == CRASH_CODE]
    assert sorted(c.message.split("（")[0] for c in crashes) == ["规则 ZY002", "规则 ZY003"]
    assert all("插件" in c.message for c in crashes)
    every_line = [d for d in result.diagnostics if d.code == "ZY001"]
    # three lines ending in a newline, plus the empty line after the last one
    assert [d.line for d in every_line] == [1, 2, 3, 4]  # the healthy rule's findings are intact
    assert result.report is not None and result.report.lines[0].startswith("某县")  # report unchanged


def test_diagnostics_are_frozen_so_a_formatter_or_plugin_cannot_rewrite_them() -> None:
    linter = _linter()
    diagnostic = lint_text(TEXT, "r.txt", linter.host, linter.config).diagnostics[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        diagnostic.severity = diagnostic.severity  # type: ignore[misc]


def test_findings_beyond_the_cap_become_one_rl901_summary() -> None:
    text = TEXT + "".join(f"第{i}段。\n" for i in range(1500))
    linter = _linter()
    found = [d for d in lint_text(text, "r.txt", linter.host, linter.config).diagnostics]
    assert len(found) == MAX_DIAGNOSTICS_PER_FILE + 1
    summary = found[-1]
    total = 1504 + 2  # one ZY001 per line (1503 and the empty last one), two RL900 crashes
    assert summary.code == TRUNCATED_CODE
    assert f"共发现 {total} 个问题" in summary.message and f"其余 {total - 1000} 个未列出" in summary.message
    assert "max-diagnostics" in summary.message


def test_max_diagnostics_is_read_from_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text("max-diagnostics = 2\n", encoding="utf-8")
    config = load_config(cwd=tmp_path)
    linter = _linter(max_diagnostics=config.max_diagnostics)
    found = lint_text(TEXT, "r.txt", linter.host, linter.config).diagnostics
    assert [d.code for d in found][-1] == TRUNCATED_CODE and len(found) == 3


@pytest.mark.parametrize("value", ["0", "-5", '"many"', "true"])
def test_max_diagnostics_must_be_a_positive_integer(tmp_path: Path, value: str) -> None:
    (tmp_path / "reportlint.toml").write_text(f"max-diagnostics = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="max-diagnostics"):
        load_config(cwd=tmp_path)


def test_max_file_size_of_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('max-file-size = "0 MB"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="max-file-size"):
        load_config(cwd=tmp_path)


def test_standard_input_over_max_file_size_is_io004() -> None:
    result = lint_text(TEXT * 100, "-", config=Config(max_file_size=1024))
    assert [d.code for d in result.diagnostics] == ["IO004"] and "max-file-size" in result.diagnostics[
        0
    ].message
