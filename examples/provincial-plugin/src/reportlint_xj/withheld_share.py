"""XJ101: a large share of refusals (不予公开) among the year's handled applications.

A plausibility check the YAML kinds cannot express (a ratio with a configurable limit), written
the way any plugin writes a Python rule: subclass Rule, set the metadata, yield Findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import CellKind
from reportlint.rules.base import Finding, Rule, RuleContext


class WithheldShare(Rule):
    """表三“（三）不予公开”各项之和占“（七）总计”的比例超过上限（默认 50%）时提示复核。

    比例过高往往意味着答复口径需要复核，或统计时把“无法提供”“不予处理”误计入了“不予公开”。
    选项 ``limit``：上限（0–1 之间的小数）。
    """

    code = "XJ101"
    name = "xj.withheld-share"
    severity = Severity.WARNING
    message = "不予公开共 {withheld} 件，占办理总数 {total} 件的 {share}%，超过 {limit}%，请复核统计口径"
    basis = "自治区政务公开办年度报告审核要点（示例）"
    sets: ClassVar[tuple[str, ...]] = ("xj",)
    options: ClassVar[Mapping[str, Any]] = {"limit": 0.5}

    def check(self, context: RuleContext) -> Iterable[Finding]:
        table = context.report.table("三")
        if table is None:
            return
        total = table.cell("total", "total")
        withheld = [
            c for (row, column), c in table.cells.items() if row.startswith("withheld.") and column == "total"
        ]
        if total is None or total.value is None or total.value <= 0 or not withheld:
            return
        if any(c.kind is not CellKind.NUMBER or c.value is None for c in withheld):
            return
        count = sum((c.value or Decimal(0) for c in withheld), Decimal(0))
        limit = Decimal(str(context.options.get("limit", 0.5)))
        if count / total.value > limit:
            share = (count * 100 / total.value).quantize(Decimal(1))
            yield Finding(
                span=total.span,
                params={"withheld": count, "total": total.value, "share": share, "limit": limit * 100},
                locator=("表三", "（七）总计", "总计"),
                expected=f"≤ {limit * 100}%",
                actual=f"{share}%",
                related=tuple(c.span for c in withheld),
            )
