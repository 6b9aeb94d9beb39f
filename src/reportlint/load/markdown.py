"""Read Markdown (.md), as OCR and PDF-to-Markdown tools write reports: decoded like plain text.

The marks themselves ("## 一、总体情况", "**…**", "|---|" rules) are read as white space by the
parser (parse.marks), for any input that carries them, so columns stay those of the file.
"""

from __future__ import annotations

from reportlint.load.source import SourceDocument
from reportlint.load.text import decode_text, normalize_newlines


def load_markdown(data: bytes, path: str) -> SourceDocument:
    """Turn the bytes of a .md report into a SourceDocument (format "md")."""
    text, encoding = decode_text(data, path)
    return SourceDocument(path=path, text=normalize_newlines(text), format="md", encoding=encoding)
