"""NU006: a figure in the prose that restates a table figure agrees with the table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Cell, Report
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.kinds.equation import format_number
from reportlint.rules.national.numeric_prose_figures import report_claims
from reportlint.rules.national.numeric_sample import failing, passing


@dataclass(frozen=True, slots=True)
class _Source:
    """Which table cells a topic restates, and how the message names them."""

    words: str
    cells: tuple[tuple[str, str, str], ...]


_SOURCES = {
    "new": _Source("表三“一、本年新收政府信息公开申请数量”总计", (("三", "new", "total"),)),
    "carried_in": _Source("表三“二、上年结转政府信息公开申请数量”总计", (("三", "carried_in", "total"),)),
    "carried_forward": _Source("表三“四、结转下年度继续办理”总计", (("三", "carried_forward", "total"),)),
    "review": _Source("表四“行政复议·总计”", (("四", "cases", "review.total"),)),
    "suit": _Source(
        "表四行政诉讼“未经复议直接起诉·总计”与“复议后起诉·总计”之和",
        (("四", "cases", "direct_suit.total"), ("四", "cases", "suit_after_review.total")),
    ),
}


def _cells(report: Report, source: _Source) -> list[Cell] | None:
    """The numeric cells a topic restates, or None when one is missing or not a number."""
    found = []
    for table_key, row, column in source.cells:
        table = report.table(table_key)
        cell = table.cell(row, column) if table is not None else None
        if cell is None or cell.value is None:
            return None
        found.append(cell)
    return found


def _total_handled(report: Report) -> Decimal | None:
    """New plus carried-in applications: what "受理…N件" sometimes counts."""
    table = report.table("三")
    if table is None:
        return None
    new, carried = table.value("new", "total"), table.value("carried_in", "total")
    return None if new is None or carried is None else new + carried


class ProseMatchesTable(Rule):
    """ "收到政府信息公开申请N件", "结转上年…N件", "行政复议N件" … must say what the tables say."""

    code = "NU006"
    name = "numeric.prose-matches-table"
    severity = Severity.ERROR
    message = "正文称“{clause}”，但{source}为 {expected}"
    description = (
        "正文中明确复述表格数字的句子应与表格一致：\n"
        "收到/受理/新收政府信息公开申请N件 = 表三“本年新收”总计（“受理”也可指本年新收与上年结转之和）；\n"
        "结转上年…N件 = 表三“上年结转”总计；结转下年度…N件 = 表三“结转下年度继续办理”总计；\n"
        "行政复议N件 = 表四行政复议总计；行政诉讼N件 = 表四两类起诉的总计之和。\n"
        "只比较一个分句只讲一件事、只有一个数字的情形；其他年份、同比、其中、渠道细分和括号中的内容不比较。\n"
        "表格单元格为空白或“/”时不比较。诊断指向正文中的数字，相关位置为表格单元格。"
    )
    basis = "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"
    sets = ("national-2021", "national-2019")
    tests: ClassVar[tuple[RuleCase, ...]] = (
        passing(prose="2023年全年共收到政府信息公开申请13件；结转上年政府信息公开申请1件，行政复议4件。"),
        passing(prose="2023年共受理政府信息公开申请14件，其中网络申请10件，2022年收到申请30件。"),
        failing("NU006:3", prose="2023年全年共收到政府信息公开申请12件，结转下年度继续办理2件。"),
        failing("NU006:3", "NU006:3", prose="本年度发生行政复议3件，行政诉讼2起。"),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for claim in report_claims(report):
            source = _SOURCES[claim.topic]
            cells = _cells(report, source)
            if cells is None:
                continue
            expected = sum((cell.value or Decimal(0) for cell in cells), Decimal(0))
            if claim.value == expected:
                continue
            if claim.topic == "new" and claim.value == _total_handled(report):
                continue
            yield Finding(
                span=claim.span,
                params={"clause": claim.text, "source": source.words, "expected": format_number(expected)},
                expected=format_number(expected),
                actual=str(claim.value),
                related=tuple(cell.span for cell in cells),
            )
