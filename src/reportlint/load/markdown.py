"""Read Markdown (.md), as OCR and PDF-to-Markdown tools write reports: decoded like plain text.

The marks themselves ("## 一、总体情况", "**…**", "|---|" rules) are read as white space by the
parser (parse.marks), for any input that carries them, so columns stay those of the file.
Converters such as MinerU write tables as HTML (``<table><tr><td>…``) inside the Markdown: such a
file is laid out like a web page's text, its tables as cells (origins name the file's lines).
"""

from __future__ import annotations

import re

from reportlint.load.layout import TextBuilder
from reportlint.load.signatures import MARKDOWN_EXTENSIONS as EXTENSIONS
from reportlint.load.source import LineOrigin, SourceDocument
from reportlint.load.text import decode_text, normalize_newlines

__all__ = ["EXTENSIONS", "load_markdown"]

_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)


def load_markdown(data: bytes, path: str) -> SourceDocument:
    """Turn the bytes of a .md report into a SourceDocument (format "md")."""
    text, encoding = decode_text(data, path)
    text = normalize_newlines(text)
    blocks = _table_blocks(text)
    if not blocks:
        return SourceDocument(path=path, text=text, format="md", encoding=encoding)
    return _with_html_tables(text, blocks, path, encoding)


def _table_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each outermost ``<table>…</table>``; an unclosed one runs to the end."""
    blocks: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tag in _TABLE_TAG.finditer(text):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                blocks.append((start, tag.end()))
    if depth > 0:
        blocks.append((start, len(text)))
    return blocks


def _with_html_tables(text: str, blocks: list[tuple[int, int]], path: str, encoding: str) -> SourceDocument:
    from reportlint.load.html import html_table_rows  # only for a file that holds such tables

    builder = TextBuilder()
    position = 0
    for start, end in [*blocks, (len(text), len(text))]:
        _lines(builder, text, position, start)
        if start < end:
            builder.table(html_table_rows(text[start:end], path))
        position = end
    return builder.document(path, "md", encoding)


def _lines(builder: TextBuilder, text: str, start: int, end: int) -> None:
    """The Markdown between two tables, line by line, each with the file line it is on; the empty
    rest of a line a table ends or starts on is no line of its own."""
    pieces = text[start:end].split("\n")
    first = text.count("\n", 0, start) + 1
    last = len(pieces) - 1
    for offset, line in enumerate(pieces):
        partial = (offset == 0 and start > 0) or (offset == last and end < len(text))
        if partial and not line.strip():
            continue
        builder.paragraph(line, LineOrigin(f"第{first + offset}行", paragraph=first + offset))
