"""Pages as users really hand them over: saved by a browser, declared in one charset and written
in another, named .htm, or holding the report in an iframe's ``srcdoc``."""

from __future__ import annotations

import html

from test_html_title import BODY, TITLE, TRS, page

from reportlint.load import load_bytes
from reportlint.load.html import load_html
from reportlint.plugins.host import create_host

# What "Save as: Web page, complete" writes before the page: the address it was saved from.
SAVED_FROM = "<!-- saved from url=(0093)http://www.example.gov.cn/zwgk/ndbg/202401/t20240125_1.html -->\n"
# 镕 and 瑢 are GBK characters outside GB2312: a page declared GB2312 is really GBK.
GBK_ONLY = "镕瑢县人民政府2023年政府信息公开工作年度报告"


def saved(meta: str, title: str = TITLE) -> str:
    return SAVED_FROM + TRS.decode().replace("<head>", f"<head>{meta}").replace(TITLE, title)


def first_line(data: bytes, name: str = "saved.html") -> str:
    return load_html(data, name).text.split("\n")[0]


def test_browser_saved_utf8_page_is_read() -> None:
    data = saved('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">').encode()
    assert first_line(data) == TITLE


def test_browser_saved_gbk_page_is_read_from_its_meta_charset() -> None:
    data = saved('<meta http-equiv="Content-Type" content="text/html; charset=gbk">').encode("gbk")
    document = load_html(data, "saved.html")
    assert document.encoding == "gb18030"
    assert document.text.split("\n")[0] == TITLE


def test_gb2312_declared_over_gbk_bytes_reads_the_gbk_characters() -> None:
    data = saved('<meta charset="gb2312">', GBK_ONLY).encode("gbk")
    assert first_line(data) == GBK_ONLY


def test_utf8_bytes_under_an_old_gb2312_meta_tag_are_read_as_utf8() -> None:
    data = saved('<meta charset="gb2312">').encode("utf-8")
    document = load_html(data, "resaved.html")
    assert document.encoding == "utf-8"
    assert document.text.split("\n")[0] == TITLE


def test_htm_file_is_read_as_a_web_page() -> None:
    document = load_bytes("report.htm", TRS, create_host(load_entry_points=False))
    assert document.format == "html"
    assert document.text.split("\n")[:2] == [TITLE, "一、总体情况"]


def test_report_inside_an_iframe_srcdoc_is_read() -> None:
    viewer = page(
        "<title>查看</title>",
        f'<div class="nav">首页</div><iframe srcdoc="{html.escape(TRS.decode())}"></iframe>',
    )
    assert load_html(viewer, "viewer.html").text.split("\n")[:2] == [TITLE, "一、总体情况"]


def test_srcdoc_of_an_iframe_inside_a_srcdoc_is_read_too() -> None:
    inner = page("", f'<iframe srcdoc="{html.escape(TRS.decode())}"></iframe>').decode()
    outer = page("", f'<iframe srcdoc="{html.escape(inner)}"></iframe>')
    assert first_line(outer) == TITLE


def test_a_page_with_its_report_in_the_body_ignores_an_iframe() -> None:
    other = page("", "<div><p>一、总体情况</p><p>" + "另一份报告的内容。" * 40 + "</p></div>").decode()
    data = page("", f'<div>{BODY}</div><iframe srcdoc="{html.escape(other)}"></iframe>')
    assert "另一份报告" not in load_html(data, "p.html").text
