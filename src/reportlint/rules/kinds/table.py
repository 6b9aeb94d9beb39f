"""Kind ``table``: required rows and columns are present, and their cells filled or numeric.

``require: present`` reports a cell the table does not have; ``filled`` also a blank cell;
``numeric`` also "/" and text cells. A missing table is another rule's business (skipped here).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from reportlint.model import CellKind, Span, Table
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.expression import ExpressionError, Selector, Total, compile_expression
from reportlint.rules.schema import RuleSpec
from reportlint.rules.shapes import shape_of, table_heading
from reportlint.rules.yamlrule import YamlRule

_LEVELS = {
    "present": frozenset(),
    "filled": frozenset({CellKind.BLANK}),
    "numeric": frozenset({CellKind.BLANK, CellKind.SLASH, CellKind.TEXT}),
}


class TableRule(YamlRule):
    """Every (row, column) selected must be present (and filled / numeric)."""

    keys: ClassVar[frozenset[str]] = frozenset({"table", "rows", "columns", "require"})
    table: str
    rows: Selector
    columns: Selector
    level: str

    def configure(self, spec: RuleSpec) -> None:
        self.table = str(spec.require("table", str, "表名（二、三 或 四）"))
        rows = spec.optional("rows", str, "行选择（键、范围、分组或 *）", "*")
        columns = spec.optional("columns", str, "列选择（键、范围、分组或 *）", "*")
        self.level = spec.optional("require", str, "present、filled 或 numeric", "numeric")
        if self.level not in _LEVELS:
            raise spec.error(("require",), "应为 present、filled 或 numeric")
        probe = f"sum({self.table}[{rows}, {columns}]) == 0"
        try:
            total = compile_expression(probe).left
        except ExpressionError as problem:
            raise spec.error(("rows",), problem.message) from None
        assert isinstance(total, Total) and total.refs[0].row is not None
        self.rows, self.columns = total.refs[0].row, total.refs[0].column

    @staticmethod
    def _missing_row_span(table: Table, row: str) -> Span:
        """Where table assembly says the row should have been, else the table's first line."""
        for problem in table.problems:
            if problem.kind == "missing-row" and problem.row == row:
                return problem.span
        return Span.on_line(table.span.line, table.span.column, 1)

    def check(self, context: RuleContext) -> Iterable[Finding]:
        report = context.report
        table = report.table(self.table)
        if table is None:
            return
        shape = shape_of(self.table, table)
        bad = _LEVELS[self.level]
        heading = table_heading(report, self.table)
        for row in self.rows.expand(shape.rows, {}):
            label = table.row_label(row)
            for column in self.columns.expand(shape.columns, {}):
                cell = table.cell(row, column)
                locator = tuple(
                    p
                    for p in (heading, f"表{self.table}", shape.label(row), shape.label(column, "columns"))
                    if p
                )
                params = {
                    "table": f"表{self.table}",
                    "row": shape.label(row),
                    "column": shape.label(column, "columns"),
                }
                if cell is None:
                    span = label.span if label is not None else self._missing_row_span(table, row)
                    yield Finding(span, {**params, "cell": ""}, variant="missing", locator=locator)
                elif cell.kind in bad:
                    yield Finding(cell.span, {**params, "cell": cell.raw}, locator=locator, actual=cell.raw)
