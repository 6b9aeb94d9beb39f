"""Every real report against its hand labels: the seeds (shared/seeds/EXPECTED.md), the corpus pages
(shared/corpus/pages/LABELS.md) and the complete reports (shared/corpus/full/LABELS.md).

On every file: no error-level finding that the labels do not list, and every labelled defect
found. LABELLED below is those labels as data. The pages are report beginnings, mostly cut off, so
missing sections and rows (CP001, CP010) are what the labels expect there. A file whose false
errors come from a feature built elsewhere is marked pending, with the reason; the mark is strict,
so the test says when the feature has landed and the mark can go.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from tests.paths import FIXTURES, SEEDS

from reportlint.api import lint_path
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.plugins.host import create_host

CORPUS = FIXTURES / "corpus"
PAGES = sorted(path.name for path in CORPUS.glob("*.txt"))
HOST = create_host(load_entry_points=False)
# LABELS.md: the statistical-period sentence is present and names the report year
PERIOD_MATCHES = ("005", "006", "012", "014", "031", "039", "046", "052")


FULL = FIXTURES / "corpus_full"
CUT_OFF = frozenset({"CP001", "CP010"})
"""What a cut-off page rightly lacks: sections and table rows after the cut."""


@dataclass(frozen=True)
class Labelled:
    """One file's labels: the error codes they allow, the defects that must be found as
    (code, first line, last line, words of the message), and why a check is pending: ``pending``
    for its false errors, ``pending_defects`` for a defect not yet found."""

    path: Path
    allowed: frozenset[str] = frozenset()
    defects: tuple[tuple[str, int | None, int | None, str], ...] = ()
    pending: str | None = None
    pending_defects: str | None = None


def _page(stem: str, *defects: tuple[str, int | None, int | None, str], allowed: str = "") -> Labelled:
    codes = frozenset(allowed.split()) | (CUT_OFF if stem != "044" else frozenset())
    return Labelled(CORPUS / f"{stem}.txt", codes, defects)


LABELLED = (
    # seeds: EXPECTED.md "Must report"
    Labelled(
        SEEDS / "000_0d171b8ef5d5b856.txt",
        frozenset({"PD001"}),
        (("PD001", 2, 2, "2022"), ("CP002", 1, 1, ""), ("WD002", 2, 2, "工作")),
    ),
    Labelled(
        SEEDS / "001_3801af194dfe54d2.txt", frozenset({"CP010"}), (("CP010", 120, 140, "1.属于国家秘密"),)
    ),
    Labelled(SEEDS / "002_a59350496f5eca4a.txt", defects=(("ST001", 400, 400, "5、"),)),
    Labelled(SEEDS / "003_96c85236d91434a5.txt", defects=(("FE003", 620, 620, "<"),)),
    Labelled(SEEDS / "004_c5a853553518463f.txt", defects=(("ST002", 96, 96, "0三、"),)),
    # corpus pages: LABELS.md "D" defects
    _page("002", ("NU019", 10, 10, "20条")),
    _page("005"),
    _page("006"),
    _page("012"),
    _page("014"),
    _page("015"),
    _page("016", ("WD005", 11, 11, "2019年试行格式"), ("CP014", None, None, "表三"), allowed="WD005 CP014"),
    _page("023", ("WD001", 30, 30, "「规范性文件」")),
    _page("025", ("WD001", 7, 7, "本年新制作数量"), ("WD001", 7, 7, "本年新公开数量")),
    _page("027", ("PD002", 14, 14, "20231月1日")),
    _page("031"),
    _page("036"),
    _page("039"),
    _page("044", ("CP005", 1, 1, "5个部分")),
    _page("046"),
    _page("052"),
    # complete reports: LABELS.md "Defects"
    Labelled(FULL / "pingtan-2021.html"),
    Labelled(FULL / "pingtan-2024.html"),
    Labelled(FULL / "pingtan-2021.txt"),
    Labelled(FULL / "pingtan-2024.txt"),
    Labelled(
        FULL / "hzq-2024.pdf",
        defects=(("WD001", None, None, "2.其他法律行政止公开"),),
    ),
    # the outline: no part 存在的主要问题及改进情况, parts 二…六 of 总体情况 out of place (CP001 is right)
    Labelled(FULL / "kewei-2024.md", frozenset({"CP001"}), (("CP001", None, None, "第5部分"),)),
    Labelled(
        FULL / "shanghai-office-2025.md",
        frozenset({"CP001"}),
        (("CP001", None, None, "第5部分"),),
    ),
)


def _cases(check: str) -> list[object]:
    """The files as test parameters; pending ones marked as expected to fail (strictly)."""
    cases: list[object] = []
    for item in LABELLED:
        reason = item.pending if check == "errors" else item.pending_defects
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        if check == "defects" and not item.defects:
            continue
        cases.append(pytest.param(item, marks=marks, id=f"{item.path.parent.name}/{item.path.name}"))
    return cases


@cache
def labelled_diagnostics(path: Path) -> tuple[Diagnostic, ...]:
    return lint_path(str(path), HOST).diagnostics


@pytest.mark.parametrize("item", _cases("errors"))
def test_no_error_that_the_labels_do_not_list(item: Labelled) -> None:
    errors = [d for d in labelled_diagnostics(item.path) if d.severity is Severity.ERROR]
    assert [(d.code, d.line, d.message) for d in errors if d.code not in item.allowed] == []


@pytest.mark.parametrize("item", _cases("defects"))
def test_every_labelled_defect_is_found(item: Labelled) -> None:
    found = labelled_diagnostics(item.path)
    missing = [
        defect
        for defect in item.defects
        if not any(
            d.code == defect[0]
            and (defect[1] is None or defect[1] <= d.line <= (defect[2] or d.line))
            and defect[3] in d.message
            for d in found
        )
    ]
    assert missing == [], [(d.code, d.line, d.message) for d in found]


def test_the_labels_cover_every_corpus_file() -> None:
    """Every file copied from the corpora has its labels here."""
    copied = {
        *SEEDS.glob("*.txt"),
        *CORPUS.glob("*.txt"),
        *(p for p in FULL.iterdir() if p.name != "SOURCE.md"),
    }
    assert {item.path for item in LABELLED} == copied


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
