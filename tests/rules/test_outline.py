"""ST004 (part headings in the template's words) and ST005 (items in order) on real reports.

pingtan-2021.html (tests/fixtures/corpus_full) has the six template headings and, under 一 and 五,
（一）…（五） and （一）（二）; seed 000 has four "一是…二是…" lists (the last one up to 三是).
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

FIXTURES = Path(__file__).parents[1] / "fixtures"
PINGTAN = FIXTURES / "corpus_full" / "pingtan-2021.html"
SEED = FIXTURES / "seeds" / "000_0d171b8ef5d5b856.txt"
HOST = create_host(load_entry_points=False)
CONFIG = Config(select=("ST", "CP001"))
TEXTS = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "corpus").glob("*.txt"))


def lint_html(html: str) -> list[Diagnostic]:
    return list(lint_bytes(PINGTAN.name, html.encode("utf-8"), HOST, CONFIG).diagnostics)


def outline(found: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in found if d.code in ("ST004", "ST005", "CP001")]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name[:7] for p in TEXTS])
def test_real_outlines_that_follow_the_template_give_no_outline_warning(path: Path) -> None:
    report = parse_text(path.read_text(encoding="utf-8"), str(path))
    found = Linter(HOST, CONFIG).lint(report)
    assert [d for d in found if d.code in ("ST004", "ST005") and d.severity is not Severity.INFO] == []


def test_pingtan_outline_holds() -> None:
    assert outline(lint_html(PINGTAN.read_text(encoding="utf-8"))) == []


def test_a_character_inserted_into_a_part_heading_is_one_finding_with_expected_and_actual() -> None:
    html = PINGTAN.read_text(encoding="utf-8").replace(
        "四、政府信息公开行政复议、", "四、政府信息公开行政复议议、"
    )
    found = outline(lint_html(html))
    assert [(d.code, d.severity, d.expected, d.actual) for d in found] == [
        (
            "ST004",
            Severity.WARNING,
            "政府信息公开行政复议、行政诉讼情况",
            "政府信息公开行政复议议、行政诉讼情况",
        )
    ]


def test_a_repeated_subheading_number_is_one_finding() -> None:
    html = PINGTAN.read_text(encoding="utf-8").replace("（三）政府信息管理方面", "（二）政府信息管理方面")
    found = outline(lint_html(html))
    assert [(d.code, d.expected, d.actual) for d in found] == [("ST005", "（三）", "（二）")]


def test_a_list_point_out_of_order_is_one_finding_at_the_point() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert text.count("；三是") == 1
    changed = text.replace("；三是", "；二是")
    report = parse_text(changed, str(SEED))
    found = [d for d in Linter(HOST, CONFIG).lint(report) if d.code == "ST005"]
    assert [(d.expected, d.actual) for d in found] == [("三是", "二是")]
    line = report.lines[found[0].line - 1]
    assert line[found[0].column - 1 : found[0].end_column - 1] == "二是"


@pytest.mark.parametrize(
    ("template", "statute"),
    [
        ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息的情况"),
        ("三、收到和处理政府信息公开申请情况", "三、行政机关收到和处理政府信息公开申请的情况"),
        ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
    ],
)
def test_a_part_heading_in_the_words_of_the_statute_is_only_a_hint(template: str, statute: str) -> None:
    # 条例第五十条 names the parts "行政机关主动公开政府信息的情况" …; reports copy those words.
    html = PINGTAN.read_text(encoding="utf-8")
    assert html.count(template) == 1
    found = outline(lint_html(html.replace(template, statute)))
    assert [(d.code, d.severity) for d in found] == [("ST004", Severity.INFO)]
