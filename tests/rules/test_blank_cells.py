"""Blanks written for zero across a table: one finding for the table when they spread over three
rows or more, else one per row (or per column when the whole column is blank), with the count and
every other cell in ``related``; never one warning per cell."""

from __future__ import annotations

from tests.paths import SEEDS

from reportlint.config import Config
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

LINTER = Linter(create_host(load_entry_points=False), Config())
SEED = SEEDS / "001_3801af194dfe54d2.txt"  # table 三: zeros everywhere but 自然人/总计 of a few rows


def blanked_table_three() -> tuple[str, int]:
    """Seed 001 with every "0" cell of table 三 left blank, and how many cells were blanked."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("四、政府信息公开行政复议"))
    blanked = 0
    for index in range(start + 1, end):
        if lines[index].strip() == "0":
            lines[index] = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            blanked += 1
    return "\n".join(lines), blanked


def test_blanks_spread_over_a_table_are_one_finding_covering_every_cell() -> None:
    text, blanked = blanked_table_three()
    unfilled = [d for d in LINTER.lint(parse_text(text, "x.txt")) if d.code == "CP013"]
    # every blank cell placed in the table, each once (the seven blanks after "（三）不予公开", whose
    # row label is lost, belong to no row: CP010 reports that row)
    placed = parse_text(text, "x.txt").tables["三"].cells.values()
    count = sum(c.raw == "" for c in placed)
    assert count == blanked - 7
    (finding,) = unfilled
    assert f"表三有{count}个单元格未填写（空白）" in finding.message
    # 商业企业 … 其他 hold only zeros in every row: named as whole columns
    assert "（其中整列：商业企业、科研机构、社会公益组织、法律服务机构、其他）" in finding.message
    assert len(finding.related) == count - 1 and finding.locator[-1] == "表三"


def test_blanks_in_two_rows_are_one_finding_per_row() -> None:
    """Seed 001 with the 自然人 and 商业企业 cells of two rows of table 三 left blank."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    blanked = []
    for label in ("二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"):
        index = next(i for i, line in enumerate(lines) if line.strip() == label)
        for offset in (1, 2):
            assert lines[index + offset].strip() == "0"
            lines[index + offset] = "\t"
        blanked.append(index + 2)
    unfilled = [d for d in LINTER.lint(parse_text("\n".join(lines), "x.txt")) if d.code == "CP013"]
    assert [d.line for d in unfilled] == blanked
    assert all("行有2个单元格未填写（空白：自然人、商业企业）" in d.message for d in unfilled)
    assert all(len(d.related) == 1 for d in unfilled)


def test_the_real_finding_is_still_there_among_them() -> None:
    text, _ = blanked_table_three()
    errors = [d.code for d in LINTER.lint(parse_text(text, "x.txt")) if d.severity == "error"]
    assert errors == ["CP010"]  # seed 001's lost 1.属于国家秘密 row


def test_a_single_blank_cell_keeps_its_own_message() -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == "二、上年结转政府信息公开申请数量") + 2
    assert lines[index].strip() == "0"
    lines[index] = "\t"
    unfilled = [d for d in LINTER.lint(parse_text("\n".join(lines), "x.txt")) if d.code == "CP013"]
    assert [(d.line, d.related) for d in unfilled] == [(index + 1, ())]
    assert "「二、上年结转政府信息公开申请数量」行「商业企业」列未填写（空白）" in unfilled[0].message


def test_a_column_left_out_of_every_row_is_one_finding() -> None:
    """Fixture county-2019.txt with 法律服务机构 left out of every row of table 三: each row is
    one cell short for the same reason, so one CP011 naming the count, the others related."""
    path = SEEDS.parent / "format2019" / "county-2019.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    changed = 0
    for index in range(start, end):
        parts = lines[index].split(" | ")
        if len(parts) >= 8 and all(p.isdigit() for p in parts[-7:]):
            del parts[-3]
            lines[index] = " | ".join(parts)
            changed += 1
    found = [d for d in LINTER.lint(parse_text("\n".join(lines), "x.txt")) if d.severity == "error"]
    assert [d.code for d in found] == ["CP011"]
    assert f"共{changed}行都缺少1个单元格" in found[0].message and len(found[0].related) == changed - 1


def test_a_whole_blank_column_is_one_finding_for_the_column() -> None:
    """Seed 000 (every row of table 三 complete) with each 科研机构 cell of table 三 left blank."""
    seed = SEEDS / "000_0d171b8ef5d5b856.txt"
    text = seed.read_text(encoding="utf-8")
    column = [c for c in parse_text(text, "x.txt").tables["三"].cells.values() if c.column == "research"]
    lines = text.split("\n")
    for cell in column:
        lines[cell.span.line - 1] = "\t"
    unfilled = [d for d in LINTER.lint(parse_text("\n".join(lines), "x.txt")) if d.code == "CP013"]
    assert [d.locator[-1] for d in unfilled] == ["科研机构"]
    assert f"列的{len(column)}个单元格全部未填写" in unfilled[0].message
    assert len(column) == 25 and len(unfilled[0].related) == 24  # 25 rows of table 三
