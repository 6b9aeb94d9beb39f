"""The .html loader: report body without page chrome, encodings, spanned table cells."""

from __future__ import annotations

import codecs

import pytest
from layout_reading import SEED_STEMS, fixture_bytes, prose_lines, read_tables, seed_text, squeezed

from reportlint.load.html import load_html
from reportlint.load.source import InputError

REPORT_PROSE = "<p>一、总体情况</p><p>" + "本机关依照条例做好政府信息公开工作。" * 12 + "</p>"


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_html_of_each_seed_has_the_seed_prose_and_tables(stem: str) -> None:
    document = load_html(fixture_bytes(f"{stem}.html"), f"{stem}.html")
    seed = seed_text(stem)
    assert prose_lines(document.text) == prose_lines(seed)
    assert squeezed(read_tables(document.text)) == squeezed(read_tables(seed))


def test_page_chrome_and_metadata_table_are_left_out() -> None:
    page = fixture_bytes("000.html").decode("utf-8")
    for chrome in ("登录", "索引号", "发布机构", "当前位置", "ICP备案号", "分享到", "访问量统计", "办事服务"):
        assert chrome in page  # the page really has it ...
    text = load_html(page.encode("utf-8"), "000.html").text
    for chrome in ("登录", "索引号", "发布机构", "当前位置", "ICP备案号", "分享到", "访问量统计", "办事服务"):
        assert chrome not in text  # ... and the report text does not


def test_gbk_page_is_decoded_from_its_meta_charset() -> None:
    data = fixture_bytes("001.html")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    document = load_html(data, "001.html")
    assert document.encoding == "gb18030"
    assert "巴楚县" in document.text


def test_bom_decides_the_encoding_even_against_the_meta_tag() -> None:
    page = f'<html><head><meta charset="gbk"></head><body><div>{REPORT_PROSE}</div></body></html>'
    document = load_html(codecs.BOM_UTF8 + page.encode("utf-8"), "bom.html")
    assert document.encoding == "utf-8-sig"
    assert document.text.split("\n")[0] == "一、总体情况"


def test_rowspan_and_colspan_give_each_cell_once_and_blanks_below() -> None:
    table = (
        "<table><tr><td rowspan='2' colspan='2'>三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>"
        "<tr><td>（二）部分公开</td><td>1</td></tr>"
        "<tr><td>四、结转</td><td>合计</td><td colspan='2'>无</td></tr></table>"
    )
    document = load_html(f"<html><body><div>{REPORT_PROSE}{table}</div></body></html>".encode(), "t.html")
    assert read_tables(document.text) == [
        [
            ["三、本年度办理结果", "（一）予以公开", "5"],
            ["", "（二）部分公开", "1"],
            ["四、结转", "合计", "无"],
        ]
    ]
    lines = document.text.split("\n")
    origin = document.origin_of(lines.index("\t（二）部分公开") + 1)
    assert origin is not None and origin.description == "表1 第2行 第2列"


def test_page_without_a_report_is_io003() -> None:
    page = (
        "<html><body><nav>首页 政务公开</nav><div class='list'><a href='/1'>通知公告</a></div></body></html>"
    )
    with pytest.raises(InputError) as caught:
        load_html(page.encode("utf-8"), "list.html")
    assert caught.value.code == "IO003"
    assert "没有找到年度报告正文" in caught.value.message


def test_report_inside_a_chrome_named_layout_container_is_kept() -> None:
    # Old sites wrap everything in one layout table that also holds the 索引号 metadata, or
    # give the content column a class such as "main-side": the report must survive.
    page = (
        "<html><body><table class='wrap'><tr><td>索引号：123</td><td>发布机构：县政府</td></tr>"
        f"<tr><td colspan='2'><div class='main-side'>{REPORT_PROSE}</div></td></tr></table>"
        "<div class='footer'>网站标识码：001</div></body></html>"
    )
    text = load_html(page.encode("utf-8"), "old.html").text
    assert "一、总体情况" in text
    assert "本机关依照条例做好政府信息公开工作。" in text
    assert "网站标识码" not in text


def test_location_and_article_tool_lines_inside_the_content_are_dropped() -> None:
    page = (
        "<html><body><div class='content'><div>当前位置：首页 &gt; 政务公开 &gt; 年报</div>"
        "<div>【字体：大 中 小】</div>"
        f"{REPORT_PROSE}<p>【打印本页】</p><p>【关闭窗口】</p></div></body></html>"
    )
    lines = load_html(page.encode("utf-8"), "tools.html").text.split("\n")
    assert lines[0] == "一、总体情况"
    assert lines[1].startswith("本机关依照条例")
    assert all(line == "" for line in lines[2:])
