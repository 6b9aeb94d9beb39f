"""Reading figures in the prose: bracketed remarks masked, clauses, and stated percentages.

Shared by the ``claim`` rule kind and the breakdown reader. Masking keeps every offset, so a
span found in the masked text is the span in the original line.
"""

from __future__ import annotations

import re
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
    """Every paragraph of a report with its masked text, and all of them joined by line breaks:
    shared by the claim rules, so each masks the prose once and skips a report with one search."""

    __slots__ = ("joined", "paragraphs", "starts")

    def __init__(self, report: Report) -> None:
        self.paragraphs = tuple((paragraph, masked(paragraph.text)) for paragraph in report.paragraphs())
        self.joined = "\n".join(text for _, text in self.paragraphs)
        starts, position = [], 0
        for _, text in self.paragraphs:
            starts.append(position)
            position += len(text) + 1
        self.starts = tuple(starts)


def masked_prose(report: Report) -> MaskedProse:
    """The shared view (``RuleContext.views.shared(masked_prose)``)."""
    return MaskedProse(report)
