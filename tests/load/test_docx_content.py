"""Word content read as Word shows it: accepted revisions, field results, text boxes, frames.

Each small .docx is built here: python-docx for the package, raw WordprocessingML for what it has
no API for. Seed .docx files rewritten the way Word or WPS writes them must keep the seed's findings.
"""

from __future__ import annotations

import io
from email.encoders import encode_base64
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from typing import Any

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from layout_reading import SEED_STEMS, fixture_bytes
from lxml import etree
from test_cross_format import _load
from tests.annotate.comments import read_comments
from tests.docx_chunks import with_html_chunk

from reportlint.annotate import annotate_docx
from reportlint.api import lint_document
from reportlint.fix import fix_bytes
from reportlint.load import SourceDocument, load_bytes
from reportlint.plugins.host import PluginHost, create_host

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def docx_of(*blocks: str, header: str = "", footnote: str = "") -> bytes:
    """A .docx whose body is the given raw w:p / w:tbl elements (written without namespaces)."""
    document = Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for block in blocks:
        body.insert(
            len(body) - 1,
            parse_xml(
                block.replace("<w:p>", f"<w:p {NS}>", 1)
                if block.startswith("<w:p>")
                else block.replace(">", f" {NS}>", 1)
            ),
        )
    if header:
        document.sections[0].header.paragraphs[0].text = header
        document.sections[0].footer.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def lines(data: bytes, host: PluginHost) -> list[str]:
    return [line for line in load_bytes("t.docx", data, host).text.split("\n") if line.strip()]


def test_tracked_changes_read_as_accepted(host: PluginHost) -> None:
    data = docx_of(
        "<w:p>"
        + r("本机关")
        + '<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
        + r("全年")
        + "</w:ins>"
        + '<w:del w:id="2" w:author="a"><w:r><w:delText>去年</w:delText></w:r></w:del>'
        + '<w:moveFrom w:id="3" w:author="a">'
        + r("移走")
        + "</w:moveFrom>"
        + '<w:moveTo w:id="4" w:author="a">'
        + r("主动公开")
        + "</w:moveTo></w:p>",
        # the first paragraph's mark is deleted: accepted, it joins the next
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr>' + r("政府信息") + "</w:p>",
        "<w:p>" + r("公开工作") + "</w:p>",
    )
    assert lines(data, host) == ["本机关全年主动公开", "政府信息公开工作"]


