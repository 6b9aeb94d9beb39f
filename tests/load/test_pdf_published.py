"""A published PDF (hzq-2024.pdf, a WPS export) reads as printed: title, sections, every cell.

The expected cells were read off the rendered pages (pdftoppm) by hand, not from the loader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_reading import SIX_SECTIONS, read_tables

from reportlint.api import lint_document
from reportlint.load import SourceDocument, load_bytes
from reportlint.parse.document import parse_document
from reportlint.plugins.host import PluginHost, create_host

PDF = Path(__file__).parent.parent / "fixtures" / "published" / "hzq-2024.pdf"
ZEROS = ["0"] * 7


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


@pytest.fixture(scope="module")
def document(host: PluginHost) -> SourceDocument:
    return load_bytes(PDF.name, PDF.read_bytes(), host)


def _squeezed(cell: str) -> str:
    return "".join(cell.split())


def test_title_over_two_lines_is_one_title_with_body_and_year(document: SourceDocument) -> None:
    report = parse_document(document)
    assert report.title is not None
    assert report.title.text == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
    assert report.year == 2024


def test_six_sections_and_wrapped_paragraphs_rejoined(document: SourceDocument) -> None:
    report = parse_document(document)
    assert [(s.key, s.heading.title) for s in report.sections] == SIX_SECTIONS
    lines = document.text.split("\n")
    period = next(line for line in lines if line.startswith("本报告由"))
    assert period.endswith("电话：0517-87290606）。")  # six printed lines, one paragraph
    assert "自2024年1月1日起至2024年12月31日止" in period
    assert not any(line.strip() in {"-1-", "-2-", "-3-", "-4-", "-5-"} for line in lines)


def test_table_two_every_cell_across_the_page_break(document: SourceDocument) -> None:
    # drawn with ruling lines, the 第二十条 header rows shaded: one table over pages 2 and 3
    table = [[_squeezed(c) for c in row] for row in read_tables(document.text)[0]]
    decisions = ["信息内容", "本年处理决定数量"]
    assert table == [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "3", "0", "8"],
        ["第二十条第（五）项"],
        decisions,
        ["行政许可", "9487"],
        ["第二十条第（六）项"],
        decisions,
        ["行政处罚", "2776"],
        ["行政强制", "84"],
        ["第二十条第（八）项"],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "7545"],
    ]


def test_table_three_every_cell_across_the_page_break(document: SourceDocument) -> None:
    table = [[_squeezed(c) for c in row] for row in read_tables(document.text)[1]]
    assert table[:3] == [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]

    def row(total: int) -> list[str]:
        return [str(total), "0", "0", "0", "0", "0", str(total)]

    assert table[3:] == [
        ["一、本年新收政府信息公开申请数量", *row(95)],
        ["二、上年结转政府信息公开申请数量", *ZEROS],
        ["三、本年度办理结果", "（一）予以公开", *row(50)],  # the vertical label, merged over 19 rows
        ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *row(9)],
        ["", "（三）不予公开", "1.属于国家秘密", *ZEROS],
        ["", "", "2.其他法律行政止公开", *ZEROS],  # sic: the report's own typo
        ["", "", "3.危及“三安全一稳定”", *row(1)],
        ["", "", "4.保护第三方合法权益", *ZEROS],
        ["", "", "5.属于三类内部事务信息", *ZEROS],
        ["", "", "6.属于四类过程性信息", *row(1)],
        ["", "", "7.属于行政执法案卷", *row(1)],
        ["", "", "8.属于行政查询事项", *ZEROS],
        ["", "（四）无法提供", "1.本机关不掌握相关政府信息", *row(31)],
        ["", "", "2.没有现成信息需要另行制作", *row(1)],  # page 4 starts here
        ["", "", "3.补正后申请内容仍不明确", *ZEROS],
        ["", "（五）不予处理", "1.信访举报投诉类申请", *row(1)],
        ["", "", "2.重复申请", *ZEROS],
        ["", "", "3.要求提供公开出版物", *ZEROS],
        ["", "", "4.无正当理由大量反复申请", *ZEROS],
        ["", "", "5.要求行政机关确认或重新出具已获取信息", *ZEROS],
        ["", "（六）其他处理", "", *ZEROS],
        ["", "（七）总计", "", *row(95)],
        ["四、结转下年度继续办理", *ZEROS],
    ]


def test_table_four_every_cell(document: SourceDocument) -> None:
    table = [[_squeezed(c) for c in row] for row in read_tables(document.text)[2]]
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert table == [
        ["行政复议", "", "行政诉讼"],
        [*results, "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", *results, *results],
        ["1", "1", "0", "0", "2", "1", "0", "0", "0", "1", "2", "0", "1", "0", "3"],
    ]


def test_model_cells_of_tables_two_three_four(document: SourceDocument) -> None:
    tables = parse_document(document).tables
    two = {place: cell.value for place, cell in tables["二"].cells.items()}
    assert two[("normative_documents", "issued")] == 3
    assert two[("normative_documents", "in_force")] == 8
    assert two[("licensing", "decisions")] == 9487
    assert two[("fees", "amount")] == 7545
    three = {place: cell.value for place, cell in tables["三"].cells.items()}
    assert three[("new", "natural_person")] == 95
    assert three[("unavailable.not_held", "total")] == 31
    assert three[("total", "total")] == 95
    assert three[("carried_forward", "total")] == 0
    four = tables["四"].cells
    review = [
        four[("cases", f"review.{c}")].value
        for c in ("upheld", "corrected", "other_result", "pending", "total")
    ]
    assert review == [1, 1, 0, 0, 2]
    assert four[("cases", "direct_suit.total")].value == 1
    assert four[("cases", "suit_after_review.upheld")].value == 2
    assert four[("cases", "suit_after_review.other_result")].value == 1
    assert four[("cases", "suit_after_review.total")].value == 3


# What the loader must not cause: wrong titles, lost sections, broken rows, unbalanced columns.
LOADER_CODES = {"CP001", "CP002", "CP012", "CP013", "NU001", "NU002", "ST002"}


def test_no_finding_from_the_way_the_pdf_is_read(host: PluginHost, document: SourceDocument) -> None:
    codes = {(d.code, d.locator) for d in lint_document(document, host).diagnostics}
    assert {code for code, _ in codes} & LOADER_CODES == set()


def test_findings_are_those_its_labels_name(host: PluginHost, document: SourceDocument) -> None:
    result = lint_document(document, host)
    errors = sorted(d.code for d in result.diagnostics if d.severity.name.lower() == "error")
    assert errors == []
    (label,) = [d for d in result.diagnostics if d.code == "WD001"]
    assert label.actual == "2.其他法律行政止公开" and label.expected == "2.其他法律行政法规禁止公开"
