"""WD005: a report for 2021 or later still uses the 2019 trial-format tables."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import TableFormat
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.guard import Guard
from reportlint.rules.national.text_cases import with_table_two

_OLD_TABLE = (
    "第二十条第（一）项 | | | |\n"
    "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
    "规章 | 0 | 0 | 0 |\n"
    "规范性文件 | 0 | 0 | 0 |\n"
)


class SupersededTables(Rule):
    """The 2021 format replaced the 2019 tables; a 2021+ report with old tables reports the wrong things."""

    code = "WD005"
    name = "wording.superseded-table-format"
    severity = Severity.ERROR
    message = (
        "{year}年度报告的表{table}仍使用2019年试行格式（如「{label}」），应改用国办公开办函〔2021〕30号的格式"
    )
    basis = "国办公开办函〔2021〕30号"
    sets = ("national-2021",)
    when = Guard(min_year=2021)
    description = (
        "自2021年度报告起，表二使用国办公开办函〔2021〕30号的格式：第二十条第（一）项为“本年制发件数、"
        "本年废止件数、现行有效件数”，第（五）（六）项为“本年处理决定数量”，第（八）项为“本年收费金额”。"
        "2019年试行格式（国办公开办函〔2019〕60号）的“本年新制作数量、本年新公开数量、对外公开总数量”"
        "“上一年项目数量、本年增/减”和第（九）项政府集中采购已被取代；2019、2020年度报告使用旧格式是对的。"
        "表三只在“（六）其他处理”上不同（试行格式为一行，2021年格式分为三个子项），数字和勾稽关系不变，"
        "所以只有表三这样写时仅作警告。修改方法：按2021年格式重新填写表格。"
    )
    tests = (
        RuleCase(with_table_two(_OLD_TABLE, "某某县人民政府2020年政府信息公开工作年度报告"), passes=True),
        RuleCase(
            with_table_two(_OLD_TABLE, "某某县人民政府2022年政府信息公开工作年度报告"),
            passes=False,
            expect=("WD005",),
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        """One finding for the report, at its first old-format table: one cause, one finding."""
        report = context.report
        old = [table for table in report.tables.values() if table.format is TableFormat.T2019]
        if not old:
            return
        old.sort(key=lambda table: table.span)
        if [table.key for table in old] == ["三"]:
            # Table 三 differs from the trial format only in （六）其他处理 written as one row: the
            # figures and every identity are the same, so a collapsed row is a warning, not an error.
            row = next((label for label in old[0].rows if label.template == "（六）其他处理"), None)
            yield Finding(
                row.span if row is not None else old[0].span,
                message=(
                    f"{report.year}年度报告的表三把「（六）其他处理」写成一行（2019年试行格式），"
                    "国办公开办函〔2021〕30号的格式分为1.～3.三个子项"
                ),
                locator=("表三", "（六）其他处理"),
                softer=Severity.WARNING,
            )
            return
        first = old[0]
        labels = [label.written for label in first.columns if label.written.strip()]
        params = {
            "year": report.year,
            "table": "、".join(table.key for table in old),
            "label": labels[0] if labels else "旧格式表头",
        }
        related = tuple(table.span for table in old[1:])
        yield Finding(first.span, params, locator=(f"表{first.key}",), related=related)
