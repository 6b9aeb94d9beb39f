"""Which format a file is, from its first bytes and its name, without importing any reader.

Every check sniffs its input before choosing a loader; keeping the signatures here means a .txt
report never pays for importing the PDF, Word and HTML readers (and their libraries).
"""

from __future__ import annotations

import codecs

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_HEAD = 65536

PDF_EXTENSIONS = (".pdf",)
DOCX_EXTENSIONS = (".docx", ".docm", ".doc", ".wps")
OFD_EXTENSIONS = (".ofd",)
HTML_EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml")
MARKDOWN_EXTENSIONS = (".md", ".markdown")


def has_pdf_signature(data: bytes) -> bool:
    """The PDF header, which readers accept after up to 1 KB of leading junk."""
    return PDF_MAGIC in data[:1024]


def has_docx_signature(data: bytes) -> bool:
    """A zip holding ``word/`` parts, or an old binary Office file (refused with advice)."""
    return (data.startswith(ZIP_MAGIC) and b"word/" in data[:_ZIP_HEAD]) or data.startswith(OLE_MAGIC)


def has_ofd_signature(data: bytes) -> bool:
    """A zip holding the OFD package's ``OFD.xml``."""
    return data.startswith(ZIP_MAGIC) and b"OFD.xml" in data[:_ZIP_HEAD]


def has_html_signature(data: bytes) -> bool:
    """Bytes that start (after a BOM and blanks) with a doctype or an ``<html`` tag."""
    head = data[:1024].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:256]
