"""Real report beginnings from the corpus: all parse, and what is visible is read correctly.

Expected values come from shared/corpus/pages/LABELS.md and were checked against the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.model import DateMention, Report
from reportlint.parse.document import parse_text

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"
PAGES = sorted(CORPUS.glob("*.txt"))


def _parse(name: str) -> Report:
    path = CORPUS / f"{name}.txt"
    return parse_text(path.read_text(encoding="utf-8"), str(path))


def test_corpus_is_present() -> None:
    assert len(PAGES) == 16


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_every_page_parses_with_positions_inside_the_text(path: Path) -> None:
    report = parse_text(path.read_text(encoding="utf-8"), str(path))
    assert report.sections, "every page shows at least section 一"
    assert report.sections[0].key == 1
    for section in report.sections:
        assert 1 <= section.heading.span.line <= len(report.lines)
        assert section.heading.span.line <= section.span.end_line <= len(report.lines)


# name → (year, year source, "start..end" of the period or None)
YEARS = {
    "002": (2022, "prose", None),
    "005": (2023, "title", "2023-01-01..2023-12-31"),
    "012": (2022, "title", "2022-01-01..2022-12-31"),
    "014": (2022, "prose", "2022-01-01..2022-12-31"),
    "015": (2022, "preamble", None),
    "025": (2019, "title", None),
    "027": (2023, "title", "2023-01-01..2023-12-31"),
    "031": (2024, "prose", "2024-01-01..None-12-31"),
    "039": (2025, "title", "2025-01-01..2025-12-31"),
    "044": (2017, "preamble", None),
}


def _iso(date: DateMention) -> str:
    return f"{date.year}-{date.month:02d}-{date.day:02d}"


@pytest.mark.parametrize("name", sorted(YEARS))
def test_year_and_period(name: str) -> None:
    report = _parse(name)
    year, source, window = YEARS[name]
    assert (report.year, report.year_source) == (year, source)
    if window is None:
        assert report.period is None
        return
    period = report.period
    assert period is not None and period.start is not None and period.end is not None
    assert f"{_iso(period.start)}..{_iso(period.end)}" == window


def test_027_malformed_period_dates_are_flagged() -> None:
    """ "统计期限为20231月1日至202312月31日": 年 is missing in both dates."""
    period = _parse("027").period
    assert period is not None and period.start is not None and period.end is not None
    assert period.span.line == 14
    assert (period.start.text, period.start.well_formed) == ("20231月1日", False)
    assert (period.end.text, period.end.well_formed) == ("202312月31日", False)


def test_027_navigation_lines_before_the_title_are_noise() -> None:
    report = _parse("027")
    assert report.title is not None and report.title.span.line == 8
    assert report.title.body == "沧州市卫生健康委员会"
    assert [n.span.line for n in report.noise] == [1, 3, 5, 6]


def test_016_font_bar_and_source_line_are_noise() -> None:
    report = _parse("016")
    assert report.title is not None and report.title.span.line == 2
    assert [(n.span.line, n.kind) for n in report.noise] == [(1, "page-chrome"), (3, "page-chrome")]
    assert [s.heading.span.line for s in report.sections] == [5, 9, 73]


def test_015_index_metadata_table_is_noise() -> None:
    report = _parse("015")
    assert report.title is None
    assert [(n.span.line, n.kind) for n in report.noise] == [(i, "page-metadata") for i in (1, 2, 3)]
    assert [s.heading.span.line for s in report.sections] == [5, 8, 49]


def test_012_table_row_labels_are_not_headings() -> None:
    report = _parse("012")
    assert [(s.heading.span.line, s.key) for s in report.sections] == [(3, 1), (9, 2), (71, 3)]


def test_044_pre_2019_headings() -> None:
    report = _parse("044")
    found = [(s.heading.span.line, s.heading.numbering, s.key) for s in report.sections]
    assert found == [
        (2, "一、", 1),
        (4, "二、", 2),
        (6, "三、", 3),
        (9, "四、", 4),
        (11, "五、", None),
        (13, "六、", 5),
    ]
    third = report.sections[2]
    # "1、依申请公开情况:目前…" is a list item under 三, not a section heading.
    assert [(h.span.line, h.level, h.title) for h in third.subheadings] == [
        (7, 3, "依申请公开情况"),
        (8, 3, "不予公开政府信息情况"),
    ]
    assert report.tables == {}


def test_023_repeated_title_line_is_noise() -> None:
    report = _parse("023")
    assert report.title is not None and report.title.text == "2023年政府信息公开工作年度报告"
    assert report.title.body is None
    assert [(n.span.line, n.kind) for n in report.noise] == [(2, "repeated-title")]


def test_036_publication_lines_under_the_title() -> None:
    """ "迎宾路街道办事处" / "2022年01月18日来源:1" under the title: body and date, not preamble."""
    report = _parse("036")
    assert report.signature_body == "迎宾路街道办事处"
    date = report.signature_date
    assert date is not None and (date.span.line, date.year, date.month, date.day) == (4, 2022, 1, 18)
    assert [p.span.line for p in report.preamble] == [7]
