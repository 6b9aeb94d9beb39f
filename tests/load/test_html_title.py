"""The article title of a CMS page is the report's title; the source/date line around it is not.

Each page below is written in the shape one family of government CMS gives its article pages
(TRS / 拓尔思, 政府网站集约化平台, 大汉 Hanweb, 开普云): the title above a source/date/views line
and the report in a content element, or the title only in the head. The real Pingtan pages are
tests/fixtures/corpus_full/pingtan-*.html (source in SOURCE.md there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.api import lint_bytes
from reportlint.load.html import load_html

TITLE = "某某县人民政府2023年政府信息公开工作年度报告"
BODY = (
    "<p>一、总体情况</p><p>" + "本机关依照条例做好政府信息公开工作。" * 12 + "</p>"
    "<p>二、主动公开政府信息情况</p><p>" + "主动公开各类政府信息。" * 4 + "</p>"
)
CORPUS_FULL = Path(__file__).parent.parent / "fixtures" / "corpus_full"
# What the page wraps around the report on every shape: none of it is report text.
INFO_WORDS = ("来源", "发布时间", "发布日期", "浏览次数", "字号", "打印", "关闭")


def page(head: str, body: str) -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


TRS = page(
    "<title>某某县人民政府</title>",
    '<div class="breadcrumb">当前位置：首页 > 政务公开 > 年报</div>'
    f'<div class="article_title_group"><div class="article_title">\n  {TITLE}\n</div></div>'
    '<div class="article_extend"><span class="article_source">来源：某某县人民政府办公室</span>'
    '<span class="article_time">时间：2024-01-25 15:35</span></div>'
    f'<div class="article_content"><div class="TRS_Editor">{BODY}</div></div>',
)
JIYUEHUA = page(
    "<title>某某县人民政府门户网站</title>",
    f'<div class="detail"><h1 class="detail-title">{TITLE}</h1>'
    '<div class="detail-info"><span>发布日期：2024-01-20</span><span>来源：县政府办</span>'
    "<span>浏览次数：123</span><span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>"
    f'<div class="detail-content">{BODY}</div><div class="tools">【打印】【关闭】</div></div>',
)
HANWEB = page(
    "<title>某某县人民政府</title>",
    f'<table width="100%"><tr><td class="title" align="center">{TITLE}</td></tr>'
    "<tr><td>发布日期：2024-01-20　浏览次数：88　字号：[ 大 中 小 ]　【打印】【关闭】</td></tr>"
    f'<tr><td id="zoom">{BODY}</td></tr></table>',
)
# 开普云 and others put the title and the info line inside the content element itself.
INSIDE = page(
    "<title>某某县人民政府</title>",
    f'<div class="content"><h2>{TITLE}</h2><p>来源：县政府办 发布时间：2024-01-20 浏览次数：12</p>'
    f"<p>字号：大 中 小</p>{BODY}<p>【打印】【关闭】</p></div>",
)
IN_TITLE_TAG = page(f"<title>{TITLE}_某某县人民政府</title>", f'<div class="zw">{BODY}</div>')
IN_ARTICLE_META = page(
    f'<title>某某县人民政府</title><meta name="ArticleTitle" content="{TITLE}">', f"<div>{BODY}</div>"
)
IN_OG_META = page(
    f'<title>首页 | 某某县</title><meta property="og:title" content="{TITLE}">', f"<div>{BODY}</div>"
)
SHAPES = {
    "trs": TRS,
    "jiyuehua": JIYUEHUA,
    "hanweb": HANWEB,
    "inside": INSIDE,
    "title-tag": IN_TITLE_TAG,
    "article-meta": IN_ARTICLE_META,
    "og-meta": IN_OG_META,
}


def codes(data: bytes, name: str = "page.html") -> list[str]:
    return [d.code for d in lint_bytes(name, data).diagnostics]


@pytest.mark.parametrize("shape", SHAPES)
def test_article_title_is_the_first_line_and_the_info_line_is_left_out(shape: str) -> None:
    text = load_html(SHAPES[shape], f"{shape}.html").text
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines[0] == TITLE
    assert lines[1] == "一、总体情况"
    assert text.count(TITLE) == 1
    for word in INFO_WORDS:
        assert word not in text


@pytest.mark.parametrize("shape", SHAPES)
def test_a_page_whose_title_is_in_its_article_block_or_head_gets_no_cp002(shape: str) -> None:
    assert "CP002" not in codes(SHAPES[shape])


def test_the_same_page_without_any_title_still_gets_cp002() -> None:
    untitled = page("<title>某某县人民政府</title>", f'<div class="zw">{BODY}</div>')
    assert load_html(untitled, "u.html").text.startswith("一、总体情况")
    assert "CP002" in codes(untitled)


def test_links_to_other_reports_above_the_body_are_not_its_title() -> None:
    listing = (
        '<ul class="list"><li><a href="1.html">某某县人民政府2022年政府信息公开工作年度报告</a></li>'
        '<li><a href="2.html">某某县人民政府2021年政府信息公开工作年度报告</a></li></ul>'
    )
    text = load_html(page(f"<title>{TITLE}_某某县</title>", f"{listing}<div>{BODY}</div>"), "l.html").text
    assert text.split("\n")[0] == TITLE
    assert "2022年" not in text


def test_a_sentence_above_the_body_is_not_a_title() -> None:
    notice = "<p>本网站发布的年度报告，以正式文本为准。</p>"
    text = load_html(page("<title>某某县</title>", f"{notice}<div>{BODY}</div>"), "n.html").text
    assert text.split("\n")[0] == "一、总体情况"


def test_a_body_with_its_own_title_gets_no_second_one() -> None:
    own = page(
        f"<title>{TITLE}_某某县</title>",
        f'<div class="article_title">{TITLE}</div><div class="zw"><p>{TITLE}</p>{BODY}</div>',
    )
    assert load_html(own, "o.html").text.count(TITLE) == 1


@pytest.mark.parametrize("year", ["2021", "2024"])
def test_real_cms_page_keeps_its_title_and_gets_no_cp002(year: str) -> None:
    data = (CORPUS_FULL / f"pingtan-{year}.html").read_bytes()
    title = f"平潭综合实验区{year}年度政府信息公开工作年度报告"
    assert f'<meta name="ArticleTitle" content="{title}"/>'.encode() in data
    document = load_html(data, "pingtan.html")
    assert document.text.split("\n")[0] == title
    assert document.origins[0] is not None and "标题" in document.origins[0].description
    assert "来源：平潭综合实验区" not in document.text  # the source line under the title
    assert "CP002" not in codes(data, f"pingtan-{year}.html")
