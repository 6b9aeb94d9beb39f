"""Build .docx, .html and .pdf versions of the seed reports for the loader tests.

Usage: python scripts/make_format_fixtures.py   (writes tests/fixtures/formats/; needs reportlab and
the Noto CJK or WenQuanYi fonts only here, never at test time).
       python scripts/make_format_fixtures.py layouts   (only the page-layout variants, leaving the
other fixtures as they are: both programs write a creation date).

The seeds are Word-extracted text: paragraphs one per line, table cells on lines starting with a
TAB, a blank line after each row and one more after each table. That layout is read back into
blocks and written as real Word tables (gridSpan / vMerge where cells are merged), HTML tables
(colspan / rowspan, with page chrome around the report) and a PDF with a table drawn as boxes.
Merges follow the template for the header rows of tables 三 and 四; elsewhere they are inferred
as Word shows them: a row with fewer cells than the widest row widens its last label cell (or
its last cell), and an empty cell under a label starting at the same grid column continues that
label downwards.
"""

from __future__ import annotations

import datetime
import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "formats"
FIXED_TIME = datetime.datetime(2024, 1, 20, 9, 0, 0)
NUMBER = re.compile(r"^[\d.,，]+$")


@dataclass
class Cell:
    lines: list[str]
    column: int = 0
    span: int = 1
    merge: str = ""  # "", "restart" or "continue"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    width: int = 0


Block = str | Table


