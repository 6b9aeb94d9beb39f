"""NU019: the same publication channel's yearly count stated twice with different numbers.

Reports often give a channel's count in 一（一）主动公开 and again in 一（四）平台建设, e.g.
"通过……网站审计信息栏目公开信息20条" and later "通过审计信息专栏公开政府信息16条". The channel is
named by what follows the site ("审计信息") once generic words (网站 before it, 栏目/专栏/板块/
专题/频道/平台 after it) are dropped; two counts for one channel cannot both be right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.parse.normalize import normalize
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import PERIOD, report_text

_STATEMENT = re.compile(
    r"通过(?P<channel>[^,，。;；、:：]{2,30}?)(?:发布|公开)(?:政府|政务)?信息(?:共|累计|合计)?(?P<count>[0-9]+)条"
)
_GENERIC_TAIL = re.compile(r"(栏目|专栏|板块|专题|频道|平台|页面)$")
_PART_YEAR = re.compile(r"[0-9一二三四五六七八九十]+(月|季度)|上半年|下半年")


@dataclass(frozen=True, slots=True)
class ChannelCount:
    """One "通过<channel>公开信息N条" statement."""

    channel: str
    count: int
    text: str
    span: Span


def channel_key(channel: str) -> str:
    """The distinctive part of a channel name: after the last 网站, without a generic tail word."""
    if "网站" in channel and not channel.endswith("网站"):
        channel = channel.rsplit("网站", 1)[1]
    return _GENERIC_TAIL.sub("", channel.strip())


def channel_counts(context: RuleContext) -> Iterator[ChannelCount]:
    """Every whole-year channel count stated in the prose (part-year figures are left out)."""
    for paragraph in context.report.paragraphs():
        folded = normalize(paragraph.text)
        for match in _STATEMENT.finditer(folded):
            key = channel_key(match.group("channel"))
            if len(key) < 2 or _PART_YEAR.search(folded[max(0, match.start() - 12) : match.start()]):
                continue
            span = paragraph.span.on_line(
                paragraph.span.line, paragraph.span.column + match.start(), match.end() - match.start()
            )
            text = paragraph.text[match.start() : match.end()]
            yield ChannelCount(key, int(match.group("count")), text, span)


_TWICE = "一、总体情况\n{0}\n（二）平台建设\n{1}\n"


class RestatedChannelCount(Rule):
    """Two different totals for the same channel: at least one of them is wrong."""

    code = "NU019"
    name = "numeric.restated-channel-count"
    severity = Severity.WARNING
    message = "「{channel}」的公开信息条数前后不一致：第{first_line}行为{first}条，这里为{actual}条"
    basis = "国办公开办函〔2021〕30号（第一部分总体情况的主动公开、平台建设）"
    sets = ("national-2021", "national-2019")
    description = (
        "同一公开渠道（如某网站的某个栏目）的全年公开条数在正文中出现两次、数字却不同，"
        "例如“通过……网站审计信息栏目公开信息20条”和“通过审计信息专栏公开政府信息16条”。"
        "渠道按网站之后的栏目名认定（去掉“栏目”“专栏”等通用词）；带有月份、季度的分段数字不比较。"
        "修改方法：核对该渠道的实际条数，统一前后表述。"
    )
    tests = (
        RuleCase(
            report_text(
                preamble=PERIOD,
                body=_TWICE.format(
                    "通过门户网站审计信息栏目公开信息20条。", "通过审计信息专栏公开政府信息20条。"
                ),
            ),
            passes=True,
        ),
        RuleCase(
            report_text(
                preamble=PERIOD,
                body=_TWICE.format(
                    "通过门户网站审计信息栏目公开信息20条。", "通过审计信息专栏公开政府信息16条。"
                ),
            ),
            passes=False,
            expect=("NU019:6",),
        ),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        first: dict[str, ChannelCount] = {}
        for stated in channel_counts(context):
            earlier = first.setdefault(stated.channel, stated)
            if earlier is stated or earlier.count == stated.count:
                continue
            params = {
                "channel": stated.channel,
                "first_line": earlier.span.line,
                "first": earlier.count,
                "actual": stated.count,
            }
            yield Finding(
                stated.span,
                params,
                expected=str(earlier.count),
                actual=str(stated.count),
                related=(earlier.span,),
            )
