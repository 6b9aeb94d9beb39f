"""``reportlint annotate``: one Word comment per finding, anchored at its words or cell.

The .docx fixtures are the seeds rendered as Word documents with merged cells
(tests/fixtures/formats, made by scripts/make_format_fixtures.py; see SOURCE.md there).
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from tests.annotate.comments import W, read_comments
from tests.docx_chunks import with_html_chunk

from reportlint.annotate import AUTHOR, AnnotateError, annotate_docx
from reportlint.api import lint_bytes
from reportlint.cli import main
from reportlint.load import load_bytes
from reportlint.plugins.host import create_host

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
DOCX = sorted(FORMATS.glob("00?.docx"))
HOST = create_host()


def _words(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> str:
    text = lines[line - 1]
    return text[column - 1 : (end_column if end_line == line else len(text) + 1) - 1].lstrip("\t")


@pytest.mark.parametrize("path", DOCX, ids=[p.stem for p in DOCX])
def test_one_comment_per_finding_at_its_words(path: Path) -> None:
    data = path.read_bytes()
    findings = lint_bytes(path.name, data, HOST).diagnostics
    document = load_bytes(path.name, data, HOST)
    lines = document.text.split("\n")
    comments = read_comments(annotate_docx(path.name, data, HOST))
    assert len(comments) == len(findings) > 0
    for finding, comment in zip(findings, comments, strict=True):
        assert comment.author == AUTHOR
        assert comment.text.startswith(f"{finding.code} {finding.message}")
        if finding.basis:
            assert f"依据：{finding.basis}" in comment.text
        words = _words(lines, finding.line, finding.column, finding.end_line, finding.end_column)
        if words:
            assert comment.words == words, finding
        # the paragraph or cell the loader says the finding's line came from
        origin = document.origin_of(finding.line)
        assert origin is not None
        if origin.paragraph is not None:
            assert comment.paragraph == origin.paragraph, finding
        else:
            assert (comment.table, comment.row) == (origin.table, origin.row), finding
            assert comment.cell == (origin.cell or 1), finding
    assert path.read_bytes() == data


def _with_hidden_text(data: bytes) -> bytes:
    """Each paragraph's first run made the result of an IF field whose instruction holds a nested
    field with a result of its own, after a tracked deletion: text Word does not show."""
    document = docx.Document(io.BytesIO(data))
    ns = f'xmlns:w="{W[1:-1]}"'
    hidden = [
        f'<w:del {ns} w:id="7" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>',
        f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        f"<w:r {ns}><w:instrText> IF </w:instrText></w:r>",
        f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        f"<w:r {ns}><w:instrText> MERGEFIELD n </w:instrText></w:r>",
        f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {ns}><w:t>旧值</w:t></w:r>",
        f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
        f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
    ]
    for paragraph in document.element.body.iter(f"{W}p"):
        runs = paragraph.findall(f"{W}r")
        if runs:
            for xml in hidden:
                runs[0].addprevious(docx.oxml.parse_xml(xml))
            runs[0].addnext(docx.oxml.parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("path", DOCX, ids=[p.stem for p in DOCX])
def test_comments_never_take_in_deleted_text_or_field_codes(path: Path) -> None:
    data = path.read_bytes()
    hidden = _with_hidden_text(data)
    assert load_bytes("x.docx", hidden, HOST).text == load_bytes("x.docx", data, HOST).text
    place = lambda c: (c.text, c.words, c.paragraph, c.table, c.row, c.cell)  # noqa: E731
    after = [place(c) for c in read_comments(annotate_docx("x.docx", hidden, HOST))]
    assert after == [place(c) for c in read_comments(annotate_docx("x.docx", data, HOST))]
    assert not any("旧值" in words for _, words, *_ in after)


def test_seed_001_comments_sit_in_the_cells_and_rows_they_concern() -> None:
    # Checked by hand against 001.docx: table 1 is table 二 (row 4 holds 规范性文件), table 2 is
    # table 三, whose missing row 1.属于国家秘密 belongs right after the row （三）不予公开.
    data = (FORMATS / "001.docx").read_bytes()
    comments = {c.text.split()[0] + c.words: c for c in read_comments(annotate_docx("001.docx", data, HOST))}
    label = comments["WD001规范性文件"]
    assert (label.table, label.row, label.cell) == (1, 4, 1)
    missing = comments["CP010（三）不予公开"]
    assert (missing.table, missing.cell) == (2, 2)  # cell 1 is the merged 三、本年度办理结果
    assert "1.属于国家秘密" in missing.text
    whole = next(c for c in comments.values() if c.text.startswith("CP003"))
    assert whole.paragraph == 1 and whole.words.startswith("巴楚县人民政府")  # the title


def test_expected_and_actual_values_are_in_the_comment() -> None:
    data = (FORMATS / "000.docx").read_bytes()
    texts = [c.text for c in read_comments(annotate_docx("000.docx", data, HOST))]
    assert any("期望 2023，实际 2022" in text for text in texts)


def _cell_texts(row: object) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in row.findall(f"{W}tc")]  # type: ignore[attr-defined]


def _change_cell(data: bytes, table: int, row: int, cell: int, text: str) -> bytes:
    document = docx.Document(io.BytesIO(data))
    tc = (
        document.element.body.findall(f"{W}tbl")[table - 1]
        .findall(f"{W}tr")[row - 1]
        .findall(f"{W}tc")[cell - 1]
    )
    runs = tc.findall(f".//{W}t")
    runs[0].text = text
    for extra in runs[1:]:
        extra.text = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_changed_table_cell_gets_its_comment_inside_that_cell() -> None:
    original = (FORMATS / "000.docx").read_bytes()
    document = docx.Document(io.BytesIO(original))
    table = document.element.body.findall(f"{W}tbl")[1]  # table 三 of 伽师县
    rows = table.findall(f"{W}tr")
    # the row "（二）部分公开" (checked by hand in 000.docx): cell 1 is the merged 三、本年度办理结果,
    # cell 2 the label, cell 3 the first figure (自然人)
    row = next(i for i, tr in enumerate(rows, 1) if _cell_texts(tr)[1].startswith("（二）部分公开"))
    changed = _change_cell(original, 2, row, 3, "99")
    before = {(d.code, d.line) for d in lint_bytes("x.docx", original, HOST).diagnostics}
    new = [d for d in lint_bytes("x.docx", changed, HOST).diagnostics if (d.code, d.line) not in before]
    assert new, "changing a figure of table 三 must break an identity"
    comments = read_comments(annotate_docx("x.docx", changed, HOST))
    assert len(comments) == len(lint_bytes("x.docx", changed, HOST).diagnostics)
    # The identities then fail at their totals (checked by hand in 000.docx): the row's 总计 (its
    # 9th cell, after the merged 三、本年度办理结果 and the label) and the 自然人 cell of （七）总计.
    total_row = next(i for i, tr in enumerate(rows, 1) if _cell_texts(tr)[1] == "（七）总计")
    anchored = {
        c.text.split()[0]: (c.table, c.row, c.cell, c.words) for c in comments if c.text.startswith("NU")
    }
    assert anchored == {"NU002": (2, row, 9, "0"), "NU003": (2, total_row, 3, "0")}


def test_the_rest_of_the_document_is_unchanged() -> None:
    """Existing comments, tracked changes, merged cells and images survive; the text reads the same."""
    source = docx.Document(io.BytesIO((FORMATS / "001.docx").read_bytes()))
    title = source.paragraphs[0]
    source.add_comment(title.runs, text="请核对机关名称", author="张三", initials="ZS")
    body = source.element.body
    paragraph = source.paragraphs[1]._p
    paragraph.append(
        docx.oxml.parse_xml(
            f'<w:del xmlns:w="{W[1:-1]}" w:id="900" w:author="李四">'
            "<w:r><w:delText>删去的字</w:delText></w:r></w:del>"
        )
    )
    paragraph.append(
        docx.oxml.parse_xml(
            f'<w:ins xmlns:w="{W[1:-1]}" w:id="901" w:author="李四"><w:r><w:t>补充</w:t></w:r></w:ins>'
        )
    )
    source.add_picture(io.BytesIO(_png()))
    buffer = io.BytesIO()
    source.save(buffer)
    data = buffer.getvalue()
    annotated = annotate_docx("001.docx", data, HOST)
    comments = read_comments(annotated)
    assert comments[0].author == "张三" and comments[0].text == "请核对机关名称"
    assert len(comments) == 1 + len(lint_bytes("001.docx", data, HOST).diagnostics)
    assert load_bytes("a.docx", annotated, HOST).text == load_bytes("a.docx", data, HOST).text
    after = docx.Document(io.BytesIO(annotated)).element.body
    for tag in ("del", "ins", "gridSpan", "vMerge", "drawing", "tbl", "tr", "tc"):
        assert len(after.findall(f".//{W}{tag}")) == len(body.findall(f".//{W}{tag}")), tag
    media = lambda blob: sorted(n for n in zipfile.ZipFile(io.BytesIO(blob)).namelist() if "media" in n)  # noqa: E731
    assert media(annotated) == media(data) != []
    styles = lambda blob: docx.Document(io.BytesIO(blob)).styles.element.xml  # noqa: E731
    assert styles(annotated) == styles(data)


def _png() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def test_not_a_docx_is_refused_with_the_pointer_to_the_review_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("某某县2023年政府信息公开工作年度报告\n", encoding="utf-8")
    status = main(["annotate", str(report), "-o", str(tmp_path / "out.docx")])
    stderr = capsys.readouterr().err
    assert status == 2
    assert ".docx" in stderr and "check --format html" in stderr
    assert not (tmp_path / "out.docx").exists()
    with pytest.raises(AnnotateError) as error:
        annotate_docx("page.html", b"<html><body>x</body></html>", HOST)
    assert "check --format html" in error.value.message
    with pytest.raises(AnnotateError):
        annotate_docx("broken.docx", b"PK\x03\x04 not really a zip", HOST)


def test_command_counts_only_the_comments_it_could_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a .docx that is one imported web page has findings but no paragraph of its own to hold them
    report = tmp_path / "page.docx"
    report.write_bytes(with_html_chunk((FORMATS / "000.html").read_bytes()))
    status = main(["annotate", str(report), "-o", str(tmp_path / "out.docx")])
    stderr = capsys.readouterr().err
    findings = lint_bytes("page.docx", report.read_bytes(), HOST).diagnostics
    assert status == 1 and findings  # 000 has errors, whether commented or not
    assert "0 条批注" in stderr and f"另有 {len(findings)} 条问题" in stderr
    assert read_comments((tmp_path / "out.docx").read_bytes()) == []


def test_command_writes_the_copy_and_never_the_original(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "000.docx"
    shutil.copy(FORMATS / "000.docx", original)
    before = original.read_bytes()
    out = tmp_path / "000.checked.docx"
    status = main(["annotate", str(original), "-o", str(out), "--select", "PD"])
    assert status == 1  # PD001 is an error
    assert original.read_bytes() == before
    assert [c.text.split()[0] for c in read_comments(out.read_bytes())] == ["PD001", "PD001"]
    assert "2 条批注" in capsys.readouterr().err
    assert main(["annotate", str(original), "-o", str(original)]) == 2
    assert original.read_bytes() == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_annotated_copy(tmp_path: Path) -> None:
    annotated = tmp_path / "001.checked.docx"
    annotated.write_bytes(annotate_docx("001.docx", (FORMATS / "001.docx").read_bytes(), HOST))
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path), str(annotated)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    converted = tmp_path / "001.checked.odt"
    assert converted.is_file() and converted.stat().st_size > 0
    content = zipfile.ZipFile(converted).read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") == len(read_comments(annotated.read_bytes()))
