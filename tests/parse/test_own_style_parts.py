"""Parts numbered in a style of the report's own, or not at all, are still the six parts.

Real layouts: "（一）总体情况" … "（六）其他需要报告的事项" for the parts; "总体情况" alone on a line
where Word's automatic numbering was lost on the way to the web page (大田乡人民政府2020年报告,
ganxian.gov.cn). A line that merely names a part inside a numbered outline stays prose.
"""

from __future__ import annotations

import pytest

from reportlint.parse.document import parse_text

TITLES = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
NUMERALS = "一二三四五六"


def _report(numbering: str) -> str:
    parts = "".join(
        f"{numbering.format(n=NUMERALS[i])}{title}\n本部分的内容在此。\n" for i, title in enumerate(TITLES)
    )
    return f"某某乡人民政府2023年政府信息公开工作年度报告\n{parts}"


@pytest.mark.parametrize("numbering", ["", "（{n}）", "({n})"])
def test_the_six_parts_are_found(numbering: str) -> None:
    report = parse_text(_report(numbering))
    assert [s.key for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.heading.title for s in report.sections] == list(TITLES)
    assert [s.heading.span.line for s in report.sections] == [2, 4, 6, 8, 10, 12]


def test_a_bracketed_item_of_another_number_is_no_part() -> None:
    # "（一）主动公开政府信息情况" under 一 is its first item; only two parts would be left.
    title = "某某乡人民政府2023年政府信息公开工作年度报告\n"
    text = title + "（一）总体情况\n（一）主动公开政府信息情况\n（二）其他\n"
    report = parse_text(text)
    assert [s.key for s in report.sections if s.heading is not None] == []


def test_a_bare_title_line_in_a_numbered_outline_stays_prose() -> None:
    text = _report("{n}、").replace("本部分的内容在此。\n", "本部分的内容在此。\n总体情况\n", 1)
    report = parse_text(text)
    assert [s.key for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[0].paragraphs[-1].text == "总体情况"
