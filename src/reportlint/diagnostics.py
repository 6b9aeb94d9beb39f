"""Lint diagnostics: what every rule produces and every formatter prints.

Standard library only. Lines and columns are 1-based and counted in Unicode code points; the end
column is exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.model import Report

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")


class Severity(StrEnum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a severity name as users write it (``warn`` is accepted for ``warning``)."""
        lowered = text.strip().lower()
        if lowered == "warn":
            lowered = "warning"
        return cls(lowered)


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, pointing at the exact line and cell it concerns."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    locator: tuple[str, ...] = ()
    expected: str | None = None
    actual: str | None = None
    related: tuple[tuple[int, int, int, int], ...] = ()
    basis: str | None = None
    source: str = "national"
    origin: str | None = None
    fixes: tuple[str, ...] = field(default=())
    # further (line, column, end_line, end_column, replacement) of the same fix, made with fixes[0]
    fix_elsewhere: tuple[tuple[int, int, int, int, str], ...] = field(default=())

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Stable order: by file, position, code, then message."""
        return (self.path, self.line, self.column, self.code, self.message)

    def family(self) -> str:
        """The rule family: the code's leading capital letters (``NU`` for ``NU001``)."""
        return self.code.rstrip("0123456789")

    def locator_text(self) -> str:
        """The logical place, e.g. ``三、收到和处理… › 表三 › （七）总计 › 自然人``."""
        return " › ".join(self.locator)


@dataclass(frozen=True)
class FileResult:
    """The outcome of checking one file, as formatters and the review page read it.

    ``lines`` are the report's text lines (for showing the source under a diagnostic) and
    ``warnings`` what the linter reported while checking this file (e.g. a rule that crashed).
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    report: Report | None = None
    lines: Sequence[str] = ()
    warnings: tuple[str, ...] = ()
