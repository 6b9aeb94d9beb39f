"""The 2019 trial format (国办公开办函〔2019〕60号): its own tables, identities and rule set.

A 2019 or 2020 report in that format gets no finding that only the 2021 format asks for; a report
for 2021 or later that still uses the old tables is told so once, for all its old tables.
"""

from __future__ import annotations

from decimal import Decimal

from tests.paths import FIXTURES

from reportlint.api import lint_path, parse_path
from reportlint.config import Config
from reportlint.model import TableFormat
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

FORMAT2019 = FIXTURES / "format2019"
HOST = create_host(load_entry_points=False)
LINTER = Linter(HOST, Config())


def codes(path: str) -> list[str]:
    return [d.code for d in lint_path(path, HOST).diagnostics]


def test_a_2019_report_in_the_2019_format_gets_no_finding() -> None:
    found = lint_path(str(FORMAT2019 / "county-2019.txt"), HOST).diagnostics
    assert [(d.code, d.line, d.message) for d in found] == []


def test_2019_tables_are_read_with_their_own_rows_and_columns() -> None:
    report = parse_path(str(FORMAT2019 / "county-2019.txt"))
    two, three = report.tables["二"], report.tables["三"]
    assert two.format is TableFormat.T2019 and three.format is TableFormat.T2019
    assert two.value("licensing", "change") == Decimal(-4)
    assert two.value("penalty", "change") == Decimal(-7)  # written "减7"
    assert two.value("procurement", "purchase_amount") == Decimal("1482.5623")
    assert two.value("other_services", "decisions") == Decimal(88)
    # （六）其他处理 is one row of values in 2019, not the group of three sub-rows of 2021
    assert three.value("other_handling", "total") == Decimal(1)
    assert three.cell("other_handling.other", "total") is None
    assert not [p for p in (*two.problems, *three.problems)]


def test_the_2019_results_total_is_checked_with_the_single_other_handling_row() -> None:
    text = (FORMAT2019 / "county-2019.txt").read_text(encoding="utf-8")
    row = "（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1"
    broken = text.replace(row, row.replace("| 1 |", "| 2 |").removesuffix("| 1") + "| 2")
    found = [(d.code, d.line) for d in LINTER.lint(parse_text(broken, "x.txt")) if d.severity == "error"]
    line = text.splitlines().index("（七）总计 | 10 | 1 | 0 | 0 | 1 | 0 | 12") + 1
    assert ("NU009", line) in found, found


def test_a_2022_report_with_both_old_tables_is_told_once() -> None:
    found = lint_path(str(FORMAT2019 / "county-2022-old-tables.txt"), HOST).diagnostics
    errors = [(d.code, d.line) for d in found if d.severity == "error"]
    assert errors == [("WD005", 6)]
    (old,) = [d for d in found if d.code == "WD005"]
    assert "表二、三" in old.message and len(old.related) == 1


def test_2021_only_rules_skip_a_2020_report() -> None:
    """Section 六 of the 2019 format asked for no fee statement: no CP004/FE001 for a 2020 report."""
    text = (FORMAT2019 / "county-2019.txt").read_text(encoding="utf-8")
    text = text.replace("2020年1月20日", "2021年1月20日").replace("2019年", "2020年")
    assert [d.code for d in LINTER.lint(parse_text(text, "x.txt"))] == []


def test_the_national_2019_set_selects_the_2019_rules() -> None:
    linter = Linter(HOST, Config(select=("national-2019",)))
    selected = {rule.code for rule in linter.selected()}
    assert {"NU001", "NU002", "NU004", "NU009", "CP010", "WD001"} <= selected
    assert not {"WD005", "CP004", "FE001", "FE002"} & selected


def test_a_2021_report_that_writes_other_handling_as_one_row_gets_one_warning() -> None:
    """Seed 000 (a 2023 report, all zeros) with （六）其他处理 written as one row of values, as the
    trial format had it and as some published 2021-format tables do (hzq-2024.pdf): one WD005
    warning at the row, no error (the figures and identities are the same)."""
    lines = (FIXTURES / "seeds" / "000_0d171b8ef5d5b856.txt").read_text(encoding="utf-8").splitlines()
    start, end = lines.index("\t（六）其他处理"), lines.index("\t（七）总计")
    assert all(line.strip() in {"", "0"} or line.strip()[0] in "123" for line in lines[start + 1 : end])
    collapsed = [*lines[: start + 1], *["\t0"] * 7, "", *lines[end:]]
    found = LINTER.lint(parse_text("\n".join(collapsed) + "\n", "000.txt"))
    baseline = {(d.code, d.line) for d in LINTER.lint(parse_text("\n".join(lines) + "\n", "000.txt"))}
    errors = [(d.code, d.line) for d in found if d.severity == "error"]
    assert set(errors) <= baseline, errors  # the seed's own PD001 errors, nothing more
    old = [d for d in found if d.code == "WD005"]
    assert [(d.severity, d.line) for d in old] == [("warning", start + 1)]
    assert "（六）其他处理" in old[0].message
