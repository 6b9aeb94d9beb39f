"""PD003, PD004, PD006: the publication date against 条例第四十九条 and the statistical period.

第四十九条 gives departments (a government's 办公室 included) until 1月31日 and a county-level or
higher government's own report until 3月31日 of the following year. Townships are not named in the
article (local rules usually apply 1月31日), so their lateness is only a warning (PD004), as is a
report whose issuing body cannot be told. A date before the period ends is suspicious (PD006).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from enum import Enum

from reportlint.diagnostics import Severity
from reportlint.model import DateMention, Report
from reportlint.rules.base import Finding, Rule, RuleCase, RuleContext
from reportlint.rules.national.text_cases import report_text

_TOWNSHIP = re.compile(r"(乡|镇|街道|街道办事处|苏木)(人民政府|政府)?$")
# A development zone's committee acts for a government but 第四十九条 names neither: as unknown.
_ZONE = re.compile(
    r"(开发区|新区|园区|片区|实验区|试验区|示范区|高新区|保税区|合作区|功能区|景区)"
    r"(管委会|管理委员会|工作委员会|管理局)?$"
)
# "××县人民政府", and a place name alone: "上海市2023年政府信息公开工作年度报告" is the city's.
_GOVERNMENT = re.compile(r"(省|自治区|市|州|县|(?<!社)区|旗|盟)((人民)?政府)?$")


class BodyKind(Enum):
    """Which deadline of 第四十九条 applies."""

    GOVERNMENT = "本级人民政府"
    DEPARTMENT = "政府部门"
    TOWNSHIP = "乡镇、街道"
    UNKNOWN = "发布机关不明"


def body_kind(report: Report) -> BodyKind:
    """Classify the report's own body (title first: whose report it is), else its signature."""
    name = report.body or (report.title.body if report.title else None) or report.signature_body
    if not name:
        return BodyKind.UNKNOWN
    name = name.strip()
    if _TOWNSHIP.search(name):
        return BodyKind.TOWNSHIP
    if _ZONE.search(name):
        return BodyKind.UNKNOWN
    if _GOVERNMENT.search(name):
        return BodyKind.GOVERNMENT
    return BodyKind.DEPARTMENT


def deadline_for(kind: BodyKind, year: int) -> date:
    """The 第四十九条 deadline for a report on ``year``."""
    return date(year + 1, 3, 31) if kind in (BodyKind.GOVERNMENT, BodyKind.UNKNOWN) else date(year + 1, 1, 31)


def signed_on(report: Report) -> tuple[DateMention, date] | None:
    """The signature date as a date, when complete and valid."""
    mention = report.signature_date
    if mention is None or mention.year is None or mention.month is None or mention.day is None:
        return None
    try:
        return mention, date(mention.year, mention.month, mention.day)
    except ValueError:
        return None


