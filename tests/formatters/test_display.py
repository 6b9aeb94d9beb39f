"""Display width and caret placement for Chinese text, and escaping helpers of the formats."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reportlint.formatters.display import caret_line, display_width, excerpt, expand_tabs, use_colour
from reportlint.formatters.github import escape_data, escape_property
from reportlint.formatters.junit import xml_text


def test_wide_and_fullwidth_characters_take_two_columns() -> None:
    assert display_width("总计") == 4
    assert display_width("１２３") == 6  # full-width digits
    assert display_width("ab（c）") == 7
    assert display_width("e\u0301") == 1  # e + combining acute accent


def test_tabs_expand_to_the_next_stop_by_display_width() -> None:
    assert expand_tabs("\tx") == "    x"
    assert expand_tabs("总\tx") == "总  x"  # 总 fills two of the four columns


def test_caret_sits_under_the_cell_after_chinese_text() -> None:
    line = "（七）总计\t12\t3"
    # 12 is code points 7–8 (1-based); before it: （七）总计 = 10 columns, tab to 12.
    assert caret_line(line, 7, 9) == " " * 12 + "^^"


def test_empty_or_past_the_end_span_still_gets_one_caret() -> None:
    assert caret_line("总计", 3, 3) == "    ^"


def test_colour_rules() -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    assert use_colour(Terminal(), {}) is True  # type: ignore[arg-type]
    assert use_colour(Terminal(), {"NO_COLOR": "1"}) is False  # type: ignore[arg-type]
    assert use_colour(object(), {"FORCE_COLOR": "1"}) is True  # type: ignore[arg-type]
    assert use_colour(object(), {}) is False  # type: ignore[arg-type]


def test_github_escaping_follows_the_runner_rules() -> None:
    assert escape_data("100%\r\n下一行") == "100%25%0D%0A下一行"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_junit_text_drops_characters_xml_cannot_hold() -> None:
    element = ET.Element("failure", message=xml_text("坏\x00字\x1b符"))
    parsed = ET.fromstring(ET.tostring(element))
    assert parsed.get("message") == "坏\ufffd字\ufffd符"


def test_long_lines_are_shown_as_a_window_around_the_span() -> None:
    line = "前" * 150 + "2022年1月1日" + "后" * 150
    column = 151
    shown, start, end = excerpt(line, column, column + 9, width=60)
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[start - 1 : end - 1] == "2022年1月1日"
    assert display_width(shown) <= 60 + 4


def test_short_lines_are_shown_whole() -> None:
    assert excerpt("一、总体情况", 1, 3) == ("一、总体情况", 1, 3)
