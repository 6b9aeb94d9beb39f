"""Built-in input formats, registered through ``reportlint_load_document`` like any plugin's.

The built-in formats share one ``trylast`` hook implementation, so every plugin's loader is asked
first: a plugin adds a format (.ofd, .wps) or replaces a built-in one just by returning a
document. Each format claims a file by its extension or by sniffing its first bytes (a zip with
``word/`` parts, ``%PDF-``, an ``<html`` tag), so a report saved under the wrong extension is still
read; plain text is the fallback. Format modules (and python-docx, selectolax, pypdfium2) are
imported only when such a file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from reportlint.load.source import SourceDocument
from reportlint.load.text import load_text
from reportlint.plugins.hookspecs import hookimpl

# (module, sniff function, load function), tried in this order before plain text.
RICH_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("reportlint.load.pdf", "looks_like_pdf", "load_pdf"),
    ("reportlint.load.docx", "looks_like_docx", "load_docx"),
    ("reportlint.load.html", "looks_like_html", "load_html"),
)


@hookimpl(trylast=True)
def reportlint_load_document(path: str, data: bytes) -> SourceDocument | None:
    """.pdf, .docx and .html by extension or content; everything else as plain text."""
    for module_name, sniff_name, load_name in RICH_FORMATS:
        module = import_module(module_name)
        sniff: Callable[[str, bytes], bool] = getattr(module, sniff_name)
        if sniff(path, data):
            load: Callable[[bytes, str], SourceDocument] = getattr(module, load_name)
            return load(data, path)
    return load_text(data, path)
