"""Output formats: one module per format, each a class registered through ``reportlint_formatters``."""

from __future__ import annotations

from reportlint.formatters.base import Formatter, LintRun

__all__ = ["Formatter", "LintRun"]
