"""Header labels an extraction broke up are debris, not content; a label cut short still counts.

kewei-2024.md and shanghai-office-2025.md (tests/fixtures/corpus_full, from ../shared/corpus/full)
carry table 四's header as fragments ("行政复议行政诉讼", "结果结果其他", "总计总计", "| 维持 | 纠正 |");
full/LABELS.md calls them extraction debris. Their figures row is read in full.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.paths import FIXTURES

from reportlint.api import lint_path, parse_path
from reportlint.model import CellKind, Span
from reportlint.parse.table_labels import is_label_debris, vocabulary
from reportlint.parse.table_layouts import Token, make_token

REAL = FIXTURES / "corpus_full"


@pytest.mark.parametrize("name", ["kewei-2024.md", "shanghai-office-2025.md"])
def test_broken_table_four_header_gives_no_label_findings(name: str) -> None:
    """No "总计 should be 结果维持" (a fragment out of order), no stray text, no unplaced header."""
    found = lint_path(str(REAL / name)).diagnostics
    table_four = [d for d in found if d.locator[:1] == ("表四",) or "表四" in d.message]
    assert not [d for d in table_four if d.code in {"WD001", "ST002", "CP016"}]


def test_shanghai_table_four_figures_read_as_printed() -> None:
    """Line 180 of the file: 40 0 10 5 55 | 2 0 4 6 12 | 6 0 9 7 22 (each group adds up)."""
    table = parse_path(str(REAL / "shanghai-office-2025.md")).tables["四"]
    values = [cell.value for cell in sorted(table.cells.values(), key=lambda c: c.span)]
    assert values == [
        Decimal(v) for v in ["40", "0", "10", "5", "55", "2", "0", "4", "6", "12", "6", "0", "9", "7", "22"]
    ]


def _token(text: str) -> Token:
    return make_token(text, Span.on_line(1, 1, len(text)), 0)


@pytest.mark.parametrize(
    ("table", "text"),
    [
        ("四", "行政复议行政诉讼"),
        ("四", "结果结果其他"),
        ("四", "维持纠正结果审结维持"),
        ("四", "维持"),
        ("二", "信息内容本年处理决定数量"),
    ],
)
def test_label_parts_run_together_are_debris(table: str, text: str) -> None:
    assert is_label_debris(_token(text), vocabulary(table))


@pytest.mark.parametrize(
    ("table", "text"),
    [
        ("三", "3.补正后申请内容"),  # a row label cut short: reported, it may hide a row
        ("二", "政府集中采"),
        ("四", "注意本表"),
        ("四", "12"),
        ("三", "市科委2024年根据本市机构改革工作安排"),
    ],
)
def test_other_text_is_not_debris(table: str, text: str) -> None:
    token = _token(text)
    assert token.kind is not CellKind.BLANK
    assert not is_label_debris(token, vocabulary(table))


def test_cut_short_label_still_reported() -> None:
    """Corpus page 016 ends inside table 三 on "3.补正后申请内容": still one unplaced-text warning."""
    found = lint_path(str(FIXTURES / "corpus" / "016.txt")).diagnostics
    assert any(d.code == "CP016" and "3.补正后申请内容" in d.message for d in found)
