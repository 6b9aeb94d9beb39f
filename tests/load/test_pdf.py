"""The .pdf loader: lines and tables rebuilt from positions, pages in origins, refused files."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from layout_reading import SEED_STEMS, fixture_bytes, prose_lines, read_tables, seed_text, squeezed

from reportlint.load.pdf import load_pdf
from reportlint.load.source import InputError


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_pdf_of_each_seed_has_the_seed_prose_and_tables(stem: str) -> None:
    # Wrapped paragraphs must rejoin into one line and cell boxes become the seed's table rows.
    document = load_pdf(fixture_bytes(f"{stem}.pdf"), f"{stem}.pdf")
    seed = seed_text(stem)
    assert document.format == "pdf"
    assert prose_lines(document.text) == prose_lines(seed)

    # a table row with nothing in any cell prints as nothing to read, so it is not compared
    def written(tables: list[list[list[str]]]) -> list[list[list[str]]]:
        return [[row for row in table if any(row)] for table in squeezed(tables)]

    assert written(read_tables(document.text)) == written(read_tables(seed))


def test_origins_name_the_page_and_page_numbers_do_not_leak() -> None:
    document = load_pdf(fixture_bytes("000.pdf"), "000.pdf")
    lines = document.text.split("\n")
    assert not any(line.strip().startswith("- ") for line in lines)  # the "- 1 -" footers
    first = document.origin_of(1)
    assert first is not None and first.page == 1 and first.description == "第1页"
    last_heading = lines.index("六、其他需要报告的事项") + 1
    origin = document.origin_of(last_heading)
    assert origin is not None and origin.page is not None and origin.page > 1
    assert origin.description == f"第{origin.page}页"
    cell = document.origin_of(lines.index("\t行政规范性文件") + 1)
    assert cell is not None and cell.description == "第1页 表1 第4行 第1列"


def test_password_protected_pdf_is_io005() -> None:
    with pytest.raises(InputError) as caught:
        load_pdf(fixture_bytes("encrypted.pdf"), "locked.pdf")
    assert caught.value.code == "IO005"
    assert "密码" in caught.value.message


def test_pdf_without_a_text_layer_is_io003() -> None:
    scan = pdfium.PdfDocument.new()
    scan.new_page(595, 842)
    buffer = io.BytesIO()
    scan.save(buffer)
    with pytest.raises(InputError) as caught:
        load_pdf(buffer.getvalue(), "scan.pdf")
    assert caught.value.code == "IO003"
    assert "没有文字层" in caught.value.message


def test_truncated_pdf_is_io005() -> None:
    data = fixture_bytes("000.pdf")
    with pytest.raises(InputError) as caught:
        load_pdf(data[:300], "cut.pdf")
    assert caught.value.code == "IO005"


def test_table_drawn_with_rules_only_is_rebuilt_from_text_columns() -> None:
    # 000-rules.pdf draws the seed's tables as text over horizontal rules, without cell boxes.
    # Empty (merged) cells and multi-line labels cannot be seen there, so every seed row is
    # compared by its visible one-line cells; all must come out as rows, in the seed's order.
    def visible(row: list[str]) -> list[str]:
        return [cell for cell in row if cell]

    seed_rows = [
        visible(row)
        for table in read_tables(seed_text("000"))
        for row in table
        if len(visible(row)) >= 2 and not any("\n" in cell for cell in row)
    ]
    document = load_pdf(fixture_bytes("000-rules.pdf"), "000-rules.pdf")
    pdf_rows = iter(row for table in read_tables(document.text) for row in table)
    missing = [row for row in seed_rows if row not in pdf_rows]  # `in` on an iterator keeps order
    assert len(seed_rows) > 35
    assert missing == []
    assert "三、收到和处理政府信息公开申请情况" in document.text.split("\n")
