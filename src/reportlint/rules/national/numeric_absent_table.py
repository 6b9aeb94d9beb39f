"""CP015: a section that should carry a statistical table has none in the text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.guard import Guard
from reportlint.rules.national.numeric_cells import CHECKED_TABLES, header_only, locator, table_start
from reportlint.rules.national.numeric_sample import SAMPLE_LINES, failing, line_of, passing
from reportlint.rules.shapes import TABLE_SECTIONS, table_heading

_THREE = line_of("三、收到和处理")
_FOUR = line_of("四、政府信息公开")


class AbsentTable(Rule):
    """Section 二, 三 or 四 is there but its table is not (it may be an image)."""

    code = "CP015"
    name = "completeness.table-present"
    severity = Severity.WARNING
    message = "第{section}部分「{heading}」中没有找到表{table}"
    messages: ClassVar[Mapping[str, str]] = {"header-only": "表{table}只有表头，没有找到任何行和数值"}
    description = (
        "2021 年格式的第二、三、四部分各有一张统计表（表二、表三、表四）。\n"
        "该部分存在但文本中找不到表格时报告。表格可能以图片形式发布，文本中读不到，\n"
        "所以这只是警告：请确认表格确实存在，并最好以文字表格发布，便于核对和无障碍阅读。\n"
        "表格只有表头、没有任何行和数值（网页被截断或表体是图片）时同样提示。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    when = Guard(min_year=2019)
    tests = (
        passing(),
        failing(f"CP015:{_FOUR}", edits={line: "" for line in SAMPLE_LINES[_FOUR : _FOUR + 4]}),
        failing(f"CP015:{_THREE + 1}", edits={line: "" for line in SAMPLE_LINES[_THREE + 3 : _FOUR - 1]}),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for key in CHECKED_TABLES:
            section = report.section(TABLE_SECTIONS[key])
            table = report.table(key)
            if table is not None and header_only(table):
                yield Finding(
                    span=table_start(table),
                    params={"table": key},
                    variant="header-only",
                    locator=locator(report, key),
                )
            if section is None or table is not None:
                continue
            yield Finding(
                span=section.heading.span,
                params={"section": key, "heading": table_heading(report, key), "table": key},
                locator=(table_heading(report, key),),
            )