def read_blocks(text: str) -> list[Block]:
    """Split seed text into paragraphs (str) and tables (the trailing blank line belongs to the table)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if not lines[index].startswith("\t"):
            blocks.append(lines[index])
            index += 1
            continue
        table = Table()
        row: list[Cell] = []
        while index < len(lines):
            line = lines[index]
            if line.startswith("\t"):
                row.append(Cell([line[1:]]))
            elif line and row:
                row[-1].lines.append(line)
            elif not line and row:
                table.rows.append(row)
                row = []
            else:  # a second blank line (end of table) or a paragraph
                if not line:
                    index += 1
                break
            index += 1
        if row:
            table.rows.append(row)
        _infer_merges(table)
        blocks.append(table)
    return blocks


# Header rows whose merges the 2021 template fixes (table 三: 3 label + 7 number columns; table
# 四: 5 + 10), recognised by a label in the row: the grid columns each cell spans.
TEMPLATE_HEADER_SPANS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("申请人情况", (3, 7)),
    ("法人或其他组织", (3, 1, 5, 1)),
    ("社会公益组织", (3, 1, 1, 1, 1, 1, 1, 1)),
    ("行政诉讼", (5, 10)),
    ("未经复议直接起诉", (1, 1, 1, 1, 1, 5, 5)),
)


def _template_spans(row: list[Cell], width: int) -> tuple[int, ...] | None:
    texts = [cell.text for cell in row]
    for label, spans in TEMPLATE_HEADER_SPANS:
        if label in texts and len(spans) == len(row) and sum(spans) == width:
            return spans
    return None


def _infer_merges(table: Table) -> None:
    table.width = max(len(row) for row in table.rows)
    for row in table.rows:
        extra = table.width - len(row)
        spans = _template_spans(row, table.width)
        if spans:
            for cell, span in zip(row, spans, strict=True):
                cell.span = span
        elif extra:
            numbers = [i for i, cell in enumerate(row) if NUMBER.match(cell.text)]
            widen = numbers[0] - 1 if numbers and numbers[0] > 0 else len(row) - 1
            row[widen].span += extra
        column = 0
        for cell in row:
            cell.column = column
            column += cell.span
    for above, below in zip(table.rows, table.rows[1:], strict=False):
        starts = {cell.column: cell for cell in above}
        for cell in below:
            upper = starts.get(cell.column)
            if (
                cell.text == ""
                and upper is not None
                and upper.span == cell.span
                and (upper.text or upper.merge)
                and not NUMBER.match(upper.text)
            ):
                cell.merge = "continue"
                if not upper.merge:
                    upper.merge = "restart"


# ---------------------------------------------------------------- .docx


# A4 with the margins of a Chinese Word default (3.17 cm left and right, 2.54 cm top and bottom).
A4_TWIPS = (11906, 16838)
SIDE_MARGIN, TOP_MARGIN = 1800, 1440
TEXT_WIDTH = A4_TWIPS[0] - 2 * SIDE_MARGIN
TITLE_LENGTH = 40  # a first paragraph this short is the title, centred; a longer one is text


@dataclass
class Print:
    """How a published report's .docx is laid out around its text: page numbers in the footer
    ("{page}" where the number goes), a running header, table header rows repeated on each page,
    table 三 on landscape pages of a section of its own."""

    footer: str = ""
    header: str = ""
    repeat_header: bool = False
    landscape_table: bool = False


def write_docx(
    blocks: list[Block],
    target: Path,
    *,
    ruled: Print | None = None,
    columns: Callable[[Table], list[int]] | None = None,
) -> None:
    """``ruled`` makes the document a published report would be, for the PDFs LibreOffice prints
    from it: A4, 宋体, the title (a short first paragraph) centred, paragraphs justified with a
    two-character first-line indent, every table in the "Table Grid" style (all borders drawn)
    with columns as wide as the template's (see ``_column_twips``; ``columns`` for other widths),
    and the page furniture ``ruled`` asks for."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    document = Document()
    body = document.element.body
    if ruled:
        section = document.sections[0]
        section.page_width, section.page_height = Twips(A4_TWIPS[0]), Twips(A4_TWIPS[1])
        section.left_margin = section.right_margin = Twips(SIDE_MARGIN)
        section.top_margin = section.bottom_margin = Twips(TOP_MARGIN)
        normal = document.styles["Normal"]
        normal.font.size = Pt(10.5)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
        _furniture(section, ruled)
    first = True
    for block in blocks:
        if isinstance(block, str):
            paragraph = document.add_paragraph(block)
            if ruled:
                if first and len(block) <= TITLE_LENGTH:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                else:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                    paragraph.paragraph_format.first_line_indent = Pt(21)
            first = False
            continue
        table = document.add_table(rows=0, cols=block.width)
        tbl = table._tbl
        heading_rows = 0
        if ruled:
            table.style = "Table Grid"
            table.autofit = False
            grid = tbl.tblGrid.iterchildren(qn("w:gridCol"))
            for column, twips in zip(grid, (columns or _column_twips)(block), strict=True):
                column.set(qn("w:w"), str(twips))
            if ruled.repeat_header:
                while heading_rows < len(block.rows) - 1 and not any(
                    NUMBER.match(cell.text) for cell in block.rows[heading_rows]
                ):
                    heading_rows += 1
        for number, row in enumerate(block.rows):
            tr = OxmlElement("w:tr")
            if number < heading_rows:  # repeated at the top of every page the table runs onto
                row_pr = OxmlElement("w:trPr")
                row_pr.append(OxmlElement("w:tblHeader"))
                tr.append(row_pr)
            for cell in row:
                tc = OxmlElement("w:tc")
                pr = OxmlElement("w:tcPr")
                if cell.span > 1:
                    span = OxmlElement("w:gridSpan")
                    span.set(qn("w:val"), str(cell.span))
                    pr.append(span)
                if cell.merge:
                    merge = OxmlElement("w:vMerge")
                    if cell.merge == "restart":
                        merge.set(qn("w:val"), "restart")
                    pr.append(merge)
                tc.append(pr)
                for line in cell.lines:
                    p = OxmlElement("w:p")
                    if line:
                        r = OxmlElement("w:r")
                        t = OxmlElement("w:t")
                        t.text = line
                        t.set(qn("xml:space"), "preserve")
                        r.append(t)
                        p.append(r)
                    tc.append(p)
                tr.append(tc)
            tbl.append(tr)
    if ruled and ruled.landscape_table:
        _landscape_table_three(body)
    del body  # python-docx keeps sectPr last by itself
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(_fixed_zip_times(buffer.getvalue()))


