"""Near-miss labels: a table row label with one character lost, one swapped or one word replaced
is still its row. On every seed, every such mutant gives exactly one new finding, WD001 on the
label's line with the template label as expected value and fix, and the row keeps its values.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.paths import SEED_FILES

from reportlint.config import Config
from reportlint.diagnostics import Diagnostic
from reportlint.model import Report, RowLabel
from reportlint.parse.document import parse_text
from reportlint.parse.table_labels import MIN_NEAR_MISS_CHARS
from reportlint.parse.template import label_key
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

LINTER = Linter(create_host(load_entry_points=False), Config())


def mutations(label: str) -> list[tuple[str, str]]:
    """(kind, mutant) for a label: the middle character lost, swapped for a look-alike, and the
    two characters after the numbering replaced by another word."""
    middle = len(label) // 2
    swapped = "未" if label[middle] != "未" else "末"
    numbering = re.match(r"[(（][一二三四五六七][)）]|\d+\.|[一二三四]、", label)
    body = numbering.end() if numbering else 0
    return [
        ("lost", label[:middle] + label[middle + 1 :]),
        ("swapped", label[:middle] + swapped + label[middle + 1 :]),
        ("word", label[: body + 2] + "某项" + label[body + 4 :]),
    ]


def table_three_rows(report: Report) -> list[RowLabel]:
    """Row labels of table 三 written on one line exactly as the template has them."""
    table = report.tables["三"]
    return [
        row
        for row in table.rows
        if row.span.line == row.span.end_line
        and label_key(row.written) == label_key(row.template)
        and len(label_key(row.template)) >= MIN_NEAR_MISS_CHARS + 1
    ]


def lint(text: str) -> list[Diagnostic]:
    return LINTER.lint(parse_text(text, "x.txt"))


def key(d: Diagnostic) -> tuple[str, int, str]:
    return (d.code, d.line, d.message)


@pytest.mark.parametrize("seed", SEED_FILES, ids=[path.name[:3] for path in SEED_FILES])
def test_a_label_with_one_word_changed_is_one_wd001_and_keeps_its_values(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    report = parse_text(text, "x.txt")
    before = {key(d) for d in lint(text)}
    lines = text.split("\n")
    rows = table_three_rows(report)
    assert len(rows) >= 15
    tried = 0
    for row in rows:
        line = lines[row.span.line - 1]
        start, end = row.span.column - 1, row.span.end_column - 1
        written = line[start:end]
        for kind, mutant in mutations(written):
            changed = [*lines]
            changed[row.span.line - 1] = line[:start] + mutant + line[end:]
            mutated = "\n".join(changed)
            found = lint(mutated)
            added = [d for d in found if key(d) not in before]
            where = f"{seed.name} {kind}: {written} → {mutant}"
            assert [(d.code, d.line) for d in added] == [("WD001", row.span.line)], (where, added)
            assert added[0].expected == row.template and added[0].actual == mutant, where
            assert added[0].fixes == (row.template,), where
            table = parse_text(mutated, "x.txt").tables["三"]
            original = report.tables["三"]
            assert [table.value(row.key, c.key) for c in _columns()] == [
                original.value(row.key, c.key) for c in _columns()
            ], where
            tried += 1
    assert tried >= 45


def _columns():  # type: ignore[no-untyped-def]
    from reportlint.parse.template import load_template

    return load_template().table3_columns


def test_hzq_label_lost_words_is_one_wd001() -> None:
    """The row label of hzq-2024.pdf (shared/corpus/full), "2.其他法律行政止公开", in seed 000."""
    seed = SEED_FILES[0]
    text = seed.read_text(encoding="utf-8")
    assert text.count("2.其他法律行政法规禁止公开") == 1
    found = [
        d
        for d in lint(text.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"))
        if key(d) not in {key(d) for d in lint(text)}
    ]
    assert [(d.code, d.expected, d.actual) for d in found] == [
        ("WD001", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    ]


@pytest.mark.parametrize(
    ("label", "mutant"),
    [
        ("本年制发件数", "本年制发件教"),
        ("本年废止件数", "本年废除件数"),
        ("行政规范性文件", "行政规范姓文件"),
    ],
)
def test_a_table_two_label_with_a_character_swapped_is_one_wd001(label: str, mutant: str) -> None:
    seed = SEED_FILES[0]  # 伽师县: table 二 in the 2021 format
    text = seed.read_text(encoding="utf-8")
    assert text.count(label) == 1
    before = {key(d) for d in lint(text)}
    mutated = text.replace(label, mutant)
    added = [d for d in lint(mutated) if key(d) not in before]
    assert [(d.code, d.expected, d.actual, d.fixes) for d in added] == [("WD001", label, mutant, (label,))]
    original, table = parse_text(text, "x.txt").tables["二"], parse_text(mutated, "x.txt").tables["二"]
    assert dict(table.cells.items()).keys() == dict(original.cells.items()).keys()
    assert all(table.value(*k) == original.value(*k) for k in original.cells)
