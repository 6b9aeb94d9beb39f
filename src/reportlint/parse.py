"""Turn a SourceDocument into a Report. (Placeholder until the lark parser lands.)"""

from __future__ import annotations

from reportlint.load.source import SourceDocument
from reportlint.model import Report


def parse_document(document: SourceDocument) -> Report:
    """Parse any text into a Report; never raises."""
    return Report(path=document.path, text=document.text, lines=tuple(document.text.split("\n")))


def parse_text(text: str, path: str = "<text>") -> Report:
    """Parse a string as a plain-text report."""
    return parse_document(SourceDocument(path=path, text=text))
