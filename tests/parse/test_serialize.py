"""``reportlint parse`` output: JSON-ready data with positions, and a readable tree."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.model import Cell, CellKind, RowLabel, Span, Table, TableFormat
from reportlint.parse.document import parse_text
from reportlint.store.serialize import report_to_dict, report_to_tree

SEED_001 = next((Path(__file__).parent.parent / "fixtures" / "seeds").glob("001_*.txt"))


def test_dict_is_json_with_positions_on_every_node() -> None:
    report = parse_text(SEED_001.read_text(encoding="utf-8"), str(SEED_001))
    data = json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))
    assert "text" not in data and data["line_count"] == 429
    assert data["title"]["text"] == "巴楚县人民政府2023年政府信息公开工作年度报告"
    assert data["title"]["span"] == {"line": 1, "column": 1, "end_line": 3, "end_column": 7}
    assert data["signature_date"]["span"]["line"] == 428
    first = data["sections"][0]
    assert first["key"] == 1 and first["heading"]["numbering"] == "一、"
    assert first["heading"]["span"]["line"] == 6
    assert all("span" in p for s in data["sections"] for p in s["paragraphs"])
    assert set(data["tables"]) == {"二", "三", "四"}


def test_tables_are_rows_of_cells_with_decimal_values_as_strings() -> None:
    report = parse_text("二、主动公开政府信息情况\n行政事业性收费\n889.46")
    cell = Cell("二", "fees", "amount", "889.46", CellKind.NUMBER, Decimal("889.46"), Span.on_line(58, 2, 6))
    table = Table(
        key="二",
        format=TableFormat.T2021,
        span=Span(16, 1, 58, 8),
        cells={("fees", "amount"): cell},
        rows=(RowLabel("fees", "行政事业性收费", "行政事业性收费", Span.on_line(56, 2, 7)),),
    )
    with_table = replace(report, tables={"二": table})
    data = json.loads(json.dumps(report_to_dict(with_table)))
    assert data["tables"]["二"]["format"] == "2021"
    assert data["tables"]["二"]["rows"] == [
        {
            "key": "fees",
            "written": "行政事业性收费",
            "span": {"line": 56, "column": 2, "end_line": 56, "end_column": 9},
            "cells": [
                {
                    "column": "amount",
                    "raw": "889.46",
                    "kind": "number",
                    "value": "889.46",
                    "span": {"line": 58, "column": 2, "end_line": 58, "end_column": 8},
                }
            ],
        }
    ]
    assert "      row fees: amount=889.46" in report_to_tree(with_table).splitlines()


def test_tree_shows_the_skeleton() -> None:
    report = parse_text(SEED_001.read_text(encoding="utf-8"), "seed-001")
    tree = report_to_tree(report)
    assert tree.splitlines()[0] == "Report seed-001 (txt, 429 lines)"
    assert "  title @1:1 “巴楚县人民政府2023年政府信息公开工作年度报告” body=巴楚县人民政府 year=2023" in tree
    assert "  year 2023 (from title)" in tree
    assert "  section key=3 三、收到和处理政府信息公开申请情况 @60:1–352" in tree


def test_cli_parse_prints_json_and_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED_001)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2023
    assert main(["parse", str(SEED_001), "--format", "tree"]) == 0
    assert "section key=6 六、其他需要报告的事项" in capsys.readouterr().out


def test_cli_parse_of_a_missing_file_is_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    assert "文件不存在" in capsys.readouterr().err
