"""Read .docx reports: python-docx opens the package, the body XML is walked directly.

Walking ``w:body`` ourselves (load/wordml.py, shared with annotate and fix) is about 4x faster
than python-docx's cell API and lets us decide exactly which text counts: inserted revisions and
field results are kept; deleted revisions, moved-away text, field instructions, bookmarks and
comment marks never reach the text.
"""

from __future__ import annotations

import io
import zipfile

# Guards against zip bombs and absurd packages (a real report's document.xml is well under 5 MB).
from reportlint.limits import MAX_DOCUMENT_XML_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, MEGABYTE
from reportlint.load.convert import to_docx
from reportlint.load.docx_chunks import add_chunk
from reportlint.load.layout import TextBuilder
from reportlint.load.signatures import DOCX_EXTENSIONS as EXTENSIONS
from reportlint.load.signatures import OLE_MAGIC, has_docx_signature
from reportlint.load.source import InputError, LineOrigin, SourceDocument
from reportlint.load.wordml import Paragraph, Table, walk_body
from reportlint.load.wordtext import paragraph_text

__all__ = ["EXTENSIONS", "has_docx_signature", "load_docx", "paragraph_text"]


def load_docx(data: bytes, path: str) -> SourceDocument:
    """Turn the bytes of a .docx into the shared text layout with paragraph/cell origins."""
    if data.startswith(OLE_MAGIC):
        converted = to_docx(data, ".wps" if path.lower().endswith(".wps") else ".doc")
        if converted is None or converted.startswith(OLE_MAGIC):
            raise InputError(
                "IO005",
                f"{path}：这是旧版 Office 二进制文件（如 .doc、.wps），不是 .docx；"
                "请在 Word 或 WPS 中另存为 .docx 后再检查（或安装 LibreOffice，"
                "reportlint 会用 soffice 自动转换）",
            )
        data = converted
    _check_package(data, path)
    from docx import Document  # python-docx costs ~47 ms to import: only when a .docx is read

    try:
        document = Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # python-docx raises many types for broken packages
        raise InputError(
            "IO005", f"{path}：无法打开 .docx 文件（{type(exc).__name__}）：文件可能已损坏"
        ) from None
    builder = TextBuilder()
    for block in walk_body(body):
        if isinstance(block, Paragraph):
            where = f"第{block.number}段"
            builder.paragraph(block.line.text, LineOrigin(where, paragraph=block.number))
            for box in block.boxes:
                builder.paragraph(box.text, LineOrigin(f"{where}（文本框）", paragraph=block.number))
        elif isinstance(block, Table):
            builder.table([[[text for _, text in cell] for cell in row] for row in block.rows])
        else:
            add_chunk(builder, document.part, block.relation, path)
    return builder.document(path, "docx")


def _check_package(data: bytes, path: str) -> None:
    """Refuse truncated, non-zip and bomb-like packages before python-docx inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(
            "IO005", f"{path}：不是有效的 .docx 文件（压缩包损坏或不完整，可能下载未完成）"
        ) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InputError(
            "IO005",
            f"{path}：.docx 压缩包内有 {len(entries)} 个条目，"
            f"超过上限 {MAX_ZIP_ENTRIES}（reportlint.limits.MAX_ZIP_ENTRIES），拒绝读取",
        )
    total = sum(entry.file_size for entry in entries)
    document_xml = next((e.file_size for e in entries if e.filename == "word/document.xml"), 0)
    if document_xml > MAX_DOCUMENT_XML_BYTES or total > MAX_TOTAL_UNCOMPRESSED_BYTES:
        raise InputError(
            "IO005",
            f"{path}：.docx 解压后体积异常（共 {total // MEGABYTE} MB，正文 {document_xml // MEGABYTE} MB；"
            f"上限分别为 {MAX_TOTAL_UNCOMPRESSED_BYTES // MEGABYTE} MB 和 "
            f"{MAX_DOCUMENT_XML_BYTES // MEGABYTE} MB），疑似压缩炸弹，拒绝读取",
        )
    if not any(entry.filename.startswith("word/") for entry in entries):
        raise InputError("IO005", f"{path}：压缩包里没有 Word 文档内容（word/document.xml），不是 .docx 文件")
