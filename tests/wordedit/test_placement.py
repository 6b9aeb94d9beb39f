"""annotate and fix where Word's layout is not a plain body: inside a layout frame (a one-cell
table around the whole report, as WPS exports write it), in text boxes, and in paragraphs joined
by a deleted paragraph mark.

Each seed .docx (tests/fixtures/formats) is put into such a frame; its comments and fixes must go
to the same paragraph, cell and words as in the document without the frame. With paragraphs moved
into text boxes, or split in two with the first mark deleted, the comments must sit on the same
words, inside the box or the part of the paragraph that holds them.
"""

from __future__ import annotations

import copy
import io
import itertools
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree
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


def boxed(data: bytes) -> bytes:
    """Every second body paragraph moved into a text box (DrawingML with its VML copy) at the end
    of the paragraph before it: the loader reads the box right after that paragraph, so the text
    is the same."""
    document = docx.Document(io.BytesIO(data))
    blocks = [child for child in document.element.body if child.tag in (qn("w:p"), qn("w:tbl"))]
    ns = (
        f'xmlns:w="{W[1:-1]}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    for before, paragraph in list(itertools.pairwise(blocks))[::2]:
        if before.tag != qn("w:p") or paragraph.tag != qn("w:p") or not paragraph.findall(qn("w:r")):
            continue
        box = f"<w:txbxContent>{etree.tostring(paragraph, encoding='unicode')}</w:txbxContent>"
        before.append(
            parse_xml(
                f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
                f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
                f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            )
        )
        paragraph.getparent().remove(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ALL_DOCX = sorted(FORMATS.glob("00?.docx"))


@pytest.mark.parametrize("path", ALL_DOCX, ids=[p.stem for p in ALL_DOCX])
def test_comments_on_text_in_a_text_box_sit_on_its_words(path: Path) -> None:
    data = path.read_bytes()
    boxes = boxed(data)
    assert load_bytes("x.docx", boxes, HOST).text == load_bytes("x.docx", data, HOST).text
    plain = read_comments(annotate_docx("x.docx", data, HOST))
    inside = read_comments(annotate_docx("x.docx", boxes, HOST))
    assert [(c.text, c.words) for c in inside] == [(c.text, c.words) for c in plain]
    annotated = docx.Document(io.BytesIO(annotate_docx("x.docx", boxes, HOST))).element.body
    in_boxes = [start for start in annotated.iter(f"{W}commentRangeStart") if _in_box(start)]
    # the findings on lines that went into a box: 000 line 2 (WD002, PD001 twice), 003 line 620 (FE003)
    assert len(in_boxes) == {"000": 3, "003": 1}.get(path.stem, 0)


def _in_box(element: object) -> bool:
    return any(a.tag == f"{W}txbxContent" for a in element.iterancestors())  # type: ignore[attr-defined]


def split_with_deleted_mark(data: bytes, number: int, at: int) -> bytes:
    """Body paragraph ``number`` (one run) cut before character ``at``: the first part a paragraph
    of its own whose mark is deleted as a tracked change, so Word shows one paragraph."""
    document = docx.Document(io.BytesIO(data))
    paragraph = document.element.body.findall(qn("w:p"))[number - 1]
    (text,) = paragraph.findall(f".//{qn('w:t')}")
    first = copy.deepcopy(paragraph)
    first.find(f".//{qn('w:t')}").text = text.text[:at]
    text.text = text.text[at:]
    properties = first.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f'<w:pPr xmlns:w="{W[1:-1]}"/>')
        first.insert(0, properties)
    properties.append(parse_xml(f'<w:rPr xmlns:w="{W[1:-1]}"><w:del w:id="5" w:author="a"/></w:rPr>'))
    paragraph.addprevious(first)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_comments_and_fixes_in_paragraphs_joined_by_a_deleted_mark_go_to_the_part_with_the_words() -> None:
    data = (FORMATS / "000.docx").read_bytes()
    # 000's second paragraph holds WD002 (columns 26–47, fixable) and two PD001 (171–192): cut at 100
    split = split_with_deleted_mark(data, 2, 99)
    assert load_bytes("x.docx", split, HOST).text == load_bytes("x.docx", data, HOST).text
    plain = read_comments(annotate_docx("x.docx", data, HOST))
    joined = read_comments(annotate_docx("x.docx", split, HOST))
    assert [(c.text, c.words) for c in joined] == [(c.text, c.words) for c in plain]
    # paragraph 2 of the split body is the first part, 3 the second
    assert [(c.text.split()[0], c.paragraph) for c in joined] == [
        ("CP002", 1), ("WD002", 2), ("PD001", 3), ("PD001", 3)
    ]  # fmt: skip
    fixed = fix_bytes("x.docx", split, HOST)
    assert [(e.diagnostic.code, e.new) for e in fixed.applied] == [
        ("WD002", "《中华人民共和国政府信息公开工作年度报告格式》")
    ]
    assert fixed.after == fix_bytes("x.docx", data, HOST).after


def test_a_fix_in_a_text_box_edits_its_copy_for_older_readers_too() -> None:
    boxes = boxed((FORMATS / "000.docx").read_bytes())  # 000's WD002 (line 2) is now in a box
    fixed = fix_bytes("x.docx", boxes, HOST)
    assert [e.diagnostic.code for e in fixed.applied] == ["WD002"]
    body = docx.Document(io.BytesIO(fixed.data)).element.body
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    texts = {
        kind: ["".join(t.text or "" for t in box.iter(f"{W}t")) for box in body.iter(f"{mc}{kind}")]
        for kind in ("Choice", "Fallback")
    }
    assert texts["Choice"] == texts["Fallback"]
    assert any("《中华人民共和国政府信息公开工作年度报告格式》" in text for text in texts["Fallback"])
