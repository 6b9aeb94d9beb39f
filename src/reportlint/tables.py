"""STUB table assembly, only so the parser branch runs on its own.

The tables helper owns the real module; the lead keeps theirs when merging. This stub places no
cells and records a single "no-values" problem.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.model import AssemblyProblem, Span, Table, TableFormat
from reportlint.textlines import SourceLine


def assemble_table(key: str, lines: Sequence[SourceLine], report_year: int | None) -> Table:
    """STUB: an empty table spanning ``lines`` with a "no-values" problem; never raises."""
    first = lines[0].number if lines else 1
    last = lines[-1] if lines else None
    span = Span(first, 1, last.number if last else first, len(last.text) + 1 if last else 1)
    problem = AssemblyProblem("no-values", key, f"表{key}：未能读取数值（桩实现）", span)
    return Table(key=key, format=TableFormat.UNKNOWN, span=span, cells={}, problems=(problem,))
