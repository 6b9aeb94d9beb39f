"""Kind ``period``: dates against the report year.

``check`` is one of:
- ``period-year``: both dates of the statistical-period sentence fall in the report year;
- ``deadline``: the signature date is no later than the deadline in the following year
  (options ``month``/``day``, default 1月31日, 条例第四十九条);
- ``future-year``: no year in the prose beyond the report year plus ``options.ahead`` (default 1);
- ``malformed-date``: the period and signature dates are well formed ("20231月1日" is not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from reportlint.model import DateMention, Report
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.schema import RuleSpec
from reportlint.rules.yamlrule import YamlRule

CHECKS = ("period-year", "deadline", "future-year", "malformed-date")
_YEAR = re.compile(r"(?<![0-9０-９])([12][0-9]{3})年")


def _mentions(report: Report) -> list[DateMention]:
    found: list[DateMention | None] = [report.signature_date]
    if report.period is not None:
        found[:0] = [report.period.start, report.period.end]
    return [mention for mention in found if mention is not None]


class PeriodRule(YamlRule):
    """One of the date checks listed in the module docstring."""

    keys: ClassVar[frozenset[str]] = frozenset({"check"})
    check_name: str

    def configure(self, spec: RuleSpec) -> None:
        self.check_name = spec.require("check", str, "检查项")
        if self.check_name not in CHECKS:
            raise spec.error(("check",), f"未知的检查项（可用：{'、'.join(CHECKS)}）")

    def check(self, context: RuleContext) -> Iterable[Finding]:
        report = context.report
        if self.check_name == "malformed-date":
            for mention in _mentions(report):
                if not mention.well_formed:
                    yield Finding(mention.span, {"found": mention.text}, actual=mention.text)
            return
        if report.year is None:
            return
        year = report.year
        if self.check_name == "period-year" and report.period is not None:
            for dated in (report.period.start, report.period.end):
                if dated is not None and dated.year is not None and dated.year != year:
                    params = {"found": dated.text, "year": year, "actual": dated.year}
                    yield Finding(dated.span, params, expected=str(year), actual=str(dated.year))
        elif self.check_name == "deadline":
            yield from self._deadline(context, year)
        elif self.check_name == "future-year":
            ahead = int(context.options.get("ahead", 1))
            for paragraph in report.paragraphs():
                for match in _YEAR.finditer(paragraph.text):
                    if int(match.group(1)) > year + ahead:
                        span = paragraph.span
                        found = match.group(0)
                        params = {"found": found, "year": year}
                        yield Finding(
                            span.on_line(span.line, span.column + match.start(), len(found)),
                            params,
                            actual=found,
                        )

    def _deadline(self, context: RuleContext, year: int) -> Iterable[Finding]:
        signed = context.report.signature_date
        if signed is None or None in (signed.year, signed.month, signed.day):
            return
        month, day = int(context.options.get("month", 1)), int(context.options.get("day", 31))
        deadline = date(year + 1, month, day)
        try:
            when = date(signed.year or 0, signed.month or 0, signed.day or 0)
        except ValueError:
            return
        if when > deadline:
            params = {
                "found": signed.text,
                "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日",
            }
            yield Finding(signed.span, params, expected=str(params["deadline"]), actual=signed.text)
