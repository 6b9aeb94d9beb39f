"""Built-in input formats, registered through ``reportlint_load_document`` like any plugin's.

The built-in formats share one ``trylast`` hook implementation, so every plugin's loader is asked
first: a plugin adds a format (.ofd, .wps) or replaces a built-in one just by returning a
document. Each format claims a file by its extension or by sniffing its first bytes (a zip with
``word/`` parts, ``%PDF-``, an ``<html`` tag), so a report saved under the wrong extension is still
read; plain text is the fallback. The signatures need no reader: a format's module (and
python-docx, selectolax, pypdfium2) is imported only when such a file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from reportlint.load import signatures
from reportlint.load.markdown import load_markdown
from reportlint.load.source import SourceDocument
from reportlint.load.text import load_text
from reportlint.plugins.hookspecs import hookimpl

# (signature test, extensions, module, load function), in the order their signatures are tried.
RICH_FORMATS: tuple[tuple[Callable[[bytes], bool], tuple[str, ...], str, str], ...] = (
    (signatures.has_pdf_signature, signatures.PDF_EXTENSIONS, "reportlint.load.pdf", "load_pdf"),
    (signatures.has_docx_signature, signatures.DOCX_EXTENSIONS, "reportlint.load.docx", "load_docx"),
    (signatures.has_ofd_signature, signatures.OFD_EXTENSIONS, "reportlint.load.ofd", "load_ofd"),
    (signatures.has_html_signature, signatures.HTML_EXTENSIONS, "reportlint.load.html", "load_html"),
)


@hookimpl(trylast=True)
def reportlint_load_document(path: str, data: bytes) -> SourceDocument | None:
    """.pdf, .docx and .html by content first (a .docx saved as .pdf is still a .docx), then by
    extension (so a broken .docx gets a .docx message); everything else as plain text."""
    lowered = path.lower()
    chosen = next((f for f in RICH_FORMATS if f[0](data)), None) or next(
        (f for f in RICH_FORMATS if lowered.endswith(f[1])), None
    )
    if chosen is None:
        markdown = lowered.endswith(signatures.MARKDOWN_EXTENSIONS)
        return load_markdown(data, path) if markdown else load_text(data, path)
    _, _, module_name, load_name = chosen
    load: Callable[[bytes, str], SourceDocument] = getattr(import_module(module_name), load_name)
    return load(data, path)