def _written(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def late_findings(report: Report, kinds: tuple[BodyKind, ...]) -> Iterator[Finding]:
    """A finding when the report of one of ``kinds`` is dated after its deadline."""
    signed = signed_on(report)
    if signed is None or report.year is None:
        return
    kind = body_kind(report)
    if kind not in kinds:
        return
    mention, when = signed
    deadline = deadline_for(kind, report.year)
    if when > deadline:
        params = {"found": mention.text, "deadline": _written(deadline), "kind": kind.value}
        yield Finding(mention.span, params, expected=f"不晚于{_written(deadline)}", actual=mention.text)


_SIGNED = "\n某某县人民政府\n{}\n"
_DEPARTMENT = "某某县统计局2023年政府信息公开工作年度报告"
_OFFICE = "某某县人民政府办公室2023年政府信息公开工作年度报告"
_TOWNSHIP_TITLE = "某某镇人民政府2023年政府信息公开工作年度报告"
_PLACE = "某某市2023年政府信息公开工作年度报告"
_ZONE_TITLE = "某某经济技术开发区管委会2023年政府信息公开工作年度报告"
_BASIS = "《中华人民共和国政府信息公开条例》第四十九条"


class LatePublication(Rule):
    """A department or county-level-and-above government published after its deadline."""

    code = "PD003"
    name = "period.publication-deadline"
    severity = Severity.ERROR
    message = "落款日期{found}晚于{kind}年度报告的公布期限{deadline}（条例第四十九条）"
    basis = _BASIS
    sets = ("national-2021", "national-2019")
    description = (
        "条例第四十九条：县级以上人民政府部门应在每年1月31日前提交并公布上一年度的年度报告（政府办公室也是部门）；"
        "县级以上地方人民政府的年度报告应在每年3月31日前公布。发布机关按标题中的机关名称判断："
        "以“××县/市/区/州/省人民政府”结尾（或只写地名，如“上海市”）的是本级政府，开发区、新区等的管委会"
        "由 PD004 按最宽的期限提示，其他机关按部门处理。只在报告有落款日期时检查。"
        "修改方法：按期公布；如落款日期写错，改正日期。"
    )
    tests = (
        RuleCase(report_text(_DEPARTMENT, ending=_SIGNED.format("2024年1月18日")), passes=True),
        RuleCase(report_text(ending=_SIGNED.format("2024年3月20日")), passes=True),
        RuleCase(report_text(_DEPARTMENT, ending=_SIGNED.format("2024年2月18日")), passes=False),
        RuleCase(report_text(ending=_SIGNED.format("2024年4月2日")), passes=False),
        # a government's 办公室 is a department: 1月31日, not 3月31日
        RuleCase(report_text(_OFFICE, ending=_SIGNED.format("2024年2月10日")), passes=False),
        # a place name alone is its government's report; a zone's committee is not judged here
        RuleCase(report_text(_PLACE, ending=_SIGNED.format("2024年3月20日")), passes=True),
        RuleCase(report_text(_ZONE_TITLE, ending=_SIGNED.format("2024年2月20日")), passes=True),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        yield from late_findings(context.report, (BodyKind.GOVERNMENT, BodyKind.DEPARTMENT))


class LateTownshipPublication(Rule):
    """A township (or unidentified body) published after the usual deadline: a warning only."""

    code = "PD004"
    name = "period.publication-deadline-township"
    severity = Severity.WARNING
    message = "落款日期{found}晚于{deadline}（{kind}的年度报告通常应在该日期前公布）"
    basis = _BASIS
    sets = ("national-2021", "national-2019")
    description = (
        "条例第四十九条没有点名乡镇和街道，各地一般要求其在1月31日前公布上一年度的年度报告；"
        "发布机关不明时按最宽的3月31日判断。因为依据不如 PD003 明确，这里只给警告。"
        "修改方法：按本地规定的期限公布；如落款日期写错，改正日期。"
    )
    tests = (
        RuleCase(report_text(_TOWNSHIP_TITLE, ending=_SIGNED.format("2024年1月16日")), passes=True),
        RuleCase(report_text(_TOWNSHIP_TITLE, ending=_SIGNED.format("2024年2月16日")), passes=False),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        yield from late_findings(context.report, (BodyKind.TOWNSHIP, BodyKind.UNKNOWN))


class SignedBeforePeriodEnd(Rule):
    """A report dated before the year it covers has ended cannot report the whole year."""

    code = "PD006"
    name = "period.signed-before-period-end"
    severity = Severity.WARNING
    message = "落款日期{found}早于统计期限的结束日{end}，年度数据不可能在此之前统计完整"
    basis = _BASIS
    sets = ("national-2021", "national-2019")
    description = (
        "年度报告报告的是上一年度的工作，落款日期应在统计期限结束（通常为报告年度的12月31日）之后。"
        "更早的日期多半是年份写错（例如把2024年写成2023年）。修改方法：核对落款日期。"
    )
    tests = (
        RuleCase(report_text(ending=_SIGNED.format("2024年1月18日")), passes=True),
        RuleCase(report_text(ending=_SIGNED.format("2023年1月18日")), passes=False),
    )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        report = context.report
        signed = signed_on(report)
        if signed is None or report.year is None:
            return
        mention, when = signed
        end = date(report.year, 12, 31)
        if when < end:
            params = {"found": mention.text, "end": _written(end)}
            yield Finding(mention.span, params, expected=f"晚于{_written(end)}", actual=mention.text)
