"""NU008: the parts listed for a stated total add up to less than the total."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.numeric_breakdowns import all_breakdowns, spelled_out
from reportlint.rules.national.numeric_sample import failing, passing


class BreakdownShortOfTotal(Rule):
    """ "共N条，其中a条、b条…" where a + b + … < N, when the list looks meant to be complete."""

    code = "NU008"
    name = "numeric.breakdown-short-of-total"
    severity = Severity.WARNING
    message = "正文称共 {total}{unit}，但其后列出的各项之和只有 {expected}（= {parts}），少 {gap}{unit}"
    description = (
        "正文中“共N条，其中a条、b条……”这类分项说明，各分项之和少于总数时报告（警告）：\n"
        "可能漏写了一项，也可能某个数字有误；但“其中”也常只列举部分类别，所以这只是提示。\n"
        "只有列出两项以上、分项之和达到总数的一定比例（选项 min_share，默认 0.5）时才报告，\n"
        "只举几个例子的列举不报告；分项中再出现“其中”“另有”时不报告。\n"
        "计数方法同 NU007。诊断指向总数，相关位置为各分项。"
    )
    basis = "《中华人民共和国政府信息公开条例》第四十九条、第五十条（年度报告内容应真实准确）"
    sets = ("national-2021", "national-2019")
    options: ClassVar[Mapping[str, Any]] = {"min_share": 0.5}
    tests: ClassVar[tuple[RuleCase, ...]] = (
        passing(
            prose="全年主动公开政府信息总数171条：基层政务124条，工作动态34条，预算决算4条，应急预案3条，其他6条。"
        ),
        passing(prose="发布动态信息1464条，其中文件15条，政策解读10条；发布新闻30场。"),
        failing("NU008:3", prose="公开信息共计136条。其中：年度报告1条，财政预算决算2条，新闻稿件120条。"),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        share = float(context.options.get("min_share", 0.5))
        for breakdown in context.views.shared(all_breakdowns):
            total, found = breakdown.total.value, breakdown.parts_sum
            if not breakdown.complete or len(breakdown.parts) < 2 or found >= total:
                continue
            if found < share * total:
                continue
            yield Finding(
                span=breakdown.total.span,
                params={
                    "total": total,
                    "unit": breakdown.total.unit,
                    "expected": found,
                    "parts": spelled_out(breakdown),
                    "gap": total - found,
                },
                expected=str(found),
                actual=str(total),
                related=tuple(part.span for part in breakdown.parts),
            )
