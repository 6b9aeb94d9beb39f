"""A table row cut by a page break reads as one row; page furniture and repeated headings are no text.

Two kinds of test. The LibreOffice exports of the seeds (scripts/make_format_fixtures.py) show the
layout for real: first the text layer is checked to really cut the row (part of the label on one
page, the rest on the next), then the loaded table is checked to hold the row whole, as the seed
writes it. Then the rules themselves, on pages built by hand: what is joined, and what must not be
(a new row under a finished label, figures, other columns).
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from layout_reading import fixture_bytes, read_tables

from reportlint.load.pdf import load_pdf
from reportlint.load.pdf_breaks import joined_pages
from reportlint.load.pdf_lines import Line, Slot

PAGE_HEIGHT = 842.0
ZEROS = ["0"] * 7


def _page_text(name: str, page: int) -> str:
    document = pdfium.PdfDocument(fixture_bytes(name))
    try:
        return "".join(document[page - 1].get_textpage().get_text_range().split())
    finally:
        document.close()


def _table(name: str, index: int) -> list[list[str]]:
    text = load_pdf(fixture_bytes(name), name).text
    return [["".join(cell.split()) for cell in row] for row in read_tables(text)[index]]


@pytest.mark.parametrize(
    ("name", "page", "end", "rest"),
    [
        ("000-libreoffice.pdf", 2, "5.要求行政机关确", "认或重新出具已获取信息"),
        (
            "004-libreoffice.pdf",
            2,
            "2.申请人逾期未按收费通知要求",
            "缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        ("001-libreoffice.pdf", 2, "（五）不", "予处理"),
    ],
)
def test_the_exports_really_cut_the_label_at_the_page_break(
    name: str, page: int, end: str, rest: str
) -> None:
    assert end in _page_text(name, page) and rest not in _page_text(name, page)
    assert rest in _page_text(name, page + 1)


def test_a_row_cut_under_a_repeated_heading_is_one_row_and_the_heading_is_read_once() -> None:
    # 000: the heading rows of table 三 are printed again on page 3, between the two parts of the row
    assert "申请人情况" in _page_text("000-libreoffice.pdf", 3)
    table = _table("000-libreoffice.pdf", 1)
    assert [row[-1] for row in table].count("申请人情况") == 1
    row = table.index(["", "", "5.要求行政机关确认或重新出具已获取信息", *ZEROS])
    assert table[row + 1][1] == "（六）其他处理"


def test_a_row_cut_with_the_page_number_between_is_one_row() -> None:
    table = _table("004-libreoffice.pdf", 1)
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    row = table.index(["", "", label, *ZEROS])
    assert table[row + 1] == ["", "", "3.其他", *ZEROS]


def test_a_merged_label_cut_at_the_break_is_whole_and_the_next_row_keeps_its_figures() -> None:
    table = _table("001-libreoffice.pdf", 1)
    row = table.index(["", "（五）不予处理", "1.信访举报投诉类申请", *ZEROS])
    assert table[row + 1] == ["", "", "2.重复申请", *ZEROS]


def test_a_heading_row_cut_at_the_break_is_one_row() -> None:
    table = _table("002-libreoffice.pdf", 2)
    assert table[1] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ]


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("000-libreoffice.pdf", "- 2 -"),
        ("001-libreoffice.pdf", "第 2 页"),
        ("002-libreoffice.pdf", "夹河子乡政府信息公开工作年度报告"),  # the running header
        ("002-libreoffice.pdf", "— 2 —"),
        ("004-libreoffice.pdf", "-2-"),
    ],
)
def test_page_numbers_and_running_headers_are_not_text(name: str, furniture: str) -> None:
    assert "".join(furniture.split()) in _page_text(name, 2)
    paragraphs = [line for line in load_pdf(fixture_bytes(name), name).text.split("\n") if line[:1] != "\t"]
    page_number = re.compile(r"^[-—\s]*(第\s*)?\d+(\s*页)?[-—\s]*$")
    assert not [line for line in paragraphs if page_number.match(line)]
    assert furniture not in paragraphs


# ---------------------------------------------------------------- the rules, on pages built by hand

COLUMNS = ((90.0, 140.0), (140.0, 280.0), (280.0, 310.0), (310.0, 340.0))


def _row(page: int, top: float, cells: list[str | Slot], open_cells: tuple[int, ...] = ()) -> Line:
    """A table row in COLUMNS; a Slot given for a cell makes it the continuation of that merged cell."""
    row = Line(top=top, page=page)
    for index, (cell, (left, right)) in enumerate(zip(cells, COLUMNS, strict=True)):
        if isinstance(cell, Slot):
            row.slots.append(cell)
            row.cells.append([""])
        else:
            slot = Slot(
                left, right, cell.split("/"), index in open_cells, room=0.0 if index in open_cells else 30.0
            )
            row.slots.append(slot)
            row.cells.append(slot.lines)
    return row


def _text(page: int, top: float, text: str) -> Line:
    return Line(top=top, page=page, text=text, left=280.0, right=300.0, height=10.0)


def _cells(lines: list[Line]) -> list[list[str]]:
    """Each row's cells, a cell's lines joined by "/"."""
    return [["/".join(text for text in cell if text) for cell in row.cells] for row in lines]


def _join(*pages: list[Line]) -> list[Line]:
    return joined_pages(list(pages), [PAGE_HEIGHT] * len(pages))


def test_the_rest_of_a_cut_row_joins_it_across_the_page_number() -> None:
    last = _row(1, 100.0, ["", "1.信访举报投诉类", "0", "0"], open_cells=(1,))
    number = _text(1, 40.0, "- 1 -")
    rest = _row(2, 770.0, ["", "申请", "", ""])
    following = _row(2, 750.0, ["", "2.重复申请", "0", "0"])
    assert _cells(_join([last, number], [rest, following])) == [
        ["", "1.信访举报投诉类/申请", "0", "0"],
        ["", "2.重复申请", "0", "0"],
    ]


def test_a_new_row_under_a_finished_label_stays_a_row_even_without_figures() -> None:
    last = _row(1, 100.0, ["", "3.其他", "0", "0"])  # the label ends short of the cell's edge
    blank = _row(2, 770.0, ["", "4.无正当理由大量反复申请", "", ""])
    assert len(_join([last], [blank])) == 2


def test_figures_at_the_top_of_a_page_start_a_row_of_their_own() -> None:
    # the label ran to the edge, but the next row has figures where the cut row has finished ones
    last = _row(1, 100.0, ["", "1.本机关不掌握相关政府信", "31", "0"], open_cells=(1,))
    following = _row(2, 770.0, ["", "息", "1", "0"])
    assert len(_join([last], [following])) == 2


def test_a_row_in_other_columns_is_not_joined() -> None:
    last = _row(1, 100.0, ["", "1.信访举报投诉类", "0", "0"], open_cells=(1,))
    other = Line(top=770.0, page=2, cells=[["申请"]], slots=[Slot(90.0, 340.0, ["申请"])])
    other.cells = [other.slots[0].lines]
    assert len(_join([last], [other])) == 2


def test_a_repeated_heading_is_dropped_and_the_cut_row_joined_under_it() -> None:
    heading = ["（本列数据…）", "申请人情况", "", ""]
    page_one = [_row(1, 700.0, heading), _row(1, 100.0, ["", "5.要求行政机关确", "0", "0"], open_cells=(1,))]
    page_two = [_row(2, 770.0, heading), _row(2, 750.0, ["", "认或重新出具已获取信息", "", ""])]
    assert _cells(_join(page_one, page_two)) == [
        ["（本列数据…）", "申请人情况", "", ""],
        ["", "5.要求行政机关确/认或重新出具已获取信息", "0", "0"],
    ]


def test_a_merged_label_carries_on_beside_the_new_row_that_starts_the_next_page() -> None:
    label = _row(1, 100.0, ["（五）不", "1.信访举报投诉类申请", "0", "0"], open_cells=(0,))
    new = _row(2, 770.0, ["予处理", "2.重复申请", "0", "0"])
    below = _row(2, 750.0, [new.slots[0], "3.要求提供公开出版物", "0", "0"])  # the merged box goes on
    result = _join([label], [new, below])
    assert _cells(result) == [
        ["（五）不/予处理", "1.信访举报投诉类申请", "0", "0"],
        ["", "2.重复申请", "0", "0"],
        ["", "3.要求提供公开出版物", "0", "0"],
    ]
    assert result[2].slots[0] is result[0].slots[0]  # a later page break still finds the label


def test_a_new_row_with_its_own_label_cell_is_not_a_merged_continuation() -> None:
    # the cut row's label ran to the edge, but the next page's label box is the new row's alone
    label = _row(1, 100.0, ["（四）无法", "3.补正后申请内容仍不明确", "0", "0"], open_cells=(0,))
    new = _row(2, 770.0, ["（五）不予处理", "1.信访举报投诉类申请", "0", "0"])
    assert _cells(_join([label], [new]))[1][0] == "（五）不予处理"


def test_page_numbers_and_running_texts_go_and_other_margin_text_stays() -> None:
    header = "某县人民政府办公室政府信息公开工作年度报告"
    pages = [
        [
            _text(1, 800.0, "某县2023年政府信息公开工作年度报告"),
            _text(1, 400.0, "正文"),
            _text(1, 40.0, "- 1 -"),
        ],
        [_text(2, 810.0, header), _text(2, 790.0, "— 2 —"), _text(2, 400.0, "正文二")],
        [_text(3, 810.0, header), _text(3, 400.0, "正文三"), _text(3, 60.0, "第 3 页")],
        [_text(4, 75.0, "合计"), _text(4, 60.0, "1")],  # a figure right under the text: not apart
    ]
    texts = [line.text for line in joined_pages(pages, [PAGE_HEIGHT] * 4)]
    assert texts == ["某县2023年政府信息公开工作年度报告", "正文", "正文二", "正文三", "合计", "1"]


def _overflowing(next_page: list[Line], *, text: str = "供", left: float = 92.0) -> list[Line]:
    """Page 1 ends with a row whose merged label （四）无法提 ran to its box's edge and bottom
    (100 pt), and with one more line drawn just under the table; then ``next_page``."""
    row = _row(1, 130.0, ["（四）无法提", "1.本机关不掌握相关政府信息", "22", "25"], open_cells=(0,))
    for slot in row.slots:
        slot.bottom = 100.0
    below = Line(top=97.0, page=1, text=text, left=left, right=left + 10.0 * len(text), height=10.0)
    return _join([row, below], next_page)


def test_a_label_run_out_below_the_table_goes_back_into_its_cell_when_the_table_goes_on() -> None:
    result = _overflowing([_row(2, 770.0, ["", "2.没有现成信息需要另行制作", "0", "0"])])
    assert _cells(result) == [
        ["（四）无法提/供", "1.本机关不掌握相关政府信息", "22", "25"],
        ["", "2.没有现成信息需要另行制作", "0", "0"],
    ]


def test_text_under_a_table_that_ends_stays_text() -> None:
    # the next page starts with prose, or the line under the table is wider than the label's column
    assert [line.text for line in _overflowing([_text(2, 770.0, "五、存在的主要问题")])][1:] == [
        "供",
        "五、存在的主要问题",
    ]
    wide = _overflowing([_row(2, 770.0, ["", "2.没有", "0", "0"])], text="注：本表数据截至年底")
    assert wide[1].text == "注：本表数据截至年底" and wide[0].cells[0] == ["（四）无法提"]
