"""Views of one report that several rules need, computed once per report and shared.

The engine makes one ``ReportViews`` per ``Linter.lint`` call and hands it to every rule through
``RuleContext.views``; each view is built on first use. Rules must treat what they get as
read-only (tuples, frozen objects).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar, cast

from reportlint.model import Report, Span
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


class ScopeText:
    """The text of one scope: each piece's text and origin, and all of it joined by line breaks.

    Rules loop over ``texts`` and make a span only for a match (``span_of``); the ``Piece``
    objects are built only when asked for, since the whole-text scope has hundreds of lines.
    """

    __slots__ = ("_pieces", "columns", "joined", "lines", "texts")

    def __init__(
        self, texts: tuple[str, ...], lines: tuple[int, ...], columns: tuple[int, ...], joined: str
    ) -> None:
        self.texts, self.lines, self.columns, self.joined = texts, lines, columns, joined
        self._pieces: tuple[Piece, ...] | None = None

    @classmethod
    def of_pieces(cls, found: Sequence[Piece]) -> ScopeText:
        text = cls(
            tuple(piece.text for piece in found),
            tuple(piece.line for piece in found),
            tuple(piece.column for piece in found),
            "\n".join(piece.text for piece in found),
        )
        text._pieces = tuple(found)
        return text

    @classmethod
    def of_lines(cls, lines: tuple[str, ...]) -> ScopeText:
        """Every line of a report, each a piece starting at column 1."""
        return cls(lines, tuple(range(1, len(lines) + 1)), (1,) * len(lines), "\n".join(lines))

    @property
    def pieces(self) -> tuple[Piece, ...]:
        if self._pieces is None:
            self._pieces = tuple(map(Piece, self.lines, self.columns, self.texts))
        return self._pieces

    def span_of(self, index: int, start: int, end: int) -> Span:
        """The span of characters [start, end) of piece ``index``."""
        return Span.on_line(self.lines[index], self.columns[index] + start, end - start)

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
            if scope == "text":
                self._scopes[scope] = ScopeText.of_lines(self.report.lines)
            else:
                found = pieces(self.report, scope)
                self._scopes[scope] = None if found is None else ScopeText.of_pieces(found)
        return self._scopes[scope]
