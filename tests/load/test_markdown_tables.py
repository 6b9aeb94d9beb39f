"""Markdown whose tables are HTML, as PDF-to-Markdown converters (MinerU) write them, reads like
the report's text: the same tables, outline and findings for every seed.

The Markdown is made here from each seed's web page (tests/fixtures/formats/NNN.html): paragraphs
become lines ("## " before the part headings, as converters mark them), each table its own HTML,
either on one line (MinerU) or spread over lines with indentation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from layout_reading import FORMATS_DIR, SEED_STEMS, SEEDS_DIR
from selectolax.lexbor import LexborHTMLParser
from test_cross_format import outline_facts, table_facts

from reportlint.api import lint_document
from reportlint.load import InputError, load_bytes
from reportlint.load.html import decode_html, html_table_rows
from reportlint.load.markdown import load_markdown
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host

_PART = re.compile(r"^[一二三四五六]、")


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _as_markdown(stem: str, table_lines: Callable[[str, str], list[str]]) -> bytes:
    """The seed's web page as Markdown: its paragraphs as lines ("## " before the part headings,
    as converters mark them), each table as ``table_lines(html, page)`` writes it."""
    page = FORMATS_DIR / f"{stem}.html"
    text, _ = decode_html(page.read_bytes(), str(page))
    article = LexborHTMLParser(text).css_first("div.article")
    assert article is not None
    lines: list[str] = []
    for node in article.iter():
        if node.tag == "table":
            lines.extend(table_lines(node.html or "", str(page)))
        else:
            words = node.text(deep=True).strip()
            if words:
                lines.extend([f"## {words}" if _PART.match(words) else words, ""])
    return "\n".join(lines).encode("utf-8")


def _markdown(stem: str, *, spread: bool) -> bytes:
    """Tables as their HTML: on one line (MinerU) or spread over lines."""

    def html_lines(html: str, page: str) -> list[str]:
        del page
        html = re.sub(r">\s+<", "><", html)
        return [html.replace("<tr", "\n  <tr").replace("</table>", "\n</table>") if spread else html, ""]

    return _as_markdown(stem, html_lines)


def _findings(document: Any, host: PluginHost) -> list[tuple[Any, ...]]:
    result = lint_document(document, host)
    return sorted((d.code, d.name, d.locator, d.expected, d.actual) for d in result.diagnostics)


@pytest.mark.parametrize("spread", [False, True], ids=["one-line", "spread"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_markdown_with_html_tables_reads_like_the_text(host: PluginHost, stem: str, spread: bool) -> None:
    seed = next(SEEDS_DIR.glob(f"{stem}_*.txt"))
    text = load_bytes(str(seed), seed.read_bytes(), host)
    markdown = load_bytes(f"{stem}.md", _markdown(stem, spread=spread), host)
    assert markdown.format == "md"
    assert table_facts(parse_document(markdown)) == table_facts(parse_document(text))
    assert outline_facts(parse_document(markdown)) == outline_facts(parse_document(text))
    assert _findings(markdown, host) == _findings(text, host)


def test_lines_keep_their_file_line_in_the_origin_map() -> None:
    data = "# 标题\n\n前文<table><tr><td>规章</td><td>0</td></tr></table>后文\n末行\n".encode()
    document = load_markdown(data, "x.md")
    lines = document.text.split("\n")
    assert lines[:3] == ["# 标题", "", "前文"]
    assert lines[3:5] == ["\t规章", "\t0"]
    at = lines.index("后文")
    assert document.origin_of(at + 1) is not None and document.origin_of(at + 1).description == "第3行"
    assert document.origin_of(lines.index("末行") + 1).description == "第4行"


def test_a_table_tag_in_any_case_is_a_table() -> None:
    document = load_markdown("<Table><TR><td>规章</td><td>0</td></TR></Table>\n".encode(), "x.md")
    assert document.text.split("\n")[:2] == ["\t规章", "\t0"]


def test_markdown_without_html_tables_is_the_file_itself() -> None:
    data = "## 一、总体情况\n| 规章 | 0 | 0 | 0 |\n".encode()
    document = load_markdown(data, "x.md")
    assert document.text == data.decode() and document.origins == ()


def test_absurdly_nested_tables_are_refused_with_a_message() -> None:
    data = ("<table><tr><td>" * 20000).encode()
    with pytest.raises(InputError) as raised:
        load_markdown(data, "x.md")
    assert raised.value.code == "IO005"


def _pipe_markdown(stem: str, joiner: str) -> bytes:
    """Tables as marker writes them: pipe rows, a rule under the first row, merged cells blank
    below their first row, a cell's lines joined by ``joiner``."""

    def pipe_lines(html: str, page: str) -> list[str]:
        rows = html_table_rows(html, page)
        width = max(len(row) for row in rows)
        lines: list[str] = []
        for index, row in enumerate(rows):
            cells = [joiner.join(part for part in cell if part) for cell in row]
            lines.append("| " + " | ".join(cells + [""] * (width - len(row))) + " |")
            if index == 0:
                lines.append("|" + "---|" * width)
        return [*lines, ""]

    return _as_markdown(stem, pipe_lines)


@pytest.mark.parametrize("joiner", ["<br>", " "], ids=["br", "space"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_pipe_tables_with_br_in_cells_give_the_findings_of_the_text(
    host: PluginHost, stem: str, joiner: str
) -> None:
    seed = next(SEEDS_DIR.glob(f"{stem}_*.txt"))
    text = load_bytes(str(seed), seed.read_bytes(), host)
    markdown = load_bytes(f"{stem}.md", _pipe_markdown(stem, joiner), host)
    # A pipe table is a rectangle: seed 001's one blank cell too many in a row (CP012 in its
    # text) is padding there, like every row's filler, so that warning cannot be told.
    expected = [f for f in _findings(text, host) if f[0] != "CP012"]
    assert _findings(markdown, host) == expected
    values = {k: {p: c.value for p, c in t.cells.items()} for k, t in parse_document(text).tables.items()}
    read = {k: {p: c.value for p, c in t.cells.items()} for k, t in parse_document(markdown).tables.items()}
    assert read == values
