"""The formats ``fix`` can edit, each keeping what it must: a .txt its encoding and line ends, a
.docx its runs' formatting (the characters are changed inside the runs that hold them)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reportlint.diagnostics import Diagnostic
from reportlint.load import InputError, SourceDocument, load_bytes

if TYPE_CHECKING:
    from reportlint.plugins.host import PluginHost

_LINE_END = re.compile(r"(\r\n|\r|\n)")


class FixError(Exception):
    """The input cannot be fixed (its format, or it cannot be read); ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, eq=False)
class Edit:
    """Replace columns ``column``..``end_column`` of ``line`` (``old``) by ``new``, fixing ``diagnostic``."""

    line: int
    column: int
    end_column: int
    old: str
    new: str
    diagnostic: Diagnostic

    def overlaps(self, other: Edit) -> bool:
        return self.line == other.line and self.column < other.end_column and other.column < self.end_column

    def order(self) -> tuple[int, int]:
        return (self.line, self.column)


class Target(Protocol):
    """One input's bytes as text lines, and the same edits made on its bytes."""

    lines: list[str]

    def load(self, data: bytes) -> SourceDocument: ...

    def text(self, data: bytes) -> str: ...

    def apply(self, data: bytes, edits: Sequence[Edit]) -> bytes | None: ...


def open_target(path: str, data: bytes, host: PluginHost) -> Target:
    """The target for a report's bytes; FixError when it is not a readable .txt or .docx."""
    try:
        document = load_bytes(path, data, host)
    except InputError as error:
        raise FixError(error.message) from None
    if document.format == "txt":
        return TextTarget(path, host, document)
    if document.format == "docx":
        return DocxTarget(path, host, document)
    raise FixError(
        f"{path}：自动修复只支持 .txt 和 .docx 文件（这是 {document.format}）；"
        f"可用 `reportlint check {path}` 查看问题后在原文件中修改"
    )


class _Loading:
    def __init__(self, path: str, host: PluginHost, document: SourceDocument) -> None:
        self.path = path
        self.host = host
        self.document = document
        self.lines = document.text.split("\n")

    def load(self, data: bytes) -> SourceDocument:
        return load_bytes(self.path, data, self.host)

    def text(self, data: bytes) -> str:
        return self.load(data).text


class TextTarget(_Loading):
    """A .txt: the edits on its decoded lines, written back in its encoding with its line ends."""

    def apply(self, data: bytes, edits: Sequence[Edit]) -> bytes | None:
        encoding = self.document.encoding
        text = data[3:].decode("utf-8") if encoding == "utf-8-sig" else data.decode(encoding)
        pieces = _LINE_END.split(text)  # lines at even indices, their ends between them
        for edit in sorted(edits, key=Edit.order, reverse=True):
            index = 2 * (edit.line - 1)
            line = pieces[index]
            if line[edit.column - 1 : edit.end_column - 1] != edit.old:
                return None
            pieces[index] = line[: edit.column - 1] + edit.new + line[edit.end_column - 1 :]
        try:
            return "".join(pieces).encode(encoding)
        except UnicodeEncodeError:
            return None


class DocxTarget(_Loading):
    """A .docx: each edit made inside the runs that hold the characters (docx/wordedit)."""

    def apply(self, data: bytes, edits: Sequence[Edit]) -> bytes | None:
        from docx import Document

        from reportlint.wordedit import WordBody, locate, replace_text, visible_text
        from reportlint.wordedit.fallback import fallback_twin

        word = Document(io.BytesIO(data))
        body = WordBody(word.element.body)
        ordered = sorted(edits, key=Edit.order, reverse=True)
        # every place is found before any is edited (a paragraph that was edited no longer reads
        # as its line), then edited from the right so the others' offsets stay valid
        places = [locate(body, self.document, e.line, e.column, e.line, e.end_column) for e in ordered]
        for edit, place in zip(ordered, places, strict=True):
            if place is None or not place.exact or place.end - place.start != len(edit.old):
                return None
            twin = fallback_twin(place.paragraph)
            same = twin is not None and visible_text(twin) == visible_text(place.paragraph)
            if not replace_text(place.paragraph, place.start, place.end, edit.new):
                return None
            if same:  # the text box's copy for older readers, when it reads the same
                replace_text(twin, place.start, place.end, edit.new)
        out = io.BytesIO()
        word.save(out)
        return out.getvalue()
