"""Every seed in every format gives the same report model and the same diagnostics as its text.

Compared: every table cell (raw text with spacing collapsed, kind, value), every row and column
label, assembly problems, title, year and section headings; and the diagnostics as (code, name,
locator, expected, actual). Line numbers differ between formats by design and are not compared.

The formats: the generated .docx, .html and .pdf, and the PDFs real programs print, fonts
embedded as in published files: ``NNN-libreoffice.pdf`` (a published-style .docx exported by
LibreOffice: ruled tables, page numbers, a running header, rows and merged labels cut by page
breaks, a repeated table heading) and ``NNN-chromium.pdf`` (the web page printed by Chromium);
``NNN-PROGRAM-SHIFT.pdf`` are more of these with the page breaks elsewhere in the tables.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from layout_reading import FORMATS_DIR, SEED_STEMS, SEEDS_DIR, fixture_bytes

from reportlint.api import lint_document
from reportlint.load import load_bytes
from reportlint.model import Report
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host

FORMATS = ("docx", "html", "pdf", "libreoffice.pdf", "chromium.pdf")
BREAK_VARIANTS = sorted(
    path.name
    for path in FORMATS_DIR.glob("*.pdf")
    if re.fullmatch(r"\d{3}-(libreoffice|chromium)-\d+\.pdf", path.name)
)


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _squeeze(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def table_facts(report: Report) -> dict[str, Any]:
    """Everything a rule can read from the tables, without source positions."""
    facts: dict[str, Any] = {}
    for key, table in report.tables.items():
        facts[key] = {
            "format": table.format,
            "cells": {
                place: (_squeeze(cell.raw), cell.kind, cell.value)
                for place, cell in sorted(table.cells.items())
            },
            "rows": [(row.key, _squeeze(row.written)) for row in table.rows],
            "columns": [(column.key, _squeeze(column.written)) for column in table.columns],
            "problems": sorted((p.kind, p.row or "", p.column or "") for p in table.problems),
        }
    return facts


def outline_facts(report: Report) -> dict[str, Any]:
    return {
        "title": _squeeze(report.title.text) if report.title else None,
        "year": report.year,
        "sections": [(s.key, _squeeze(s.heading.title), len(s.subheadings)) for s in report.sections],
        "tables": sorted(report.tables),
    }


def _load(host: PluginHost, stem: str, fmt: str) -> Any:
    if fmt == "txt":
        path = next(SEEDS_DIR.glob(f"{stem}_*.txt"))
        return load_bytes(str(path), path.read_bytes(), host)
    name = f"{stem}-{fmt}" if "." in fmt else f"{stem}.{fmt}"  # "libreoffice.pdf": NNN-libreoffice.pdf
    return load_bytes(name, fixture_bytes(name), host)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_tables_of_every_format_equal_those_of_the_text(host: PluginHost, stem: str, fmt: str) -> None:
    expected = parse_document(_load(host, stem, "txt"))
    actual = parse_document(_load(host, stem, fmt))
    assert table_facts(actual) == table_facts(expected)
    assert outline_facts(actual) == outline_facts(expected)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_diagnostics_of_every_format_equal_those_of_the_text(host: PluginHost, stem: str, fmt: str) -> None:
    def findings(document: Any) -> list[tuple[Any, ...]]:
        result = lint_document(document, host)
        return sorted((d.code, d.name, d.locator, d.expected, d.actual) for d in result.diagnostics)

    assert findings(_load(host, stem, fmt)) == findings(_load(host, stem, "txt"))


@pytest.mark.parametrize("name", BREAK_VARIANTS)
def test_prints_with_the_page_breaks_elsewhere_give_the_tables_and_findings_of_the_text(
    host: PluginHost, name: str
) -> None:
    text = _load(host, name[:3], "txt")
    printed = load_bytes(name, fixture_bytes(name), host)
    assert table_facts(parse_document(printed)) == table_facts(parse_document(text))
    assert outline_facts(parse_document(printed)) == outline_facts(parse_document(text))

    def findings(document: Any) -> list[tuple[Any, ...]]:
        result = lint_document(document, host)
        return sorted((d.code, d.name, d.locator, d.expected, d.actual) for d in result.diagnostics)

    assert findings(printed) == findings(text)


def test_there_are_prints_with_the_page_breaks_elsewhere() -> None:
    assert len(BREAK_VARIANTS) >= 6
