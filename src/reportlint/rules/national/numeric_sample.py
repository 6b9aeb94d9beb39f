# ruff: noqa: E501  (the sample table rows are as long as the template's rows)
"""A small consistent 2021-format report that the embedded cases of the numeric rules edit.

Every identity of tables 三 and 四 holds in it. A case changes a line or two (``edits``) or puts
prose on line 3 (``prose``). Table 二 is on lines 5–18, table 三 on lines 20–47 (its
"（七）总计" row is line 46), table 四's values on line 52; ``line_of`` finds a line's number.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlint.rules.base import RuleCase

SAMPLE_LINES: tuple[str, ...] = tuple(
    line.strip()
    for line in """
    某某局2023年政府信息公开工作年度报告
    一、总体情况
    本机关认真贯彻落实政府信息公开条例。
    二、主动公开政府信息情况
    第二十条第（一）项
    信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
    规章 | 0 | 0 | 3
    行政规范性文件 | 2 | 1 | 12
    第二十条第（五）项
    信息内容 | 本年处理决定数量
    行政许可 | 35
    第二十条第（六）项
    信息内容 | 本年处理决定数量
    行政处罚 | 7
    行政强制 | 0
    第二十条第（八）项
    信息内容 | 本年收费金额（单位：万元）
    行政事业性收费 | 1.25
    三、收到和处理政府信息公开申请情况
    （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
    | 自然人 | 法人或其他组织 | 总计
    | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
    一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 1 | 0 | 13
    二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
    （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1
    （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
    4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    （四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | 1 | 0 | 0 | 1 | 0 | 4
    2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    （七）总计 | 9 | 2 | 0 | 0 | 1 | 0 | 12
    四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    四、政府信息公开行政复议、行政诉讼情况
    行政复议 | 行政诉讼
    | 未经复议直接起诉 | 复议后起诉
    结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
    2 | 0 | 1 | 1 | 4 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0
    五、存在的主要问题及改进情况
    存在的问题有待改进。
    六、其他需要报告的事项
    本年度无其他需要报告的事项。
    """.strip().split("\n")
)

PROSE_LINE = 3
"""The line ``prose`` replaces (the body of section 一)."""


def line_of(start: str) -> int:
    """The 1-based number of the first sample line starting with ``start``."""
    return next(n for n, line in enumerate(SAMPLE_LINES, start=1) if line.startswith(start))


def sample_line(start: str) -> str:
    """The first sample line starting with ``start``."""
    return SAMPLE_LINES[line_of(start) - 1]


def sample_report(edits: Mapping[str, str] | None = None, prose: str | None = None) -> str:
    """The sample with whole lines replaced (``edits``: old line → new line) and line 3 replaced."""
    lines = list(SAMPLE_LINES)
    for old, new in (edits or {}).items():
        lines[lines.index(old)] = new
    if prose is not None:
        lines[PROSE_LINE - 1] = prose
    return "\n".join(lines) + "\n"


def passing(edits: Mapping[str, str] | None = None, prose: str | None = None) -> RuleCase:
    """An embedded case that must give no finding."""
    return RuleCase(sample_report(edits, prose), passes=True)


def failing(*expect: str, edits: Mapping[str, str] | None = None, prose: str | None = None) -> RuleCase:
    """An embedded case that must give exactly ``expect`` (``CODE:LINE`` entries)."""
    return RuleCase(sample_report(edits, prose), passes=False, expect=expect)
