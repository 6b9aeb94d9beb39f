"""Build a .docx whose body imports a web page (``w:altChunk``), as some office systems export."""

from __future__ import annotations

import io

from docx import Document
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def with_html_chunk(page: bytes, before: str = "", after: str = "", kind: str = "text/html") -> bytes:
    """The page (``kind``: text/html, or message/rfc822 for MHT) between optional paragraphs."""
    document = Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    part = Part(PackURI("/word/afchunk1.htm"), kind, page, document.part.package)
    relation = document.part.relate_to(part, f"{R}/aFChunk")
    blocks = [_paragraph(before)] if before else []
    blocks.append(f'<w:altChunk xmlns:w="{W}" xmlns:r="{R}" r:id="{relation}"/>')
    blocks += [_paragraph(after)] if after else []
    for block in blocks:
        body.insert(len(body) - 1, parse_xml(block))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(text: str) -> str:
    return f'<w:p xmlns:w="{W}"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
