"""Kind ``sum``: one total equals the sum of its parts, for every column (or every row).

A shorthand for an ``equation``: ``per: column`` with ``total: total`` and ``parts:
[granted..other_handling.other]`` means "for each column c: 三[total, c] == sum(三[parts, c])".
"""

from __future__ import annotations

from typing import ClassVar

from reportlint.rules.kinds.equation import EquationRule
from reportlint.rules.schema import RuleSpec

_SELECTOR_HELP = "键、范围 a..b、分组 g.* 或 *"


class SumRule(EquationRule):
    """``total`` = Σ ``parts`` along ``per`` (column: parts are rows; row: parts are columns)."""

    keys: ClassVar[frozenset[str]] = frozenset({"table", "total", "parts", "per", "over", "target"})

    def configure(self, spec: RuleSpec) -> None:
        table = str(spec.require("table", str, "表名（二、三 或 四）"))
        total = str(spec.require("total", str, "合计的行键或列键"))
        parts = spec.strings("parts", _SELECTOR_HELP, required=True)
        per = spec.optional("per", str, "column 或 row", "column")
        over = spec.optional("over", str, _SELECTOR_HELP, "*")
        if per not in ("column", "row"):
            raise spec.error(
                ("per",), "应为 column（逐列：合计行 = 各行之和）或 row（逐行：合计列 = 各列之和）"
            )
        if not parts:
            raise spec.error(("parts",), "至少需要一个部分")
        if per == "column":
            loop = f"for _col in {table}.columns({over}): "
            cells = ", ".join(f"{table}[{part}, _col]" for part in parts)
            text = f"{loop}{table}[{total}, _col] == sum({cells})"
        else:
            loop = f"for _row in {table}.rows({over}): "
            cells = ", ".join(f"{table}[_row, {part}]" for part in parts)
            text = f"{loop}{table}[_row, {total}] == sum({cells})"
        self.equation = self.compile(spec, "parts", text)
        self.target = "left"
