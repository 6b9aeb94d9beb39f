"""The .docx loader: seed reports as real Word tables, hidden text, broken packages."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from layout_reading import SEED_STEMS, fixture_bytes, read_tables, seed_text

from reportlint.load import docx as docx_loader
from reportlint.load.docx import load_docx
from reportlint.load.source import InputError

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_docx_of_each_seed_gives_back_the_seed_text(stem: str) -> None:
    # The fixture was built from the seed's paragraphs and table blocks; reading it back must
    # reproduce the Word-extracted layout line for line (the seeds lack only a final newline).
    document = load_docx(fixture_bytes(f"{stem}.docx"), f"{stem}.docx")
    assert document.format == "docx"
    assert document.text.rstrip("\n") == seed_text(stem).rstrip("\n")
    assert len(document.origins) == document.text.count("\n")


def test_table_cells_come_out_in_template_order_with_cell_origins() -> None:
    document = load_docx(fixture_bytes("000.docx"), "000.docx")
    tables = read_tables(document.text)
    # seed 000 lines 15-38: 第二十条第（一）项, then 规章 0 0 0 and 行政规范性文件 2 13 9
    assert tables[0][1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert tables[0][2] == ["规章", "0", "0", "0"]
    assert tables[0][3] == ["行政规范性文件", "2", "13", "9"]
    lines = document.text.split("\n")
    number = lines.index("\t13") + 1
    origin = document.origin_of(number)
    assert origin is not None
    assert origin.description == "表1 第4行 第3列"
    assert (origin.table, origin.row, origin.cell) == (1, 4, 3)
    heading = lines.index("一、总体情况") + 1
    assert document.origin_of(heading) is not None
    assert document.origin_of(heading).description == "第3段"  # type: ignore[union-attr]


def test_merged_header_cells_are_real_merges_and_read_once() -> None:
    with zipfile.ZipFile(io.BytesIO(fixture_bytes("000.docx"))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "w:gridSpan" in xml and 'w:vMerge w:val="restart"' in xml
    table_three = read_tables(load_docx(fixture_bytes("000.docx"), "000.docx").text)[1]
    # "申请人情况" spans the seven number columns but is one cell; the vertically merged
    # label above "商业企业" leaves blank cells below it, as Word shows them.
    assert table_three[0] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况",
    ]
    assert table_three[2] == ["", "", "商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他", ""]
    assert table_three[5][:3] == ["三、本年度办理结果", "（一）予以公开", "0"]
    assert table_three[6][:2] == ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]


def _docx_with_body(body_xml: str) -> bytes:
    document = Document()
    body = document.element.body
    for element in list(body):
        if not element.tag.endswith("sectPr"):
            body.remove(element)
    fragment = parse_xml(f"<w:body {W_NS}>{body_xml}</w:body>")
    for position, child in enumerate(list(fragment)):
        body.insert(position, child)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_deleted_revisions_field_codes_bookmarks_and_comments_do_not_leak() -> None:
    data = _docx_with_body(
        "<w:p>"
        '<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:commentRangeStart w:id="1"/>'
        "<w:r><w:t>本年度</w:t></w:r>"
        '<w:del w:id="2" w:author="a"><w:r><w:delText>未</w:delText></w:r></w:del>'
        '<w:ins w:id="3" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
        '<w:bookmarkEnd w:id="0"/><w:r><w:t>件。</w:t></w:r>'
        "</w:p>"
    )
    document = load_docx(data, "revisions.docx")
    assert document.text.split("\n")[0] == "本年度新增3件。"


def test_nested_table_flattens_into_its_cell_and_grid_span_is_one_cell() -> None:
    data = _docx_with_body(
        "<w:tbl><w:tr>"
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>行政复议</w:t></w:r></w:p></w:tc>'
        "<w:tc><w:p><w:r><w:t>外层</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc>"
        "</w:tr></w:tbl><w:p><w:r><w:t>表后段落</w:t></w:r></w:p>"
    )
    document = load_docx(data, "nested.docx")
    assert read_tables(document.text) == [[["行政复议", "外层\n内1\n内2"]]]
    assert document.text.split("\n")[-2] == "表后段落"


def test_truncated_docx_is_a_clear_input_error() -> None:
    data = fixture_bytes("000.docx")
    with pytest.raises(InputError) as caught:
        load_docx(data[: len(data) // 2], "cut.docx")
    assert caught.value.code == "IO005"
    assert "损坏" in caught.value.message


def test_old_word_doc_renamed_docx_is_refused_with_advice() -> None:
    data = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504
    with pytest.raises(InputError) as caught:
        load_docx(data, "report.docx")
    assert caught.value.code == "IO005"
    assert ".doc" in caught.value.message and "另存为" in caught.value.message


def test_zip_with_too_many_entries_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
        for index in range(docx_loader.MAX_ZIP_ENTRIES):
            archive.writestr(f"word/media/{index}.bin", b"")
    with pytest.raises(InputError) as caught:
        load_docx(buffer.getvalue(), "bomb.docx")
    assert caught.value.code == "IO005"
    assert "条目" in caught.value.message


def test_oversized_document_xml_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    # A 200 MB document.xml is slow to build in a test; lowering the limit exercises the same check.
    monkeypatch.setattr(docx_loader, "MAX_DOCUMENT_XML_BYTES", 1000)
    with pytest.raises(InputError) as caught:
        load_docx(fixture_bytes("000.docx"), "big.docx")
    assert caught.value.code == "IO005"
    assert "压缩炸弹" in caught.value.message


def test_zip_without_word_parts_is_not_a_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(InputError) as caught:
        load_docx(buffer.getvalue(), "odt.docx")
    assert caught.value.code == "IO005"


def test_table_row_deleted_as_a_tracked_change_is_left_out() -> None:
    data = _docx_with_body(
        "<w:tbl>"
        "<w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>"
        '<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>'
        '<w:tc><w:p><w:del w:id="2" w:author="a"><w:r><w:delText>行政处罚</w:delText></w:r>'
        "</w:del></w:p></w:tc>"
        '<w:tc><w:p><w:del w:id="3" w:author="a"><w:r><w:delText>3</w:delText></w:r>'
        "</w:del></w:p></w:tc></w:tr>"
        "</w:tbl><w:p/>"
    )
    assert read_tables(load_docx(data, "tracked.docx").text) == [[["行政许可", "12"]]]
