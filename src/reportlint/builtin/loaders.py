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

from reportlint.load.markdown import EXTENSIONS as MARKDOWN
from reportlint.load.markdown import load_markdown
from reportlint.load.source import SourceDocument
from reportlint.load.text import load_text
from reportlint.plugins.hookspecs import hookimpl

# (module, signature test, load function), in the order their signatures are tried.
RICH_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("reportlint.load.pdf", "has_pdf_signature", "load_pdf"),
    ("reportlint.load.docx", "has_docx_signature", "load_docx"),
    ("reportlint.load.ofd", "has_ofd_signature", "load_ofd"),
    ("reportlint.load.html", "has_html_signature", "load_html"),
)


@hookimpl(trylast=True)
def reportlint_load_document(path: str, data: bytes) -> SourceDocument | None:
    """.pdf, .docx and .html by content first (a .docx saved as .pdf is still a .docx), then by
    extension (so a broken .docx gets a .docx message); everything else as plain text."""
    modules = [(import_module(name), sniff, load) for name, sniff, load in RICH_FORMATS]
    lowered = path.lower()
    chosen = next((m for m in modules if getattr(m[0], m[1])(data)), None) or next(
        (m for m in modules if lowered.endswith(m[0].EXTENSIONS)), None
    )
    if chosen is None:
        return load_markdown(data, path) if lowered.endswith(MARKDOWN) else load_text(data, path)
    module, _, load_name = chosen
    load: Callable[[bytes, str], SourceDocument] = getattr(module, load_name)
    return load(data, path)
