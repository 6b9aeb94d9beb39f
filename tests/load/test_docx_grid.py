"""Word tables on their grid: skipped grid columns, merged cells and content controls.

A row may start or end with grid columns it has no cell for (``w:gridBefore`` / ``w:gridAfter``:
what Word writes when cells are deleted from a row's end, and WPS for a label merged down); cells
may be merged across the old way (``w:hMerge``, one cell per grid column);
content controls (``w:sdt``) wrap paragraphs, whole tables, rows, cells and cell content. Each
case is built in raw WordprocessingML; then the five seed .docx are rewritten that way and must
give the tables (every cell at its row and column) and the findings of the seed text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from layout_reading import SEED_STEMS, fixture_bytes, read_tables
from test_cross_format import _load, outline_facts, table_facts
from test_docx_content import NS, _findings, _p, docx_of, lines
from tests.annotate.comments import read_comments

from reportlint.annotate import annotate_docx
from reportlint.api import lint_document
from reportlint.fix import fix_bytes
from reportlint.load import load_bytes
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _tc(text: str, *, span: int = 1, merge: str | None = None) -> str:
    properties = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else ""
    )
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{_p(text) if text else '<w:p/>'}</w:tc>"


def _tr(*cells: str, before: int = 0, after: int = 0) -> str:
    grid = (f'<w:gridBefore w:val="{before}"/>' if before else "") + (
        f'<w:gridAfter w:val="{after}"/>' if after else ""
    )
    return f"<w:tr>{f'<w:trPr>{grid}</w:trPr>' if grid else ''}{''.join(cells)}</w:tr>"


def _tbl(*rows: str, columns: int = 4) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _rows(data: bytes, host: PluginHost) -> list[list[str]]:
    (table,) = read_tables(load_bytes("t.docx", data, host).text)
    return table


def test_skipped_grid_columns_are_blank_cells_under_the_cells_above(host: PluginHost) -> None:
    data = docx_of(
        _tbl(
            _tr(_tc("甲"), _tc("乙"), _tc("丙"), _tc("丁")),
            _tr(_tc("1"), _tc("2"), before=2),  # under 甲 and 乙: two blank cells, 1 under 丙
            _tr(_tc("3"), after=3),  # the row ends after its first column
            _tr(_tc("合计", span=2), _tc("4"), after=1),
            _tr(_tc("5"), _tc("6"), before=2),  # under the merged 合计: one blank cell
        )
    )
    assert _rows(data, host) == [
        ["甲", "乙", "丙", "丁"],
        ["", "", "1", "2"],
        ["3", "", "", ""],
        ["合计", "4", ""],
        ["", "5", "6"],
    ]


def test_a_first_row_that_skips_columns_is_cut_where_the_row_below_has_borders(host: PluginHost) -> None:
    data = docx_of(
        _tbl(
            _tr(_tc("自然人"), _tc("法人"), before=2),  # no corner cell above the row labels
            _tr(_tc("一、"), _tc("新收"), _tc("1"), _tc("2")),
        )
    )
    assert _rows(data, host) == [["", "", "自然人", "法人"], ["一、", "新收", "1", "2"]]


def test_a_label_merged_down_and_across_leaves_one_blank_cell_per_row(host: PluginHost) -> None:
    data = docx_of(
        _tbl(
            _tr(_tc("项目", span=2, merge="restart"), _tc("申请人情况", span=2)),
            _tr(_tc("", span=2, merge="continue"), _tc("自然人"), _tc("法人")),
            _tr(_tc("三、办理结果", merge="restart"), _tc("（一）予以公开"), _tc("1"), _tc("2")),
            # a continuation cell's own text is not shown by Word
            _tr(_tc("残留", merge="continue"), _tc("（二）部分公开"), _tc("3"), _tc("4")),
        )
    )
    assert _rows(data, host) == [
        ["项目", "申请人情况"],
        ["", "自然人", "法人"],
        ["三、办理结果", "（一）予以公开", "1", "2"],
        ["", "（二）部分公开", "3", "4"],
    ]


def test_cells_merged_across_the_old_way_are_one_cell(host: PluginHost) -> None:
    hmerge = "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"
    data = docx_of(
        _tbl(
            _tr(_tc("甲"), _tc("乙"), _tc("丙"), _tc("丁")),
            _tr(
                '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>' + _p("一、本年新收") + "</w:tc>",
                hmerge,
                _tc("1"),
                _tc("2"),
            ),
            _tr(_tc("3"), _tc("4"), before=2),  # under 丙 and 丁: the merged cell counts as one
        )
    )
    assert _rows(data, host) == [["甲", "乙", "丙", "丁"], ["一、本年新收", "1", "2"], ["", "3", "4"]]


def _sdt(inner: str) -> str:
    return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def test_content_controls_around_paragraphs_tables_rows_and_cells_are_looked_through(
    host: PluginHost,
) -> None:
    table = _tbl(
        _tr(_tc("项目"), _sdt(_tc("数量"))),
        _sdt(_tr("<w:tc>" + _sdt(_p("收到申请")) + "</w:tc>", _tc("3"))),
        columns=2,
    )
    data = docx_of(
        _sdt(_p("标题")),
        _sdt(table),
        _p("结尾"),
    )
    assert lines(data, host) == ["标题", "\t项目", "\t数量", "\t收到申请", "\t3", "结尾"]


# -- the seeds rewritten -------------------------------------------------------------------------


def _continuation(cell: Any) -> bool:
    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _span(cell: Any) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _row_property(row: Any, tag: str, value: int) -> None:
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = parse_xml(f"<w:trPr {NS}/>")
        row.insert(0, properties)
    properties.append(parse_xml(f'<w:{tag} {NS} w:val="{value}"/>'))


def _grid_before(body: Any) -> int:
    """Leading merged-down cells dropped: the row starts after the grid columns they covered."""
    changed = 0
    for row in body.iter(qn("w:tr")):
        cells = row.findall(qn("w:tc"))
        leading = []
        for cell in cells[:-1]:
            if not _continuation(cell):
                break
            leading.append(cell)
        if leading:
            _row_property(row, "gridBefore", sum(_span(cell) for cell in leading))
            for cell in leading:
                row.remove(cell)
            changed += 1
    return changed


def _grid_after(body: Any) -> int:
    """A row's last cell no longer widened to the grid: the row ends early (gridAfter)."""
    changed = 0
    for row in body.iter(qn("w:tr")):
        last = row.findall(qn("w:tc"))[-1]
        if _span(last) > 1:
            _row_property(row, "gridAfter", _span(last) - 1)
            last.find(qn("w:tcPr")).remove(last.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}"))
            changed += 1
    return changed


