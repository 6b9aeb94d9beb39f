"""CP016: text inside a table that fits no template row or column, or a row written twice."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import locator, present_tables
from reportlint.rules.national.numeric_sample import failing, line_of, passing, sample_line

_TOTAL = line_of("（七）总计")
_KINDS = ("unplaced", "duplicate-row")


class UnplacedTableText(Rule):
    """Table assembly could not put something at a template position.

    One finding per table and kind, at the first place, the others as related spans: a table
    whose header was split into fragments (PDF) would otherwise bury the report in warnings."""

    code = "CP016"
    name = "completeness.table-unplaced"
    severity = Severity.WARNING
    message = "{detail}"
    description = (
        "表格中有无法对应到模板行列的内容（标签写法与模板差别过大、被截断），或同一行出现两次。\n"
        "这些内容不参与核对。请按模板的行列标签改写，删除重复的行。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(*[f"CP016:{_TOTAL}"] * 2, edits={sample_line("（七）总计"): sample_line("3.其他")}),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in present_tables(report):
            for kind in _KINDS:
                problems = [p for p in table.problems if p.kind == kind]
                if not problems:
                    continue
                first, others = problems[0], problems[1:]
                more = f"（另有{len(others)}处同类问题）" if others else ""
                yield Finding(
                    span=first.span,
                    params={"detail": first.message + more},
                    locator=locator(report, table.key),
                    related=tuple(p.span for p in others),
                )
