"""CP019: a table that cannot be read as written: run-together figures with several readings, rows
whose blank cells a scrape dropped with several placements, or labels and figures pulled apart."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import UNDECIDED, locator, present_tables, template_row_label
from reportlint.rules.national.numeric_sample import passing


class AmbiguousFigures(Rule):
    """One finding per table, naming every undecided row, however many there are.

    Nothing that depends on how such a row is cut is checked (its cells are not placed), so the
    one finding is all the user hears of it: never a missing-cell or arithmetic error."""

    code = "CP019"
    name = "completeness.table-unreadable"
    severity = Severity.WARNING
    message = "{table}中有{count}行的数字连写在一起，无法唯一拆分为各列数值（未核对）：{rows}"
    messages: ClassVar[Mapping[str, str]] = {
        "unreadable": "{table}的行标签与数值无法对应（有{count}个数值不在任何一行，表格在提取时被拆散），"
        "未核对该表",
        "dropped": "{table}中有{count}行的数值少于列数（空白单元格在网页抓取或转换中丢失），"
        "无法唯一确定各数值所在的列（未核对）：{rows}",
        "mixed": "{table}中有{count}行的数值连写在一起或少于列数，无法唯一确定各列数值（未核对）：{rows}",
    }
    description = (
        "网页抓取或格式转换丢失了表格的单元格边界，一行的数字连在一起（如“640020470”）。\n"
        "reportlint 用表内勾稽关系（行总计、列的“一+二=（七）+四”、表四各组总计）拆分这些数字：\n"
        "只有一种拆分满足时采用它（单元格标记为“拆分得出”），有多种或没有拆分满足时不作猜测，\n"
        "该行不参与核对，并在此列出。请核对原始表格，或提供保留表格结构的文件（.docx、.html）。\n"
        "网页抓取丢弃了空白单元格（一行只剩“821 35 2 1 859”）时同样如此：各数值放回各列只有一种\n"
        "排法满足勾稽关系时采用它（空白单元格按未填写处理），否则该行不作猜测、不参与核对。\n"
        "表格被拆散（如从 PDF 转出的文字中，行标签与数值分在不同的位置，多处数值不属于任何一行）时，\n"
        "整张表只报告一次“无法读取”，不逐行逐格报告，也不核对其中的数值。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (passing(),)

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in present_tables(report):
            unreadable = next((p for p in table.problems if p.kind == "unreadable"), None)
            if unreadable is not None:
                yield Finding(
                    span=unreadable.span,
                    variant="unreadable",
                    params={"table": f"表{table.key}", "count": unreadable.detail or ""},
                    locator=locator(report, table.key),
                )
                continue
            problems = [p for p in table.problems if p.kind in UNDECIDED]
            if not problems:
                continue
            rows = "、".join(
                f"“{template_row_label(table.key, p.row or '')}”（{_ways(p.detail, p.kind)}）"
                for p in problems
            )
            kinds = {p.kind for p in problems}
            variant = None if kinds == {"ambiguous-figures"} else "dropped" if len(kinds) == 1 else "mixed"
            yield Finding(
                span=problems[0].span,
                variant=variant,
                params={"table": f"表{table.key}", "count": len(problems), "rows": rows},
                locator=locator(report, table.key),
                related=tuple(p.span for p in problems[1:]),
            )


def _ways(detail: str | None, kind: str) -> str:
    way = "拆分" if kind == "ambiguous-figures" else "排法"
    if not detail:
        return f"{way}方式过多"
    return f"没有满足勾稽关系的{way}" if detail == "0" else f"{detail}种{way}都满足"
