"""Check a .docx for annotation: its loaded text (with the origin map) and its findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint.annotate import AnnotateError
from reportlint.diagnostics import Diagnostic
from reportlint.load import InputError, SourceDocument, load_bytes
from reportlint.load.signatures import ZIP_MAGIC

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.plugins.host import PluginHost


def needs_docx(path: str) -> str:
    """The message for an input that is not a .docx."""
    return (
        f"{path}：批注只能写入 Word 文档（.docx）；"
        f"其他格式请用 `reportlint check --format html --output-file review.html {path}` 查看问题"
    )


def check_docx(
    path: str, data: bytes, host: PluginHost, config: Config | None
) -> tuple[SourceDocument, list[Diagnostic]]:
    """The document and its findings under ``config``; AnnotateError for anything not a .docx."""
    from reportlint.config import Config
    from reportlint.parse.document import parse_document
    from reportlint.rules.engine import Linter

    if not data.startswith(ZIP_MAGIC):
        raise AnnotateError(needs_docx(path))
    try:
        document = load_bytes(path, data, host)
    except InputError as error:
        raise AnnotateError(error.message) from None
    if document.format != "docx":
        raise AnnotateError(needs_docx(path))
    linter = Linter(host, config or Config())
    return document, linter.lint(parse_document(document))
