"""Kind ``equation``: an identity between cells in the expression language (grammars/expression.lark).

The diagnostic points at the cell that is off: by default the left side when it is one cell,
else the right side when that is one cell, else the first cell read on the left (``target:
left|right`` picks the side). Related spans are the other cells of the identity.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar

from reportlint.model import Cell
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.expression import (
    CellRef,
    Equation,
    ExpressionError,
    Value,
    Violation,
    compile_expression,
)
from reportlint.rules.schema import RuleSpec
from reportlint.rules.shapes import cell_locator, shape_of
from reportlint.rules.yamlrule import YamlRule


def format_number(value: Decimal) -> str:
    """A value as a drafter would write it: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


class EquationRule(YamlRule):
    """Cells must satisfy the rule's ``expression``."""

    keys: ClassVar[frozenset[str]] = frozenset({"expression", "target"})
    equation: Equation
    target: str | None

    def configure(self, spec: RuleSpec) -> None:
        text = spec.require("expression", str, "表达式文本")
        self.equation = self.compile(spec, "expression", text)
        self.target = spec.optional("target", str, "left 或 right", None)
        if self.target not in (None, "left", "right"):
            raise spec.error(("target",), "应为 left 或 right")

    @staticmethod
    def compile(spec: RuleSpec, key: str, text: str) -> Equation:
        try:
            return compile_expression(text)
        except ExpressionError as problem:
            raise spec.error((key,), problem.message) from None

    def _side(self) -> str:
        if self.target is not None:
            return self.target
        if isinstance(self.equation.left, CellRef):
            return "left"
        return "right" if isinstance(self.equation.right, CellRef) else "left"

    def check(self, context: RuleContext) -> Iterable[Finding]:
        report = context.report
        side = self._side()
        for violation in self.equation.violations(report):
            own, other = (
                (violation.left, violation.right) if side == "left" else (violation.right, violation.left)
            )
            cells = own.cells or other.cells
            if not cells:
                continue
            target = cells[0]
            yield Finding(
                span=target.span,
                params=self._params(context, violation, target, own, other),
                locator=cell_locator(report, target),
                expected=format_number(other.amount),
                actual=format_number(own.amount),
                related=tuple(
                    c.span for c in (*violation.left.cells, *violation.right.cells) if c is not target
                ),
            )

    def _params(
        self, context: RuleContext, violation: Violation, target: Cell, own: Value, other: Value
    ) -> dict[str, object]:
        shape = shape_of(target.table, context.report.table(target.table))
        dimensions = {loop.name: loop.dimension for loop in self.equation.loops}
        params: dict[str, object] = {
            name: shape.label(value, dimensions.get(name, "groups"))
            for name, value in violation.bindings.items()
        }
        params.update(
            table=f"表{target.table}",
            row=shape.label(target.row),
            column=shape.label(target.column, "columns"),
            cell=target.raw,
            left=format_number(violation.left.amount),
            right=format_number(violation.right.amount),
            expected=format_number(other.amount),
            actual=format_number(own.amount),
            op=self.equation.op,
        )
        return params
