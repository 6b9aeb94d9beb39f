"""A copy of a .docx report with one Word comment per finding, for the people who draft it.

Drafters work in Word or WPS; a list of line numbers makes them find each place again by hand.
``annotate_docx`` checks the document and anchors each finding's comment at the words or the
table cell it concerns (a finding about the whole report at the title). The document is
otherwise saved as it was read: styles, merged cells, images, tracked changes and comments
already there stay; only the commented runs are split at the finding's words.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.plugins.host import PluginHost

__all__ = ["AUTHOR", "AnnotateError", "annotate_docx", "comment_text"]

AUTHOR = "reportlint"
INITIALS = "RL"


class AnnotateError(Exception):
    """The input is not a .docx that can be read; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def comment_text(diagnostic: Diagnostic) -> str:
    """The comment: code and message, then expected/actual and the basis on their own lines."""
    lines = [f"{diagnostic.code} {diagnostic.message}"]
    if diagnostic.expected is not None or diagnostic.actual is not None:
        lines.append(f"期望 {diagnostic.expected or '（无）'}，实际 {diagnostic.actual or '（无）'}")
    if diagnostic.basis:
        lines.append(f"依据：{diagnostic.basis}")
    return "\n".join(lines)


def annotate_docx(path: str, data: bytes, host: PluginHost, config: Config | None = None) -> bytes:
    """The annotated copy of a .docx (``data``; ``path`` names it in messages and per-file
    ignores): checked with ``config``, one comment per finding. Raises AnnotateError when the
    bytes are not a readable .docx."""
    return annotated(path, data, host, config)[0]


def annotated(
    path: str, data: bytes, host: PluginHost, config: Config | None = None
) -> tuple[bytes, list[Diagnostic], int]:
    """``annotate_docx``, the findings, and how many of them it wrote as comments (all, unless
    the body has no paragraph to hold one: a page imported whole), for the command's summary."""
    from reportlint.annotate.check import check_docx

    document, diagnostics = check_docx(path, data, host, config)
    word = _open(data, path)
    written = add_comments(word, document, diagnostics)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), diagnostics, len(written)


def _open(data: bytes, path: str) -> Any:
    from docx import Document

    try:
        return Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for broken packages
        raise AnnotateError(f"{path}：无法打开 .docx 文件（{type(error).__name__}）") from None


def add_comments(word: Any, document: Any, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """One comment per diagnostic, at its place in ``word`` (a python-docx Document); the
    diagnostics commented (all of them, unless the body has no paragraph to hold one)."""
    from docx.text.run import Run

    from reportlint.annotate.anchor import anchor_for
    from reportlint.wordedit import WordBody

    body = WordBody(word.element.body)
    written = []
    for diagnostic in diagnostics:
        runs = anchor_for(body, document, diagnostic)
        if runs is not None:
            written.append(diagnostic)
            word.add_comment(
                [Run(runs[0], word), Run(runs[1], word)],
                text=comment_text(diagnostic),
                author=AUTHOR,
                initials=INITIALS,
            )
    return written
