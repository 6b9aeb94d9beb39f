"""Text scopes for wording rules: which lines of a report a pattern is matched against.

Patterns are matched one source line at a time, so every match has an exact line and column and
no pattern can run over a whole file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlint.model import Report, Span

SCOPE_PATTERN = re.compile(r"^(text|title|preamble|paragraphs|headings|section:[1-6])$")
SCOPE_HELP = "text、title、preamble、paragraphs、headings 或 section:1 … section:6"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text starting at (line, column) of the original file."""

    line: int
    column: int
    text: str

    def span_of(self, start: int, end: int) -> Span:
        """The span of characters [start, end) of this piece."""
        return Span.on_line(self.line, self.column + start, end - start)


def _lines(report: Report, span: Span) -> Iterator[Piece]:
    for number in range(span.line, min(span.end_line, len(report.lines)) + 1):
        text = report.lines[number - 1]
        start = span.column - 1 if number == span.line else 0
        end = span.end_column - 1 if number == span.end_line else len(text)
        yield Piece(number, start + 1, text[start:end])


def pieces(report: Report, scope: str) -> list[Piece] | None:
    """The text of ``scope``, or None when the report has no such part (nothing to judge)."""
    if scope == "text":
        return [Piece(number, 1, text) for number, text in enumerate(report.lines, start=1)]
    if scope == "title":
        return list(_lines(report, report.title.span)) if report.title is not None else None
    if scope == "preamble":
        return [Piece(p.span.line, p.span.column, p.text) for p in report.preamble]
    if scope == "paragraphs":
        return [Piece(p.span.line, p.span.column, p.text) for p in report.paragraphs()]
    if scope == "headings":
        headings = [h for s in report.sections for h in (s.heading, *s.subheadings)]
        return [piece for h in headings for piece in _lines(report, h.span)]
    section = report.section(int(scope.split(":", 1)[1]))
    return list(_lines(report, section.span)) if section is not None else None


def scope_span(report: Report, found: Sequence[Piece]) -> Span:
    """Where to point when something is missing from a scope: its first line, else line 1."""
    if found:
        first = found[0]
        return Span.on_line(first.line, first.column, len(first.text))
    return Span.on_line(1, 1, len(report.lines[0]) if report.lines else 0)
