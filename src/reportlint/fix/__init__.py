"""Apply the fixes rules declare, and keep only those the report, checked again, confirms.

A rule's finding may carry ``fixes``: the replacement of the finding's words (〔〕 in a document
number, the full title of a notice, the template label, "五、" for "5、"). ``fix_bytes`` makes the
first replacement of each fixable finding, checks the changed report again and keeps a fix only
if its finding is gone and no finding appeared that was not there before (findings are compared
by code and place, places shifted by the edits). When the fixes together fail that test each is
tried on its own, so one bad fix does not hold back the others. The input bytes are never
changed; the caller decides where the fixed bytes go.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlint.diagnostics import Diagnostic
from reportlint.fix.targets import Edit, FixError, Target, open_target

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.plugins.host import PluginHost
    from reportlint.rules.engine import Linter

__all__ = ["Edit", "FixError", "FixOutcome", "fix_bytes"]

NOT_PLACED = "在原文中找不到这段文字的位置"
NOT_CONFIRMED = "修改后重新检查，问题仍在或出现了新的问题"


@dataclass
class FixOutcome:
    """What ``fix_bytes`` did: the fixed bytes and text, the applied edits, the fixes it left out
    (with why), and the findings of the fixed report."""

    data: bytes
    before: str
    after: str
    applied: list[Edit] = field(default_factory=list)
    refused: list[tuple[Edit, str]] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)


def fix_bytes(path: str, data: bytes, host: PluginHost, config: Config | None = None) -> FixOutcome:
    """Fix a .txt or .docx report given as bytes; raises FixError for another format."""
    from reportlint.config import Config
    from reportlint.rules.engine import Linter

    linter = Linter(host, config or Config())
    target = open_target(path, data, host)
    before = _lint(linter, target, data)
    candidates = _candidates(before, target)
    outcome = FixOutcome(data, target.text(data), target.text(data), remaining=before)
    placed: list[Edit] = []
    for edit in candidates:
        if target.apply(data, [edit]) is None:
            outcome.refused.append((edit, NOT_PLACED))
        else:
            placed.append(edit)
    accepted = _confirmed(linter, target, data, before, placed)
    if accepted is None:  # together they fail: keep each that passes with those kept so far
        accepted = []
        for edit in placed:
            if _confirmed(linter, target, data, before, [*accepted, edit]) is not None:
                accepted.append(edit)
    outcome.refused += [(edit, NOT_CONFIRMED) for edit in placed if edit not in accepted]
    outcome.refused.sort(key=lambda pair: pair[0].order())
    if accepted:
        fixed = target.apply(data, accepted)
        assert fixed is not None  # each edit was placed alone; edits never overlap
        outcome.data, outcome.after = fixed, target.text(fixed)
        outcome.applied = accepted
        outcome.remaining = _lint(linter, target, fixed)
    return outcome


def _lint(linter: Linter, target: Target, data: bytes) -> list[Diagnostic]:
    from reportlint.parse.document import parse_document

    return linter.lint(parse_document(target.load(data)))


def _candidates(diagnostics: Sequence[Diagnostic], target: Target) -> list[Edit]:
    """The first fix of each fixable one-line finding, in text order, overlapping ones dropped."""
    lines = target.lines
    edits: list[Edit] = []
    for d in sorted(diagnostics, key=lambda d: (d.line, d.column, d.end_column)):
        if not d.fixes or d.end_line != d.line or not 1 <= d.line <= len(lines):
            continue
        replacement = d.fixes[0]
        if "\n" in replacement or "\r" in replacement or d.end_column <= d.column:
            continue
        edit = Edit(
            d.line, d.column, d.end_column, lines[d.line - 1][d.column - 1 : d.end_column - 1], replacement, d
        )
        # the words a finding names must be those it would replace (``actual`` is what it found)
        if d.actual is not None and d.actual not in edit.old:
            continue
        if edit.old == replacement or any(edit.overlaps(other) for other in edits):
            continue
        edits.append(edit)
    return edits


def _confirmed(
    linter: Linter, target: Target, data: bytes, before: Sequence[Diagnostic], edits: Sequence[Edit]
) -> list[Edit] | None:
    """``edits`` when, applied together, every fixed finding is gone and none is new; else None."""
    if not edits:
        return []
    fixed = target.apply(data, edits)
    if fixed is None:
        return None
    after = Counter(_key(d.code, d.line, d.column) for d in _lint(linter, target, fixed))
    fixed_findings = {id(edit.diagnostic) for edit in edits}
    expected = Counter(
        _key(d.code, d.line, shifted(edits, d.line, d.column)) for d in before if id(d) not in fixed_findings
    )
    return list(edits) if not after - expected else None


def _key(code: str, line: int, column: int) -> tuple[str, int, int]:
    return (code, line, column)


def shifted(edits: Sequence[Edit], line: int, column: int) -> int:
    """Where ``column`` of ``line`` is after the edits (a column inside an edit moves to its start)."""
    moved = column
    for edit in edits:
        if edit.line != line or column <= edit.column:
            continue
        moved += (len(edit.new) - len(edit.old)) if column >= edit.end_column else edit.column - column
    return moved
