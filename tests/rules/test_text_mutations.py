"""Mutation tests beyond the tables: a changed period year, a renumbered heading or a broken fee
citation in any seed is reported by its family (PD, ST, FE) on the changed line.

Each mutant is one edit of one seed's text; the finding must be new (absent from the unchanged
seed) so a defect the seed already has cannot satisfy the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportlint.config import Config
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
LINTER = Linter(create_host(load_entry_points=False), Config())
FEE_NOTICE = "国办函〔2020〕109号"


def findings(text: str, path: Path) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in LINTER.lint(parse_text(text, str(path)))}


def new_findings(seed: Path, edit: tuple[int, str, str]) -> set[tuple[str, int]]:
    """The findings that the one-line edit (line, old, new) adds to the seed's own."""
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    number, old, new = edit
    assert old in lines[number - 1], f"line {number} holds {old!r}"
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return findings("\n".join(lines), seed) - findings(text, seed)


def line_with(seed: Path, needle: str) -> int:
    lines = seed.read_text(encoding="utf-8").split("\n")
    return next(index for index, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_renumbering_a_section_heading_is_an_st_finding(seed: Path) -> None:
    report = parse_text(seed.read_text(encoding="utf-8"), str(seed))
    heading = next(s.heading for s in report.sections if s.key == 3)
    added = new_findings(seed, (heading.span.line, heading.numbering, "3、"))
    assert ("ST001", heading.span.line) in added


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_duplicating_a_section_number_is_an_st_finding(seed: Path) -> None:
    report = parse_text(seed.read_text(encoding="utf-8"), str(seed))
    heading = next(s.heading for s in report.sections if s.key == 3)
    added = new_findings(seed, (heading.span.line, heading.numbering, "四、"))
    assert {code for code, _ in added} == {"ST001"}


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (FEE_NOTICE, "国办函[2020]109号", "FE004"),  # brackets
        (FEE_NOTICE, "国办函〔2020〕10号", "FE006"),  # number
        (FEE_NOTICE, "国办函〔2021〕109号", "FE006"),  # year
    ],
    ids=["brackets", "number", "year"],
)
def test_breaking_the_fee_citation_is_an_fe_finding(seed: Path, old: str, new: str, code: str) -> None:
    line = line_with(seed, FEE_NOTICE)
    assert (code, line) in new_findings(seed, (line, old, new))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_dropping_the_fee_citation_is_an_fe_finding(seed: Path) -> None:
    line = line_with(seed, FEE_NOTICE)
    text = seed.read_text(encoding="utf-8")
    statement = text.split("\n")[line - 1]
    title = re.search(r"《国务院办公厅关于印发.+?的通知》[（(]国办函〔2020〕109号[）)]", statement)
    assert title is not None, "every seed cites the fee notice by its title and number"
    added = new_findings(seed, (line, title.group(0), ""))
    section_six = next(s for s in parse_text(text, str(seed)).sections if s.key == 6)
    # A missing citation has no words to point at: the finding marks the section it is missing from.
    assert ("FE002", section_six.heading.span.line) in added


PERIOD_SEEDS = [s for s in SEEDS if parse_text(s.read_text(encoding="utf-8")).period is not None]


@pytest.mark.parametrize("seed", PERIOD_SEEDS, ids=[s.name[:3] for s in PERIOD_SEEDS])
def test_a_period_in_another_year_is_a_pd_error_and_the_report_year_clears_it(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    report = parse_text(text, str(seed))
    assert report.period is not None and report.year is not None
    line = report.period.span.line
    sentence = text.split("\n")[line - 1]
    written = {int(y) for y in re.findall(r"(\d{4})年", report.period.text)}
    assert len(written) == 1, "the seeds' periods name one year"
    (year,) = written

    def with_period_year(new: int) -> set[tuple[str, int]]:
        lines = text.split("\n")
        lines[line - 1] = sentence.replace(f"{year}年", f"{new}年")
        return findings("\n".join(lines), seed)

    assert ("PD001", line) in with_period_year(report.year - 2)
    assert ("PD001", line) not in with_period_year(report.year)


def test_the_period_mutation_covers_a_correct_and_a_wrong_seed() -> None:
    """Seed 003 states its own year; seed 000 states 2022 in a 2023 report (EXPECTED.md)."""
    assert [s.name[:3] for s in PERIOD_SEEDS] == ["000", "003"]
