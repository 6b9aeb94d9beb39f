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


ROUNDS = 3


def fix_bytes(path: str, data: bytes, host: PluginHost, config: Config | None = None) -> FixOutcome:
    """Fix a .txt or .docx report given as bytes; raises FixError for another format.

    Two fixes of one place (a heading both misnumbered and half-width) are made in two rounds.
    """
    from reportlint.config import Config
    from reportlint.rules.engine import Linter

    linter = Linter(host, config or Config())
    outcome = _round(linter, open_target(path, data, host), data)
    for _ in range(ROUNDS - 1):
        if not outcome.applied:
            break
        again = _round(linter, open_target(path, outcome.data, host), outcome.data)
        if not again.applied:
            break
        outcome = FixOutcome(
            again.data, outcome.before, again.after, [*outcome.applied, *again.applied],
            again.refused, again.remaining,
        )  # fmt: skip
    return outcome


def _round(linter: Linter, target: Target, data: bytes) -> FixOutcome:
    """One round: every fix the findings of ``data`` declare, kept when confirmed."""
    before = _lint(linter, target, data)
    outcome = FixOutcome(data, target.text(data), target.text(data), remaining=before)
    placed: list[list[Edit]] = []
    for fix in _candidates(before, target):
        if target.apply(data, fix) is None:
            outcome.refused.append((fix[0], NOT_PLACED))
        else:
            placed.append(fix)
    together = [edit for fix in placed for edit in fix]
    if _confirmed(linter, target, data, before, together):
        accepted = together
    else:  # together they fail: keep each fix that passes with those kept so far
        accepted = []
        for fix in placed:
            if _confirmed(linter, target, data, before, [*accepted, *fix]):
                accepted += fix
            else:
                outcome.refused.append((fix[0], NOT_CONFIRMED))
    outcome.refused.sort(key=lambda pair: pair[0].order())
    accepted.sort(key=Edit.order)
    if accepted:
        fixed = target.apply(data, accepted)
        assert fixed is not None  # _confirmed made these same edits
        outcome.data, outcome.after = fixed, target.text(fixed)
        outcome.applied = accepted
        outcome.remaining = _lint(linter, target, fixed)
    return outcome


def _lint(linter: Linter, target: Target, data: bytes) -> list[Diagnostic]:
    from reportlint.parse.document import parse_document

    return linter.lint(parse_document(target.load(data)))


def _candidates(diagnostics: Sequence[Diagnostic], target: Target) -> list[list[Edit]]:
    """Each fixable finding's edits (its first fix, and the same fix's further places), in text
    order; a fix with a place that spans lines or overlaps an earlier fix is dropped."""
    fixes: list[list[Edit]] = []
    taken: list[Edit] = []
    for d in sorted(diagnostics, key=lambda d: (d.line, d.column, d.end_column)):
        if not d.fixes:
            continue
        places = [(d.line, d.column, d.end_line, d.end_column, d.fixes[0]), *d.fix_elsewhere]
        edits = [_edit(target.lines, d, *place) for place in places]
        if edits[0] is not None and d.actual is not None and d.actual not in edits[0].old:
            continue  # the words a finding names must be among those it would replace
        fix = [edit for edit in edits if edit is not None]
        if len(fix) != len(edits) or any(e.overlaps(other) for e in fix for other in taken):
            continue
        fix = [edit for edit in fix if edit.old != edit.new]
        if fix:
            fixes.append(fix)
            taken += fix
    return fixes


def _edit(
    lines: Sequence[str], d: Diagnostic, line: int, column: int, end_line: int, end_column: int, new: str
) -> Edit | None:
    """One replacement inside one line, or None when it would span lines or break one."""
    if end_line != line or not 1 <= line <= len(lines) or end_column <= column or "\n" in new or "\r" in new:
        return None
    return Edit(line, column, end_column, lines[line - 1][column - 1 : end_column - 1], new, d)


def _confirmed(
    linter: Linter, target: Target, data: bytes, before: Sequence[Diagnostic], edits: Sequence[Edit]
) -> bool:
    """True when, the edits made together, every fixed finding is gone and none is new."""
    if not edits:
        return True
    fixed = target.apply(data, edits)
    if fixed is None:
        return False
    after = Counter(_key(d.code, d.line, d.column) for d in _lint(linter, target, fixed))
    fixed_findings = {id(edit.diagnostic) for edit in edits}
    expected = Counter(
        _key(d.code, d.line, shifted(edits, d.line, d.column)) for d in before if id(d) not in fixed_findings
    )
    return not after - expected


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
