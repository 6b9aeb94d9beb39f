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
            yield ("[\n  " if empty else ",\n  ") + _diagnostic_text(d)
            empty = False
        yield "[]\n" if empty else "\n]\n"


_STRING = json.encoder.encode_basestring  # the C encoder when available; keeps Chinese as is


def _diagnostic_text(d: Diagnostic) -> str:
    """``diagnostic_to_dict(d)`` as json.dumps(indent=2) writes it one level deep, built field by
    field: json's own indenting encoder is pure Python and was most of the parent's work in a
    ``--jobs`` run. A test compares the two on every kind of value."""
    optional = _optional
    return (
        f'{{\n    "path": {_STRING(d.path)},\n    "code": {_STRING(d.code)},\n'
        f'    "name": {_STRING(d.name)},\n    "severity": {_STRING(d.severity.value)},\n'
        f'    "message": {_STRING(d.message)},\n    "line": {d.line:d},\n    "column": {d.column:d},\n'
        f'    "end_line": {d.end_line:d},\n    "end_column": {d.end_column:d},\n'
        f'    "locator": {_indented(list(d.locator), "    ")},\n'
        f'    "expected": {optional(d.expected)},\n    "actual": {optional(d.actual)},\n'
        f'    "related": {_indented([list(span) for span in d.related], "    ")},\n'
        f'    "basis": {optional(d.basis)},\n    "source": {optional(d.source)},\n'
        f'    "origin": {optional(d.origin)},\n    "fixes": {_indented(list(d.fixes), "    ")}\n  }}'
    )


def _optional(value: str | None) -> str:
    return "null" if value is None else _STRING(value)


def _indented(value: Any, indent: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` nested at ``indent``, for the plain values
    of a diagnostic (strings, integers, None and lists of them), with the C string encoder."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    if isinstance(value, list):
        if not value:
            return "[]"
        items = ",\n".join(inner + _indented(item, inner) for item in value)
        return f"[\n{items}\n{indent}]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        pairs = (f"{inner}{_STRING(str(key))}: {_indented(item, inner)}" for key, item in value.items())
        items = ",\n".join(pairs)
        return f"{{\n{items}\n{indent}}}"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
