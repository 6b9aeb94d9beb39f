"""Finding "total + its parts" statements in the prose: "共N条，其中a条、b条", "N条：a条、b条",
"N条，一是…a条；二是…b条".

The reader is deliberately narrow, because a wrong reading becomes a wrong diagnostic:
- parts are figures with the total's own unit (条, 件 …), up to the clause end (；) or, for the
  "一是/二是" form, the sentence end (。);
- anything in brackets is skipped ("答复98件（含上年度转结申请8件）" states a subset, not parts);
- a nested "其中" starts a sub-breakdown of the last part: the list stops there and is marked
  incomplete, so its parts are neither double counted nor called short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.model import Paragraph, Report, Span
from reportlint.rules.prose import masked

UNITS = "条件篇项个次起"
_NUMBER = rf"(?<![\d.．])(?<!\d[,，])(\d+)\s*([{UNITS}])"
"""A count and its unit; never the tail of a decimal or of a thousands-grouped "1,234"."""
_FIGURE = re.compile(_NUMBER + r"(?![\d%％])")
_TOTAL = re.compile(_NUMBER + r"\s*(?:[，,。]?\s*(其中)[：:，,]?|([：:])|[，,：:]?\s*(一是))")
_CLAUSE_END = re.compile(r"[；;。！？!?]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_NESTED = re.compile(r"其中|另有|此外|另外")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit as written in one paragraph."""

    value: int
    unit: str
    span: Span


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A stated total and the parts listed for it; ``complete`` is False when the list stops at
    a nested breakdown or a side remark, so that falling short proves nothing."""

    total: Figure
    parts: tuple[Figure, ...]
    complete: bool

    @property
    def parts_sum(self) -> int:
        return sum(part.value for part in self.parts)


def _figure(paragraph: Paragraph, match: re.Match[str]) -> Figure:
    start, end = match.span(1)
    column = paragraph.span.column + start
    return Figure(int(match.group(1)), match.group(2), Span.on_line(paragraph.span.line, column, end - start))


def paragraph_breakdowns(paragraph: Paragraph) -> Iterator[Breakdown]:
    """The breakdowns stated in one paragraph (one source line)."""
    text = masked(paragraph.text)
    for total in _TOTAL.finditer(text):
        listing = total.group(5) is not None
        end_mark = _SENTENCE_END if listing else _CLAUSE_END
        start = total.end() if not listing else total.start(5)
        stop = end_mark.search(text, start)
        region_end = stop.start() if stop else len(text)
        nested = _NESTED.search(text, start, region_end)
        complete = nested is None
        if nested is not None:
            region_end = nested.start()
        parts = tuple(
            _figure(paragraph, m)
            for m in _FIGURE.finditer(text, start, region_end)
            if m.group(2) == total.group(2)
        )
        if parts:
            yield Breakdown(_figure(paragraph, total), parts, complete)


def report_breakdowns(report: Report) -> Iterator[Breakdown]:
    """Every breakdown in the report's prose, in document order."""
    for paragraph in report.paragraphs():
        yield from paragraph_breakdowns(paragraph)


def all_breakdowns(report: Report) -> tuple[Breakdown, ...]:
    """``report_breakdowns`` as a tuple: NU007 and NU008 read it through ``views.shared``."""
    return tuple(report_breakdowns(report))


def spelled_out(breakdown: Breakdown) -> str:
    """ "362 + 1777 + 1100" for messages."""
    return " + ".join(str(part.value) for part in breakdown.parts)
