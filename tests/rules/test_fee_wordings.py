"""Section 六's fee statement in the wordings real reports use.

Each wording below was collected from the corpora (shared/seeds, shared/corpus/pages,
shared/corpus/full) or from the issue that reported them. Saying that no fee arose, in any of these
words, is a fee statement: no CP004 error, no FE001 warning. Only the missing citation of
国办函〔2020〕109号 is left, as the FE002 warning.
"""

from __future__ import annotations

import pytest

from reportlint.config import Config
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

LINTER = Linter(create_host(load_entry_points=False), Config(select=("CP004", "FE001", "FE002")))
REPORT = (
    "某某县人民政府2023年政府信息公开工作年度报告\n"
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
    "一、总体情况\n"
    "本机关认真贯彻落实政府信息公开条例。\n"
    "六、其他需要报告的事项\n"
    "{statement}\n"
)
WORDINGS = {
    "2021年，无收取信息处理费情况。": "corpus/full/pingtan-2021",
    "2024年，无收取信息处理费情况。": "corpus/full/pingtan-2024",
    "全年收取政府信息公开信息处理费 0 元。": "corpus/full/hzq-2024.pdf",
    "2024 年，市科委未发生政府信息公开收费事项。": "corpus/full/kewei-2024.md",
    "2025 年度本机关未收取信息公开处理费。": "corpus/full/shanghai-office-2025.md",
    "目前，未产生政府信息公开处理费。": "seeds/001",
    "本年度没有产生信息公开处理费。": "seeds/000, 002, 003, 004",
    "未收取费用，未发生因依申请公开而引起的行政复议、行政诉讼情况。": "corpus/pages (a 2023 report)",
    "本机关对信息公开免费提供，未收取任何费用。": "corpus/pages/044",
    "本年度未发生收费情况。": "issue 13",
    "本年度未收取。": "issue 13",
    "本年度无收费。": "issue 13",
    "本年度本机关不存在收取信息处理费的情况。": "department reports (search corpus: pages)",
    "本年度收取信息处理费情况：无。": "the template's heading turned into a sentence",
    "本机关2023年度信息处理费收取金额为0。": "department reports (search corpus: pages)",
    "本年度政府信息公开信息处理费收费为零。": "county reports",
    "本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。": "the 2021 format's own words for 六",
    "本年度暂未开展信息处理费收取工作。": "街道 reports (打浦桥街道 2025, via a PDF extraction)",
}


@pytest.mark.parametrize("statement", WORDINGS, ids=range(len(WORDINGS)))
def test_a_no_fee_statement_in_other_words_is_a_fee_statement(statement: str) -> None:
    found = [d.code for d in LINTER.lint(parse_text(REPORT.format(statement=statement), "x.txt"))]
    assert found == ["FE002"]  # only the citation is missing: a warning


@pytest.mark.parametrize(
    "statement",
    ["本年度收取信息处理费情况：无。", "本机关2023年度信息处理费收取金额为0。", "（二）收取信息处理费情况"],
)
def test_a_statement_that_none_was_charged_asks_for_no_amount(statement: str) -> None:
    linter = Linter(create_host(load_entry_points=False), Config(select=("FE005",)))
    assert linter.lint(parse_text(REPORT.format(statement=statement), "x.txt")) == []


def test_a_charge_without_its_amount_is_still_the_fe005_warning() -> None:
    linter = Linter(create_host(load_entry_points=False), Config(select=("FE005",)))
    found = linter.lint(parse_text(REPORT.format(statement="本年度按规定收取信息处理费。"), "x.txt"))
    assert [d.code for d in found] == ["FE005"]


def test_a_section_six_without_any_fee_statement_is_still_the_error() -> None:
    text = REPORT.format(statement="本年度无其他需要报告的事项。")
    found = LINTER.lint(parse_text(text, "x.txt"))
    # One cause, one finding: FE001/FE002 judge a fee statement that is there, not a missing one.
    assert [(d.code, d.severity.value) for d in found] == [("CP004", "error")]


def test_a_fee_statement_in_another_part_is_a_warning_where_it_stands() -> None:
    # The wording of seed 001's part 一 ("目前，未产生政府信息公开处理费"), with 六 saying nothing of it.
    text = REPORT.replace(
        "本机关认真贯彻落实政府信息公开条例。",
        "本机关认真贯彻落实政府信息公开条例，未产生政府信息公开处理费。",
    )
    found = LINTER.lint(parse_text(text.format(statement="本年度无其他需要报告的事项。"), "x.txt"))
    assert [(d.code, d.severity.value, d.line) for d in found] == [("CP004", "warning", 4)]
    assert "未产生政府信息公开处理费" in found[0].message


def test_a_table_label_about_fees_is_no_fee_statement() -> None:
    text = REPORT.replace(
        "本机关认真贯彻落实政府信息公开条例。",
        "本机关认真贯彻落实政府信息公开条例。\n三、收到和处理政府信息公开申请情况\n"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        " | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    )
    found = LINTER.lint(parse_text(text.format(statement="本年度无其他需要报告的事项。"), "x.txt"))
    assert [(d.code, d.severity.value) for d in found] == [("CP004", "error")]
