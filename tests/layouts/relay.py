"""Re-lay a known-good report in the layouts real publishers and scrapers produce.

A report is first read into blocks: text lines, and table rows (label and cells) taken from the
parse of the original, which is known good. Each layout then writes the blocks back out the way
one kind of publisher does (corpus pages/INDEX.md "layout", full/LABELS.md). The transforms are
mechanical and never look at what the parser would make of the result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlint.model import Report

HALF_WIDTH = str.maketrans("（），：；！？", "(),:;!?")


@dataclass(frozen=True)
class Row:
    """One table row: its label as written and its cells' text in column order."""

    table: str
    label: str
    cells: tuple[str, ...]
    lead: tuple[str, ...] = ()
    """Cells before the label: a merged label cell ("（三）不予公开" over its sub-rows) written
    again, blank, in each row it spans."""


@dataclass(frozen=True)
class Text:
    """A line that is not a table row; ``heading`` marks the six section headings."""

    text: str
    table: str | None = None
    heading: bool = False


Block = Row | Text


def blocks(text: str, report: Report) -> list[Block]:
    """The report's lines as blocks, rows located by the original's parse."""
    lines = text.splitlines()
    heading_lines = {s.heading.span.line for s in report.sections}
    row_of: dict[int, tuple[str, str]] = {}
    first_line: dict[tuple[str, str], int] = {}
    rows: dict[tuple[str, str], Row] = {}
    table_of: dict[int, str] = {}
    for key, table in report.tables.items():
        for number in range(table.span.line, table.span.end_line + 1):
            table_of[number] = key
        labels = {label.key: label for label in table.rows}
        by_row: dict[str, list[tuple[int, str]]] = {}
        for (row, _column), cell in sorted(table.cells.items(), key=lambda i: i[1].span):
            by_row.setdefault(row, []).append((cell.span.line, cell.raw))
        for row, cells in by_row.items():
            label = labels.get(row)
            spanned = [line for line, _ in cells]
            written = ""
            if label is not None:
                spanned += list(range(label.span.line, label.span.end_line + 1))
                written = label.written
            start, end = min(spanned), max(spanned)
            for number in range(start, end + 1):
                row_of.setdefault(number, (key, row))
            first_line[(key, row)] = start
            rows[(key, row)] = Row(key, written.strip(), tuple(raw for _, raw in cells))
    out: list[Block] = []
    for number, line in enumerate(lines, 1):
        owner = row_of.get(number)
        if owner is not None:
            if first_line[owner] == number:
                out.append(rows[owner])
            continue
        if line.strip():
            out.append(Text(line.strip(), table_of.get(number), number in heading_lines))
    return out


def _cells(row: Row) -> list[str]:
    return [*row.lead, row.label, *row.cells] if row.label else [*row.lead, *row.cells]


def blank_zeros(
    items: Sequence[Block], tables: tuple[str, ...] = ("二", "三"), *, keep_totals: bool = False
) -> list[Block]:
    """The zeros of ``tables`` left blank, as many publishers do, and in table 三 the merged label
    cells ("三、本年度办理结果", "（三）不予公开") blank in the rows they span after the first. With
    ``keep_totals`` the 总计 of table 三 (its last cell) is written even when 0, as others do."""
    out: list[Block] = []
    for item in items:
        if isinstance(item, Row) and item.table in tables:
            last = len(item.cells) - 1 if keep_totals and item.table == "三" else -1
            cells = tuple(
                "" if cell.strip() == "0" and index != last else cell for index, cell in enumerate(item.cells)
            )
            spanned = item.table == "三" and _is_spanned(item.label)
            item = Row(item.table, item.label, cells, ("",) if spanned else ())
        out.append(item)
    return out


def _is_spanned(label: str) -> bool:
    """A row of table 三 under a merged label cell that starts in a row above it."""
    if label[:1].isdigit():
        return not label.startswith("1.")
    return label.startswith(("（二）", "（三）", "（四）", "（五）", "（六）", "（七）"))


def drop_blanks(items: Sequence[Block], *, keep_lead: bool = False) -> list[Block]:
    """Every blank cell gone, as a scrape that skips empty (or &nbsp;) cells writes a table: the
    figures of a row move left and nothing shows where the gaps were. With ``keep_lead`` the
    blank merged label cells before a row's label stay (a scrape that drops only value cells)."""
    return [
        Row(
            item.table,
            item.label,
            tuple(cell for cell in item.cells if cell.strip()),
            item.lead if keep_lead else (),
        )
        if isinstance(item, Row)
        else item
        for item in items
    ]


def joined_rows(items: Sequence[Block], separator: str) -> str:
    """Each row on one line, its cells joined by ``separator`` (a TAB or a space)."""
    out = [separator.join(_cells(item)) if isinstance(item, Row) else item.text for item in items]
    return "\n".join(out) + "\n"


