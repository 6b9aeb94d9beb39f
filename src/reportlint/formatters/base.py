"""What every formatter receives and provides.

A formatter is a class with a ``format(run) -> str`` method; plugins register more through the
``reportlint_formatters`` hook. Formatters only read: they never change a diagnostic. A formatter
may also have ``chunks(run) -> Iterable[str]`` giving the same text in pieces: the command line
then writes each piece as it is made instead of holding the whole output of a large run. A class
attribute ``shows_source = False`` says the format never shows a source line, so a run keeps none.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportlint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from reportlint.diagnostics import FileResult
    from reportlint.rules.engine import RuleInfo


@dataclass(frozen=True)
class LintRun:
    """One ``reportlint check`` run: the files with their findings and the known rules."""

    files: Sequence[FileResult]
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    cwd: Path = field(default_factory=Path.cwd)
    colour: bool = False
    version: str = ""
    quiet: bool = False

    def diagnostics(self) -> Iterator[Diagnostic]:
        """Every diagnostic, file by file in the run's order."""
        for result in self.files:
            yield from result.diagnostics

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity."""
        counts = dict.fromkeys(Severity, 0)
        for diagnostic in self.diagnostics():
            counts[diagnostic.severity] += 1
        return counts


class Formatter(Protocol):
    """A ``--format`` implementation."""

    def format(self, run: LintRun) -> str:
        """The whole output of the run as one string."""
        ...


def expected_actual(diagnostic: Diagnostic) -> str | None:
    """ "期望 …，实际 …" when a numeric rule recorded the values."""
    parts = []
    if diagnostic.expected is not None:
        parts.append(f"期望 {diagnostic.expected}")
    if diagnostic.actual is not None:
        parts.append(f"实际 {diagnostic.actual}")
    return "，".join(parts) or None
