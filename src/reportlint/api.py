"""The public Python API: lint or parse files and strings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.engine import lint_report
from reportlint.load import InputError, SourceDocument, load_path
from reportlint.model import Report
from reportlint.parse import parse_document
from reportlint.plugins.host import PluginHost, create_host


@dataclass(frozen=True)
class FileResult:
    """The outcome of checking one file."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    report: Report | None = None


def input_diagnostic(path: str, error: InputError) -> Diagnostic:
    """An unreadable file becomes an IO error diagnostic rather than a traceback."""
    return Diagnostic(
        path=path,
        code=error.code,
        name="input.unreadable",
        severity=Severity.ERROR,
        message=error.message,
        line=error.line,
        column=error.column,
        end_line=error.line,
        end_column=error.column,
        source="reportlint",
    )


def parse_path(path: str, host: PluginHost | None = None) -> Report:
    """Load and parse one file; raises InputError when it cannot be read."""
    host = host or create_host()
    return parse_document(load_path(path, host))


def lint_document(document: SourceDocument, host: PluginHost, config: Any = None) -> FileResult:
    """Parse and check an already loaded document."""
    report = parse_document(document)
    return FileResult(document.path, tuple(lint_report(report, host, config)), report)


def lint_path(path: str, host: PluginHost | None = None, config: Any = None) -> FileResult:
    """Check one file; an unreadable file yields an IO diagnostic."""
    host = host or create_host()
    try:
        document = load_path(path, host)
    except InputError as error:
        return FileResult(path, (input_diagnostic(path, error),))
    return lint_document(document, host, config)
