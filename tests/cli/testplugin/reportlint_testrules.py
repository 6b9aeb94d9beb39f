"""A test-only reportlint plugin: rules that flag marker words, and a formatter that crashes.

The markers 【错】 (error), 【警】 (warning) and 【提】 (info) let CLI tests produce findings of a
chosen severity at a known place without depending on the national rules, which are still
changing. Registered through a hand-made dist-info entry point (see the folder beside this file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.plugins.hookspecs import hookimpl
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext


class _MarkerRule(Rule):
    marker = ""
    message = "发现标记 {marker}：{line}"
    description = "测试用规则：报告中出现标记即报告问题。"
    basis = "测试依据"

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for number, line in enumerate(context.report.lines, start=1):
            column = line.find(self.marker)
            if column < 0:
                continue
            yield Finding(
                span=Span.on_line(number, column + 1, len(self.marker)),
                params={"marker": self.marker, "line": line.strip()},
                locator=("表三", "（七）总计", "自然人"),
                expected="10",
                actual="12",
            )


class ErrorMarker(_MarkerRule):
    code, name, severity, marker = "TP001", "test.error-marker", Severity.ERROR, "【错】"
    tests = (
        RuleCase("第一行\n这里有【错】", passes=False, expect=("TP001:2",)),
        RuleCase("没有标记", passes=True),
    )


class WarningMarker(_MarkerRule):
    code, name, severity, marker = "TP002", "test.warning-marker", Severity.WARNING, "【警】"


class InfoMarker(_MarkerRule):
    code, name, severity, marker = "TP003", "test.info-marker", Severity.INFO, "【提】"


class CrashingFormatter:
    def format(self, run: Any) -> str:
        raise RuntimeError("formatter exploded")


@hookimpl
def reportlint_rules() -> list[type[Any]]:
    return [ErrorMarker, WarningMarker, InfoMarker]


@hookimpl
def reportlint_formatters() -> dict[str, type[Any]]:
    return {"crash": CrashingFormatter}
