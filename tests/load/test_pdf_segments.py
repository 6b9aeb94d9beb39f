"""Text runs become words and columns as written: spaces where a space is, columns where they are.

Pieces of one printed line built by hand (the loader reads them from the page): a gap between two
runs is a space next to a number or Latin word and no space between Chinese characters; a justified
line's widened space is no column gap; a ruled table cut at the page's top still has its top row.
"""

from __future__ import annotations

from reportlint.load.pdf import _as_row_if_columns, _join
from reportlint.load.pdf_lines import Line
from reportlint.load.pdf_rules import ruled_boxes
from reportlint.load.pdf_text import Segment

HEIGHT = 10.5


def _run(text: str, left: float, spacing: float = 0.0) -> Segment:
    """A run of ``text`` from ``left``, each character a square em plus ``spacing`` apart."""
    width = HEIGHT if not text.isascii() else HEIGHT * 0.6
    starts = [left + index * (width + spacing) for index in range(len(text))]
    return Segment(text, left, 700.0, starts[-1] + width, 700.0 + HEIGHT, starts, spacing)


def test_a_gap_next_to_a_number_is_a_space_and_between_chinese_characters_none() -> None:
    before = _run("统计期限为", 100.0)
    figure = _run("2025", before.right + 3.4)  # LibreOffice draws no space glyph there, only the gap
    after = _run("年", figure.right + 3.4)
    assert _join([before, figure, after]) == "统计期限为 2025 年"
    spaced = _run("信息", 100.0)
    assert _join([spaced, _run("公开", spaced.right + 3.4)]) == "信息公开"


def test_a_widened_space_in_a_justified_line_is_no_column_gap() -> None:
    # every character 2 pt apart (justified), the one space between the words 7.2 pt wide
    first = _run("第二十条第（八）项信息内容", 90.0, spacing=2.0)
    second = _run("本年收费金额", first.right + 7.2, spacing=2.0)
    line = Line(top=710.5, page=1, text="", left=90.0, right=second.right, height=HEIGHT)
    assert _as_row_if_columns(line, [first, second]).cells == []
    # set tight, the same distance apart: two columns of a table drawn without boxes
    first, second = _run("规章", 90.0), _run("0", 90.0 + 2 * HEIGHT + 7.2)
    line = Line(top=710.5, page=1, text="", left=90.0, right=second.right, height=HEIGHT)
    assert _as_row_if_columns(line, [first, second]).cells == [["规章"], ["0"]]


def test_a_ruled_table_cut_at_the_page_top_keeps_its_top_row() -> None:
    # column lines from the page's top edge of the table (764) down to 657; row lines at 711 and
    # 657 only: the row above 711 has no line at the top, the page cut it there
    columns = [(x - 0.4, 657.0, x + 0.4, 764.0) for x in (170.0, 290.0, 330.0)]
    rows = [(170.0, y - 0.4, 330.0, y + 0.4) for y in (711.0, 657.0)]
    boxes = sorted(
        (round(b.left), round(b.bottom), round(b.right), round(b.top)) for b in ruled_boxes(columns + rows)
    )
    assert boxes == [(170, 657, 290, 711), (170, 711, 290, 764), (290, 657, 330, 711), (290, 711, 330, 764)]


def test_a_line_drawn_cell_by_cell_divides_the_cells_it_runs_under_and_no_others() -> None:
    # a 3 x 2 grid whose middle horizontal line is drawn as two segments (one per cell, as a
    # browser draws borders) that stop short of the right column, and whose vertical lines are
    # drawn as one segment per row: the cells under the drawn segments are two rows, the
    # right column one merged cell
    thin = 0.5
    areas = [
        (0, 0, 90, thin),  # bottom
        (0, 40, 90, 40 + thin),  # top
        (0, 20, 30, 20 + thin),  # middle line, first cell
        (30, 20, 60, 20 + thin),  # middle line, second cell
    ]
    for x in (0, 30, 60, 90):
        areas += [(x, 0, x + thin, 20), (x, 20, x + thin, 40)]
    boxes = sorted((round(b.left), round(b.bottom), round(b.right), round(b.top)) for b in ruled_boxes(areas))
    assert boxes == [(0, 0, 30, 20), (0, 20, 30, 40), (30, 0, 60, 20), (30, 20, 60, 40), (60, 0, 90, 40)]


def test_a_list_items_bullet_set_apart_from_its_text_is_no_table_cell() -> None:
    # LibreOffice prints a web page's menu items with the bullet at a hanging indent, 20 pt from
    # the text: a list item, not a row of two cells
    bullet, item = _run("•", 50.0), _run("政务公开", 50.0 + HEIGHT * 0.6 + 20.0)
    line = Line(top=710.5, page=1, text="", left=50.0, right=item.right, height=HEIGHT)
    assert _as_row_if_columns(line, [bullet, item]).cells == []
    # a bullet then two columns far apart is still a row of two cells, the bullet in the first
    figure = _run("12", item.right + 40.0)
    line = Line(top=710.5, page=1, text="", left=50.0, right=figure.right, height=HEIGHT)
    assert _as_row_if_columns(line, [bullet, item, figure]).cells == [["• 政务公开"], ["12"]]
