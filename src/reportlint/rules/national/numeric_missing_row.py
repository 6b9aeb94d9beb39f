"""CP010: every row of the 2021 template is present in tables 二, 三 and 四."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Span, Table
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import (
    locator,
    row_present,
    table_start,
    template_row_label,
    template_row_slots,
)
from reportlint.rules.national.numeric_sample import failing, line_of, passing

_RUN = 3
"""From this many rows missing at one place on, they are reported as one run."""
_SECRET = "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0"


class MissingTemplateRow(Rule):
    """A template row that the table does not have, where it should be.

    Rows missing at one and the same place (a table cut off at the end of a page or of the text)
    are one finding that names the first and last of them, not one error per row on one line.
    """

    code = "CP010"
    name = "completeness.table-row"
    severity = Severity.ERROR
    message = "{table}缺少模板规定的「{row}」行"
    messages: ClassVar[Mapping[str, str]] = {
        "run": "{table}从「{first}」到「{last}」共{count}行模板规定的行都没有找到（表格可能在此处中断）",
    }
    description = (
        "2021 年格式的表二、表三、表四应有模板规定的全部行，顺序和措辞与模板一致。\n"
        "缺少一行（例如数值直接写在上一级标签“（三）不予公开”之后，没有“1.属于国家秘密”）时，\n"
        "该行的数据无法核对，其他勾稽关系也可能算错。诊断指向该行本应出现的位置。\n"
        "同一位置缺少三行及以上（常见于表格在页尾或文本末尾中断）时合并为一条诊断，写明首尾两行和行数。\n"
        "修改方法：按模板补上该行及其各列数值（没有发生的填 0）。整张表没有数值时由 CP014 报告。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式：表格的行列不得增删）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(
            f"CP010:{line_of('（三）不予公开')}",
            edits={_SECRET: _SECRET.replace(" | 1.属于国家秘密", "")},
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        places: dict[tuple[str, Span], list[str]] = {}
        for table, row in template_row_slots(report):
            if not row_present(table, row):
                places.setdefault((table.key, _where(table, row)), []).append(row)
        for (key, span), rows in places.items():
            labels = [template_row_label(key, row) for row in rows]
            if len(labels) < _RUN:
                for label in labels:
                    params = {"table": f"表{key}", "row": label}
                    yield Finding(span=span, params=params, locator=locator(report, key, label))
                continue
            yield Finding(
                span=span,
                params={"table": f"表{key}", "first": labels[0], "last": labels[-1], "count": len(labels)},
                variant="run",
                locator=locator(report, key, labels[0]),
            )


def _where(table: Table, row: str) -> Span:
    """Where table assembly says the row should have been, else the table's first line."""
    for problem in table.problems:
        if problem.kind == "missing-row" and problem.row == row:
            return problem.span
    return table_start(table)
