"""Read the shared text layout back into tables, to compare loaders with the seed text.

Independent of the product code on purpose: a table is a run of lines starting with a TAB (plus
their continuation lines), rows end at a blank line, the table at a second blank line.
"""

from __future__ import annotations

from pathlib import Path

FORMATS_DIR = Path(__file__).parent.parent / "fixtures" / "formats"
SEEDS_DIR = Path(__file__).parent.parent / "fixtures" / "seeds"

Row = list[str]


def read_tables(text: str) -> list[list[Row]]:
    """Every table of the text as rows of cell texts (a cell's lines joined by a newline)."""
    tables: list[list[Row]] = []
    rows: list[Row] = []
    row: Row = []
    blank_run = 0
    for line in text.split("\n"):
        if line.startswith("\t"):
            row.append(line[1:])
            blank_run = 0
        elif line.strip() and row:
            row[-1] += "\n" + line
        elif not line.strip():
            blank_run += 1
            if row:
                rows.append(row)
                row = []
            elif blank_run >= 2 and rows:
                tables.append(rows)
                rows = []
        elif rows:  # a paragraph right after a table
            tables.append(rows)
            rows = []
    if row:
        rows.append(row)
    if rows:
        tables.append(rows)
    return tables


def squeezed(tables: list[list[Row]]) -> list[list[Row]]:
    """Tables with whitespace runs in cells collapsed: web pages and PDFs do not keep the
    leading, trailing or non-breaking spaces a Word cell may hold."""
    return [[[" ".join(cell.split()) for cell in row] for row in table] for table in tables]


def prose_lines(text: str) -> list[str]:
    """Non-blank lines outside tables with whitespace runs collapsed (HTML and PDF drop spacing)."""
    lines = []
    in_cell = False
    for line in text.split("\n"):
        if line.startswith("\t"):
            in_cell = True
            continue
        if not line.strip():
            in_cell = False
            continue
        if not in_cell:
            lines.append(" ".join(line.split()))
    return lines


def seed_text(stem: str) -> str:
    """The seed report whose file name starts with ``stem`` (e.g. "000")."""
    return next(SEEDS_DIR.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")


def fixture_bytes(name: str) -> bytes:
    """A generated format fixture from tests/fixtures/formats/."""
    return (FORMATS_DIR / name).read_bytes()


SEED_STEMS = sorted(path.name[:3] for path in SEEDS_DIR.glob("*.txt"))

# The six section headings of the 2021 format (一 … 六), as every complete report has them.
SIX_SECTIONS = [
    (1, "总体情况"),
    (2, "主动公开政府信息情况"),
    (3, "收到和处理政府信息公开申请情况"),
    (4, "政府信息公开行政复议、行政诉讼情况"),
    (5, "存在的主要问题及改进情况"),
    (6, "其他需要报告的事项"),
]
