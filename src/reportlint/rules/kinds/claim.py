"""Kind ``claim``: a figure or an outcome the prose states, checked against the table it restates.

A rule declares one topic: the phrases that introduce its figure (regexes with ``{n}`` where the
figure stands, e.g. ``收到[^，；。\\d]{0,20}?申请{n}``), the figure's ``unit``, and ``restates``,
an expression of the ``equation`` language (``sum(三[withheld.*, total])``). Each phrase
anchors its own figure, so a sentence with several figures gives each to its own topic.

Reading is narrow on purpose (a wrong reading becomes a false error): bracketed remarks, clauses
about another year and clauses with a ``skip`` word (同比, 其中 …) are not read. A figure that fits
another declared reading, or whose sentence names a narrower ``scope``, is a warning naming both,
never an error. ``share_of`` checks a "占X%" after the figure (``share_also``: other bases a
share may be of, such as all applications, when the share's words match ``share_also_when``);
``states`` + ``asserts`` check an outcome in words ("均获维持") against a comparison of cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Paragraph, Report, Span
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.expression import Equation, ExpressionError, Value, amount_of, compile_amount
from reportlint.rules.kinds.equation import EquationRule, format_number
from reportlint.rules.prose import (
    CLAUSE,
    PERCENT,
    MaskedProse,
    masked_prose,
    register_phrases,
    sentence_start,
    share_fits,
    share_of,
)
from reportlint.rules.schema import RuleSpec
from reportlint.rules.yamlrule import YamlRule

SKIP = (
    r"同比|去年|较上年|比上年|增长|下降|减少|增加|其中|通过|累计|历年"
    r"|网络|网上|线上|线下|书面|现场|信函|当面|邮件|传真"  # a channel's share, not the year's figure
)
"""Words that make a clause something else than the year's figure (the default ``skip``)."""
_YEAR = re.compile(r"(\d{4})\s*年")
_MESSAGES = {
    "reading": "正文称“{clause}”：{actual} 与{source}（{expected}）不符，但等于{reading}（{other}）；"
    "请写明所指口径",
    "scope": "正文称“{clause}”，口径为“{scope}”，与{source}（{expected}）不同；请核对是否为同一范围",
    "share": "正文称“{clause}”：{count}占{base_words}（{base}）应为 {expected}%，写为 {actual}%",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """Another table figure the prose may mean by the same words: a match is not an error."""

    amount: Equation
    source: str
    when: re.Pattern[str] | None
    warn: bool


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure the prose states for the topic, with where it is and its clause."""

    value: Decimal
    span: Span
    clause: str
    sentence: str
    share: tuple[str, Span, str] | None  # written, where, the words naming its base


def _strings(spec: RuleSpec, key: str, what: str) -> tuple[str, ...]:
    """An optional string or list of strings (none when the key is absent)."""
    return spec.strings(key, what) if key in spec.body else ()


class ClaimRule(YamlRule):
    """The prose figure (or outcome) of one topic agrees with the cells it restates."""

    keys: ClassVar[frozenset[str]] = frozenset(
        {
            "topic",
            "phrases",
            "figure",
            "unit",
            "restates",
            "source",
            "exclude",
            "skip",
            "within",
            "readings",
            "scope",
            "share_of",
            "share_source",
            "share_also",
            "share_also_when",
            "states",
            "asserts",
        }
    )

    def configure(self, spec: RuleSpec) -> None:
        self.topic: str = spec.require("topic", str, "话题名称")
        unit = spec.optional("unit", str, "数字的单位（如 件、起、条）", "件")
        number = rf"(?<![\d.．])(?<!\d[,，])(?P<n>\d+(?:\.\d+)?)\s*(?:{unit})(?![\d%％])"
        self.figures = tuple(
            spec.regex("figure", text.replace("{n}", number), index)
            for index, text in enumerate(_strings(spec, "figure", "引出数字的短语"))
        )
        self.states = tuple(
            spec.regex("states", text, index)
            for index, text in enumerate(_strings(spec, "states", "结论短语"))
        )
        if not self.figures and not self.states:
            raise spec.error(("figure",), "须有 figure（带 {n} 的短语）或 states（结论短语）")
        self.restates = self._amount(spec, "restates") if self.figures else None
        if self.figures and self.restates is None:
            raise spec.error(("restates",), "有 figure 时须写明复述的单元格表达式")
        self.source: str = spec.optional("source", str, "单元格的说明", "表格")
        self.exclude = self._pattern(spec, "exclude")
        self.skip = self._pattern(spec, "skip", SKIP)
        self.within = self._pattern(spec, "within")
        self.scope = self._pattern(spec, "scope")
        self.share_base = self._amount(spec, "share_of")
        self.share_words: str = spec.optional("share_source", str, "比例基数的说明", "总数")
        self.share_others = tuple(
            amount
            for text in _strings(spec, "share_also", "其他比例基数的取值表达式")
            if (amount := self._amount(spec, "share_also", text)) is not None
        )
        self.share_others_when = self._pattern(spec, "share_also_when")
        self.readings = self._readings(spec)
        text = spec.optional("asserts", str, "比较表达式", None)
        if self.states and text is None:
            raise spec.error(("asserts",), "有 states 时须写明 asserts 比较表达式")
        self.asserts = EquationRule.compile(spec, "asserts", text) if text is not None else None
        phrases = _strings(spec, "phrases", "引出话题的词")
        self.phrases = phrases
        register_phrases(phrases)
        self.triggers = (*self.figures, *self.states)

    @staticmethod
    def _pattern(spec: RuleSpec, key: str, default: str | None = None) -> re.Pattern[str] | None:
        text = spec.optional(key, str, "正则表达式", default)
        return spec.regex(key, text) if text else None

    @staticmethod
    def _amount(spec: RuleSpec, key: str, text: str | None = None) -> Equation | None:
        text = text if text is not None else spec.optional(key, str, "取值表达式", None)
        if text is None:
            return None
        try:
            return compile_amount(text)
        except ExpressionError as problem:
            raise spec.error((key,), problem.message) from None

    def _readings(self, spec: RuleSpec) -> tuple[Reading, ...]:
        items = spec.optional("readings", list, "其他读法的列表", [])
        found = []
        for index, item in enumerate(items):
            if not isinstance(item, Mapping) or not isinstance(item.get("restates"), str):
                raise spec.error(("readings", index), "每种读法须有 restates（取值表达式）")
            amount = self._amount(spec, "readings", item["restates"])
            assert amount is not None
            when = item.get("when")
            found.append(
                Reading(
                    amount,
                    str(item.get("source", "另一口径")),
                    spec.regex("readings", str(when), index) if when else None,
                    bool(item.get("warn", True)),
                )
            )
        return tuple(found)

    def check(self, context: RuleContext) -> Iterable[Finding]:
        prose = context.views.shared(masked_prose)
        indexes = prose.holding(self.phrases) if self.phrases else range(len(prose.paragraphs))
        if not indexes:
            return ()
        return self._check(context.report, prose, indexes)

    def _check(self, report: Report, prose: MaskedProse, indexes: Iterable[int]) -> Iterator[Finding]:
        """The findings in the paragraphs ``indexes`` (those holding a phrase of the topic)."""
        for index in indexes:
            text = prose.masked(index)
            if not any(pattern.search(text) for pattern in self.triggers):
                continue
            paragraph = prose.paragraphs[index]
            if self.figures:
                for stated in self._stated(paragraph, text, report.year):
                    found = self._judge(report, stated)
                    if found is not None:
                        yield found
            if self.asserts is not None:
                yield from self._outcomes(report, paragraph, text)

    def _clauses(self, text: str, year: int | None) -> Iterator[tuple[re.Match[str], str]]:
        """Each clause of a paragraph's masked ``text`` that may be read, with its sentence so far."""
        for clause in CLAUSE.finditer(text):
            words = clause.group(0)
            if (self.skip is not None and self.skip.search(words)) or (
                self.exclude is not None and self.exclude.search(words)
            ):
                continue
            if any(int(y) != year for y in _YEAR.findall(words)):
                continue
            sentence = text[sentence_start(text, clause.start()) : clause.end()]
            if self.within is not None and not self.within.search(sentence):
                continue
            yield clause, sentence

    def _stated(self, paragraph: Paragraph, text: str, year: int | None) -> Iterator[Stated]:
        seen: set[int] = set()
        for clause, sentence in self._clauses(text, year):
            for pattern in self.figures:
                for match in pattern.finditer(clause.group(0)):
                    start, end = (clause.start() + offset for offset in match.span("n"))
                    if start in seen:
                        continue
                    seen.add(start)
                    yield Stated(
                        Decimal(match.group("n")),
                        self._span(paragraph, start, end),
                        paragraph.text[clause.start() : clause.end()].strip(),
                        sentence,
                        self._share(paragraph, clause.start() + match.end()),
                    )

    def _span(self, paragraph: Paragraph, start: int, end: int) -> Span:
        return Span.on_line(paragraph.span.line, paragraph.span.column + start, end - start)

    def _share(self, paragraph: Paragraph, position: int) -> tuple[str, Span, str] | None:
        if self.share_base is None:
            return None
        match = PERCENT.match(paragraph.text, position)
        if match is None:
            return None
        words = paragraph.text[match.start() : match.start(1)]
        return match.group(1), self._span(paragraph, *match.span(1)), words

    def _judge(self, report: Report, stated: Stated) -> Finding | None:
        assert self.restates is not None
        value = amount_of(self.restates, report)
        if value is None:
            return None
        params: dict[str, object] = {
            "clause": stated.clause,
            "source": self.source,
            "topic": self.topic,
            "expected": format_number(value.amount),
            "actual": format_number(stated.value),
        }
        if stated.value == value.amount:
            return self._judge_share(report, stated, value, params)
        for reading in self.readings:
            other = amount_of(reading.amount, report)
            if other is None or other.amount != stated.value:
                continue
            if reading.when is not None and not reading.when.search(stated.sentence):
                continue
            if not reading.warn:
                return None
            params.update(reading=reading.source, other=format_number(other.amount))
            return self._finding(stated.span, "reading", params, value, Severity.WARNING, other.cells)
        scope = self.scope.search(stated.sentence) if self.scope is not None else None
        if scope is not None:
            params["scope"] = scope.group(0)
            return self._finding(stated.span, "scope", params, value, Severity.WARNING)
        return self._finding(stated.span, None, params, value)

    def _judge_share(
        self, report: Report, stated: Stated, count: Value, params: dict[str, object]
    ) -> Finding | None:
        if stated.share is None or self.share_base is None:
            return None
        base = amount_of(self.share_base, report)
        written, span, words = stated.share
        if base is None or share_fits(stated.value, base.amount, written):
            return None
        if self.share_others_when is not None and self.share_others_when.search(words):
            for other in self.share_others:  # "占全部申请的37.9%": a share of another base
                found = amount_of(other, report)
                if found is not None and found.amount and share_fits(stated.value, found.amount, written):
                    return None
        expected = share_of(stated.value, base.amount, written)
        params.update(
            count=format_number(stated.value),
            base=format_number(base.amount),
            base_words=self.share_words,
            expected=expected,
            actual=written,
        )
        message = self._message("share", params)
        related = tuple(cell.span for cell in (*count.cells, *base.cells))
        return Finding(span, params, message=message, expected=expected, actual=written, related=related)

    def _message(self, variant: str, params: Mapping[str, object]) -> str | None:
        """A variant's text: the rule's own ``messages:`` entry wins over the kind's default."""
        if variant in self.meta.messages:
            return None
        template = _MESSAGES[variant]
        for key, value in params.items():
            template = template.replace("{" + key + "}", str(value))
        return template

    def _finding(
        self,
        span: Span,
        variant: str | None,
        params: dict[str, object],
        value: Value,
        softer: Severity | None = None,
        others: tuple[Any, ...] = (),
    ) -> Finding:
        return Finding(
            span,
            params,
            variant=variant,
            message=self._message(variant, params) if variant is not None else None,
            expected=format_number(value.amount),
            actual=str(params["actual"]),
            related=tuple(cell.span for cell in (*value.cells, *others)),
            softer=softer,
        )

    def _outcomes(self, report: Report, paragraph: Paragraph, text: str) -> Iterator[Finding]:
        """Findings for an outcome in words that the asserted comparison contradicts."""
        assert self.asserts is not None
        for clause, _ in self._clauses(text, report.year):
            for pattern in self.states:
                match = pattern.search(clause.group(0))
                if match is None:
                    continue
                for violation in self.asserts.violations(report):
                    cells = (*violation.left.cells, *violation.right.cells)
                    yield Finding(
                        self._span(paragraph, clause.start() + match.start(), clause.start() + match.end()),
                        {
                            "clause": paragraph.text[clause.start() : clause.end()].strip(),
                            "source": self.source,
                            "topic": self.topic,
                            "expected": format_number(violation.right.amount),
                            "actual": format_number(violation.left.amount),
                        },
                        expected=format_number(violation.right.amount),
                        actual=format_number(violation.left.amount),
                        related=tuple(cell.span for cell in cells),
                    )
                    return
