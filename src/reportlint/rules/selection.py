"""Which rules run, and at what severity: select / extend-select / ignore / severity selectors.

A selector is ``ALL``, a code (``NU001``), a code prefix (``NU``, ``NU0``), a rule set
(``national-2021``) or a dotted name or name prefix (``numeric``). When a rule matches both a
select and an ignore selector, the more specific one wins (as in ruff), ties going to ignore.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from reportlint.rules.base import RuleMeta

T = TypeVar("T")


def specificity(selector: str, meta: RuleMeta) -> int | None:
    """How precisely ``selector`` names the rule, or None when it does not match."""
    if selector == "ALL":
        return 0
    if selector == meta.code:
        return 1000
    if selector == meta.name:
        return 900
    if selector in meta.sets:
        return 1
    if selector[:1].isupper() and meta.code.startswith(selector):
        return 10 + len(selector)
    if meta.name.startswith(selector + "."):
        return 5 + selector.count(".")
    return None


def best(selectors: Iterable[str], meta: RuleMeta) -> int | None:
    """The highest specificity among matching selectors."""
    found = [s for s in (specificity(sel, meta) for sel in selectors) if s is not None]
    return max(found) if found else None


def is_selected(
    meta: RuleMeta, select: tuple[str, ...], extend: tuple[str, ...], ignore: tuple[str, ...]
) -> bool:
    """True when the rule runs under these selectors (empty select = rules on by default)."""
    chosen = best((*select, *extend), meta)
    if chosen is None:
        if select or not meta.default:
            return False
        chosen = -1
    ignored = best(ignore, meta)
    return ignored is None or chosen > ignored


def most_specific(table: Mapping[str, T], meta: RuleMeta) -> T | None:
    """The value of the most specific matching key of a selector table (severity overrides)."""
    scored = [(s, value) for key, value in table.items() if (s := specificity(key, meta)) is not None]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def matches_any(selectors: Iterable[str], meta: RuleMeta) -> bool:
    """True when some selector names the rule."""
    return best(selectors, meta) is not None
