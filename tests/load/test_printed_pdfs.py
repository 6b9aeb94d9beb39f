"""PDFs printed by a real program, fonts embedded as in published files, read like the seed text.

``NNN-chromium.pdf`` is the seed's web page (NNN.html, colspan/rowspan merges) printed by
headless Chromium: every cell border a thin filled rectangle, no cell drawn as a box, so the
cells come from the grid of ruling lines. ``000-chromium-changed.pdf`` is the same page with
one figure changed (一、本年新收 / 自然人: 0 → 5).
"""

from __future__ import annotations

from typing import Any

import pytest
from layout_reading import fixture_bytes
from test_cross_format import _load, outline_facts, table_facts

from reportlint.api import lint_document
from reportlint.load import SourceDocument, load_bytes
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host

PRINTED = ("000-chromium", "003-chromium")


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _findings(document: SourceDocument, host: PluginHost) -> list[tuple[Any, ...]]:
    result = lint_document(document, host)
    return sorted((d.code, d.name, d.locator, d.expected, d.actual) for d in result.diagnostics)


def _printed(host: PluginHost, name: str) -> SourceDocument:
    return load_bytes(f"{name}.pdf", fixture_bytes(f"{name}.pdf"), host)


@pytest.mark.parametrize("name", PRINTED)
def test_printed_pdf_has_the_tables_and_findings_of_the_text(host: PluginHost, name: str) -> None:
    text = _load(host, name[:3], "txt")
    printed = _printed(host, name)
    assert table_facts(parse_document(printed)) == table_facts(parse_document(text))
    assert (
        outline_facts(parse_document(printed))["sections"] == outline_facts(parse_document(text))["sections"]
    )
    assert _findings(printed, host) == _findings(text, host)


def test_one_changed_cell_gives_the_sum_errors_at_that_cell(host: PluginHost) -> None:
    before = set(_findings(_printed(host, "000-chromium"), host))
    after = set(_findings(_printed(host, "000-chromium-changed"), host))
    new = sorted((code, locator) for code, _, locator, _, _ in after - before)
    table = ("三、收到和处理政府信息公开申请情况", "表三")
    assert new == [
        ("NU001", (*table, "（七）总计", "自然人")),
        ("NU002", (*table, "一、本年新收政府信息公开申请数量", "总计")),
    ]
    assert before - after == set()
