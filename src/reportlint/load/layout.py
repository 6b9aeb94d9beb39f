"""The shared text layout every rich-format loader writes: paragraphs and tab-prefixed table cells.

The text parser was built on reports extracted from Word: each paragraph one line, each table cell
on its own line starting with a TAB (further lines of the same cell follow without one), a blank
line after every table row and one more after the table. Writing every format through this one
builder keeps .docx, .html and .pdf text identical in shape to the seeds, with one origin per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlint.load.source import LineOrigin, SourceDocument

# A table cell: its lines of text (a cell with several paragraphs has several lines).
CellLines = Sequence[str]


@dataclass
class TextBuilder:
    """Collects produced lines with their origins; ``document()`` makes the SourceDocument."""

    lines: list[str] = field(default_factory=list)
    origins: list[LineOrigin | None] = field(default_factory=list)
    tables: int = 0

    def paragraph(self, text: str, origin: LineOrigin) -> None:
        """One paragraph as one line (line breaks inside it are dropped)."""
        self.lines.append(_one_line(text))
        self.origins.append(origin)

    def table(self, rows: Sequence[Sequence[CellLines]], *, pages: Sequence[int] = ()) -> None:
        """A whole table in the cell-per-line layout; rows and cells are numbered from 1.

        ``pages`` gives each row's page (PDF), which then starts the origin's description.
        """
        self.tables += 1
        number = self.tables
        page: int | None = None
        for row_index, row in enumerate(rows, start=1):
            if pages:
                page = pages[row_index - 1]
            where = f"第{page}页 " if page is not None else ""
            for cell_index, cell in enumerate(row, start=1):
                origin = LineOrigin(
                    f"{where}表{number} 第{row_index}行 第{cell_index}列",
                    page=page,
                    table=number,
                    row=row_index,
                    cell=cell_index,
                )
                cell_lines = [_one_line(line) for line in cell if line.strip()] or [""]
                self.lines.append("\t" + cell_lines[0])
                self.origins.append(origin)
                for extra in cell_lines[1:]:
                    self.lines.append(extra)
                    self.origins.append(origin)
            self.lines.append("")
            self.origins.append(
                LineOrigin(f"{where}表{number} 第{row_index}行", page=page, table=number, row=row_index)
            )
        self.lines.append("")
        self.origins.append(LineOrigin(f"表{number}", page=page, table=number))

    def document(self, path: str, fmt: str, encoding: str = "utf-8") -> SourceDocument:
        """The finished text; a final newline like the .txt seeds have."""
        return SourceDocument(
            path=path,
            text="\n".join(self.lines) + "\n",
            format=fmt,
            encoding=encoding,
            origins=tuple(self.origins),
        )


def _one_line(text: str) -> str:
    """Line breaks and tabs inside a paragraph would break the layout: they become nothing/space."""
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\r", "").replace("\n", "").replace("\t", " ")
    return text
