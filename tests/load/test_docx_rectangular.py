"""A Word table is a rectangular grid: rows padded with empty cells read like the seed text.

Word and WPS keep every row of a table as wide as the widest one, so a row the template writes
with fewer cells carries trailing empty cells. Padding every row of each seed's .docx table to
the grid's width must not change a single finding (seed 004's stray "0" is still found).
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from layout_reading import SEED_STEMS, fixture_bytes
from test_cross_format import _load

from reportlint.api import lint_document
from reportlint.load import SourceDocument, load_bytes
from reportlint.plugins.host import PluginHost, create_host


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _width(row: Any) -> int:
    total = 0
    for cell in row.findall(qn("w:tc")):
        span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        total += int(span.get(qn("w:val"))) if span is not None else 1
    return total


def padded_docx(data: bytes) -> tuple[bytes, int]:
    """The .docx as Word builds it from rows of different lengths: a row's last cell no longer
    widened (gridSpan) to the grid, the row padded with empty cells instead; and how many cells
    were added."""
    document = Document(io.BytesIO(data))
    added = 0
    for table in document.element.body.iter(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        width = max(_width(row) for row in rows)
        for row in rows:
            last = row.findall(qn("w:tc"))[-1]
            span = last.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            if span is not None:
                span.getparent().remove(span)
            for _ in range(width - _width(row)):
                cell = OxmlElement("w:tc")
                cell.append(OxmlElement("w:p"))
                row.append(cell)
                added += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), added


def _findings(document: SourceDocument, host: PluginHost) -> list[tuple[Any, ...]]:
    return sorted(
        (d.code, d.locator, d.expected, d.actual) for d in lint_document(document, host).diagnostics
    )


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_padded_word_table_gives_the_findings_of_the_text(host: PluginHost, stem: str) -> None:
    data, added = padded_docx(fixture_bytes(f"{stem}.docx"))
    if stem != "003":  # seed 003 has no tables
        assert added > 0
    expected = _findings(_load(host, stem, "txt"), host)
    assert _findings(load_bytes(f"{stem}.docx", data, host), host) == expected
    if stem == "004":
        assert any(code.startswith("ST") for code, *_ in expected)  # the stray "0" is a finding
