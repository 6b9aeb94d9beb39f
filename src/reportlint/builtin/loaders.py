"""Built-in input formats, registered through ``reportlint_load_document`` like any plugin's."""

from __future__ import annotations

from reportlint.load.source import SourceDocument
from reportlint.load.text import load_text
from reportlint.plugins.hookspecs import hookimpl


@hookimpl(trylast=True)
def reportlint_load_document(path: str, data: bytes) -> SourceDocument | None:
    """Plain text is the fallback for every file no other loader claimed."""
    return load_text(data, path)
