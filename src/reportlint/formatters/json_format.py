"""JSON: a list of diagnostic objects, a stable interface for scripts (see README)."""

from __future__ import annotations

import json
from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.formatters.base import LintRun


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    """The documented JSON object of one diagnostic."""
    return {
        "path": d.path,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "locator": list(d.locator),
        "expected": d.expected,
        "actual": d.actual,
        "related": [list(span) for span in d.related],
        "basis": d.basis,
        "source": d.source,
        "origin": d.origin,
        "fixes": list(d.fixes),
    }


class JsonFormatter:
    """``[ {path, code, name, severity, message, line, column, …}, … ]``."""

    def format(self, run: LintRun) -> str:
        """All diagnostics as one JSON array (UTF-8, Chinese kept readable)."""
        payload = [diagnostic_to_dict(d) for d in run.diagnostics()]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