def cell_per_line(items: Sequence[Block]) -> str:
    """One cell per line, rows separated by a blank line (scraped HTML tables)."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Row):
            out += [*_cells(item), ""]
        else:
            out.append(item.text)
    return "\n".join(out) + "\n"


def _per_cell(suffix: Callable[[str], list[str]]) -> Callable[[Sequence[Block]], str]:
    def render(items: Sequence[Block]) -> str:
        out: list[str] = []
        for item in items:
            if isinstance(item, Row):
                for cell in _cells(item):
                    out += suffix(cell)
            elif item.table is not None:
                out += suffix(item.text)
            else:
                out.append(item.text)
        return "\n".join(out) + "\n"

    return render


cell_pipe = _per_cell(lambda cell: [f"{cell} |"])
"""Each cell on its own line ending in " |" (corpus 015)."""

lone_pipes = _per_cell(lambda cell: [cell, "|"])
"""Each cell on its own line, "|" alone on the next (corpus 023)."""


def pipe_rows(items: Sequence[Block], *, rules: bool = False) -> str:
    """Each row as "| label | 1 | 0 |"; with ``rules`` a Markdown "|---|" under the first row."""
    out: list[str] = []
    ruled: set[str] = set()
    for item in items:
        if isinstance(item, Row):
            cells = _cells(item)
            if rules and item.table not in ruled:
                ruled.add(item.table)
                out += ["| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
            else:
                out.append("| " + " | ".join(cells) + " |")
        else:
            out.append(item.text)
    return "\n".join(out) + "\n"


def flattened(items: Sequence[Block]) -> str:
    """Each row's label and figures run together with no separator ("…申请数量640020470")."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Row):
            out.append(item.label + "".join(item.cells))
        else:
            out.append(item.text)
    return "\n".join(out) + "\n"


def markdown(items: Sequence[Block], *, page_lines: int = 40) -> str:
    """As a PDF-to-Markdown converter writes it: "## " headings, **bold** sub-headings, pipe
    tables with a rule, and a "— N —" page footer every ``page_lines`` lines."""
    body = pipe_rows(
        [
            Text("## " + i.text if i.heading else _bold(i.text), i.table, i.heading)
            if isinstance(i, Text) and i.table is None
            else i
            for i in items
        ],
        rules=True,
    ).splitlines()
    out: list[str] = []
    page = 1
    for number, line in enumerate(body, 1):
        out.append(line)
        if number % page_lines == 0 and not line.startswith("|"):
            out += ["", f"— {page} —", ""]
            page += 1
    return "\n".join(out) + "\n"


def _bold(text: str) -> str:
    if text.startswith(("（一）", "（二）", "（三）", "（四）", "（五）")) and len(text) < 40:
        return f"**{text}**"
    return text


def run_together(text: str, *, joiner: str = "", lines_per_line: int = 25) -> str:
    """The lines joined into a few long lines, as a scraper that drops line breaks does."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    chunks = [lines[i : i + lines_per_line] for i in range(0, len(lines), lines_per_line)]
    return "\n".join(joiner.join(chunk) for chunk in chunks) + "\n"


def half_width(text: str) -> str:
    """Full-width punctuation turned half-width, as the page store did."""
    return text.translate(HALF_WIDTH)


def merged_rows(items: Sequence[Block]) -> list[Block]:
    """The rows as a web page or converter writes an HTML table: the header lines before a table's
    first row are one header row, and a group label ("（三）不予公开", spanning its sub-rows) is the
    first cell of the row after it."""
    out: list[Block] = []
    pending: list[str] = []
    table: str | None = None
    seen_row = False
    for item in items:
        key = item.table
        if key != table:
            if pending and table is not None:
                out.append(Row(table, "", tuple(pending)))
            pending, table, seen_row = [], key, False
        if isinstance(item, Row):
            if pending:
                if seen_row:
                    item = Row(item.table, " | ".join([*pending, item.label]).strip(" |"), item.cells)
                else:
                    out.append(Row(item.table, "", tuple(pending)))
                pending = []
            seen_row = True
            out.append(item)
        elif key is not None and not item.heading:
            pending.append(item.text)
        else:
            out.append(item)
    if pending and table is not None:
        out.append(Row(table, "", tuple(pending)))
    return out


def html_rows(items: Sequence[Block]) -> str:
    """Rows as "规章 | 0 | 0 | 0 |" without a leading bar (corpus page 002)."""
    out: list[str] = []
    for item in merged_rows(items):
        if isinstance(item, Row):
            out.append(" | ".join(_cells(item)) + " |")
        else:
            out.append(item.text)
    return "\n".join(out) + "\n"


def markdown_tables(items: Sequence[Block], *, page_lines: int = 37) -> str:
    """A converter's Markdown with whole tables: header rows as pipe rows and a rule under the
    first, group labels in the first cell, headings in bold, and "— N —" footers wherever a page
    ends, inside tables too."""
    body: list[str] = []
    ruled: set[str] = set()
    for item in merged_rows(items):
        if isinstance(item, Row):
            cells = _cells(item)
            body.append("| " + " | ".join(cells) + " |")
            if item.table not in ruled:
                ruled.add(item.table)
                body.append("|" + "---|" * len(cells))
        else:
            body.append(f"**{item.text}**" if item.heading else item.text)
    out: list[str] = []
    for number, line in enumerate(body, 1):
        out.append(line)
        if number % page_lines == 0:
            out += ["", f"— {number // page_lines} —", ""]
    return "\n".join(out) + "\n"
