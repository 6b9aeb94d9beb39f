"""The run edits under annotate and fix: the characters the loader reads, split and changed in place."""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml

from reportlint.load.docx import paragraph_text
from reportlint.wordedit import anchor_runs, replace_text, visible_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BOLD = "<w:rPr><w:b/></w:rPr>"


def _paragraph(inner: str) -> Any:
    return parse_xml(f'<w:p xmlns:w="{W}">{inner}</w:p>')


def _runs(paragraph: Any) -> list[tuple[str, bool]]:
    runs = paragraph.findall(f"{{{W}}}r")
    return [
        ("".join(t.text or "" for t in r.iter(f"{{{W}}}t")), r.find(f".//{{{W}}}b") is not None) for r in runs
    ]


MIXED = (
    f"<w:r>{BOLD}<w:t>国办函</w:t></w:r>"
    '<w:del w:id="1" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del>'
    "<w:r><w:t>[2020]</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    "<w:r><w:tab/><w:t>109号</w:t></w:r>"
)


def test_visible_text_is_what_the_loader_reads() -> None:
    paragraph = _paragraph(MIXED)
    assert visible_text(paragraph) == paragraph_text(paragraph) == "国办函[2020]7 109号"


def test_anchoring_splits_runs_at_the_words_and_keeps_their_properties() -> None:
    paragraph = _paragraph(f"<w:r>{BOLD}<w:t>本机关国办函要求</w:t></w:r>")
    first, last = anchor_runs(paragraph, 3, 6)
    assert first is last
    assert _runs(paragraph) == [("本机关", True), ("国办函", True), ("要求", True)]
    assert visible_text(paragraph) == "本机关国办函要求"


def test_replacing_changes_only_the_differing_characters_in_their_runs() -> None:
    paragraph = _paragraph(MIXED)
    assert replace_text(paragraph, 3, 9, "〔2020〕")
    assert visible_text(paragraph) == "国办函〔2020〕7 109号"
    assert _runs(paragraph)[0] == ("国办函", True)


def test_a_change_touching_a_tab_or_a_field_is_refused_and_nothing_changes() -> None:
    paragraph = _paragraph(MIXED)
    before = visible_text(paragraph)
    assert not replace_text(paragraph, 10, 12, "XX")  # the tab and "1"
    assert visible_text(paragraph) == before


def _field(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


# An IF field around a MERGEFIELD: the inner field, result included, is part of the instruction
NESTED = (
    _field("begin")
    + "<w:r><w:instrText> IF </w:instrText></w:r>"
    + _field("begin")
    + "<w:r><w:instrText> MERGEFIELD n </w:instrText></w:r>"
    + _field("separate")
    + "<w:r><w:t>内层</w:t></w:r>"
    + _field("end")
    + '<w:r><w:instrText> = 1 "是" "否" </w:instrText><w:tab/></w:r>'
    + _field("separate")
    + "<w:r><w:t>是</w:t></w:r>"
    + _field("end")
    + "<w:r><w:t>公开</w:t></w:r>"
)


def test_a_nested_field_shows_only_the_outer_result_and_is_never_edited() -> None:
    paragraph = _paragraph(NESTED)
    assert visible_text(paragraph) == paragraph_text(paragraph) == "是公开"
    first, last = anchor_runs(paragraph, 0, 3)
    assert (first.findtext(f"{{{W}}}t"), last.findtext(f"{{{W}}}t")) == ("是", "公开")
    assert replace_text(paragraph, 1, 3, "申请")
    assert "内层" in "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t"))  # the field is untouched
    assert visible_text(paragraph) == "是申请"
