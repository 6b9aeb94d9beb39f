"""GitHub Actions workflow commands: annotations on the pull request's changed files."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.formatters.base import LintRun, expected_actual

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message the way the Actions runner un-escapes it (% first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value; ``:`` and ``,`` would otherwise end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter:
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``."""

    shows_source = False  # no source lines: a run keeps none for this format

    def format(self, run: LintRun) -> str:
        """One workflow command per diagnostic."""
        return "".join(self.chunks(run))

    def chunks(self, run: LintRun) -> Iterator[str]:
        """``format``'s text one command at a time, for writing as it is made."""
        return (self._command(d) + "\n" for d in run.diagnostics())

    def _command(self, d: Diagnostic) -> str:
        properties = {
            "file": d.path,
            "line": str(d.line),
            "col": str(d.column),
            "endLine": str(d.end_line),
            "endColumn": str(d.end_column),
            "title": f"{d.code} {d.name}",
        }
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        message = d.message
        values = expected_actual(d)
        if values:
            message = f"{message}（{values}）"
        return f"::{_COMMAND[d.severity]} {joined}::{escape_data(message)}"