def _landscape_table_three(body: Any) -> None:
    """Table 三 in a landscape section, as Word users lay out a wide table: the section before
    ends with section 三's heading (a copy of the document's portrait page setup in that
    paragraph), the landscape one with an empty paragraph after the table."""
    import copy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    final = body.find(qn("w:sectPr"))
    paragraphs = body.findall(qn("w:p"))
    heading = next(p for p in paragraphs if "".join(p.itertext()).startswith("三、收到和处理"))
    table = heading.getnext()
    while table.tag != qn("w:tbl"):
        table = table.getnext()
    if heading.find(qn("w:pPr")) is None:
        heading.insert(0, OxmlElement("w:pPr"))
    heading.find(qn("w:pPr")).append(copy.deepcopy(final))
    landscape = copy.deepcopy(final)
    size = landscape.find(qn("w:pgSz"))
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), height)
    size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    end, properties = OxmlElement("w:p"), OxmlElement("w:pPr")
    properties.append(landscape)
    end.append(properties)
    table.addnext(end)


def _furniture(section: object, layout: Print) -> None:
    """The footer's page number (a PAGE field between the footer text's two halves) and the
    running header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if layout.header:
        paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
        paragraph.text = layout.header
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if layout.footer:
        before, after = layout.footer.split("{page}")
        paragraph = section.footer.paragraphs[0]  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(before)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        paragraph.add_run(after)


def _column_twips(table: Table) -> list[int]:
    """Column widths like the template's: a figure column just wide enough for its figures, the
    label columns sharing the rest by the length of their labels (equal widths wrap a long label
    over many lines and a short one into a narrow stack of single characters)."""
    figures = [0] * table.width
    labels = [0] * table.width
    digits = [1] * table.width
    longest = [4] * table.width
    for row in table.rows:
        for cell in row:
            text = "".join(cell.lines)
            if cell.span != 1 or not text:
                continue
            if NUMBER.match(text):
                figures[cell.column] += 1
                digits[cell.column] = max(digits[cell.column], len(text))
            else:
                labels[cell.column] += 1
                longest[cell.column] = max(longest[cell.column], min(16, len(text)))
    numeric = [figures[c] > labels[c] for c in range(table.width)]
    # a column heading over few figure columns ("本年制发件数") fits on one line, over many it wraps
    heading = 6 if sum(numeric) <= 3 else 2
    figure_twips = [
        max(620, 110 * digits[c] + 300, 210 * min(heading, longest[c]) + 220) if numeric[c] else 0
        for c in range(table.width)
    ]
    rest = TEXT_WIDTH - sum(figure_twips)
    weight = sum(longest[c] for c in range(table.width) if not numeric[c])
    if not weight or rest < 600 * (table.width - sum(numeric)):
        return [TEXT_WIDTH // table.width] * table.width
    return [figure_twips[c] or rest * longest[c] // weight for c in range(table.width)]


def _fixed_zip_times(data: bytes) -> bytes:
    """The same fixture bytes on every run: entry times fixed, so git sees no change."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in source.infolist():
            copy.writestr(zipfile.ZipInfo(entry.filename, FIXED_TIME.timetuple()[:6]), source.read(entry))
    return out.getvalue()


# ---------------------------------------------------------------- .html

