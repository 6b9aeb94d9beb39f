"""A title printed over two lines is one title, wherever the line breaks its phrase.

Published pages break long titles where the width runs out, also inside the phrase:
"西咸新区底张街道办事处2023年度政府" / "信息公开工作年度报告" (xixianxinqu.gov.cn, 2023).
"""

from __future__ import annotations

import pytest

from reportlint.parse.document import parse_text

TITLE = "某某街道办事处2023年度政府信息公开工作年度报告"
BODY = (
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
    "一、总体情况\n2023年，本街道认真贯彻落实条例。\n"
)
PHRASE_AT = TITLE.index("政府信息公开")


@pytest.mark.parametrize("cut", range(PHRASE_AT, len(TITLE) - 2))
def test_a_title_broken_inside_its_phrase_is_one_title(cut: int) -> None:
    report = parse_text(f"{TITLE[:cut]}\n{TITLE[cut:]}\n{BODY}")
    assert report.title is not None
    assert report.title.text == TITLE
    assert (report.title.span.line, report.title.span.end_line) == (1, 2)
    assert (report.title.body, report.title.year) == ("某某街道办事处", 2023)


@pytest.mark.parametrize("year_line", ["2024年政府信息公开工作年度报告", "2024 年政府信息公开工作年度报告"])
def test_a_body_alone_above_the_year_and_title_is_the_title_body(year_line: str) -> None:
    # The title page of a published PDF (hzq-2024.pdf as pdftotext -layout gives it): the body
    # centred on its own line, then the year and the title.
    report = parse_text(f"         淮安市洪泽区人民政府\n    {year_line}\n\n{BODY.replace('2023', '2024')}")
    assert report.title is not None
    assert (report.title.span.line, report.title.span.end_line) == (1, 2)
    assert (report.title.body, report.title.year) == ("淮安市洪泽区人民政府", 2024)


def test_a_sentence_above_a_title_is_not_its_body() -> None:
    report = parse_text(f"本报告由区政府办公室编制。\n2024年政府信息公开工作年度报告\n{BODY}")
    assert report.title is not None
    assert report.title.span.line == 2 and report.title.body is None


def test_a_menu_ending_in_a_report_word_is_chrome_above_the_title() -> None:
    # A web page printed with its navigation (LibreOffice's PDF of pingtan-2021.html): a menu
    # line ends in "…政府工作报告公示公告" before the report's own title.
    text = (
        "•首页\n政府信息公开领导之窗政府机构要闻政府会议最新文件政策文件库政府工作报告公示公告\n"
        f"当前位置：首页 > 政务公开\n{TITLE}\n来源：某某街道办事处 时间：2024-01-08\n{BODY}"
    )
    report = parse_text(text)
    assert report.title is not None
    assert report.title.text == TITLE and report.title.span.line == 4
    assert [n.text for n in report.noise if n.kind == "page-chrome"][:2] == [
        "•首页",
        "政府信息公开领导之窗政府机构要闻政府会议最新文件政策文件库政府工作报告公示公告",
    ]
