"""Built-in output formats, registered through ``reportlint_formatters``.

Each name maps to a small stand-in class that imports its formatter module only when that format
is instantiated, so a run with ``--format text`` never imports the SARIF or JUnit code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from reportlint.plugins.hookspecs import hookimpl

_BUILTIN = {
    "text": ("reportlint.formatters.text", "TextFormatter"),
    "json": ("reportlint.formatters.json_format", "JsonFormatter"),
    "sarif": ("reportlint.formatters.sarif", "SarifFormatter"),
    "github": ("reportlint.formatters.github", "GithubFormatter"),
    "junit": ("reportlint.formatters.junit", "JunitFormatter"),
    "html": ("reportlint.review.formatter", "HtmlReviewFormatter"),
}


def _deferred(module: str, class_name: str) -> type[Any]:
    """A class whose instantiation imports ``module`` and returns an instance of ``class_name``."""

    class Deferred:
        def __new__(cls) -> Any:
            return getattr(import_module(module), class_name)()

    Deferred.__name__ = Deferred.__qualname__ = class_name
    return Deferred


@hookimpl
def reportlint_formatters() -> dict[str, type[Any]]:
    """text, json, sarif, github, junit and the html review page."""
    return {name: _deferred(module, class_name) for name, (module, class_name) in _BUILTIN.items()}
