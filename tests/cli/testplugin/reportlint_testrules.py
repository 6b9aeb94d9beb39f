"""A test-only reportlint plugin: rules that flag marker words, and a formatter that crashes.

The markers 【错】 (error), 【警】 (warning) and 【提】 (info) let CLI tests produce findings of a
chosen severity at a known place without depending on the national rules, which are still
changing. Registered through a hand-made dist-info entry point (see the folder beside this file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report
from reportlint.plugins.hookspecs import hookimpl


class _MarkerRule:
    code = ""
    name = ""
    severity = Severity.ERROR
    marker = ""
    message = "发现标记 {marker}"
    description = "测试用规则：报告中出现标记即报告问题。"
    basis = "测试依据"
    source = "testrules"
    tests: tuple[dict[str, str], ...] = ()

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for number, line in enumerate(report.lines, start=1):
            column = line.find(self.marker)
            if column < 0:
                continue
            yield Diagnostic(
                path=report.path,
                code=self.code,
                name=self.name,
                severity=self.severity,
                message=f"发现标记 {self.marker}：{line.strip()}",
                line=number,
                column=column + 1,
                end_line=number,
                end_column=column + 1 + len(self.marker),
                locator=("表三", "（七）总计", "自然人"),
                expected="10",
                actual="12",
                basis=self.basis,
                source=self.source,
            )


class ErrorMarker(_MarkerRule):
    code, name, severity, marker = "TP001", "test.error-marker", Severity.ERROR, "【错】"
    tests = ({"fail": "第一行\n这里有【错】"}, {"pass": "没有标记"})


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
