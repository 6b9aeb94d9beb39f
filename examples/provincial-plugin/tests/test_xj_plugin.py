"""The example pack's rules on small reports, with the plugin registered directly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlint_xj import plugin

from reportlint.config import Config, load_config
from reportlint.diagnostics import Severity
from reportlint.rules.engine import Linter
from reportlint.model import Cell, CellKind, Report, Span, Table, TableFormat
from reportlint.plugins.host import create_host


def _linter(select: tuple[str, ...] = ("XJ",)) -> Linter:
    return Linter(create_host(load_entry_points=False, extra_plugins=(plugin,)), Config(select=select))


def test_region_name_is_corrected() -> None:
    line = "新疆维吾尔族自治区某某局2023年政府信息公开工作年度报告"
    report = Report(path="a.txt", text=line, lines=(line,))
    found = _linter(("XJ001",)).lint(report)
    assert [(d.code, d.column, d.end_column, d.fixes) for d in found] == [
        ("XJ001", 1, 10, ("新疆维吾尔自治区",))
    ]


def _cell(row: str, value: int, line: int) -> Cell:
    return Cell(
        "三",
        row,
        "total",
        str(value),
        CellKind.NUMBER,
        Decimal(value),
        Span.on_line(line, 1, len(str(value))),
    )


def test_withheld_share_over_the_limit() -> None:
    cells = [_cell("withheld.state_secret", 3, 1), _cell("withheld.third_party", 3, 2), _cell("total", 10, 3)]
    table = Table("三", TableFormat.T2021, Span(1, 1, 3, 3), {(c.row, c.column): c for c in cells})
    report = Report(path="a.txt", text="3\n3\n10\n", lines=("3", "3", "10"), tables={"三": table})
    found = _linter(("XJ101",)).lint(report)
    assert [(d.code, d.line, d.actual) for d in found] == [("XJ101", 3, "60%")]
    assert found[0].source == "reportlint_xj.plugin"  # registered directly: named after the module


def test_pack_defaults_make_the_share_rule_advisory(tmp_path: Path) -> None:
    host = create_host(load_entry_points=False, extra_plugins=(plugin,))
    config = load_config(cwd=tmp_path, host=host)
    assert config.severity == {"XJ101": Severity.INFO}
