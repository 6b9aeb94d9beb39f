"""The skeleton of the five seed reports, every value checked by hand against the files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from reportlint.model import Report, Table
from reportlint.parse.document import parse_text
from reportlint.parse.textlines import SourceLine

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"


def _parse(prefix: str) -> Report:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_text(path.read_text(encoding="utf-8"), str(path))


# (heading line, numbering as written, template key) for each seed, read off the files.
HEADINGS = {
    "000": [
        (3, "一、", 1),
        (15, "二、", 2),
        (61, "三、", 3),
        (348, "四、", 4),
        (404, "五、", 5),
        (407, "六、", 6),
    ],
    "001": [
        (6, "一、", 1),
        (14, "二、", 2),
        (60, "三、", 3),
        (355, "四、", 4),
        (417, "五、", 5),
        (423, "六、", 6),
    ],
    "002": [
        (2, "一、", 1),
        (10, "二、", 2),
        (57, "三、", 3),
        (344, "四、", 4),
        (400, "5、", 5),
        (403, "六、", 6),
    ],
    "003": [
        (11, "一、", 1),
        (35, "二、", 2),
        (97, "三、", 3),
        (541, "四、", 4),
        (612, "五、", 5),
        (618, "六、", 6),
    ],
    "004": [
        (6, "一、", 1),
        (13, "二、", 2),
        (59, "三、", 3),
        (349, "四、", 4),
        (394, "五、", 5),
        (396, "六、", 6),
    ],
}


@pytest.mark.parametrize("prefix", sorted(HEADINGS))
def test_six_section_headings_and_nothing_else(prefix: str) -> None:
    """Table 三's "一、本年新收…", "三、本年度办理结果", "四、结转下年度继续办理" are not headings."""
    report = _parse(prefix)
    found = [(s.heading.span.line, s.heading.numbering, s.key) for s in report.sections]
    assert found == HEADINGS[prefix]


@pytest.mark.parametrize("prefix", sorted(HEADINGS))
def test_tables_found_in_sections_two_to_four(prefix: str) -> None:
    report = _parse(prefix)
    assert [s.tables for s in report.sections] == [(), ("二",), ("三",), ("四",), (), ()]
    assert set(report.tables) == {"二", "三", "四"}


def test_seed_000_title_without_body_or_year_and_year_from_prose() -> None:
    report = _parse("000")
    assert report.title is not None
    assert report.title.text == "工作年度报告"
    assert (report.title.span.line, report.title.span.column) == (1, 2)  # line 1 starts with a space
    assert report.title.body is None and report.title.year is None
    assert report.body is None
    assert (report.year, report.year_source) == (2023, "prose")  # line 4: "2023年，伽师县…"


def test_seed_000_period_is_on_line_2_and_says_2022() -> None:
    report = _parse("000")
    period = report.period
    assert period is not None and period.start is not None and period.end is not None
    assert period.span.line == 2
    assert period.text == "本报告中所列数据的统计时间自2022年1月1日至2022年12月31日。"
    assert (period.start.year, period.start.month, period.start.day) == (2022, 1, 1)
    assert (period.end.year, period.end.month, period.end.day) == (2022, 12, 31)
    line = report.lines[1]
    assert line[period.start.span.column - 1 : period.start.span.end_column - 1] == "2022年1月1日"
    assert report.signature_date is None and report.signature_body is None


def test_seed_000_section_one_sub_headings() -> None:
    section = _parse("000").sections[0]
    assert [(h.span.line, h.numbering, h.title) for h in section.subheadings][:2] == [
        (5, "（一）", "主动公开政府信息情况"),
        (7, "（二）", "依申请政府信息公开办理情况"),
    ]
    assert section.paragraphs[0].span.line == 4


