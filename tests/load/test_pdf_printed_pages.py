"""Real report pages printed by a browser read as the report: its title, sections, cells, findings.

``pingtan-2021-chromium.pdf`` and ``pingtan-2024-chromium.pdf`` are the 平潭综合实验区 report pages
of ../shared/corpus/full (see tests/fixtures/published/SOURCE.md) printed by headless Chromium, as a
reader prints a report from the site: 9 and 7 pages with the site's menus and footer, tables 三 and
四 over page breaks. The expected cells are those LABELS.md there gives for the pages (checked by
hand against the page); its findings are the labels' too: no defect, an FE warning at most.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from layout_reading import SIX_SECTIONS, read_tables

from reportlint.api import lint_document
from reportlint.load import SourceDocument, load_bytes
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host

PUBLISHED = Path(__file__).parent.parent / "fixtures" / "published"


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _document(host: PluginHost, year: int) -> SourceDocument:
    path = PUBLISHED / f"pingtan-{year}-chromium.pdf"
    return load_bytes(path.name, path.read_bytes(), host)


def _rows(document: SourceDocument, table: int) -> list[list[str]]:
    return [["".join(cell.split()) for cell in row] for row in read_tables(document.text)[table]]


@pytest.mark.parametrize("year", [2021, 2024])
def test_title_and_sections_of_the_printed_page(host: PluginHost, year: int) -> None:
    report = parse_document(_document(host, year))
    assert report.title is not None
    assert report.title.text == f"平潭综合实验区{year}年度政府信息公开工作年度报告"
    assert report.year == year
    assert [(section.key, section.heading.title) for section in report.sections] == SIX_SECTIONS


@pytest.mark.parametrize("year", [2021, 2024])
def test_findings_of_the_printed_page_are_those_of_its_labels(host: PluginHost, year: int) -> None:
    # the fee statement does not cite 国办函〔2020〕109号: the one warning the labels allow
    result = lint_document(_document(host, year), host)
    assert [(d.code, d.severity.value) for d in result.diagnostics] == [("FE002", "warning")]


def test_2021_the_label_run_out_below_the_table_at_the_break_is_in_its_cell(host: PluginHost) -> None:
    # page 5 ends with row （四）1 and the "供" of （四）无法提供 drawn under the table's last line;
    # page 6 begins with row （四）2, whose label cells Chromium drew without a top line
    document = pdfium.PdfDocument((PUBLISHED / "pingtan-2021-chromium.pdf").read_bytes())
    pages = ["".join(document[index].get_textpage().get_text_range().split()) for index in (4, 5)]
    document.close()
    assert "（四）无法提供1.本机关不掌握相关政府信息" in pages[0]
    assert pages[1].startswith("2.没有现成信息需要另行制作")
    rows = _rows(_document(host, 2021), 1)
    withheld = rows.index(
        ["", "（四）无法提供", "1.本机关不掌握相关政府信息", "22", "0", "0", "0", "0", "3", "25"]
    )
    assert rows[withheld + 1] == ["", "", "2.没有现成信息需要另行制作", *["0"] * 7]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2021,
            {
                "一、本年新收政府信息公开申请数量": ["64", "0", "0", "2", "0", "4", "70"],
                "（七）总计": ["63", "0", "0", "2", "0", "4", "69"],
                "四、结转下年度继续办理": ["1", "0", "0", "0", "0", "0", "1"],
            },
        ),
        (
            2024,
            {
                "一、本年新收政府信息公开申请数量": ["217", "1", "0", "0", "0", "0", "218"],
                "（七）总计": ["217", "1", "0", "0", "0", "0", "218"],
                "四、结转下年度继续办理": ["0"] * 7,
            },
        ),
    ],
)
def test_table_three_figures_of_the_printed_page(
    host: PluginHost, year: int, expected: dict[str, list[str]]
) -> None:
    rows = _rows(_document(host, year), 1)
    found = {row[-8]: row[-7:] for row in rows if len(row) >= 8 and row[-8] in expected}
    assert found == expected


@pytest.mark.parametrize(
    ("year", "documents", "fees"),
    [(2021, ["69", "3", "665"], "24252.311082"), (2024, ["62", "33", "440"], "18651.06")],
)
def test_table_two_of_the_printed_page(host: PluginHost, year: int, documents: list[str], fees: str) -> None:
    rows = _rows(_document(host, year), 0)
    assert ["行政规范性文件", *documents] in rows
    assert ["行政事业性收费", fees] in rows
