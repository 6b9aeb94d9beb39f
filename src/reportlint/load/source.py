"""The one text form every input format is turned into, plus a map back to the source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


class InputError(Exception):
    """A file reportlint cannot read as a report; becomes an IO diagnostic or exit status 2.

    ``code`` is the IO rule code to report (IO001 unreadable, IO002 encoding, IO003 no report
    text, IO004 too large, IO005 broken container); ``message`` is in Chinese for the user.
    """

    def __init__(self, code: str, message: str, *, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class LineOrigin:
    """Where one line of the produced text came from in the source file.

    For plain text this is absent (the line is the line). For .docx it names the paragraph or the
    table cell ("表3 第5行 第2列"); for .pdf the page; for .html the element.
    """

    description: str
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A report as text (tables as one cell per line or pipe rows) with its origin map.

    ``origins`` has one entry per line of ``text`` (index 0 is line 1) or is empty when lines of
    the text are lines of the file itself.
    """

    path: str
    text: str
    format: str = "txt"
    encoding: str = "utf-8"
    origins: Sequence[LineOrigin | None] = field(default=())
    notes: tuple[str, ...] = ()

    def origin_of(self, line: int) -> LineOrigin | None:
        """The source place of a 1-based line of ``text``, when the loader recorded one."""
        if 1 <= line <= len(self.origins):
            return self.origins[line - 1]
        return None
