"""Read the comments of a .docx back, with where each is anchored (for the annotate tests).

The anchor is found from the document XML alone: the w:t text between a comment's
w:commentRangeStart and w:commentRangeEnd, and the body paragraph or table/row/cell (numbered
from 1 among the body's direct children, w:tr and w:tc) that holds the range start.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Anchored:
    comment_id: int
    author: str
    text: str
    words: str = ""
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


def read_comments(data: bytes, *, framed: bool = False) -> list[Anchored]:
    """Every comment of the document, in id order, with its anchor."""
    document = docx.Document(io.BytesIO(data))
    found = {c.comment_id: Anchored(c.comment_id, c.author, c.text) for c in document.comments}
    body = document.element.body
    container = body.find(f"{W}tbl/{W}tr/{W}tc") if framed else body
    tables = container.findall(f"{W}tbl")
    paragraphs = container.findall(f"{W}p")
    open_ids: set[int] = set()
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            comment_id = int(element.get(f"{W}id"))
            open_ids.add(comment_id)
            _place(found[comment_id], element, tables, paragraphs)
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(element.get(f"{W}id")))
        elif element.tag == f"{W}t":
            for comment_id in open_ids:
                found[comment_id].words += element.text or ""
    return [found[key] for key in sorted(found)]


def _place(anchored: Anchored, element: object, tables: list[object], paragraphs: list[object]) -> None:
    node = element
    cell = row = None
    while node is not None:
        tag = node.tag  # type: ignore[attr-defined]
        if tag == f"{W}tc" and cell is None:
            cell = node
        elif tag == f"{W}tr" and row is None:
            row = node
        elif tag == f"{W}tbl" and node in tables:
            anchored.table = tables.index(node) + 1
            anchored.row = node.findall(f"{W}tr").index(row) + 1  # type: ignore[attr-defined]
            anchored.cell = row.findall(f"{W}tc").index(cell) + 1  # type: ignore[attr-defined]
            return
        elif tag == f"{W}p" and node in paragraphs:
            anchored.paragraph = paragraphs.index(node) + 1
            return
        node = node.getparent()  # type: ignore[attr-defined]
