"""The numeric (NU) and table-completeness (CP010–CP016) rules on the real seeds and corpus pages.

Every figure asserted here was checked by hand against the report text (see the comments) and
against shared/seeds/EXPECTED.md and shared/corpus/pages/LABELS.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config import Config
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter
from reportlint.rules.national.numeric_breakdowns import report_breakdowns

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
HOST = create_host(load_entry_points=False)
NUMERIC = Linter(HOST, Config(select=("NU", "CP010", "CP011", "CP012", "CP013", "CP014", "CP015", "CP016")))


def parsed(path: Path) -> Report:
    return parse_text(path.read_text(encoding="utf-8"), str(path))


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def corpus(name: str) -> Path:
    return FIXTURES / "corpus" / f"{name}.txt"


def lint(path: Path) -> list[Diagnostic]:
    return NUMERIC.lint(parsed(path))


@pytest.mark.parametrize("path", SEEDS + CORPUS, ids=[p.name[:7] for p in SEEDS + CORPUS])
def test_no_numeric_error_where_the_figures_hold(path: Path) -> None:
    """EXPECTED.md: every identity of the seeds holds; LABELS.md: no corpus page has a broken sum."""
    errors = [d for d in lint(path) if d.code.startswith("NU") and d.severity is Severity.ERROR]
    assert errors == []


def test_seed_breakdowns_that_hold_are_read_and_hold() -> None:
    # 000 line 6: 3239 = 362 + 1777 + 1100 (the 51 留言 after "；" are another clause)
    # 002 line 5: 136 = 1 + 2 + 120 + 13 (the list follows "共计136条。其中：")
    found = {
        p.name[:3]: [
            (b.total.span.line, b.total.value, [x.value for x in b.parts])
            for b in report_breakdowns(parsed(p))
        ]
        for p in (seed("000"), seed("002"))
    }
    assert found == {"000": [(6, 3239, [362, 1777, 1100])], "002": [(5, 136, [1, 2, 120, 13])]}


def test_corpus_breakdowns_that_hold_are_read_and_hold() -> None:
    # 014 line 4: 171 = 124+34+4+3+2+4 ("总数171条:" colon form)
    # 015 line 7: 566 = 38+168+45+13+4+298 ("一是…二是…" form; 三是 holds three figures)
    # 031 line 7: 95 = 89+6; "答复…98件(含上年度转结申请8件…)" is NOT a breakdown
    read = {
        name: [(b.total.value, b.parts_sum, len(b.parts)) for b in report_breakdowns(parsed(corpus(name)))]
        for name in ("014", "015", "031")
    }
    assert read["014"] == [(171, 171, 6)]
    assert read["015"] == [(566, 566, 6)]
    assert (95, 95, 2) in read["031"]
    assert all(total != 98 for total, _, _ in read["031"])


def test_a_partial_listing_is_not_called_short() -> None:
    # 031 line 5: 1464 条动态信息, "其中" names five kinds totalling 33: an illustration, not a sum.
    assert not [d for d in lint(corpus("031")) if d.code == "NU008"]


def test_seed_001_missing_secret_row_is_an_error_where_it_belongs() -> None:
    """EXPECTED.md: the 1.属于国家秘密 row is missing, its values sit on the （三）不予公开 line."""
    found = [d for d in lint(seed("001")) if d.severity is Severity.ERROR]
    assert [(d.code, "1.属于国家秘密" in d.message) for d in found] == [("CP010", True)]
    assert 120 <= found[0].line <= 140


@pytest.mark.parametrize("path", [p for p in SEEDS if not p.name.startswith("001")], ids=lambda p: p.name[:3])
def test_complete_seed_tables_give_no_table_finding(path: Path) -> None:
    assert not [d for d in lint(path) if d.code.startswith("CP")]


def test_empty_tables_of_corpus_016_are_errors() -> None:
    # 016: table 二 (old 2019 layout) and table 三 carry labels but no number at all (LABELS.md: D).
    empty = [(d.line, d.message) for d in lint(corpus("016")) if d.code == "CP014"]
    assert [message for _, message in empty] == ["表二没有填写任何数值", "表三没有填写任何数值"]


def test_a_slash_cell_is_reported_as_unfilled_and_its_identities_are_skipped() -> None:
    from reportlint.rules.national.numeric_sample import sample_line, sample_report

    # "二、上年结转 | 1 | 0 | 0 | 0 | 0 | 0 | 1": 自然人 becomes "/". Read as 0 it would break the
    # row total (NU002) and the 自然人 column balance (NU001); as "not filled" both are skipped.
    row = sample_line("二、上年结转")
    report = parse_text(sample_report(edits={row: row.replace("| 1 | 0 |", "| / | 0 |", 1)}))
    found = [(d.code, d.severity) for d in NUMERIC.lint(report)]
    assert found == [("CP013", Severity.WARNING)]


def test_thousands_separators_and_decimals_are_not_read_as_small_counts() -> None:
    from reportlint.model import Paragraph, Span
    from reportlint.rules.national.numeric_breakdowns import paragraph_breakdowns

    def read(text: str) -> list[tuple[int, list[int]]]:
        paragraph = Paragraph(text, Span.on_line(3, 1, len(text)))
        return [(b.total.value, [p.value for p in b.parts]) for b in paragraph_breakdowns(paragraph)]

    # "1,234条" must not be read as a total of 234 that its parts (500 + 734) exceed.
    assert read("全年公开信息1,234条，其中网站500条、公众号734条。") == []
    # "2.5条" is not a part of 2 or 5.
    assert read("全年公开信息10条，其中网站2.5条、公众号7条。") == [(10, [7])]
    assert read("全年公开信息1234条，其中网站500条、公众号734条。") == [(1234, [500, 734])]


def test_a_table_cut_off_at_the_end_of_the_page_is_one_cp010_naming_the_run() -> None:
    """Corpus 012 (a saved page cut at 2,000 characters) stops after row 3.危及“三安全一稳定” of
    table 三 at line 213: the 18 template rows from 4.保护第三方合法权益 to 四、结转下年度继续办理
    (5 + 3 + 5 + 3 withheld/unavailable/not-processed/other rows, 总计, 结转) are one finding there."""
    found = [d for d in lint(corpus("012")) if d.code == "CP010"]
    assert [(d.line, d.severity) for d in found] == [(213, Severity.ERROR)]
    message = found[0].message
    assert "「4.保护第三方合法权益」" in message and "「四、结转下年度继续办理」" in message
    assert "共18行" in message
