"""The corpus pages against their hand labels (shared/corpus/pages/LABELS.md).

The pages are report beginnings, mostly cut off, so missing sections, rows and fee statements are
expected there. What must hold: no NU or PD error where the labels say the figures and the
period are right, and every visible definite (D) defect is found at its place.
"""

from __future__ import annotations

from functools import cache

import pytest

from conftest import FIXTURES
from reportlint.api import lint_path
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.plugins.host import create_host

CORPUS = FIXTURES / "corpus"
PAGES = sorted(path.name for path in CORPUS.glob("*.txt"))
HOST = create_host(load_entry_points=False)
# LABELS.md: the statistical-period sentence is present and names the report year
PERIOD_MATCHES = ("005", "006", "012", "014", "031", "039", "046", "052")


@cache
def diagnostics(name: str) -> tuple[Diagnostic, ...]:
    """The default selection's diagnostics for one page (checked once per test run)."""
    return lint_path(str(CORPUS / name), HOST).diagnostics


def found(name: str, code: str, line: int | None = None) -> list[Diagnostic]:
    """Diagnostics of ``code`` (a code or a family prefix) on page ``name``, optionally at ``line``."""
    return [d for d in diagnostics(name) if d.code.startswith(code) and (line is None or d.line == line)]


@pytest.mark.parametrize("name", PAGES, ids=[name[:3] for name in PAGES])
def test_no_numeric_or_period_error_where_the_figures_hold(name: str) -> None:
    errors = [d for d in diagnostics(name) if d.code[:2] in ("NU", "PD") and d.severity is Severity.ERROR]
    assert [(d.code, d.line, d.message) for d in errors] == []


@pytest.mark.parametrize("stem", PERIOD_MATCHES)
def test_a_matching_period_gives_no_period_finding(stem: str) -> None:
    assert [(d.code, d.message) for d in diagnostics(f"{stem}.txt") if d.code.startswith("PD")] == []


def test_016_old_2019_tables_in_a_2022_report_are_an_error() -> None:
    old = found("016.txt", "WD005")
    assert len(old) == 1 and old[0].severity is Severity.ERROR
    assert "2019年试行格式" in old[0].message and old[0].line == 11  # the table starts at 第二十条第（一）项


def test_016_tables_without_any_number_are_reported() -> None:
    lines = {d.line for d in found("016.txt", "CP") if "数值" in d.message or "空" in d.message}
    assert lines, [(d.code, d.line, d.message) for d in diagnostics("016.txt")]


def test_023_row_label_differs_from_the_2021_template() -> None:
    label = found("023.txt", "WD001", 30)
    assert len(label) == 1 and "「规范性文件」" in label[0].message and label[0].fixes == ("行政规范性文件",)


def test_025_truncated_2019_column_label_is_a_warning_and_the_old_format_is_fine_for_2019() -> None:
    label = found("025.txt", "WD001", 7)
    assert label and label[0].severity is Severity.WARNING and "本年新制作数量" in label[0].message
    assert found("025.txt", "WD005") == []


def test_027_malformed_period_dates() -> None:
    dates = found("027.txt", "PD002", 14)
    assert [d.actual for d in sorted(dates, key=lambda d: d.column)] == ["20231月1日", "202312月31日"]


def test_044_declares_five_parts_but_has_six() -> None:
    count = found("044.txt", "CP005")
    assert len(count) == 1 and count[0].line == 1
    assert (count[0].expected, count[0].actual) == ("5", "6")


def test_002_the_same_channel_stated_as_20_and_16() -> None:
    restated = found("002.txt", "NU019")
    assert len(restated) == 1 and restated[0].line == 10
    assert (restated[0].expected, restated[0].actual) == ("20", "16")
    assert restated[0].related and restated[0].related[0][0] == 4  # (line, column, end line, end column)


def test_012_superseded_notice_is_a_warning_only() -> None:
    cited = found("012.txt", "WD003")
    assert len(cited) == 1 and cited[0].severity is Severity.WARNING


def test_pre_2019_report_is_not_held_to_the_six_sections_of_the_2021_format() -> None:
    """Corpus 044 is a 2017 report in the free-form parts of the 2008 条例 (labels: "The 2021-template
    checks do not apply")."""
    codes = {d.code for d in lint_path(str(CORPUS / "044.txt")).diagnostics}
    assert "CP001" not in codes
    assert "CP005" in codes  # its own defect: it declares five parts and has six