CHROME_TOP = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{title} - 人民政府门户网站</title>
<style>body{{font-family:sans-serif}} .nav a{{margin:0 8px}}</style>
<script>var _hmt = _hmt || []; window.siteName = "政府门户网站";</script></head>
<body>
<div class="top-bar"><a href="/login">登录</a> | <a href="/register">注册</a> |
<a href="/wza" title="按回车键在新窗口打开无障碍说明页面">无障碍</a></div>
<div class="header"><img src="/logo.png" alt="人民政府门户网站"></div>
<nav class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hdjl">互动交流</a>
<a href="/bsfw">办事服务</a></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt;
<a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>
<table class="xxgk-meta"><tr><td>索引号：</td><td>11653129010522318X/2024-00012</td>
<td>发布机构：</td><td>人民政府办公室</td></tr>
<tr><td>发文日期：</td><td>2024-01-20</td><td>主题分类：</td><td>政府信息公开年报</td></tr></table>
<div class="article">
"""
CHROME_BOTTOM = """</div>
<div class="share">分享到：微信 微博</div>
<div class="footer"><p>主办单位：人民政府办公室 ICP备案号：新ICP备0000000号</p>
<p>网站标识码：6531290001 技术支持：信息中心</p></div>
<script>document.write("访问量统计");</script>
</body></html>
"""


def write_html(
    blocks: list[Block], target: Path, charset: str, *, spaced: bool = False, style: str = ""
) -> None:
    """``spaced``: the report's tables as ``<table border="1">`` alone, so the browser keeps its
    2 px between the cells (each drawn as a box of its own) and round the frame; ``style``: CSS
    for the page (a print layout)."""
    title = next((b for b in blocks if isinstance(b, str) and b.strip()), "年度报告").strip()
    top = CHROME_TOP.format(charset=charset, title=html.escape(title))
    parts = [top.replace("</head>", f"<style>{style}</style></head>", 1) if style else top]
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>\n")
            continue
        parts.append('<table border="1">\n' if spaced else '<table border="1" cellspacing="0">\n')
        rowspans = _rowspans(block)
        for row in block.rows:
            parts.append("<tr>")
            for cell in row:
                if cell.merge == "continue":
                    continue
                attributes = ""
                if cell.span > 1:
                    attributes += f' colspan="{cell.span}"'
                if rowspans.get(id(cell), 1) > 1:
                    attributes += f' rowspan="{rowspans[id(cell)]}"'
                content = "<br>".join(html.escape(line) for line in cell.lines)
                parts.append(f"<td{attributes}>{content}</td>")
            parts.append("</tr>\n")
        parts.append("</table>\n")
    parts.append(CHROME_BOTTOM)
    target.write_bytes("".join(parts).encode(charset))


def _rowspans(table: Table) -> dict[int, int]:
    spans: dict[int, int] = {}
    open_cells: dict[int, Cell] = {}
    for row in table.rows:
        for cell in row:
            if cell.merge == "restart":
                open_cells[cell.column] = cell
                spans[id(cell)] = 1
            elif cell.merge == "continue" and cell.column in open_cells:
                spans[id(open_cells[cell.column])] += 1
    return spans


# ---------------------------------------------------------------- .pdf

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
PAGE = (1400.0, 990.0)
MARGIN = 60.0
FONT_SIZE = 10.0
LEADING = 16.0
CELL_PAD = 4.0


def _pdf_font() -> str:
    """A CJK font reportlab can use: an embeddable TrueType one if installed, else the CID STSong."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("CJK", candidate))
            return "CJK"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def write_pdf(blocks: list[Block], target: Path, *, password: str | None = None, boxes: bool = True) -> None:
    """Draw the report; ``boxes=False`` draws tables as text over horizontal rules only, as some
    PDF printers do, so the loader must fall back to columns of text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _pdf_font()
    encrypt = None
    if password:
        from reportlab.lib import pdfencrypt

        encrypt = pdfencrypt.StandardEncryption(password, canPrint=0)
    pdf = canvas.Canvas(str(target), pagesize=PAGE, encrypt=encrypt, invariant=1)
    pdf.setFont(font, FONT_SIZE)
    width = PAGE[0] - 2 * MARGIN
    state = {"y": PAGE[1] - MARGIN, "page": 1}

    def new_page() -> None:
        pdf.setFont(font, 9)
        pdf.drawCentredString(PAGE[0] / 2, 30, f"- {state['page']} -")
        pdf.showPage()
        pdf.setFont(font, FONT_SIZE)
        state["y"] = PAGE[1] - MARGIN
        state["page"] += 1

    def need(height: float) -> None:
        if state["y"] - height < MARGIN:
            new_page()

    for block in blocks:
        if isinstance(block, str):
            indent = 2 * FONT_SIZE  # Chinese paragraphs start two characters in
            for number, piece in enumerate(_wrap(block, width, indent, font, stringWidth)):
                need(LEADING)
                state["y"] -= LEADING
                pdf.drawString(MARGIN + (indent if number == 0 else 0), state["y"], piece)
            continue
        columns = _column_widths(block, font, stringWidth)
        state["y"] -= 6
        for row in block.rows:
            height = max(len(cell.lines) for cell in row) * LEADING + 2 * CELL_PAD
            need(height)
            top = state["y"]
            for cell in row:
                x = MARGIN + sum(columns[: cell.column])
                cell_width = sum(columns[cell.column : cell.column + cell.span])
                if boxes:
                    pdf.rect(x, top - height, cell_width, height, stroke=1, fill=0)
                for number, line in enumerate(cell.lines, start=1):
                    # reportlab's CID fonts write nothing for a one-character string ("果"
                    # alone vanishes); a trailing space keeps it and is not text to a reader
                    drawn = line + " " if len(line) == 1 else line
                    pdf.drawString(x + CELL_PAD, top - CELL_PAD - number * LEADING + 4, drawn)
            if not boxes:
                pdf.line(MARGIN, top - height, MARGIN + sum(columns), top - height)
            state["y"] = top - height
        state["y"] -= 6
    new_page()
    pdf.save()


def _wrap(text: str, width: float, indent: float, font: str, measure: object) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in text:
        if measure(current + char, font, FONT_SIZE) > width - (0 if pieces else indent):  # type: ignore[operator]
            pieces.append(current)
            current = ""
        current += char
    pieces.append(current)
    return pieces


def _column_widths(table: Table, font: str, measure: object) -> list[float]:
    widths = [40.0] * table.width
    cells = sorted((cell for row in table.rows for cell in row), key=lambda cell: cell.span)
    for cell in cells:
        need = max(measure(line, font, FONT_SIZE) for line in cell.lines) + 2 * CELL_PAD + 4  # type: ignore[operator]
        have = sum(widths[cell.column : cell.column + cell.span])
        if need > have:
            widths[cell.column + cell.span - 1] += need - have
    return widths


def _narrow_twips(table: Table) -> list[int]:
    """Label columns four characters wide (a row label wraps over three lines and more), the
    figure columns sharing the rest; the template's widths where that leaves them too little."""
    figures = [0] * table.width
    labels = [0] * table.width
    for row in table.rows:
        for cell in row:
            if cell.span == 1 and cell.text:
                if NUMBER.match(cell.text):
                    figures[cell.column] += 1
                else:
                    labels[cell.column] += 1
    numeric = [figures[c] > labels[c] for c in range(table.width)]
    label = 4 * 210 + 200
    rest = TEXT_WIDTH - label * (table.width - sum(numeric))
    if not any(numeric) or rest < 600 * sum(numeric):
        return _column_twips(table)
    return [rest // sum(numeric) if numeric[c] else label for c in range(table.width)]


def zeros_left_blank(blocks: list[Block]) -> list[Block]:
    """The blocks with table 三's zeros left empty, as many publishers print it (a row with no
    applications has no figure at all)."""
    for block in blocks:
        if isinstance(block, Table) and any(cell.text == "自然人" for row in block.rows for cell in row):
            for row in block.rows:
                for cell in row:
                    if cell.text == "0":
                        cell.lines = [""]
    return blocks


def print_with_chromium(page: Path, target: Path) -> None:
    """A web page printed to PDF as a browser prints it (fonts embedded, borders as thin
    rectangles). Needs ``chromium`` and a CJK font (Debian: chromium, fonts-wqy-zenhei)."""
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={target}", page.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


def visible(text: str) -> str:
    """Seed text as the report shows it: the "[bookmark: …]" marks of the extraction are Word
    bookmarks, which no printout shows."""
    return _BOOKMARK.sub("", text)


def changed_cell(blocks: list[Block], label: str, column: int, value: str) -> list[Block]:
    """The blocks with one figure replaced: cell ``column`` of the table row labelled ``label``."""
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                if any(cell.text == label for cell in row):
                    assert NUMBER.match(row[column].text), row[column].text
                    row[column].lines = [value]
                    return blocks
    raise ValueError(label)


def write_printed_pdfs() -> None:
    """NNN-chromium.pdf for every seed, and one with a figure changed."""
    if shutil.which("chromium") is None:
        print("chromium not found: printed PDFs left as they are")
        return
    with tempfile.TemporaryDirectory() as folder:
        for seed in sorted(SEEDS.glob("*.txt")):
            page = Path(folder) / f"{seed.stem[:3]}.html"
            write_html(read_blocks(visible(seed.read_text(encoding="utf-8"))), page, "utf-8")
            print_with_chromium(page, OUT / f"{seed.stem[:3]}-chromium.pdf")
        blocks = read_blocks((SEEDS / "000_0d171b8ef5d5b856.txt").read_text(encoding="utf-8"))
        changed = Path(folder) / "000-changed.html"
        write_html(changed_cell(blocks, "一、本年新收政府信息公开申请数量", 1, "5"), changed, "utf-8")
        print_with_chromium(changed, OUT / "000-chromium-changed.pdf")


PUBLISHED = ROOT / "tests" / "fixtures" / "published"
CORPUS = ROOT.parent / "shared" / "corpus" / "full"


def write_published_prints() -> None:
    """The real Pingtan report pages (../shared/corpus/full) printed by Chromium, as a reader
    prints a report from the government site: PUBLISHED/pingtan-NNNN-chromium.pdf."""
    if shutil.which("chromium") is None or not CORPUS.is_dir():
        print("chromium or the corpus not found: printed report pages left as they are")
        return
    for page in sorted(CORPUS.glob("pingtan-*.html")):
        print_with_chromium(page, PUBLISHED / f"{page.stem}-chromium.pdf")


# How each seed's .docx is laid out for LibreOffice: the common footers and headers of published
# reports, and table headings repeated on each page. With these, LibreOffice cuts a table-三 row
# at a page break in 000 (under the repeated heading) and 004, a merged label of 001 and the
# table-四 heading of 002.
LIBREOFFICE_LAYOUTS = {
    "000": Print(footer="- {page} -", repeat_header=True),
    "001": Print(footer="第 {page} 页"),
    "002": Print(footer="— {page} —", header="夹河子乡政府信息公开工作年度报告"),
    "003": Print(),
    "004": Print(footer="-{page}-"),
}
# The figure changed in 000-libreoffice-changed.pdf: 自然人 of the row the page break cuts.
CUT_ROW = "5.要求行政机关确认或重新出具已获取信息"


def export_with_libreoffice(documents: list[Path], folder: Path) -> None:
    """PDFs as LibreOffice exports them (fonts embedded and subset, borders as lines), with a
    profile of its own so that a running LibreOffice does not take the job. Needs ``soffice``
    (Debian: libreoffice-writer-nogui) and a CJK font (fonts-wqy-zenhei)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, documents)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip


# More page-break positions: the seed with ``shift`` empty paragraphs after its title, so that a
# page break falls elsewhere in a table: NNN-PROGRAM-SHIFT.pdf (see SOURCE.md for what each cuts).
BREAK_VARIANTS: tuple[tuple[str, str, int, Print], ...] = (
    ("000", "libreoffice", 1, Print(footer="- {page} -")),
    ("000", "libreoffice", 17, Print(footer="- {page} -")),
    ("000", "libreoffice", 19, Print(footer="- {page} -")),
    ("004", "libreoffice", 20, Print(footer="- {page} -")),
    ("004", "libreoffice", 21, Print(footer="- {page} -", repeat_header=True)),
    ("002", "libreoffice", 2, Print(footer="- {page} -")),
    ("000", "chromium", 10, Print()),
    ("001", "chromium", 9, Print()),
    ("004", "chromium", 2, Print()),
)


def write_break_variants() -> None:
    """The BREAK_VARIANTS, exported by LibreOffice or printed by Chromium."""
    if shutil.which("soffice") is None or shutil.which("chromium") is None:
        print("soffice or chromium not found: page-break variants left as they are")
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        documents = []
        for stem, program, shift, layout in BREAK_VARIANTS:
            seed = next(SEEDS.glob(f"{stem}_*.txt"))
            blocks = read_blocks(visible(seed.read_text(encoding="utf-8")))
            # an empty paragraph for Word; a browser prints an empty <p> as nothing: a full-width space
            blocks[1:1] = ["" if program == "libreoffice" else "\u3000"] * shift
            target = folder / f"{stem}-{program}-{shift}"
            if program == "libreoffice":
                write_docx(blocks, target.with_suffix(".docx"), ruled=layout)
                documents.append(target.with_suffix(".docx"))
            else:
                write_html(blocks, target.with_suffix(".html"), "utf-8")
                print_with_chromium(target.with_suffix(".html"), OUT / f"{target.name}.pdf")
        export_with_libreoffice(documents, folder)
        for document in documents:
            shutil.copyfile(document.with_suffix(".pdf"), OUT / document.with_suffix(".pdf").name)


# Page layouts published reports come in (see SOURCE.md): NNN-PROGRAM-LAYOUT.pdf.
SPACED = ("000", "001")  # <table border="1">: the cells drawn apart as boxes of their own
LANDSCAPE = "@page { size: A4 landscape; }"


def write_layout_variants() -> None:
    """Chromium prints of the page with spaced cells and in landscape, and LibreOffice exports:
    narrow label columns with table 三's zeros left blank; table 三 on landscape pages."""
    if shutil.which("soffice") is None or shutil.which("chromium") is None:
        print("soffice or chromium not found: layout variants left as they are")
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for stem in SPACED:
            page = folder / f"{stem}-chromium-spaced.html"
            write_html(_seed_blocks(stem), page, "utf-8", spaced=True)
            print_with_chromium(page, OUT / page.with_suffix(".pdf").name)
        page = folder / "000-chromium-landscape.html"
        write_html(_seed_blocks("000"), page, "utf-8", style=LANDSCAPE)
        print_with_chromium(page, OUT / page.with_suffix(".pdf").name)
        landscape = folder / "004-libreoffice-landscape.docx"
        write_docx(_seed_blocks("004"), landscape, ruled=Print(footer="- {page} -", landscape_table=True))
        document = folder / "000-libreoffice-narrow-blank.docx"
        write_docx(
            zeros_left_blank(_seed_blocks("000")),
            document,
            ruled=Print(footer="- {page} -"),
            columns=_narrow_twips,
        )
        export_with_libreoffice([document, landscape], folder)
        for made in (document, landscape):
            shutil.copyfile(made.with_suffix(".pdf"), OUT / made.with_suffix(".pdf").name)


def _seed_blocks(stem: str) -> list[Block]:
    seed = next(SEEDS.glob(f"{stem}_*.txt"))
    return read_blocks(visible(seed.read_text(encoding="utf-8")))


def write_libreoffice_pdfs() -> None:
    """NNN-libreoffice.pdf for every seed, and 000-libreoffice-changed.pdf with one figure of the
    table-三 row that the page break cuts changed (``CUT_ROW``)."""
    if shutil.which("soffice") is None:
        print("soffice not found: LibreOffice PDFs left as they are")
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        documents = []
        for seed in sorted(SEEDS.glob("*.txt")):
            stem = seed.stem[:3]
            blocks = read_blocks(visible(seed.read_text(encoding="utf-8")))
            documents.append(folder / f"{stem}-libreoffice.docx")
            write_docx(blocks, documents[-1], ruled=LIBREOFFICE_LAYOUTS[stem])
            if stem == "000":
                blocks = changed_cell(blocks, CUT_ROW, 3, "3")
                documents.append(folder / "000-libreoffice-changed.docx")
                write_docx(blocks, documents[-1], ruled=LIBREOFFICE_LAYOUTS[stem])
        export_with_libreoffice(documents, folder)
        for document in documents:
            shutil.copyfile(document.with_suffix(".pdf"), OUT / document.with_suffix(".pdf").name)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["layouts"]:
        write_layout_variants()
        return 0
    for seed in sorted(SEEDS.glob("*.txt")):
        blocks = read_blocks(seed.read_text(encoding="utf-8"))
        stem = seed.stem[:3]
        write_docx(blocks, OUT / f"{stem}.docx")
        # one page saved in GBK, as many county sites still serve, the rest in UTF-8
        write_html(blocks, OUT / f"{stem}.html", "gbk" if stem == "001" else "utf-8")
        write_pdf(blocks, OUT / f"{stem}.pdf")
        print(f"{seed.name}: {sum(isinstance(b, Table) for b in blocks)} tables")
    first = read_blocks((SEEDS / "000_0d171b8ef5d5b856.txt").read_text(encoding="utf-8"))
    write_pdf(first[:20], OUT / "encrypted.pdf", password="secret")
    write_pdf(first, OUT / "000-rules.pdf", boxes=False)
    write_printed_pdfs()
    write_libreoffice_pdfs()
    write_break_variants()
    write_layout_variants()
    write_published_prints()
    return 0


if __name__ == "__main__":
    sys.exit(main())
