"""Built-in output formats, registered through ``reportlint_formatters``."""

from __future__ import annotations
