"""CP014: a statistical table whose labels are there but which holds no value at all."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import (
    has_values,
    header_only,
    locator,
    present_tables,
    table_start,
)
from reportlint.rules.national.numeric_sample import failing, line_of, passing, sample_line

_FOUR = sample_line("2 | 0 | 1 | 1 | 4")


def _blanked(line: str) -> str:
    """A table 四 value line with every value removed."""
    return " | ".join("" for _ in line.split("|"))


class EmptyTable(Rule):
    """Every data cell of the table is empty: the statistics were not filled in."""

    code = "CP014"
    name = "completeness.table-values"
    severity = Severity.ERROR
    message = "{table}没有填写任何数值"
    description = (
        "表二、表三、表四只有行列标签、没有任何数值时，报告实际上没有公布这部分统计数据。\n"
        "诊断指向表格开头。修改方法：按模板填写全部数值（没有发生的填 0）。\n"
        "只有表头、没有任何行的表格（多为被截断或正文是图片）由 CP015 提示。"
    )
    basis = "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(f"CP014:{line_of('行政复议 |')}", edits={_FOUR: _blanked(_FOUR)}),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in present_tables(report):
            key = table.key
            if has_values(table) or header_only(table):
                continue
            yield Finding(span=table_start(table), params={"table": f"表{key}"}, locator=locator(report, key))
