"""Run the rules over a Report. (Placeholder until the rule engine lands.)"""

from __future__ import annotations

from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.model import Report
from reportlint.plugins.host import PluginHost


def lint_report(report: Report, host: PluginHost, config: Any = None) -> list[Diagnostic]:
    """All diagnostics for one parsed report, sorted."""
    return []