def _merged_across(body: Any) -> int:
    """Every cell that spans grid columns written the old way: one cell per column, the first
    ``w:hMerge`` "restart", the others "continue" (legacy horizontal merge)."""
    changed = 0
    for cell in list(body.iter(qn("w:tc"))):
        span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        if span is None:
            continue
        properties = cell.find(qn("w:tcPr"))
        properties.remove(span)
        properties.append(parse_xml(f'<w:hMerge {NS} w:val="restart"/>'))
        for _ in range(int(span.get(qn("w:val"))) - 1):
            cell.addnext(parse_xml(f"<w:tc {NS}><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"))
            changed += 1
    return changed


def _wrap(element: Any) -> None:
    sdt = parse_xml(f"<w:sdt {NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    element.addprevious(sdt)
    sdt[1].append(element)


def _content_controls(body: Any) -> int:
    """Block-level controls around every body paragraph and table and every cell's paragraphs."""
    blocks = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]
    cells = list(body.iter(qn("w:tc")))
    for cell in cells:
        for paragraph in cell.findall(qn("w:p")):
            _wrap(paragraph)
    for block in blocks:
        _wrap(block)
    return len(blocks) + len(cells)


REWRITES: dict[str, Callable[[Any], int]] = {
    "gridBefore": _grid_before,
    "gridAfter": _grid_after,
    "hMerge": _merged_across,
    "sdt": _content_controls,
}


def rewritten(data: bytes, how: str) -> tuple[bytes, int]:
    document = Document(io.BytesIO(data))
    changed = REWRITES[how](document.element.body)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), changed


def _trimmed(text: str) -> list[list[list[str]]]:
    """The tables with the blank cells that end a row left out (Word's padding to the grid)."""
    tables = read_tables(text)
    for table in tables:
        for row in table:
            while len(row) > 1 and not row[-1].strip():
                row.pop()
    return tables


@pytest.mark.parametrize("how", sorted(REWRITES))
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_rewritten_seed_gives_the_tables_and_findings_of_the_text(
    host: PluginHost, stem: str, how: str
) -> None:
    original = fixture_bytes(f"{stem}.docx")
    data, changed = rewritten(original, how)
    if stem != "003" or how == "sdt":  # seed 003 has no table
        assert changed > 0
    document = load_bytes(f"{stem}.docx", data, host)
    plain = load_bytes(f"{stem}.docx", original, host)
    assert _trimmed(document.text) == _trimmed(plain.text)
    text = _load(host, stem, "txt")
    assert table_facts(parse_document(document)) == table_facts(parse_document(text))
    assert outline_facts(parse_document(document)) == outline_facts(parse_document(text))
    assert _findings(document, host) == _findings(text, host)


@pytest.mark.parametrize("how", ["gridBefore", "hMerge"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_comments_in_rows_off_the_plain_grid_sit_on_their_words(
    host: PluginHost, stem: str, how: str
) -> None:
    original = fixture_bytes(f"{stem}.docx")
    data, _ = rewritten(original, how)

    def anchors(blob: bytes) -> list[tuple[object, ...]]:
        comments = read_comments(annotate_docx(f"{stem}.docx", blob, host))
        return [(c.text, c.words, c.paragraph, c.table, c.row) for c in comments]

    # the same words in the same row; the cell's number among the row's w:tc differs (merged-down
    # cells dropped, merged-across cells added), the origin map's cell number the same
    assert anchors(data) == anchors(original)

    def origins(blob: bytes) -> list[object]:
        document = load_bytes(f"{stem}.docx", blob, host)
        return [document.origin_of(d.line) for d in lint_document(document, host).diagnostics]

    assert origins(data) == origins(original)


@pytest.mark.parametrize("how", ["gridBefore", "hMerge"])
@pytest.mark.parametrize("stem", ["001", "004"])  # their WD001 fixes are in tables 二 and 三
def test_fixes_in_rows_off_the_plain_grid_edit_what_they_edit_on_it(
    host: PluginHost, stem: str, how: str
) -> None:
    original = fixture_bytes(f"{stem}.docx")
    data, _ = rewritten(original, how)
    plain, changed = fix_bytes(f"{stem}.docx", original, host), fix_bytes(f"{stem}.docx", data, host)
    assert (
        [(e.diagnostic.code, e.new) for e in changed.applied]
        == [(e.diagnostic.code, e.new) for e in plain.applied]
        != []
    )
    assert not changed.refused
    assert _trimmed(changed.after) == _trimmed(plain.after)
