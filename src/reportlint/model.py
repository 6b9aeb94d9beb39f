"""The typed model of a report: the only thing rules see.

Everything here is frozen and built from the standard library only, so rules, formatters and
plugins can rely on it without importing lark or any loader. Positions are 1-based lines and
columns counted in Unicode code points of the *original* text (the normalizer maps one character
to one character, so normalized and original positions are the same).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A range of the source text; ``end_column`` is exclusive on ``end_line``."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def on_line(cls, line: int, column: int, length: int) -> Span:
        """A span of ``length`` characters inside one line."""
        return cls(line, column, line, column + max(length, 0))

    def cover(self, other: Span) -> Span:
        """The smallest span holding both spans."""
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(start[0], start[1], end[0], end[1])


class CellKind(StrEnum):
    """What a table cell holds. A blank or "/" cell is not a zero."""

    NUMBER = "number"
    BLANK = "blank"
    SLASH = "slash"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a statistical table, placed at its template row and column."""

    table: str
    row: str
    column: str
    raw: str
    kind: CellKind
    value: Decimal | None
    span: Span
    decoded: bool = False
    """Cut from figures run together in a flattened row ("640020470"), by the table's identities."""


# Spans and cells are built by the thousand per report. The __init__ that dataclass(frozen=True)
# writes sets each field with object.__setattr__(self, "name", value), a look-up by name per
# field; writing the slots through their descriptors is the same store without the look-ups (a
# seed report parses ~12 % faster). Instances stay frozen: assigning a field afterwards still
# raises FrozenInstanceError, and equality, hashing, repr, replace() and pickling are unchanged.
_SET_LINE, _SET_COLUMN, _SET_END_LINE, _SET_END_COLUMN = (
    Span.__dict__[name].__set__ for name in ("line", "column", "end_line", "end_column")
)
_SET_TABLE, _SET_ROW, _SET_CELL_COLUMN, _SET_RAW, _SET_KIND, _SET_VALUE, _SET_SPAN, _SET_DECODED = (
    Cell.__dict__[name].__set__
    for name in ("table", "row", "column", "raw", "kind", "value", "span", "decoded")
)


def _span_init(self: Span, line: int, column: int, end_line: int, end_column: int) -> None:
    _SET_LINE(self, line)
    _SET_COLUMN(self, column)
    _SET_END_LINE(self, end_line)
    _SET_END_COLUMN(self, end_column)


def _cell_init(
    self: Cell,
    table: str,
    row: str,
    column: str,
    raw: str,
    kind: CellKind,
    value: Decimal | None,
    span: Span,
    decoded: bool = False,
) -> None:
    _SET_TABLE(self, table)
    _SET_ROW(self, row)
    _SET_CELL_COLUMN(self, column)
    _SET_RAW(self, raw)
    _SET_KIND(self, kind)
    _SET_VALUE(self, value)
    _SET_SPAN(self, span)
    _SET_DECODED(self, decoded)


for _cls, _init in ((Span, _span_init), (Cell, _cell_init)):
    _init.__qualname__ = f"{_cls.__name__}.__init__"  # what a wrong call's TypeError names
Span.__init__ = _span_init  # type: ignore[method-assign]
Cell.__init__ = _cell_init  # type: ignore[method-assign]


@dataclass(frozen=True, slots=True)
class RowLabel:
    """A row as found in the text: its template key, the label as written, and where."""

    key: str
    written: str
    template: str
    span: Span


@dataclass(frozen=True, slots=True)
class ColumnLabel:
    """A column header as found in the text (labels split over lines are joined)."""

    key: str
    written: str
    template: str
    span: Span


@dataclass(frozen=True, slots=True)
class AssemblyProblem:
    """Something table assembly could not place; rules turn these into diagnostics.

    ``kind`` is one of: ``missing-row``, ``missing-column``, ``extra-cells``, ``missing-cells``,
    ``stray-text``, ``unplaced``, ``duplicate-row``, ``no-values``.
    """

    kind: str
    table: str
    message: str
    span: Span
    row: str | None = None
    column: str | None = None
    detail: str | None = None


class TableFormat(StrEnum):
    """Which official template a table follows."""

    T2021 = "2021"
    T2019 = "2019"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, eq=False)
class Table:
    """One of the report's statistical tables (二, 三 or 四), cells keyed by (row, column)."""

    key: str
    format: TableFormat
    span: Span
    cells: Mapping[tuple[str, str], Cell]
    rows: tuple[RowLabel, ...] = ()
    columns: tuple[ColumnLabel, ...] = ()
    problems: tuple[AssemblyProblem, ...] = ()

    def cell(self, row: str, column: str) -> Cell | None:
        """The cell at a template position, or None when the text has none there."""
        return self.cells.get((row, column))

    def value(self, row: str, column: str) -> Decimal | None:
        """The numeric value at a template position, or None when blank, "/", text or absent."""
        found = self.cells.get((row, column))
        return found.value if found is not None else None

    def row_label(self, row: str) -> RowLabel | None:
        """The label of a row as written, or None when the row was not found."""
        for label in self.rows:
            if label.key == row:
                return label
        return None


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading or sub-heading, with its numbering exactly as written."""

    level: int
    numbering: str
    number: int | None
    title: str
    span: Span


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of prose (one source line), kept in the original characters."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written; ``well_formed`` is False for slips such as "20231月1日"."""

    text: str
    span: Span
    year: int | None
    month: int | None
    day: int | None
    well_formed: bool = True


@dataclass(frozen=True, slots=True)
class Period:
    """The statistical-period sentence and the two dates it names."""

    text: str
    span: Span
    start: DateMention | None
    end: DateMention | None


@dataclass(frozen=True, slots=True)
class Title:
    """The report title (possibly joined from several lines)."""

    text: str
    span: Span
    body: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class Section:
    """One of the numbered top-level parts; ``key`` is the template section (1–6) it matches."""

    key: int | None
    heading: Heading
    span: Span
    subheadings: tuple[Heading, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Noise:
    """Text the parser skipped as not belonging to the report (page chrome, docx artefacts)."""

    kind: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True, eq=False)
class Report:
    """A parsed report. Missing parts are None or empty, never an exception."""

    path: str
    text: str
    lines: tuple[str, ...]
    title: Title | None = None
    body: str | None = None
    year: int | None = None
    year_source: str = "none"
    period: Period | None = None
    signature_body: str | None = None
    signature_date: DateMention | None = None
    preamble: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: Mapping[str, Table] = field(default_factory=dict)
    noise: tuple[Noise, ...] = ()
    format: str = "txt"

    def section(self, key: int) -> Section | None:
        """The first section matching template section ``key`` (1–6)."""
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def table(self, key: str) -> Table | None:
        """Table 二, 三 or 四, when the report has it."""
        return self.tables.get(key)

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All prose in document order: the preamble, then every section's paragraphs."""
        found: list[Paragraph] = list(self.preamble)
        for section in self.sections:
            found.extend(section.paragraphs)
        return tuple(found)
