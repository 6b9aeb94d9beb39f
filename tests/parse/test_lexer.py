"""Line classification: headings versus table labels, noise, sub-headings, dates."""

from __future__ import annotations

import pytest

from reportlint.parse.dates import find_period, line_dates
from reportlint.parse.document import _skeleton, parse_text
from reportlint.parse.lexer import lex
from reportlint.parse.textlines import split_lines


def _kinds(text: str) -> str:
    return lex(split_lines(text)).codes


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("一、总体情况", 1),
        ("一、总体情况、", 1),  # stray trailing 、
        ("五.存在的主要问题及改进情况", 5),
        ("5、 存在的主要问题及改进情况", 5),
        ("5.存在的主要问题及改进情况", 5),
        ("三、依申请公开政府信息情况", 3),
        ("六、其他需要报告事项", 6),
        ("四、政府信息公开行政复议和行政诉讼情况", 4),
        ("一、概述", 1),
        ("第二部分 主动公开政府信息情况", 2),
    ],
)
def test_section_headings_with_real_wording(line: str, key: int) -> None:
    report = parse_text(line)
    assert [s.key for s in report.sections] == [key]


@pytest.mark.parametrize(
    "line",
    [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
        "1、依申请公开情况:目前我乡尚未收到政府信息公开申请。",  # a list item, not section 三
        "一是严格落实信息审核发布制度。",
    ],
)
def test_numbered_lines_that_are_not_section_headings(line: str) -> None:
    assert "H" not in _kinds(line) and "K" not in _kinds(line)


def test_table_row_labels_inside_table_three_stay_table_lines() -> None:
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "自然人",
            "（一）予以公开",
            "0",
            "（三）不予公开",
            "四、结转下年度继续办理",
            "0",
        ]
    )
    assert _kinds(text) == "KTTTTTT"
    report = parse_text(text)
    assert report.sections[0].subheadings == ()
    assert report.sections[0].tables == ("三",)


def test_prose_before_a_table_stays_prose() -> None:
    text = "二、主动公开政府信息情况\n2017年，主动公开政府工作信息、动态755条。\n第二十条第（一）项\n规章"
    assert _kinds(text) == "KPTT"


def test_bookmark_marker_is_stripped_and_the_rest_classified() -> None:
    lexed = lex(split_lines("[bookmark: _GoBack]一、总体情况"))
    assert lexed.codes == "H"
    assert lexed.tokens[0].start == len("[bookmark: _GoBack]")
    assert [(n.kind, n.text, n.span.column) for n in lexed.noise] == [
        ("docx-bookmark", "[bookmark: _GoBack]", 1)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "登录| 注册",
        "无障碍",
        "按回车键在新窗口打开无障碍说明页面,按Ctrl+~键打开导盲模式。",
        "【字体：大 中 小】 打印",
        "来源:原创     发布时间:2023-01-31 13:24",
        "索 引 号 | 123 | 发布机构 | 某县政府 |",
        "|" * 300,
        "⠁⠃⠉⠙⠑",
    ],
)
def test_page_chrome_is_noise(line: str) -> None:
    assert _kinds(line) == "N"


def test_short_filler_pipes_are_table_lines_not_noise() -> None:
    assert _kinds("|||") == "T"


def test_subheading_title_ends_at_the_full_stop_and_the_rest_is_prose() -> None:
    report = parse_text("一、总体情况\n（一）积极推动主动公开。2023年，共公开信息12条。")
    section = report.sections[0]
    assert [(h.numbering, h.title, h.level) for h in section.subheadings] == [
        ("（一）", "积极推动主动公开", 2)
    ]
    assert [p.span.line for p in section.paragraphs] == [2]


def test_dates_as_written() -> None:
    (line,) = split_lines("自2023年1月1日起至12月31日止，20231月1日，2024-01-26")
    dates = line_dates(line)
    assert [(d.text, d.year, d.month, d.day, d.well_formed) for d in dates] == [
        ("2023年1月1日", 2023, 1, 1, True),
        ("12月31日", None, 12, 31, True),
        ("20231月1日", 2023, 1, 1, False),
        ("2024-01-26", 2024, 1, 26, True),
    ]
    assert dates[0].span.column == 2


def test_full_width_digits_in_dates_are_read_and_quoted_as_written() -> None:
    (line,) = split_lines("统计期限为２０２３年１月１日至２０２３年１２月３１日。")
    period = find_period(line)
    assert period is not None and period.start is not None and period.end is not None
    assert (period.start.text, period.start.year) == ("２０２３年１月１日", 2023)
    assert (period.end.month, period.end.day) == (12, 31)


def test_period_needs_a_keyword_or_a_whole_year_range() -> None:
    (line,) = split_lines("2023年3月1日至3月5日开展培训。")
    assert find_period(line) is None
    (line,) = split_lines("全文数据从2023年1月1日到12月31日止。")
    period = find_period(line)
    assert period is not None and period.end is not None and period.end.year is None


def test_signature_body_and_date_at_the_end() -> None:
    lines = ["某县2023年政府信息公开工作年度报告", "六、其他需要报告的事项", "无。", "某县人民政府办公室", ""]
    report = parse_text("\n".join([*lines, "2024年1月18日 "]))
    assert _kinds(report.text) == "IHPGBD"
    assert report.signature_body == "某县人民政府办公室"
    assert report.signature_date is not None and report.signature_date.span.line == 6
    assert report.sections[0].paragraphs[0].text == "无。"


def test_unexpected_token_order_falls_back_instead_of_failing() -> None:
    tree = _skeleton("DGICUHP")
    assert [child.data for child in tree.children] == ["front", "section"]


def test_empty_and_blank_text_give_an_empty_report() -> None:
    for text in ("", "\n\n  \n"):
        report = parse_text(text)
        assert report.title is None and report.sections == () and report.year is None
        assert report.year_source == "none"


def test_section_heading_followed_by_prose_on_the_same_line() -> None:
    report = parse_text("一、总体情况。2023年，本机关共公开信息12条。")
    (section,) = report.sections
    assert (section.key, section.heading.title) == (1, "总体情况")
    assert [p.text for p in section.paragraphs] == ["一、总体情况。2023年，本机关共公开信息12条。"]
    assert report.year == 2023


def test_signature_date_in_chinese_numerals() -> None:
    report = parse_text("六、其他需要报告的事项\n无。\n某县人民政府办公室\n二〇二四年一月十八日")
    date = report.signature_date
    assert date is not None
    assert (date.text, date.year, date.month, date.day, date.span.line) == (
        "二〇二四年一月十八日",
        2024,
        1,
        18,
        4,
    )
    (line,) = split_lines("二○二三年十二月三十一日")
    assert [(d.year, d.month, d.day) for d in line_dates(line)] == [(2023, 12, 31)]
