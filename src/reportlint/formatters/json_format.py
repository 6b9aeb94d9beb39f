"""JSON: a list of diagnostic objects, a stable interface for scripts (see README)."""

from __future__ import annotations

import json
from collections.abc import Iterator
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

    shows_source = False  # no source lines: a run keeps none for this format

    def format(self, run: LintRun) -> str:
        """All diagnostics as one JSON array (UTF-8, Chinese kept readable)."""
        return "".join(self.chunks(run))

    def chunks(self, run: LintRun) -> Iterator[str]:
        """The array piece by piece, one diagnostic at a time, so a run of thousands of files is
        written without building it whole; the text is exactly ``json.dumps(list, indent=2)``."""
        empty = True
        for d in run.diagnostics():
            item = json.dumps(diagnostic_to_dict(d), ensure_ascii=False, indent=2)
            yield ("[\n  " if empty else ",\n  ") + item.replace("\n", "\n  ")  # JSON strings hold no raw \n
            empty = False
        yield "[]\n" if empty else "\n]\n"
