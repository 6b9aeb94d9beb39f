"""Flattened tables: figures run together, cut by the table's identities (parse.figures).

The expected values are those of the reports' web pages (LABELS.md of shared/corpus/full, checked
by hand) and, for the small fixtures, those written in them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportlint.api import lint_path, parse_path
from reportlint.diagnostics import Severity
from reportlint.model import Report, Table
from reportlint.parse.document import parse_text
from reportlint.parse.figures import Piece, readings, total_is_sum
from reportlint.parse.template import load_template
from reportlint.plugins.host import create_host
from reportlint.store.serialize import report_to_dict, report_to_tree
from reportlint.store.slim import compact_report

REAL = Path(__file__).parent.parent / "fixtures" / "corpus_full"
HOST = create_host(load_entry_points=False)
COLUMNS = tuple(spec.key for spec in load_template().table3_columns)
HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
)
ZERO = "0000000"
RESULT_ROWS = (
    "（三）不予公开1.属于国家秘密{z}2.其他法律行政法规禁止公开{z}3.危及“三安全一稳定”{z}4.保护第三方合法权益{z}"
    "5.属于三类内部事务信息{z}6.属于四类过程性信息{z}7.属于行政执法案卷{z}8.属于行政查询事项{z}"
    "（四）无法提供1.本机关不掌握相关政府信息{not_held}2.没有现成信息需要另行制作{z}3.补正后申请内容仍不明确{z}"
    "（五）不予处理1.信访举报投诉类申请{z}2.重复申请{z}3.要求提供公开出版物{z}4.无正当理由大量反复申请{z}"
    "5.要求行政机关确认或重新出具已获取信息{z}（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请{z}"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请{z}3.其他{z}"
)


def flattened_report(granted: str, not_held: str, total: str, new: str = "", forward: str = ZERO) -> str:
    """A run-together report whose table 三 has the given figure strings (the rest zeros)."""
    rows = RESULT_ROWS.format(z=ZERO, not_held=not_held)
    table3 = (
        f"{HEADER}一、本年新收政府信息公开申请数量{new or total}二、上年结转政府信息公开申请数量{ZERO}"
        f"三、本年度办理结果（一）予以公开{granted}（二）部分公开（区分处理的，只计这一情形，不计其他情形）{ZERO}"
        f"{rows}（七）总计{total}四、结转下年度继续办理{forward}"
    )
    prose = "本机关认真贯彻落实条例，持续推进政务公开工作。" * 4
    return (
        "某县人民政府2023年政府信息公开工作年度报告\n"
        f"本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。一、总体情况{prose}"
        f"三、收到和处理政府信息公开申请情况{table3}五、存在的主要问题及改进情况{prose}"
        "六、其他需要报告的事项本年度没有产生信息处理费。\n"
    )


def values(table: Table, row: str) -> list[Decimal | None]:
    return [table.value(row, column) for column in COLUMNS]


def test_readings_of_a_row_keep_only_those_whose_total_is_the_sum() -> None:
    found = readings([Piece("640020470", 1, 10)], 7, total_is_sum)
    assert found is not None
    assert [[text for text, _ in reading] for reading in found] == [["64", "0", "0", "2", "0", "4", "70"]]
    spans = [span for _, span in found[0]]
    assert (spans[0].column, spans[0].end_column) == (10, 12)  # "64" at columns 10–11
    assert (spans[-1].column, spans[-1].end_column) == (17, 19)  # "70"


def test_a_space_in_the_figures_is_a_cell_boundary() -> None:
    found = readings([Piece("500000 5", 1, 1)], 7, total_is_sum)
    assert found is not None and [[t for t, _ in r] for r in found] == [["5", "0", "0", "0", "0", "0", "5"]]


def test_rows_cut_one_way_are_decoded_and_marked() -> None:
    # "270020130" is 27|0|0|2|0|1|30 or 2|7|0|0|20|1|30 by its own total; （七） = Σ rows decides.
    report = parse_text(flattened_report(granted="270020130", not_held="220000325", total="490020455"))
    table = report.table("三")
    assert table is not None
    assert values(table, "granted") == [27, 0, 0, 2, 0, 1, 30]
    assert values(table, "unavailable.not_held") == [22, 0, 0, 0, 0, 3, 25]
    assert values(table, "total") == [49, 0, 0, 2, 0, 4, 55]
    assert all(cell.decoded for cell in table.cells.values())
    assert not [p for p in table.problems if p.kind == "ambiguous-figures"]


def test_rows_that_stay_ambiguous_give_one_finding_and_no_numeric_error(tmp_path: Path) -> None:
    # "（一）" and "（四）1" both read "270020130": 27|0|0|2|0|1|30 or 2|7|0|0|20|1|30. With （七）
    # 29|7|0|2|20|2|60 one of them is each, and nothing in the table says which is which.
    text = flattened_report(granted="270020130", not_held="270020130", total="2970220260")
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    diagnostics = lint_path(str(path), HOST).diagnostics
    table = parse_text(text).table("三")
    assert table is not None
    undecided = [p.row for p in table.problems if p.kind == "ambiguous-figures"]
    assert {"granted", "unavailable.not_held"} <= set(undecided)
    assert table.cell("granted", "total") is None  # not guessed
    cp019 = [d for d in diagnostics if d.code == "CP019"]
    assert len(cp019) == 1 and "（一）予以公开" in cp019[0].message
    table_errors = [d.code for d in diagnostics if d.code[:2] == "NU" or d.code in ("CP010", "CP011")]
    assert table_errors == []


def test_a_message_about_a_decoded_cell_says_so(tmp_path: Path) -> None:
    # The carried-forward row 1|0|0|0|0|0|1 is read one way; it breaks 一 + 二 = （七） + 四.
    text = flattened_report(granted="270020130", not_held="220000325", total="490020455", forward="1000001")
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    diagnostics = [d for d in lint_path(str(path), HOST).diagnostics if d.code == "NU001"]
    assert diagnostics
    assert all("按表内勾稽关系推定得出" in d.message for d in diagnostics)


def _cells(report: Report, key: str) -> dict[tuple[str, str], Decimal | None]:
    table = report.table(key)
    assert table is not None
    return {place: cell.value for place, cell in table.cells.items()}


@pytest.mark.parametrize("year", ["2021", "2024"])
def test_scrape_and_web_page_give_the_same_tables_where_the_split_is_unique(year: str) -> None:
    page = parse_path(str(REAL / f"pingtan-{year}.html"), HOST)
    scrape = parse_path(str(REAL / f"pingtan-{year}.txt"), HOST)
    for key in ("三", "四"):
        assert _cells(scrape, key) == _cells(page, key)
    table2 = scrape.table("二")
    assert table2 is not None
    undecided = [p.row for p in table2.problems if p.kind == "ambiguous-figures"]
    assert undecided == ["normative_documents"]  # "693665" / "6233440": three cells, many splits
    page2 = _cells(page, "二")
    assert {place: value for place, value in page2.items() if place[0] != "normative_documents"} == _cells(
        scrape, "二"
    )


@pytest.mark.parametrize("year", ["2021", "2024"])
def test_scrape_has_no_error_and_one_finding_for_the_undecided_row(year: str) -> None:
    diagnostics = lint_path(str(REAL / f"pingtan-{year}.txt"), HOST).diagnostics
    assert [d.code for d in diagnostics if d.severity is Severity.ERROR] == []
    assert [d.code for d in diagnostics if d.code == "CP019"] == ["CP019"]
    table3 = parse_path(str(REAL / f"pingtan-{year}.txt"), HOST).table("三")
    assert table3 is not None and table3.value("new", "total") == (70 if year == "2021" else 218)


def test_a_row_with_too_many_ways_to_cut_it_is_undecided_quickly() -> None:
    import time

    start = time.perf_counter()
    assert readings([Piece("1" * 60, 1, 1)], 15, None) is None
    assert time.perf_counter() - start < 5


def test_table4_figures_run_together_are_cut_by_the_group_totals() -> None:
    # The figures of shanghai-office-2025.md's table 四 (40|0|10|5|55, 2|0|4|6|12, 6|0|9|7|22) run on.
    header = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉" + (
        "结果维持结果纠正其他结果尚未审结总计" * 2
    )
    prose = "本机关认真贯彻落实条例，持续推进政务公开工作。" * 4
    text = (
        "某县人民政府2023年政府信息公开工作年度报告\n"
        f"一、总体情况{prose}四、政府信息公开行政复议、行政诉讼情况{header}40010555204612609722"
        f"五、存在的主要问题及改进情况{prose}\n"
    )
    table = parse_text(text).table("四")
    assert table is not None
    cells = [table.value("cases", spec.key) for spec in load_template().table4_columns()]
    assert cells == [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]
    assert all(cell.decoded for cell in table.cells.values())


def test_the_decoded_marker_survives_packing_and_is_in_the_parse_output() -> None:
    report = parse_path(str(REAL / "pingtan-2021.txt"), HOST)
    packed = compact_report(report, report.lines)
    for key in ("三", "四"):
        before, after = report.table(key), packed.table(key)
        assert before is not None and after is not None
        assert {p: (c.value, c.decoded, c.span) for p, c in before.cells.items()} == {
            p: (c.value, c.decoded, c.span) for p, c in after.cells.items()
        }
    assert any(cell.decoded for cell in report.tables["三"].cells.values())
    rows = report_to_dict(report)["tables"]["三"]["rows"]
    assert all(cell["decoded"] is True for row in rows for cell in row["cells"])
    assert "(decoded" in report_to_tree(report)


def test_a_sentence_with_figures_under_a_table_is_not_a_flattened_row() -> None:
    from reportlint.parse.table_layouts import tokenize
    from reportlint.parse.textlines import split_lines

    note = "注：本年共收到申请12件，其中自然人10件，法人2件，全部办结，结转下年度0件，无行政复议"
    tokens = tokenize(split_lines(note))
    assert [(token.text, token.run) for token in tokens] == [(note, False)]
