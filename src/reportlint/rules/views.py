"""Views of one report that several rules need, computed once per report and shared.

The engine makes one ``ReportViews`` per ``Linter.lint`` call and hands it to every rule through
``RuleContext.views``; each view is built on first use. Rules must treat what they get as
read-only (tuples, frozen objects).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar, cast

from reportlint.model import Report
from reportlint.rules.scopes import Piece, pieces

T = TypeVar("T")

# Constructs whose result can change when a line is seen inside the whole text rather than alone:
# lookarounds (they may look across the line break), \A / \Z (start and end of the whole string),
# atomic groups and possessive quantifiers (they may swallow the line break and never give it
# back). ``^``, ``$``, ``\b`` and ``\B`` behave the same at a line break as at the end of a lone
# line once the search runs in MULTILINE mode, so they are harmless.
_CONTEXT_SENSITIVE = ("(?=", "(?!", "(?<", r"\A", r"\Z", "(?>", "*+", "++", "?+", "}+")


@lru_cache(maxsize=512)
def whole_text_filter(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that, searched over a scope's pieces joined by line breaks, finds a match
    whenever ``pattern`` matches at least one piece; None when no such shortcut is sure.

    A match inside one piece uses only that piece's characters, so the same match exists in the
    joined text; only the constructs in ``_CONTEXT_SENSITIVE`` could see past the piece, and a
    pattern that spells any of them (even escaped or inside a class) is not given a filter.
    """
    if any(token in pattern.pattern for token in _CONTEXT_SENSITIVE):
        return None
    return re.compile(pattern.pattern, pattern.flags | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ScopeText:
    """The pieces of one text scope, and their text joined by line breaks."""

    pieces: tuple[Piece, ...]
    joined: str

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False only when ``pattern`` certainly matches no piece (one search over the scope)."""
        shortcut = whole_text_filter(pattern)
        return shortcut is None or shortcut.search(self.joined) is not None


@dataclass(slots=True)
class ReportViews:
    """Lazily built views of one report, shared by every rule that checks it."""

    report: Report
    _scopes: dict[str, ScopeText | None] = field(default_factory=dict)
    _shared: dict[Callable[[Report], Any], Any] = field(default_factory=dict)

    def shared(self, build: Callable[[Report], T]) -> T:
        """``build(report)``, computed for the first rule that asks and reused by the others.

        ``build`` must be a module-level function of the report alone whose result is not
        mutated (a tuple of frozen objects), such as the prose readers several rules share.
        """
        if build not in self._shared:
            self._shared[build] = build(self.report)
        return cast(T, self._shared[build])

    def scope(self, scope: str) -> ScopeText | None:
        """The text of ``scope`` (see rules/scopes.py), or None when the report has no such part."""
        if scope not in self._scopes:
            found = pieces(self.report, scope)
            self._scopes[scope] = (
                None if found is None else ScopeText(tuple(found), "\n".join(piece.text for piece in found))
            )
        return self._scopes[scope]