def test_seed_001_title_joined_over_two_lines() -> None:
    report = _parse("001")
    assert report.title is not None
    assert report.title.text == "巴楚县人民政府2023年政府信息公开工作年度报告"
    assert (report.title.span.line, report.title.span.end_line) == (1, 3)
    assert report.title.body == "巴楚县人民政府" and report.body == "巴楚县人民政府"
    assert (report.year, report.year_source) == (2023, "title")
    assert report.period is None
    assert report.signature_body == "巴楚县人民政府办公室"
    date = report.signature_date
    assert date is not None
    assert (date.text, date.span.line, date.year, date.month, date.day) == ("2024年1月18日", 428, 2024, 1, 18)


def test_seed_002_bookmarks_are_noise_and_the_title_follows_one() -> None:
    report = _parse("002")
    assert report.title is not None
    assert report.title.text == "夹河子乡政府信息公开工作2023年度报告"
    assert report.title.span.column == len("[bookmark: _GoBack]") + 1
    assert report.year == 2023
    bookmarks = [n for n in report.noise if n.kind == "docx-bookmark"]
    assert bookmarks[0].text == "[bookmark: _GoBack]" and bookmarks[0].span.line == 1
    assert all(n.text.startswith("[bookmark:") for n in bookmarks)
    assert report.sections[4].heading.title == "存在的主要问题及改进情况"
    assert report.sections[4].heading.number == 5
    assert report.signature_body == "乌苏市夹河子乡人民政府"
    assert report.signature_date is not None
    assert (report.signature_date.span.line, report.signature_date.span.column) == (413, 19)


def test_seed_003_page_chrome_before_title_and_publication_line() -> None:
    report = _parse("003")
    assert [(n.span.line, n.kind) for n in report.noise] == [
        (1, "page-chrome"),
        (3, "page-chrome"),
        (4, "page-chrome"),
        (5, "page-chrome"),
    ]
    assert report.title is not None and report.title.span.line == 6
    assert report.title.text == "伊宁县政府信息公开工作2023年度报告"
    assert (report.year, report.year_source) == (2023, "title")
    period = report.period
    assert period is not None and period.start is not None and period.end is not None
    assert period.span.line == 9
    assert period.text == "年报中所列数据统计期限自2023年1月1日起至2023年12月31日止。"
    assert (period.start.year, period.end.year, period.end.month, period.end.day) == (2023, 2023, 12, 31)
    date = report.signature_date
    assert date is not None and (date.text, date.span.line, date.year, date.month, date.day) == (
        "2024-01-26",
        7,
        2024,
        1,
        26,
    )
    assert report.signature_body == "伊宁县人民政府办公室"
    assert report.preamble[0].span.line == 9


def test_seed_004_title_split_and_signature() -> None:
    report = _parse("004")
    assert report.title is not None
    assert report.title.text == "2023年地区机关事务管理局政府信息公开工作年度报告"
    assert (report.title.span.line, report.title.span.end_line) == (3, 4)
    assert report.title.body == "地区机关事务管理局"
    assert report.period is None
    assert report.signature_body == "和田地区机关事务管理局"
    assert report.signature_date is not None and report.signature_date.span.line == 400
    # The "0三、" stray before "本年度办理结果" stays inside table 三's block, not a heading.
    assert report.sections[2].span.end_line < 349


def test_table_blocks_run_from_the_heading_to_the_next_section(monkeypatch: pytest.MonkeyPatch) -> None:
    """assemble_table gets every line between the section heading and the next heading."""
    import reportlint.parse.tables

    calls: dict[str, tuple[int, int, int | None]] = {}
    real = reportlint.parse.tables.assemble_table

    def spy(key: str, lines: Sequence[SourceLine], report_year: int | None) -> Table:
        calls[key] = (lines[0].number, lines[-1].number, report_year)
        return real(key, lines, report_year)

    monkeypatch.setattr(reportlint.parse.tables, "assemble_table", spy)
    _parse("000")
    assert calls == {"二": (16, 60, 2023), "三": (62, 347, 2023), "四": (349, 403, 2023)}
