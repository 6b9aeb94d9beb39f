"""A figure changed in a printed PDF gives the sum errors at that cell, and only those.

``000-chromium-changed.pdf`` is seed 000's web page printed by headless Chromium with
一、本年新收 / 自然人 changed from 0 to 5. ``000-libreoffice-changed.pdf`` is seed 000's published-style
.docx exported by LibreOffice with 自然人 of "5.要求行政机关确认或重新出具已获取信息" changed from 0 to
3: the row the page break cuts, its figures on page 2 and the end of its label on page 3 under
the repeated table heading. (That every printed PDF of every seed gives the tables and findings
of the seed text is tests/load/test_cross_format.py.)
"""

from __future__ import annotations

from typing import Any

import pytest
from layout_reading import fixture_bytes

from reportlint.api import lint_document
from reportlint.load import SourceDocument, load_bytes
from reportlint.plugins.host import PluginHost, create_host

TABLE = ("三、收到和处理政府信息公开申请情况", "表三")


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _findings(document: SourceDocument, host: PluginHost) -> set[tuple[Any, ...]]:
    result = lint_document(document, host)
    return {(d.code, d.locator, d.expected, d.actual, document.origin_of(d.line)) for d in result.diagnostics}


def _printed(host: PluginHost, name: str) -> SourceDocument:
    return load_bytes(f"{name}.pdf", fixture_bytes(f"{name}.pdf"), host)


def _new(host: PluginHost, name: str) -> list[tuple[Any, ...]]:
    before = _findings(_printed(host, name), host)
    after = _findings(_printed(host, f"{name}-changed"), host)
    assert {finding[:4] for finding in before} - {finding[:4] for finding in after} == set()
    return sorted(
        (code, locator, expected, actual, origin.page if origin else None)
        for code, locator, expected, actual, origin in after - before
    )


def test_a_figure_changed_in_the_browser_print_gives_the_sum_errors_at_that_cell(host: PluginHost) -> None:
    assert [finding[:2] for finding in _new(host, "000-chromium")] == [
        ("NU001", (*TABLE, "（七）总计", "自然人")),
        ("NU002", (*TABLE, "一、本年新收政府信息公开申请数量", "总计")),
    ]


def test_a_figure_changed_in_the_row_cut_by_the_page_break_is_found_in_that_row(host: PluginHost) -> None:
    # seed 000's table 三 is all 0: the row's applicants now add to 3 (its 总计 says 0), and the
    # results' 自然人 to 3 (（七）总计 on page 3 says 0); 一 + 二 = 三 + 四 still holds as written
    assert _new(host, "000-libreoffice") == [
        ("NU002", (*TABLE, "5.要求行政机关确认或重新出具已获取信息", "总计"), "3", "0", 2),
        ("NU003", (*TABLE, "（七）总计", "自然人"), "3", "0", 3),
    ]
