"""Prose claims (kind ``claim``, rules NU006, NU030–NU052) on real reports, unchanged and mutated.

The real reports are copies (tests/fixtures/corpus_full/SOURCE.md, tests/fixtures/seeds). Every table
figure used below is from corpus/full/LABELS.md or seeds/EXPECTED.md, checked by hand:
pingtan-2021 table 三: 一 70 (自然人 64, 社会公益组织 2, 其他 4), 二 0, （一）30, （二）5, （三）1+6+1 = 8,
（四）25, （五）0, （六）1, （七）69, 四 1; table 四: 行政复议 1/0/2/0/3, 直接起诉 12/0/0/0/12, 复议后起诉 0;
table 二: 规章 0/0/0, 行政规范性文件 69/3/665, 行政许可 2293, 行政处罚 1282, 行政强制 42, 行政事业性收费
24252.311082; （三）5 = 1, （三）7 = 6, （三）8 = 1, the other （三） rows 0; （四）1 = 25, the other （四）
and （五） rows 0.
pingtan-2024: 行政规范性文件 制发 62, 行政复议 2/1/3/1/7.
Seed 000: table 四 直接起诉 0/1/1/0/2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.api import lint_bytes
from reportlint.config import Config
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter
from reportlint.rules.national.numeric_sample import sample_report

FIXTURES = Path(__file__).parents[1] / "fixtures"
CLAIMS = FIXTURES / "corpus_full"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
HOST = create_host(load_entry_points=False)
NUMERIC = Config(select=("NU",))

# pingtan-2021's own sentence, kept, then sentences in the wording of real reports (corpus pages
# 031 and 005) whose figures are pingtan-2021's table figures: 30/69 = 43.48 %, 5/69 = 7.25 %,
# 35/69 = 50.72 %, 8/69 = 11.59 %, 25/69 = 36.23 %, 1/69 = 1.45 %.
OWN = "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。"
ADDED = (
    "本年度全区共收到70件申请，其中自然人申请64件、法人或其他组织申请6件、商业企业0件，"
    "及时依法依规办结69件，1件结转下年度继续办理。"
    "所有答复件中，予以公开30件，占43.48%；部分公开5件，占7.25%；予以公开及部分公开的35件，占50.72%；"
    "不予公开的8件，占11.59%；因本机关不掌握等原因无法提供的25件，占36.23%；不予处理0件；"
    "其他处理1件，占1.45%。全区制发行政规范性文件69件，废止行政规范性文件3件，"
    "现行有效行政规范性文件665件，制发规章0件。因政府信息公开引起的行政复议3件、行政诉讼12件，"
    "行政复议案件均已审结，未发生被行政复议纠错的情况。"
    "全区作出行政许可决定2293件、行政处罚决定1282件、行政强制决定42件，行政事业性收费24252.311082万元。"
    "无法提供的申请中，属于本机关不掌握相关政府信息的25件，属于没有现成信息需要另行制作的0件，"
    "属于补正后申请内容仍不明确的0件；属于信访举报投诉类申请的0件，属于重复申请的0件，"
    "属于要求提供公开出版物的0件。不予公开的申请中，属于三类内部事务信息的1件，属于行政执法案卷的6件，"
    "属于行政查询事项的1件，属于国家秘密的0件。"
)


def pingtan(text: str | None = None, name: str = "pingtan-2021.html") -> str:
    source = (CLAIMS / name).read_text(encoding="utf-8")
    return source if text is None else source.replace(OWN, text)


def lint_html(html: str, name: str = "pingtan-2021.html") -> tuple[list[Diagnostic], list[str]]:
    result = lint_bytes(name, html.encode("utf-8"), HOST, NUMERIC)
    return list(result.diagnostics), list(result.lines)


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code.startswith("NU") and d.severity is Severity.ERROR]


def test_the_real_sentence_and_the_added_ones_hold() -> None:
    assert OWN in pingtan()
    for html in (pingtan(), pingtan(ADDED)):
        found, _ = lint_html(html)
        assert [d for d in found if d.code.startswith("NU")] == []


# (code, the figure as written in ADDED, its mutation, the table value expected)
MUTATIONS = [
    ("NU006", "共收到70件", "共收到71件", "70"),
    ("NU042", "自然人申请64件", "自然人申请63件", "64"),
    ("NU043", "法人或其他组织申请6件", "法人或其他组织申请7件", "6"),
    ("NU044", "商业企业0件", "商业企业2件", "0"),
    ("NU032", "办结69件", "办结68件", "69"),
    ("NU031", "1件结转下年度", "2件结转下年度", "1"),
    ("NU035", "予以公开30件", "予以公开31件", "30"),
    ("NU036", "部分公开5件", "部分公开4件", "5"),
    ("NU037", "部分公开的35件", "部分公开的30件", "35"),
    ("NU038", "不予公开的8件", "不予公开的1件", "8"),
    ("NU039", "无法提供的25件", "无法提供的24件", "25"),
    ("NU040", "不予处理0件", "不予处理1件", "0"),
    ("NU041", "其他处理1件", "其他处理3件", "1"),
    ("NU045", "制发行政规范性文件69件", "制发行政规范性文件68件", "69"),
    ("NU048", "废止行政规范性文件3件", "废止行政规范性文件1件", "3"),
    ("NU046", "现行有效行政规范性文件665件", "现行有效行政规范性文件656件", "665"),
    ("NU047", "制发规章0件", "制发规章1件", "0"),
    ("NU033", "行政复议3件", "行政复议4件", "3"),
    ("NU034", "行政诉讼12件", "行政诉讼11件", "12"),
    ("NU053", "行政许可决定2293件", "行政许可决定2239件", "2293"),
    ("NU054", "行政处罚决定1282件", "行政处罚决定1228件", "1282"),
    ("NU055", "行政强制决定42件", "行政强制决定24件", "42"),
    ("NU056", "收费24252.311082万元", "收费24252.411082万元", "24252.311082"),
    ("NU057", "相关政府信息的25件", "相关政府信息的22件", "25"),
    ("NU058", "另行制作的0件", "另行制作的1件", "0"),
    ("NU059", "仍不明确的0件", "仍不明确的1件", "0"),
    ("NU060", "投诉类申请的0件", "投诉类申请的1件", "0"),
    ("NU061", "重复申请的0件", "重复申请的1件", "0"),
    ("NU062", "国家秘密的0件", "国家秘密的1件", "0"),
    ("NU066", "内部事务信息的1件", "内部事务信息的2件", "1"),
    ("NU068", "执法案卷的6件", "执法案卷的5件", "6"),
    ("NU069", "查询事项的1件", "查询事项的3件", "1"),
    ("NU070", "公开出版物的0件", "公开出版物的1件", "0"),
]


@pytest.mark.parametrize(("code", "right", "wrong", "expected"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_a_changed_figure_gives_one_finding_at_the_figure(
    code: str, right: str, wrong: str, expected: str
) -> None:
    assert ADDED.count(right) == 1
    found, lines = lint_html(pingtan(ADDED.replace(right, wrong)))
    numeric = [d for d in found if d.code.startswith("NU")]
    assert [(d.code, d.severity) for d in numeric] == [(code, Severity.ERROR)]
    (diagnostic,) = numeric
    figure = lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1]
    assert figure in wrong and figure not in right
    assert (diagnostic.expected, diagnostic.actual) == (expected, figure)
    assert diagnostic.related, "the table cell is related"
    related_line = diagnostic.related[0][0]
    assert related_line != diagnostic.line


SHARES = [
    ("NU035", "占43.48%", "占43.84%", "43.48"),
    ("NU037", "占50.72%", "占49.28%", "50.72"),
    ("NU039", "占36.23%", "占36.3%", "36.2"),
    ("NU041", "占1.45%", "占1.5%", "1.4"),
]


@pytest.mark.parametrize(("code", "right", "wrong", "expected"), SHARES, ids=[m[0] for m in SHARES])
def test_a_changed_percentage_is_recomputed_to_the_decimals_written(
    code: str, right: str, wrong: str, expected: str
) -> None:
    result = lint_bytes(
        "pingtan-2021.html", pingtan(ADDED.replace(right, wrong)).encode("utf-8"), HOST, NUMERIC
    )
    numeric = [d for d in result.diagnostics if d.code.startswith("NU")]
    assert [d.code for d in numeric] == [code]
    (diagnostic,) = numeric
    written = wrong[1:-1]
    assert result.lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1] == written
    assert (diagnostic.expected, diagnostic.actual) == (expected, written)
    assert result.report is not None
    total = result.report.tables["三"].cells[("total", "total")].span
    # related: the cells of the count, then the （七）总计 cell it is a share of
    assert len(diagnostic.related) >= 2
    assert diagnostic.related[-1] == (total.line, total.column, total.end_line, total.end_column)


def test_percentages_rounded_or_cut_to_fewer_decimals_hold() -> None:
    # 1/69 = 1.449 %: "1.4%" (cut) and "1.45%" (rounded) both hold; 25/69 = 36.23 %: "36%" holds.
    for right, other in (("占1.45%", "占1.4%"), ("占36.23%", "占36%")):
        found, _ = lint_html(pingtan(ADDED.replace(right, other)))
        assert [d for d in found if d.code.startswith("NU")] == []


def test_outcomes_in_words_against_table_four() -> None:
    # pingtan-2021 行政复议 1/0/2/0/3: 2 其他结果, so "均获维持" is contradicted; "均已审结" holds.
    found, lines = lint_html(pingtan(ADDED.replace("行政复议案件均已审结", "行政复议案件均获维持")))
    numeric = [d for d in found if d.code.startswith("NU")]
    assert [(d.code, d.actual, d.expected) for d in numeric] == [("NU049", "2", "0")]
    assert lines[numeric[0].line - 1][numeric[0].column - 1 : numeric[0].end_column - 1] == "均获维持"
    # pingtan-2024 行政复议 2/1/3/1/7: 1 结果纠正 and 1 尚未审结.
    own_2024 = "动态更新发布本年度制发行政规范性文件62件"
    html = pingtan(name="pingtan-2024.html")
    for added, code in (("未发生被行政复议纠错的情况", "NU051"), ("行政复议案件均已审结", "NU050")):
        changed = html.replace(own_2024, f"{own_2024}。本年度{added}")
        found, _ = lint_html(changed, "pingtan-2024.html")
        assert [d.code for d in found if d.code.startswith("NU")] == [code]


def test_seed_000_lawsuit_lost_contradicts_no_lost_case() -> None:
    # Seed 000 table 四: 未经复议直接起诉 结果纠正 1.
    path = next(p for p in SEEDS if p.name.startswith("000"))
    text = path.read_text(encoding="utf-8")
    sentence = "2023年全年共收到政府信息公开申请0件；"
    changed = text.replace(sentence, sentence + "未发生行政诉讼败诉的情况；")
    found = Linter(HOST, NUMERIC).lint(parse_text(changed, str(path)))
    assert [(d.code, d.actual) for d in found if d.code.startswith("NU")] == [("NU052", "1")]


def test_a_narrower_scope_is_a_warning_naming_it() -> None:
    # hzq-2024's wording ("区政府办代表区政府受理政府信息公开申请 17 件" against the district's 95),
    # put into pingtan-2021 in place of its own "共收到70件申请".
    sentence = OWN.replace("本年度全区共收到70件申请", "区政府办代表区政府受理政府信息公开申请 17 件")
    found, _ = lint_html(pingtan(sentence))
    numeric = [d for d in found if d.code.startswith("NU")]
    assert [(d.code, d.severity) for d in numeric] == [("NU006", Severity.WARNING)]
    assert "区政府办代表区政府" in numeric[0].message


def test_received_equal_to_new_plus_carried_in_is_a_warning_naming_both() -> None:
    # The sample: 新收 13, 上年结转 1.
    linter = Linter(HOST, Config(select=("NU006",)))
    found = linter.lint(parse_text(sample_report(prose="2023年全年共受理政府信息公开申请14件。")))
    assert [(d.code, d.severity, d.expected, d.actual) for d in found] == [
        ("NU006", Severity.WARNING, "13", "14")
    ]
    assert "上年结转" in found[0].message and "本年新收" in found[0].message
    assert len(found[0].related) == 3
    wrong = linter.lint(parse_text(sample_report(prose="2023年全年共受理政府信息公开申请15件。")))
    assert [(d.code, d.severity) for d in wrong] == [("NU006", Severity.ERROR)]


def test_seed_prose_figures_are_read_and_hold() -> None:
    # 000 line 8 "共收到政府信息公开申请0件；结转上年政府信息公开申请0件"; 001 "受理政府信息公开申请2件".
    for path in SEEDS:
        report = parse_text(path.read_text(encoding="utf-8"), str(path))
        assert errors(Linter(HOST, NUMERIC).lint(report)) == []
    path = next(p for p in SEEDS if p.name.startswith("000"))
    text = path.read_text(encoding="utf-8")
    for right, wrong, code in (
        ("共收到政府信息公开申请0件", "共收到政府信息公开申请5件", "NU006"),
        ("结转上年政府信息公开申请0件", "结转上年政府信息公开申请2件", "NU030"),
    ):
        report = parse_text(text.replace(right, wrong), str(path))
        found = [d for d in Linter(HOST, NUMERIC).lint(report) if d.code.startswith("NU")]
        assert [(d.code, d.expected) for d in found] == [(code, "0")]
        line = report.lines[found[0].line - 1]
        assert line[found[0].column - 1 : found[0].end_column - 1] == wrong[-2]


def test_pingtan_2024_issued_documents_mutated() -> None:
    html = pingtan(name="pingtan-2024.html")
    found, _ = lint_html(html, "pingtan-2024.html")
    assert errors(found) == []
    changed = html.replace("制发行政规范性文件62件", "制发行政规范性文件26件")
    found, _ = lint_html(changed, "pingtan-2024.html")
    assert [(d.code, d.expected, d.actual) for d in found if d.code.startswith("NU")] == [
        ("NU045", "62", "26")
    ]


def test_the_defects_of_the_issue_are_one_error_each() -> None:
    # "予以公开及部分公开" stating only （一）'s 自然人 cell (27) with the right share left: one error at
    # the count, the share is not judged on a wrong count (one cause, one finding).
    found, _ = lint_html(pingtan(ADDED.replace("部分公开的35件", "部分公开的27件")))
    assert [(d.code, d.expected, d.actual) for d in found if d.code.startswith("NU")] == [
        ("NU037", "35", "27")
    ]
    # "无法提供" stating one （四） column (22 自然人) instead of the rows' sum 25.
    found, _ = lint_html(pingtan(ADDED.replace("无法提供的25件", "无法提供的22件")))
    assert [(d.code, d.expected, d.actual) for d in found if d.code.startswith("NU")] == [
        ("NU039", "25", "22")
    ]
    # "均获维持" while pingtan-2024's table 四 has 行政复议 1 尚未审结 (and 1 纠正, 3 其他结果).
    own_2024 = "动态更新发布本年度制发行政规范性文件62件"
    html = pingtan(name="pingtan-2024.html").replace(own_2024, f"{own_2024}。本年度行政复议案件均获维持")
    found, _ = lint_html(html, "pingtan-2024.html")
    assert [(d.code, d.actual) for d in found if d.code.startswith("NU")] == [("NU049", "5")]
