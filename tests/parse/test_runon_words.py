"""Headings inside lines after a word or with an Arabic numeral, and table rows joined by a scrape
with spaces or nothing (parse.runon, parse.table_layouts)."""

from __future__ import annotations

from decimal import Decimal

from reportlint.parse.document import parse_text

FILLER = "本机关认真贯彻落实条例，持续推进政务公开工作。"


def test_full_title_after_a_word_is_a_heading() -> None:
    """A scrape that joined lines with nothing: "…年度报告一、总体情况2023年，…"."""
    report = parse_text(f"某县人民政府2023年政府信息公开工作年度报告一、总体情况2023年，{FILLER}\n")
    assert [(s.key, s.heading.title) for s in report.sections] == [(1, "总体情况")]


def test_short_variant_after_a_word_is_not_a_heading() -> None:
    """ "基本情况" and "其他事项" are ordinary words: after a word they are prose."""
    report = parse_text(f"{FILLER}本单位一、基本情况良好，{FILLER}其中六、其他事项均已办结。\n")
    assert report.sections == ()


def test_arabic_numbered_heading_inside_a_line() -> None:
    """002's "5、 存在的主要问题及改进情况" numbering slip survives the scrape joining its lines."""
    text = f"四、政府信息公开行政复议、行政诉讼情况 {FILLER}5、 存在的主要问题及改进情况 {FILLER}\n"
    report = parse_text(text)
    assert [(s.key, s.heading.numbering) for s in report.sections] == [(4, "四、"), (5, "5、")]


def test_heading_and_table_note_on_one_line_are_cut() -> None:
    """ "三、…申请情况 (本列数据的勾稽关系为:…)" is the heading, then table 三's note."""
    report = parse_text("三、收到和处理政府信息公开申请情况 (本列数据的勾稽关系为:第一项加第二项之和)\n")
    (section,) = report.sections
    assert section.heading.title == "收到和处理政府信息公开申请情况"


TABLE_TWO = (
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
    "{rows}\n"
    "三、收到和处理政府信息公开申请情况\n"
)


def _table_two(rows: str) -> dict[tuple[str, str], Decimal | None]:
    table = parse_text(TABLE_TWO.format(rows=rows)).tables["二"]
    return {key: cell.value for key, cell in table.cells.items()}


def test_one_row_flattened_on_its_line() -> None:
    """ "规章000": the three figures can only be 0|0|0 (no leading zeros)."""
    values = _table_two("规章000")
    assert [values[("regulations", c)] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]


def test_rows_joined_with_spaces() -> None:
    values = _table_two("规章 0 0 0 行政规范性文件 2 13 9")
    assert [values[("normative_documents", c)] for c in ("issued", "repealed", "in_force")] == [2, 13, 9]


def test_counted_figure_is_a_note_not_cells() -> None:
    """ "共 3 件" in a table is a note: no value 3 anywhere."""
    values = _table_two("规章 0 0 0\n行政规范性文件 1 0 5\n本年度共 3 件")
    assert Decimal(3) not in values.values()
