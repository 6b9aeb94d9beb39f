"""annotate and fix inside a layout frame: a one-cell table around the whole report (WPS exports).

Each seed .docx (tests/fixtures/formats) is put into such a frame; its comments and fixes must go
to the same paragraph, cell and words as in the document without the frame.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from tests.annotate.comments import W, read_comments

from reportlint.annotate import annotate_docx
from reportlint.fix import fix_bytes
from reportlint.load import load_bytes
from reportlint.plugins.host import create_host

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
# seed 003 has no table: a one-cell table with no table inside is a table, not a frame
DOCX = [path for path in sorted(FORMATS.glob("00?.docx")) if path.stem != "003"]
HOST = create_host()


def framed(data: bytes) -> bytes:
    """The document with every paragraph and table of its body moved into one table cell."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    blocks = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]
    frame = parse_xml(f'<w:tbl xmlns:w="{W[1:-1]}"><w:tr><w:tc/></w:tr></w:tbl>')
    blocks[0].addprevious(frame)
    cell = frame.find(f"{qn('w:tr')}/{qn('w:tc')}")
    for block in blocks:
        cell.append(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _anchors(data: bytes, *, frame: bool) -> list[tuple[object, ...]]:
    comments = read_comments(annotate_docx("x.docx", data, HOST), framed=frame)
    return [(c.text, c.words, c.paragraph, c.table, c.row, c.cell) for c in comments]


@pytest.mark.parametrize("path", DOCX, ids=[p.stem for p in DOCX])
def test_comments_in_a_frame_sit_where_they_sit_without_it(path: Path) -> None:
    data = path.read_bytes()
    plain = _anchors(data, frame=False)
    inside = _anchors(framed(data), frame=True)
    assert inside == plain
    assert all(paragraph or table for _, _, paragraph, table, *_ in inside)  # every one anchored
    if path.stem == "001":  # its CP010 and WD001 are in tables 三 and 二
        assert any(table for _, _, _, table, *_ in inside)


@pytest.mark.parametrize("path", DOCX, ids=[p.stem for p in DOCX])
def test_fixes_in_a_frame_edit_what_they_edit_without_it(path: Path) -> None:
    data = path.read_bytes()
    plain = fix_bytes(path.name, data, HOST)
    inside = fix_bytes(path.name, framed(data), HOST)
    assert plain.applied  # every seed but 003 has a fix (tests/fix/test_fix.py)
    assert [(e.diagnostic.code, e.old, e.new) for e in inside.applied] == [
        (e.diagnostic.code, e.old, e.new) for e in plain.applied
    ]
    assert not inside.refused
    assert load_bytes("x.docx", inside.data, HOST).text == load_bytes("x.docx", plain.data, HOST).text
