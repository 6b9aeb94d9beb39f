"""Built-in output formats, registered through ``reportlint_formatters``."""

from __future__ import annotations

from typing import Any

from reportlint.plugins.hookspecs import hookimpl


@hookimpl
def reportlint_formatters() -> dict[str, type[Any]]:
    """text, json, sarif, github and junit (imported only when formats are looked up)."""
    from reportlint.formatters.github import GithubFormatter
    from reportlint.formatters.json_format import JsonFormatter
    from reportlint.formatters.junit import JunitFormatter
    from reportlint.formatters.sarif import SarifFormatter
    from reportlint.formatters.text import TextFormatter

    return {
        "text": TextFormatter,
        "json": JsonFormatter,
        "sarif": SarifFormatter,
        "github": GithubFormatter,
        "junit": JunitFormatter,
    }
