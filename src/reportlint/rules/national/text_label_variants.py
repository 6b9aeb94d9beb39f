"""WD001: table row and column labels written differently from the template."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from reportlint.diagnostics import Severity
from reportlint.model import ColumnLabel, RowLabel
from reportlint.parse.template import label_key
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import with_table_two

_TABLE_TWO = (
    "第二十条第（一）项 | | | |\n"
    "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "规章 | 0 | 0 | 0 |\n"
    "{label} | 0 | 0 | 0 |\n"
)

# The same labels come back in report after report: fold each wording once per process.
_folded = lru_cache(maxsize=4096)(label_key)


class LabelVariant(Rule):
    """A label that differs from the template makes the table harder to compare across reports."""

    code = "WD001"
    name = "wording.table-label-variant"
    severity = Severity.WARNING
    message = "表{table}的标签「{written}」与模板不一致，模板为「{template}」"
    basis = "国办公开办函〔2021〕30号（年度报告格式中的表格）"
    sets = ("national-2021", "national-2019")
    fixable = True
    description = (
        "表二、表三、表四的行标题和列标题应与格式模板一字不差，例如“行政规范性文件”不写作“规范性文件”，"
        "“没有现成信息需要另行制作”不写作“……另外制作”，2019年格式的“本年新制作数量”不截成“本年新”。"
        "比较时不计全角/半角、空格和换行的差别（半角标点另由 ST003 提示）。"
        "修改方法：按提示改为模板标签。"
    )
    tests = (
        RuleCase(with_table_two(_TABLE_TWO.format(label="行政规范性文件")), passes=True),
        RuleCase(with_table_two(_TABLE_TWO.format(label="规范性文件")), passes=False, expect=("WD001:9",)),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for table in context.report.tables.values():
            seen: set[str] = set()
            labels: tuple[RowLabel | ColumnLabel, ...] = (*table.columns, *table.rows)
            for label in labels:
                if not label.written.strip() or label.key in seen:
                    continue
                if _folded(label.written) == _folded(label.template):
                    continue
                seen.add(label.key)
                params = {"table": table.key, "written": label.written, "template": label.template}
                yield Finding(
                    label.span,
                    params,
                    locator=(f"表{table.key}", label.written),
                    expected=label.template,
                    actual=label.written,
                    fixes=(label.template,),
                )
