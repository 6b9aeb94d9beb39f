"""Published PDFs in the page layouts real publishers use read like the report's text.

Fixtures (made by scripts/make_format_fixtures.py ``write_layout_variants``, see SOURCE.md):
``NNN-chromium-spaced.pdf``, the web page with ``<table border="1">`` alone, printed by Chromium:
the browser keeps 2 px between cells, so every cell is a frame of its own, apart from its
neighbours and from the table's frame; ``000-chromium-landscape.pdf``, the page printed on
landscape A4; ``004-libreoffice-landscape.pdf``, a .docx with table 三 in a landscape section
between portrait ones (pages of two sizes in one file), exported by LibreOffice;
``000-libreoffice-narrow-blank.pdf``, a .docx with label columns four characters
wide (row labels wrap over three lines and more) and table 三's zeros left empty, exported by
LibreOffice: a blank row with a three-line label once gave a false CP010.
"""

from __future__ import annotations

import itertools
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from layout_reading import FORMATS_DIR, fixture_bytes, read_tables, seed_text
from test_cross_format import outline_facts, table_facts

from reportlint.api import lint_document
from reportlint.load import SourceDocument, load_bytes
from reportlint.load.pdf_grid import Box, grid_rows, in_tables, snapped
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _findings(document: SourceDocument, host: PluginHost) -> list[tuple[Any, ...]]:
    result = lint_document(document, host)
    return sorted((d.code, d.name, d.locator, d.expected, d.actual) for d in result.diagnostics)


def _same_as_text(printed: SourceDocument, text: SourceDocument, host: PluginHost) -> None:
    assert table_facts(parse_document(printed)) == table_facts(parse_document(text))
    assert outline_facts(parse_document(printed)) == outline_facts(parse_document(text))
    assert _findings(printed, host) == _findings(text, host)


def _rule_rows(name: str, page_index: int) -> list[float]:
    """Heights (y) of the thin horizontal rules a page draws, lowest first."""
    page = pdfium.PdfDocument(FORMATS_DIR / name)[page_index]
    heights = []
    for path in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2):
        left, bottom, right, top = path.get_bounds()
        if top - bottom < 2 and right - left > 20:
            heights.append(round((top + bottom) / 2, 2))
    return sorted(set(heights))


@pytest.mark.parametrize("stem", ["000", "001"])
def test_cells_drawn_apart_as_boxes_of_their_own_read_as_one_grid(host: PluginHost, stem: str) -> None:
    name = f"{stem}-chromium-spaced.pdf"
    # the fixture really draws each row's cells apart from the next row's: the bottom of one row
    # and the top of the next are two rules about 2.25 pt apart, not one line
    heights = _rule_rows(name, 1)
    gaps = [high - low for low, high in itertools.pairwise(heights)]
    assert sum(1.6 < gap < 4.0 for gap in gaps) >= 5
    printed = load_bytes(name, fixture_bytes(name), host)
    text = load_bytes("seed.txt", seed_text(stem).encode("utf-8"), host)
    _same_as_text(printed, text, host)


def test_a_landscape_print_reads_like_the_text(host: PluginHost) -> None:
    name = "000-chromium-landscape.pdf"
    page = pdfium.PdfDocument(FORMATS_DIR / name)[0]
    assert page.get_width() > page.get_height()
    printed = load_bytes(name, fixture_bytes(name), host)
    _same_as_text(printed, load_bytes("seed.txt", seed_text("000").encode("utf-8"), host), host)


def test_table_three_on_landscape_pages_between_portrait_ones_reads_like_the_text(host: PluginHost) -> None:
    name = "004-libreoffice-landscape.pdf"
    document = pdfium.PdfDocument(FORMATS_DIR / name)
    wide = [page.get_width() > page.get_height() for page in document]
    assert wide[:2] == [False, False] and wide[2:4] == [True, True] and not wide[-1]
    # table 三 goes on from the first landscape page onto the second
    assert "申请人情况" in document[2].get_textpage().get_text_range()
    assert "四、结转下年度继续办理" in document[3].get_textpage().get_text_range()
    printed = load_bytes(name, fixture_bytes(name), host)
    _same_as_text(printed, load_bytes("seed.txt", seed_text("004").encode("utf-8"), host), host)


def _page_text(name: str, page: int) -> str:
    document = pdfium.PdfDocument(FORMATS_DIR / name)
    return "".join(document[page - 1].get_textpage().get_text_range().split())


@pytest.mark.parametrize(
    ("name", "page", "heading", "first_row"),
    [
        # table 二 starts on a page's last line: only its first heading row is there
        ("000-libreoffice-1.pdf", 1, "第二十条第（一）项", "本年制发件数"),
        # table 三's heading rows end the page, its first row of figures starts the next
        ("000-libreoffice-19.pdf", 2, "申请人情况", "一、本年新收政府信息公开申请数量"),
        # table 四's heading rows end the page, its row of figures alone on the next
        ("000-libreoffice-17.pdf", 3, "复议后起诉", "五、存在的主要问题及改进情况"),
    ],
)
def test_the_exports_really_end_a_page_with_a_table_heading_alone(
    name: str, page: int, heading: str, first_row: str
) -> None:
    # the tables and findings of these prints equal the text's: test_cross_format (BREAK_VARIANTS)
    assert heading in _page_text(name, page) and first_row not in _page_text(name, page)
    assert first_row in _page_text(name, page + 1) and heading not in _page_text(name, page + 1)


def _zeros_of_table_three_blank(text: str) -> str:
    """The seed text with the figure cells "0" of table 三 (from 申请人情况 to the heading of
    section 四) left empty, as the fixture prints them."""
    lines = text.split("\n")
    start = lines.index("\t申请人情况")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("四、"))  # section 四
    return "\n".join("\t" if start < i < end and line == "\t0" else line for i, line in enumerate(lines))


def test_blank_rows_with_labels_over_three_lines_read_like_the_text(host: PluginHost) -> None:
    name = "000-libreoffice-narrow-blank.pdf"
    printed = load_bytes(name, fixture_bytes(name), host)
    # the layout this is about: a row of table 三 with no figure whose label takes three lines
    row = next(
        row for row in read_tables(printed.text)[1] if any(c.startswith("5.要求行政机关") for c in row)
    )
    label = next(index for index, cell in enumerate(row) if cell.startswith("5.要求行政机关"))
    assert len(row[label].split("\n")) == 3
    assert row[label + 1 :] == [""] * 7
    text = load_bytes("seed.txt", _zeros_of_table_three_blank(seed_text("000")).encode("utf-8"), host)
    _same_as_text(printed, text, host)
    assert "CP010" not in {finding[0] for finding in _findings(printed, host)}


def test_boxes_drawn_apart_join_into_rows_without_rows_for_the_gaps() -> None:
    # two rows of a label spanning both and two figure cells, 2.25 pt between all boxes (as a
    # browser spaces a border="1" table); a full-width cell under them
    label = Box(10, 52.25, 60, 100)
    first, second = Box(62.25, 77.25, 100, 100), Box(62.25, 52.25, 100, 75)
    wide = Box(10, 30, 100, 50)
    boxes = in_tables(snapped([label, first, second, wide]))
    assert len(boxes) == 4  # the full-width cell too: it is part of the table, not shading
    rows = grid_rows(boxes)
    assert [[(box.left, starts) for box, starts in cells] for _, cells in rows] == [
        [(10, True), (62.25, True)],
        [(10, False), (62.25, True)],
        [(10, True)],
    ]