def test_fields_read_as_their_result(host: PluginHost) -> None:
    def fld(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    def instr(text: str) -> str:
        return f"<w:r><w:instrText>{text}</w:instrText></w:r>"

    data = docx_of(
        "<w:p>"
        + r("共")
        + fld("begin")
        + instr(" = 2+3 ")
        + fld("separate")
        + r("5")
        + fld("end")
        + r("件")
        + "</w:p>",
        '<w:p><w:fldSimple w:instr=" DOCPROPERTY Title ">' + r("年度报告") + "</w:fldSimple></w:p>",
        # nested: the inner field is part of the outer one's instruction; only the outer result shows
        "<w:p>"
        + fld("begin")
        + instr(" IF ")
        + fld("begin")
        + instr(" MERGEFIELD n ")
        + fld("separate")
        + r("内层")
        + fld("end")
        + instr(' = 1 "是" "否" ')
        + fld("separate")
        + r("是")
        + fld("end")
        + "</w:p>",
    )
    assert lines(data, host) == ["共5件", "年度报告", "是"]


TEXT_BOX = "<w:txbxContent><w:p>" + r("{}") + "</w:p></w:txbxContent>"


def _drawing(box: str) -> str:
    """A run holding a text box as Word 2010+ writes it: the box twice, DrawingML and VML."""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="x"><wps:wsp><wps:txbx>' + box + "</wps:txbx></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        + box
        + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_boxes_read_in_place_once_headers_and_footers_left_out(host: PluginHost) -> None:
    drawing = _drawing(TEXT_BOX.format("框中文字"))
    pict = (
        "<w:r><w:pict><v:shape><v:textbox>"
        + TEXT_BOX.format("旧式文本框")
        + "</v:textbox></v:shape></w:pict></w:r>"
    )
    data = docx_of(
        "<w:p>" + r("前文") + drawing + "</w:p>",
        "<w:p>" + r("中间") + pict + "</w:p>",
        "<w:p>" + r("后文") + "</w:p>",
        header="页眉文字",
    )
    text = lines(data, host)
    assert text == ["前文", "框中文字", "中间", "旧式文本框", "后文"]
    assert "页眉文字" not in load_bytes("t.docx", data, host).text


def test_text_boxes_in_table_cells_are_read_in_their_cell_once(host: PluginHost) -> None:
    pict = (
        "<w:r><w:pict><v:shape><v:textbox>"
        + TEXT_BOX.format("旧式框")
        + "</v:textbox></v:shape></w:pict></w:r>"
    )
    data = docx_of(
        _table(
            [_p("项目"), _p("数量")],
            [
                "<w:p>" + r("收到") + _drawing(TEXT_BOX.format("框中申请")) + "</w:p>",
                "<w:p>" + pict + "</w:p>",
            ],
        )
    )
    # the box's paragraphs follow the paragraph they are anchored in, inside the same cell
    assert lines(data, host) == ["\t项目", "\t数量", "\t收到", "框中申请", "\t旧式框"]


def _table(*rows: list[str]) -> str:
    body = "".join("<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def _p(text: str) -> str:
    return "<w:p>" + r(text) + "</w:p>"


def test_a_table_in_a_cell_joins_its_cell(host: PluginHost) -> None:
    inner = _table([_p("甲"), _p("乙")])
    data = docx_of(_table([_p("项目"), _p("数量")], [_p("说明") + inner, _p("3")]))
    # each cell starts with a TAB; the inner table's cells continue the cell 说明, four cells in all
    assert lines(data, host) == ["\t项目", "\t数量", "\t说明", "甲", "乙", "\t3"]


def test_a_one_cell_frame_around_the_report_is_looked_through(host: PluginHost) -> None:
    inner = _table([_p("项目"), _p("数量")], [_p("收到申请"), _p("3")])
    framed = docx_of(_table([_p("标题") + inner + _p("结尾")]))
    plain = docx_of(_p("标题"), inner, _p("结尾"))
    assert load_bytes("t.docx", framed, host).text == load_bytes("t.docx", plain, host).text


def _findings(document: SourceDocument, host: PluginHost) -> list[tuple[Any, ...]]:
    return sorted(
        (d.code, d.locator, d.expected, d.actual) for d in lint_document(document, host).diagnostics
    )


def _rewrite(data: bytes, how: str) -> bytes:
    """The seed as Word/WPS write it: in a layout frame, with revisions, fields, controls, or its
    table cells' text in text boxes."""
    document = Document(io.BytesIO(data))
    body = document.element.body
    blocks = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]
    if how == "frame":
        frame = parse_xml(f"<w:tbl {NS}><w:tr><w:tc/></w:tr></w:tbl>")
        blocks[0].addprevious(frame)
        cell = frame.find(f"{qn('w:tr')}/{qn('w:tc')}")
        for block in blocks:
            cell.append(block)
    elif how == "boxes":  # each written cell paragraph moved into a text box in its cell
        for paragraph in [p for cell in body.iter(qn("w:tc")) for p in cell.iter(qn("w:p"))]:
            if paragraph.find(qn("w:r")) is not None:
                box = "<w:txbxContent>" + etree.tostring(paragraph, encoding="unicode") + "</w:txbxContent>"
                paragraph.addprevious(parse_xml(f"<w:p {NS}>{_drawing(box)}</w:p>"))
                paragraph.getparent().remove(paragraph)
    else:
        for paragraph in body.iter(qn("w:p")):
            runs = paragraph.findall(qn("w:r"))
            if not runs:
                continue
            first = runs[0]
            if how == "revisions":
                first.addprevious(
                    parse_xml(
                        f'<w:del {NS} w:id="9" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del>'
                    )
                )
                wrapper = parse_xml(f'<w:ins {NS} w:id="8" w:author="a"/>')
            elif how == "fields":
                first.addprevious(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r>'))
                first.addprevious(parse_xml(f'<w:r {NS}><w:instrText> QUOTE "x" </w:instrText></w:r>'))
                first.addprevious(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>'))
                first.addnext(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>'))
                continue
            else:  # run-level content control
                wrapper = parse_xml(f"<w:sdt {NS}><w:sdtContent/></w:sdt>")
            first.addprevious(wrapper)
            (wrapper if how == "revisions" else wrapper[0]).append(first)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("how", ["frame", "revisions", "fields", "sdt", "boxes"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_rewritten_seed_gives_the_findings_of_the_text(host: PluginHost, stem: str, how: str) -> None:
    if how in ("frame", "boxes") and stem == "003":
        pytest.skip("seed 003 has no table (a one-cell table without one inside is not a frame)")
    original = fixture_bytes(f"{stem}.docx")
    data = _rewrite(original, how)
    assert data != original
    assert load_bytes(f"{stem}.docx", data, host).text == load_bytes(f"{stem}.docx", original, host).text
    assert _findings(load_bytes(f"{stem}.docx", data, host), host) == _findings(
        _load(host, stem, "txt"), host
    )


@pytest.mark.parametrize("stem", ["001", "004"])  # their WD001, CP010, ST002 are in table cells
def test_comments_on_cell_text_in_a_text_box_sit_on_its_words(host: PluginHost, stem: str) -> None:
    original = fixture_bytes(f"{stem}.docx")
    boxes = _rewrite(original, "boxes")

    def anchors(data: bytes) -> list[tuple[str, str]]:
        return [(c.text, c.words) for c in read_comments(annotate_docx(f"{stem}.docx", data, host))]

    assert anchors(boxes) == anchors(original)
    assert fix_bytes(f"{stem}.docx", boxes, host).after == fix_bytes(f"{stem}.docx", original, host).after


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_a_web_page_imported_into_the_body_is_read_in_place(host: PluginHost, stem: str) -> None:
    page = fixture_bytes(f"{stem}.html")
    data = with_html_chunk(page)
    document = load_bytes(f"{stem}.docx", data, host)
    assert document.text == load_bytes(f"{stem}.html", page, host).text
    assert _findings(document, host) == _findings(_load(host, stem, "txt"), host)


def test_an_imported_page_stands_between_the_paragraphs_around_it(host: PluginHost) -> None:
    page = fixture_bytes("003.html")
    data = with_html_chunk(page, before="前文", after="后文")
    document = load_bytes("t.docx", data, host)
    text = document.text.split("\n")
    inside = load_bytes("t.html", page, host).text.split("\n")[:-1]
    assert text == ["前文", *inside, "后文", ""]
    assert document.origin_of(1).paragraph == 1
    assert document.origin_of(len(text) - 1).paragraph == 2  # after the page: the body's second
    # the page's lines are not the .docx's paragraphs or tables: annotate and fix leave them alone
    assert all(o.paragraph is None and o.table is None for o in document.origins[1:-1])
    assert document.origins[1].description.startswith("嵌入的网页内容")


def test_a_page_imported_as_mht_is_read_like_the_page(host: PluginHost) -> None:
    page = fixture_bytes("001.html")
    message = MIMEMultipart("related")
    html = MIMENonMultipart("text", "html", charset="gbk")  # the page's own bytes, as saved
    html.set_payload(page)
    encode_base64(html)
    message.attach(html)
    message.attach(MIMEText("not the report", "plain", "utf-8"))  # a page saved with its images
    data = with_html_chunk(message.as_bytes(), kind="message/rfc822")
    document = load_bytes("001.docx", data, host)
    assert document.text == load_bytes("001.html", page, host).text
    assert _findings(document, host) == _findings(_load(host, "001", "txt"), host)
