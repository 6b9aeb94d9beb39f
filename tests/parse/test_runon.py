"""Run-together text: headings found inside lines, at their exact columns (parse.runon)."""

from __future__ import annotations

from pathlib import Path

from reportlint.parse.document import parse_text
from reportlint.parse.runon import split_run_on
from reportlint.parse.textlines import split_lines

REAL = Path(__file__).parent.parent / "fixtures" / "corpus_full"
FILLER = "本机关认真贯彻落实条例，持续推进政务公开工作。" * 4
RUN_ON = (
    "某县人民政府2023年政府信息公开工作年度报告\n"
    f"本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。一、总体情况2023年，{FILLER}"
    f"（一）主动公开方面。{FILLER}（二）依申请公开方面。{FILLER}"
    "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
    "三、收到和处理政府信息公开申请情况 本年收到申请0件。"
    f"四、政府信息公开行政复议、行政诉讼情况 {FILLER}五、存在的主要问题及改进情况{FILLER}"
    "六、其他需要报告的事项本年度没有产生信息处理费。\n"
)


def test_six_sections_are_found_inside_one_line_at_their_columns() -> None:
    report = parse_text(RUN_ON)
    assert [section.key for section in report.sections] == [1, 2, 3, 4, 5, 6]
    line = RUN_ON.split("\n")[1]
    for section in report.sections:
        heading = section.heading
        assert heading.span.line == 2
        written = line[heading.span.column - 1 : heading.span.end_column - 1]
        assert written == heading.numbering + heading.title  # the exact place in the original line
    first = report.sections[0]
    assert first.heading.title == "总体情况"  # the words after the heading are prose, not title
    assert [sub.title for sub in first.subheadings] == ["主动公开方面", "依申请公开方面"]
    assert report.period is not None and report.period.span.line == 2


def test_table_row_labels_inside_a_line_do_not_cut_it() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况 "
        + "一、本年新收政府信息公开申请数量640020470" * 2
        + "四、结转下年度继续办理1000001" * 4
    )
    lines = split_lines(text)
    pieces = split_run_on(lines)
    assert [piece.text.strip()[:4] for piece in pieces] == ["三、收到", "一、本年"]


def test_enumerations_in_prose_are_not_headings() -> None:
    text = "本报告包括一、总体情况，二、主动公开政府信息情况等六个部分。" + FILLER * 2
    lines = split_lines(text)
    assert split_run_on(lines) is lines  # "包括一、…" follows a word, not a sentence end


def test_virtual_lines_keep_the_original_columns() -> None:
    text = f"{FILLER}一、总体情况{FILLER}"
    pieces = split_run_on(split_lines(text))
    assert [p.number for p in pieces] == [1, 1, 1]
    assert [len(p.text) - len(p.text.lstrip()) for p in pieces] == [0, len(FILLER), len(FILLER) + 6]
    assert "".join(p.text.strip() for p in pieces) == text


def test_real_scrape_has_its_six_sections() -> None:
    """pingtan-2021.txt: a scrape with the whole report on one line (six false CP001 before)."""
    report = parse_text((REAL / "pingtan-2021.txt").read_text(encoding="utf-8"))
    assert [section.key for section in report.sections] == [1, 2, 3, 4, 5, 6]
    titles = [section.heading.title for section in report.sections]
    assert titles[3] == "政府信息公开行政复议、行政诉讼情况"
    assert [sub.title for sub in report.sections[4].subheadings] == ["存在的主要问题", "改进措施"]


def test_a_list_of_the_parts_in_the_preamble_is_not_six_headings() -> None:
    text = (
        "本报告全文包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
        "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。"
        + FILLER
    )
    lines = split_lines(text)
    assert split_run_on(lines) is lines


def test_a_title_running_on_into_the_preamble_is_cut_off() -> None:
    # A scrape of a whole report on one line starts with its title (shanghai.gov.cn, 2019).
    text = RUN_ON.replace("年度报告\n本报告所列", "年度报告 本报告所列", 1)
    report = parse_text(text)
    assert report.title is not None
    assert report.title.text == "某县人民政府2023年政府信息公开工作年度报告"
    assert (report.title.body, report.title.year) == ("某县人民政府", 2023)
    assert [section.key for section in report.sections] == [1, 2, 3, 4, 5, 6]


def test_a_title_named_inside_a_sentence_is_not_cut() -> None:
    text = RUN_ON.replace(
        "某县人民政府2023年政府信息公开工作年度报告\n",
        "根据《条例》要求，现向社会公布某县人民政府2023年政府信息公开工作年度报告 ",
        1,
    )
    report = parse_text(text)
    assert report.title is None


def test_a_heading_in_the_words_of_the_statute_cuts_the_line() -> None:
    # "五、政府信息公开工作存在的主要问题及改进情况": the 条例's words for part 五.
    text = RUN_ON.replace("五、存在的主要问题", "五、政府信息公开工作存在的主要问题", 1)
    report = parse_text(text)
    assert [section.key for section in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[4].heading.title == "政府信息公开工作存在的主要问题及改进情况"
