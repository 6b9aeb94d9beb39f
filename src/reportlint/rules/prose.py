"""Reading figures in the prose: bracketed remarks masked, clauses, and stated percentages.

Shared by the ``claim`` rule kind and the breakdown reader. Masking keeps every offset, so a
span found in the masked text is the span in the original line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from reportlint.model import Report

_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)|〔[^〔〕]*〕|【[^【】]*】")
CLAUSE = re.compile(r"[^，,；;。：:！？!?]+")
"""A clause: the text between two of ，；。：！？ (the unit a prose figure is read in)."""
_SENTENCE_END = re.compile(r"[。！？!?；;]")
PERCENT = re.compile(
    r"\s*[，,]?\s*(?:占|[（(])(?:比|总数|全部|总量)?[^，,；;。\d（）()]{0,10}?(\d+(?:\.\d+)?)\s*[%％]"
)
"""A share stated right after a figure: "42件，占42.86%", "208件（17.46%）"."""


def masked(text: str) -> str:
    """The text with every bracketed remark blanked out (same length, so offsets still hold)."""
    previous = None
    while previous != text:
        previous = text
        text = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)
    return text


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts (after the last 。；！？ before it)."""
    found = 0
    for end in _SENTENCE_END.finditer(text, 0, position):
        found = end.end()
    return found


def share_fits(count: Decimal, base: Decimal, written: str) -> bool:
    """True when ``written`` (a percentage) is ``count / base`` rounded or cut to its decimals."""
    if base == 0:
        return True
    share = count * 100 / base
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    step = Decimal(1).scaleb(-decimals)
    stated = Decimal(written)
    return abs(share - stated) <= step / 2 or Decimal(0) <= share - stated < step


def share_of(count: Decimal, base: Decimal, written: str) -> str:
    """``count / base`` as a percentage with as many decimals as ``written`` has."""
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    return str((count * 100 / base).quantize(Decimal(1).scaleb(-decimals)))


class MaskedProse:
    """Every paragraph of a report, all of them joined by line breaks, and each one's masked
    text made on first use: shared by the claim rules, which find their phrases in the joined
    text (``str.find``) and mask only the paragraphs that hold one."""

    __slots__ = ("_hits", "_masked", "joined", "paragraphs", "starts")

    def __init__(self, report: Report) -> None:
        self.paragraphs = tuple(report.paragraphs())
        self.joined = "\n".join(paragraph.text for paragraph in self.paragraphs)
        starts, position = [], 0
        for paragraph in self.paragraphs:
            starts.append(position)
            position += len(paragraph.text) + 1
        self.starts = tuple(starts)
        self._masked: dict[int, str] = {}
        self._hits: dict[str, set[int]] | None = None

    def masked(self, index: int) -> str:
        """Paragraph ``index``'s text with bracketed remarks blanked."""
        text = self._masked.get(index)
        if text is None:
            text = self._masked[index] = masked(self.paragraphs[index].text)
        return text

    def holding(self, phrases: tuple[str, ...]) -> list[int]:
        """The indexes of the paragraphs where one of ``phrases`` (registered) occurs, in order.

        The prose is scanned once per report for every registered phrase, not once per rule.
        """
        hits = self._hits
        if hits is None or len(hits) != len(_PHRASES):
            hits = self._hits = self._scan()
        found = [hits[phrase] for phrase in phrases if hits[phrase]]
        if not found:
            return []
        return sorted(found[0].union(*found[1:])) if len(found) > 1 or len(found[0]) > 1 else list(found[0])

    def _scan(self) -> dict[str, set[int]]:
        hits: dict[str, set[int]] = {phrase: set() for phrase in _PHRASES}
        starts = self.starts
        for match in _every_phrase().finditer(self.joined):
            hits[match.group(0)].add(bisect_right(starts, match.start()) - 1)
        return hits


_PHRASES: set[str] = set()
"""Every phrase registered by the claim rules of this process: one scan of the prose finds all."""
_EVERY: list[re.Pattern[str]] = []


def register_phrases(phrases: tuple[str, ...]) -> None:
    """Add a rule's phrases to those every report's prose is scanned for."""
    if not _PHRASES.issuperset(phrases):
        _PHRASES.update(phrases)
        _EVERY.clear()


def _every_phrase() -> re.Pattern[str]:
    """One alternation of the registered phrases, longest first.

    A prefilter: a phrase overlapping a longer one's match is not seen there, which can only
    leave a figure unread, never make a finding.
    """
    if not _EVERY:
        ordered = sorted(_PHRASES, key=lambda p: (-len(p), p))
        _EVERY.append(re.compile("|".join(map(re.escape, ordered))))
    return _EVERY[0]


def masked_prose(report: Report) -> MaskedProse:
    """The shared view (``RuleContext.views.shared(masked_prose)``)."""
    return MaskedProse(report)
