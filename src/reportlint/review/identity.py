"""Who a report is from: the issuing body folded so that two years of one body match."""

from __future__ import annotations

import re

from reportlint.model import Report
from reportlint.parse.normalize import normalize

_SPACE = re.compile(r"\s+")

UNKNOWN_BODY = "（未识别发布机关）"


def body_key(body: str) -> str:
    """The body name for matching: full-width folded, all white space removed."""
    return _SPACE.sub("", normalize(body))


def body_label(report: Report | None) -> str:
    """The body as shown to reviewers, or a placeholder when the parser found none."""
    if report is None or not report.body or not report.body.strip():
        return UNKNOWN_BODY
    return report.body.strip()
