"""Where a finding's comment goes: its words, its cell, the row it concerns, or the title."""

from __future__ import annotations

from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.load import SourceDocument
from reportlint.wordedit import WordBody, anchor_runs, locate, visible_text


def anchor_for(body: WordBody, document: SourceDocument, diagnostic: Diagnostic) -> tuple[Any, Any] | None:
    """The first and last w:r element of the comment's range.

    The words when the origin map finds them; else the whole paragraph or cell; a place without
    an origin (a finding about the whole report) or an empty paragraph outside a table falls back
    to the title. None only for a document without a paragraph to hold a comment.
    """
    d = diagnostic
    place = locate(body, document, d.line, d.column, d.end_line, d.end_column)
    paragraph = place.paragraph if place is not None else None
    runs = None
    if place is not None and place.exact:
        runs = anchor_runs(place.paragraph, place.start, place.end)
    if runs is None and paragraph is not None:
        runs = anchor_runs(paragraph, 0, len(visible_text(paragraph)))
    if runs is None and (place is None or not place.in_cell):
        title = body.title()
        if title is not None:
            paragraph = title
            runs = anchor_runs(title, 0, len(visible_text(title)))
    if runs is None:
        paragraph = paragraph if paragraph is not None else body.first()
        if paragraph is None:
            return None
        empty = _empty_run(paragraph)
        runs = (empty, empty)
    return runs


def _empty_run(paragraph: Any) -> Any:
    """A run without text at the end of an empty paragraph (a blank cell), to hold the range."""
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    paragraph.append(run)
    return run
