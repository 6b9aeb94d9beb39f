"""Known-good reports re-laid in each layout publishers produce must read as the original does.

Sources: the five seed reports (tests/fixtures/seeds, /work/shared/seeds/EXPECTED.md) and the text
the HTML loader reads from the two pingtan reports (tests/fixtures/corpus_full). Each is re-laid
mechanically (tests/layouts/relay.py) in the layouts of /work/shared/corpus (pages/INDEX.md
"layout", full/LABELS.md). For every re-laid copy: no error the original does not get, the
original's must-report defects still found, and the table values the original's wherever the
layout keeps them determinable (in a layout that can lose cell boundaries, a value read at all is
the original's, and a table that cannot be cut gives a CP019 finding, never an NU error).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache

import pytest
from tests.layouts import relay
from tests.paths import FIXTURES, SEEDS

from reportlint.api import lint_bytes
from reportlint.diagnostics import Diagnostic, FileResult, Severity
from reportlint.load import load_path
from reportlint.model import Report
from reportlint.plugins.host import PluginHost, create_host

REAL = FIXTURES / "corpus_full"
SOURCES = [path.name[:3] for path in sorted(SEEDS.glob("*.txt"))] + ["pingtan-2021", "pingtan-2024"]

Layout = Callable[[str, Report], tuple[bytes, str]]


def _text(render: Callable[[list[relay.Block]], str], suffix: str = ".txt") -> Layout:
    return lambda text, report: (render(relay.blocks(text, report)).encode(), suffix)


def _lines(transform: Callable[[str], str]) -> Layout:
    return lambda text, _report: (transform(text).encode(), ".txt")


LAYOUTS: dict[str, Layout] = {
    "run-together, spaces": _lines(lambda text: relay.run_together(text, joiner=" ")),
    "run-together, nothing": _lines(relay.run_together),
    "run-together, one line": _lines(lambda text: relay.run_together(text, joiner=" ", lines_per_line=10**6)),
    "run-together, short lines": _lines(lambda text: relay.run_together(text, joiner=" ", lines_per_line=3)),
    "run-together, ideographic spaces": _lines(lambda text: relay.run_together(text, joiner="\u3000")),
    "run-together, half-width": _lines(lambda t: relay.half_width(relay.run_together(t, joiner=" "))),
    "flattened rows": _text(relay.flattened),
    "markdown": _text(relay.markdown, ".md"),
    "one cell per line": _text(relay.cell_per_line),
    "cells ending |": _text(relay.cell_pipe),
    "| on its own line": _text(relay.lone_pipes),
    "pipe rows": _text(relay.pipe_rows),
    "HTML rows, group labels merged": _text(relay.html_rows),
    "markdown, whole tables": _text(relay.markdown_tables, ".md"),
    "markdown, whole tables, half-width": lambda text, report: (
        relay.half_width(relay.markdown_tables(relay.blocks(text, report))).encode(),
        ".md",
    ),
    "half-width": _lines(relay.half_width),
    "half-width pipe rows": lambda text, report: (
        relay.half_width(relay.pipe_rows(relay.blocks(text, report))).encode(),
        ".txt",
    ),
    "CRLF, GB18030": lambda text, _report: (text.replace("\n", "\r\n").encode("gb18030"), ".txt"),
}
# Layouts that may lose where one cell ends and the next begins ("0000000").
CUT_LOSING = {"run-together, nothing", "flattened rows"}
# Where such a layout merges a defect into the figures, the finding it leaves instead: 004's stray
# "0" before "三、本年度办理结果" joins the figures of the row above, which then split no way (CP019).
MERGED = {("004", "run-together, nothing"): "CP019"}


@cache
def _host() -> PluginHost:
    return create_host()


@cache
def _source(name: str) -> str:
    if name.startswith("pingtan"):
        return load_path(str(REAL / f"{name}.html"), _host()).text
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


@cache
def _checked(name: str, layout: str | None) -> FileResult:
    text = _source(name)
    if layout is None:
        return lint_bytes(f"{name}.txt", text.encode(), _host())
    original = _checked(name, None).report
    assert original is not None
    data, suffix = LAYOUTS[layout](text, original)
    return lint_bytes(f"{name}{suffix}", data, _host())


def _errors(result: FileResult) -> set[tuple[str, tuple[str, ...]]]:
    return {(d.code, d.locator) for d in result.diagnostics if d.severity is Severity.ERROR}


def _must_report(name: str) -> list[dict[str, object]]:
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    return [item for key, items in expected.items() if key.startswith(name) for item in items]


def _values(report: Report) -> dict[tuple[str, str, str], Decimal | None]:
    return {
        (key, row, column): cell.value
        for key, table in report.tables.items()
        for (row, column), cell in table.cells.items()
    }


CASES = [(name, layout) for name in SOURCES for layout in LAYOUTS]


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_no_error_the_original_does_not_get(name: str, layout: str) -> None:
    new = _errors(_checked(name, layout)) - _errors(_checked(name, None))
    assert not new, _describe(_checked(name, layout).diagnostics, {code for code, _ in new})


@pytest.mark.parametrize(("name", "layout"), [c for c in CASES if not c[0].startswith("pingtan")])
def test_must_report_defects_still_found(name: str, layout: str) -> None:
    found = _checked(name, layout).diagnostics
    for item in _must_report(name):
        family = MERGED.get((name, layout), str(item["family"]))
        lowest = Severity(str(item["severity"]))
        assert any(d.code.startswith(family) and d.severity.rank >= lowest.rank for d in found), item["what"]


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_table_values_are_the_originals(name: str, layout: str) -> None:
    original, relaid = _checked(name, None), _checked(name, layout)
    assert original.report is not None and relaid.report is not None
    before, after = _values(original.report), _values(relaid.report)
    if layout not in CUT_LOSING:
        assert after == before
        return
    assert {cell: after[cell] for cell in after if cell in before} == {
        cell: before[cell] for cell in after if cell in before
    }
    if len(after) < len(before):  # some rows could not be cut one way only: said once, not guessed
        assert any(d.code == "CP019" for d in relaid.diagnostics)
    nu_errors = {e for e in _errors(relaid) if e[0].startswith("NU")}
    assert nu_errors <= _errors(original)


def _describe(diagnostics: tuple[Diagnostic, ...], codes: set[str]) -> str:
    return "\n".join(f"{d.code} {d.line}: {d.message}" for d in diagnostics if d.code in codes)
