"""CP013: a cell of tables 二, 三, 四 that is blank, "/" or text instead of a number."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Severity
from reportlint.model import CellKind
from reportlint.rules.base import Finding, Rule, RuleContext
from reportlint.rules.national.numeric_cells import cell_names, locator, present_tables
from reportlint.rules.national.numeric_sample import failing, line_of, passing

_CARRIED = "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"
_KIND_WORDS = {CellKind.BLANK: "空白", CellKind.SLASH: "“/”", CellKind.TEXT: "文字"}


class UnfilledCell(Rule):
    """A blank, "/" or text cell: not a zero, so the identities that read it are skipped."""

    code = "CP013"
    name = "completeness.table-cell-filled"
    severity = Severity.WARNING
    message = "{table}「{row}」行「{column}」列未填写（{what}{raw}），应填数值，没有发生的填 0"
    description = (
        "表二、表三、表四的每个单元格都应填写数值，没有发生的事项填 0。\n"
        "空白、“/”或文字不等于 0：reportlint 不会把它们当作 0 去核对总计，\n"
        "因此含这类单元格的勾稽关系（NU001–NU004）会被跳过，错误可能被掩盖。\n"
        "诊断指向该单元格。修改方法：填写数值（0 也要写出）。"
    )
    basis = "国办公开办函〔2021〕30号（年度报告格式）"
    sets = ("national-2021", "national-2019")
    tests = (
        passing(),
        failing(
            f"CP013:{line_of(_CARRIED)}",
            edits={_CARRIED: _CARRIED.replace("| 1 | 0 |", "| 1 | / |")},
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        for table in present_tables(report):
            key = table.key
            for cell in table.cells.values():
                what = _KIND_WORDS.get(cell.kind)
                if what is None:
                    continue
                row, column = cell_names(report, cell)
                raw = f"：{cell.raw}" if cell.kind is CellKind.TEXT else ""
                yield Finding(
                    span=cell.span,
                    params={"table": f"表{key}", "row": row, "column": column, "what": what, "raw": raw},
                    locator=locator(report, key, row, column),
                    actual=cell.raw,
                )
