"""The parse stage: a SourceDocument's text becomes the typed Report of ``reportlint.model``.

In pipeline order: ``normalize`` (full-width forms, one character for one), ``textlines`` (lines
with their origins), ``lexer`` (one typed token per line, headings found by ``headings`` and dates
by ``dates``), ``document`` (the skeleton over grammars/report.lark and the model built from it),
and the table assembly: ``cells`` (what a cell holds), ``table_layouts`` (the layouts a table comes
in), ``table_labels`` (placing labels on the template's rows and columns of ``template``) and
``tables`` (cells keyed by row and column). Rules read the model and may use the template; they
never see lark objects.

``parse_document`` and ``parse_text`` are imported lazily from ``document``, so that using the
template (``reportlint.parse.template``) does not load the grammar and the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlint.parse.document import parse_document, parse_text

__all__ = ["parse_document", "parse_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reportlint.parse import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
