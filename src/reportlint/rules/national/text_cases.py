"""Shared pieces of the text rules' embedded cases: a minimal well-formed report around a snippet."""

from __future__ import annotations

SECTIONS = (
    "一、总体情况\n本机关认真贯彻落实政府信息公开条例。\n"
    "二、主动公开政府信息情况\n本年度主动公开政府信息。\n"
    "三、收到和处理政府信息公开申请情况\n本年度共收到申请0件。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议。\n"
    "五、存在的主要问题及改进情况\n存在的问题有待改进。\n"
    "六、其他需要报告的事项\n本年度没有产生信息处理费。\n"
)
PERIOD = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"


def report_text(
    title: str = "某某县人民政府2023年政府信息公开工作年度报告",
    *,
    preamble: str = PERIOD,
    body: str = SECTIONS,
    ending: str = "",
) -> str:
    """A report for an embedded case: title, preamble, the six sections, then ``ending``."""
    return f"{title}\n{preamble}{body}{ending}"


def with_table_two(table: str, title: str = "某某县人民政府2023年政府信息公开工作年度报告") -> str:
    """A report for ``title``'s year whose section 二 holds ``table`` (lines of a pipe table)."""
    year = next((title[i : i + 4] for i in range(len(title) - 3) if title[i : i + 4].isdigit()), "2023")
    period = f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n"
    body = SECTIONS.replace("二、主动公开政府信息情况\n", f"二、主动公开政府信息情况\n{table}", 1)
    return report_text(title, preamble=period, body=body)
