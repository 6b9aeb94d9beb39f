"""The Report model as JSON-ready data and as a readable tree. (Placeholder until the parser lands.)"""

from __future__ import annotations

from typing import Any

from reportlint.model import Report


def report_to_dict(report: Report) -> dict[str, Any]:
    """JSON-ready data for ``reportlint parse``."""
    return {"path": report.path, "year": report.year}


def report_to_tree(report: Report) -> str:
    """An indented outline for ``reportlint parse --format tree``."""
    return f"Report {report.path}"
