"""NU007: the parts listed for a stated total add up to more than the total."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.numeric_breakdowns import all_breakdowns, spelled_out
from reportlint.rules.national.numeric_sample import failing, passing


class BreakdownExceedsTotal(Rule):
    """ "共N条，其中a条、b条…" where a + b + … > N: one of the figures is wrong."""

    code = "NU007"
    name = "numeric.breakdown-exceeds-total"
    severity = Severity.ERROR
    message = "正文称共 {total}{unit}，但其后列出的各项之和为 {expected}（= {parts}），超过总数"
    description = (
        "正文中“共N条，其中a条、b条……”“N条：a条、b条……”“N条，一是……a条；二是……b条……”\n"
        "这类分项说明，各分项之和不能超过总数。超过时，总数或某个分项必然有误。\n"
        "只计与总数单位相同的数字，到分句末（；）为止（“一是……二是……”到句末为止）；\n"
        "括号中的内容（如“（含上年度转结申请8件）”）不算分项；分项中再出现“其中”时，\n"
        "后面的细分不重复计算。诊断指向总数，相关位置为各分项。"
    )
    basis = "《中华人民共和国政府信息公开条例》第四十九条、第五十条（年度报告内容应真实准确）"
    sets = ("national-2021", "national-2019")
    tests: ClassVar[tuple[RuleCase, ...]] = (
        passing(
            prose="2023年主动公开信息3239条，其中：概况信息362条、政务动态1777条、目录信息1100条；收到留言51条。"
        ),
        passing(prose="共答复申请98件（含上年度转结申请8件），其中予以公开42件、不予公开56件。"),
        failing("NU007:3", prose="2023年主动公开信息300条，其中：概况信息200条、政务动态120条。"),
        failing("NU007:3", prose="全年公开信息50条，一是网站公开30条；二是公众号发布15条，微博发布10条。"),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for breakdown in context.views.shared(all_breakdowns):
            if breakdown.parts_sum <= breakdown.total.value:
                continue
            yield Finding(
                span=breakdown.total.span,
                params={
                    "total": breakdown.total.value,
                    "unit": breakdown.total.unit,
                    "expected": breakdown.parts_sum,
                    "parts": spelled_out(breakdown),
                },
                expected=str(breakdown.parts_sum),
                actual=str(breakdown.total.value),
                related=tuple(part.span for part in breakdown.parts),
            )
