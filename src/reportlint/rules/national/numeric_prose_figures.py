"""Reading the prose sentences that restate a figure of tables 三 and 四.

A clause (text between ，；。：) is read as restating a table figure only when it names exactly
one topic (applications received, carried over from last year, carried over to next year,
administrative review, litigation) and holds exactly one count in 件 (or 起 for cases). Clauses
about another year, comparisons with last year, sub-channels ("其中", "通过网络") and bracketed
remarks are skipped: a figure is only compared when the sentence clearly states it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.model import Paragraph, Report, Span
from reportlint.rules.national.numeric_breakdowns import masked

_CLAUSE = re.compile(r"[^，,；;。：:！？!?]+")
_APPLICATION_COUNT = re.compile(r"(?<![\d.．])(?<!\d[,，])(\d+)\s*件(?![\d%％])")
_CASE_COUNT = re.compile(r"(?<![\d.．])(?<!\d[,，])(\d+)\s*[件起](?![\d%％])")
_YEAR = re.compile(r"(\d{4})\s*年")
_SKIP = re.compile(
    r"同比|去年|较上年|比上年|增长|下降|减少|增加|其中|通过|网络|信函|当面|邮件|传真|累计|历年"
)
_TOPICS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        "carried_forward",
        re.compile(r"(?:结转|转结|转入|转至)(?:到|至)?下一?年|下一?年度?(?:继续)?办理"),
        None,
    ),
    ("carried_in", re.compile(r"(?:结转|转结)上一?年|上一?年度?(?:结转|转结)"), None),
    (
        "new",
        re.compile(r"(?:收到|受理|新收|接收|接受)[^，,；;。]*?(?:申请|依申请公开)"),
        re.compile(r"结转|转结|上一?年|下一?年|办结|答复|办理"),
    ),
    ("review", re.compile(r"行政复议"), re.compile(r"诉讼|起诉")),
    ("suit", re.compile(r"行政诉讼"), re.compile(r"复议")),
)


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure in the prose that restates one table figure (``topic``)."""

    topic: str
    value: int
    span: Span
    text: str


def _topic(clause: str) -> str | None:
    """The one topic a clause is about, or None when it names none or several."""
    found = [
        name
        for name, pattern, exclude in _TOPICS
        if pattern.search(clause) and not (exclude is not None and exclude.search(clause))
    ]
    return found[0] if len(found) == 1 else None


def _may_count(text: str) -> bool:
    """False when ``text`` cannot hold a claim: every count is in 件 or 起 (a cheap first test)."""
    return "件" in text or "起" in text


def paragraph_claims(paragraph: Paragraph, year: int | None) -> Iterator[Claim]:
    """The claims of one paragraph (one source line)."""
    if not _may_count(paragraph.text):
        return
    for clause in _CLAUSE.finditer(masked(paragraph.text)):
        text = clause.group(0)
        if not _may_count(text) or _SKIP.search(text) or any(int(y) != year for y in _YEAR.findall(text)):
            continue
        topic = _topic(text)
        if topic is None:
            continue
        counts = list((_CASE_COUNT if topic in ("review", "suit") else _APPLICATION_COUNT).finditer(text))
        if len(counts) != 1:
            continue
        start, end = counts[0].span(1)
        column = paragraph.span.column + clause.start() + start
        yield Claim(
            topic,
            int(counts[0].group(1)),
            Span.on_line(paragraph.span.line, column, end - start),
            paragraph.text[clause.start() : clause.end()].strip(),
        )


def report_claims(report: Report) -> Iterator[Claim]:
    """Every claim in the report's prose, in document order."""
    for paragraph in report.paragraphs():
        yield from paragraph_claims(paragraph, report.year)
