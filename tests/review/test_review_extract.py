"""Table extraction: records, CSV for Excel, JSON, and the ``extract`` command's behaviour."""

from __future__ import annotations

import argparse
import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from review_builders import make_report, make_table, read_fixture, table3_row

from reportlint.cli import extract as extract_command
from reportlint.model import Report
from reportlint.parse.document import parse_text
from reportlint.review.extract import extract_records, to_csv, to_json

SEED_2023 = Path(__file__).parent.parent / "fixtures" / "seeds" / "001_3801af194dfe54d2.txt"


def bachu_2023() -> Report:
    """Cells of 巴楚县's 2023 report as they stand in the text (lines read off the file)."""
    tables = {
        "四": make_table("四", {("cases", "review.upheld"): ("0", 400)}),
        "三": make_table("三", table3_row("new", ["2", "0", "0", "0", "0", "0", "2"], 89)),
        "二": make_table(
            "二",
            {
                ("normative_documents", "in_force"): ("11", 30),
                ("normative_documents", "issued"): ("3", 28),
                ("fees", "amount"): ("1482.5623", 57),
            },
        ),
    }
    return make_report(str(SEED_2023), "巴楚县人民政府", 2023, tables=tables)


def test_records_follow_table_then_document_order_with_template_labels() -> None:
    records = extract_records([bachu_2023()])
    assert [(r.table, r.row, r.column) for r in records[:3]] == [
        ("二", "normative_documents", "issued"),
        ("二", "normative_documents", "in_force"),
        ("二", "fees", "amount"),
    ]
    assert len(records) == 3 + 7 + 1
    new_total = next(r for r in records if r.table == "三" and r.column == "total")
    assert (new_total.row_label, new_total.column_label) == ("一、本年新收政府信息公开申请数量", "总计")
    assert (new_total.value, new_total.line, new_total.col) == (Decimal(2), 95, 2)
    review = records[-1]
    assert review.column_label == "行政复议·结果维持"
    assert (review.body, review.year) == ("巴楚县人民政府", 2023)


def test_csv_opens_in_excel_and_keeps_values_exact() -> None:
    text = to_csv(extract_records([bachu_2023()]))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == [
        "path",
        "body",
        "year",
        "table",
        "row",
        "column",
        "row_label",
        "column_label",
        "value",
        "raw",
        "kind",
        "line",
        "col",
    ]
    fee = next(row for row in rows if row["row"] == "fees")
    assert (fee["value"], fee["raw"], fee["line"]) == ("1482.5623", "1482.5623", "57")


def test_blank_and_slash_cells_are_empty_not_zero() -> None:
    table = make_table("三", table3_row("new", ["", "/", "0", "0", "0", "0", "0"], 10))
    records = extract_records([make_report("a.txt", None, None, tables={"三": table})])
    blank, slash = records[0], records[1]
    assert (blank.kind, blank.value, slash.kind, slash.raw) == ("blank", None, "slash", "/")
    rows = list(csv.reader(io.StringIO(to_csv(records).removeprefix("\ufeff"))))
    assert rows[1][1] == "（未识别发布机关）" and rows[1][2] == "" and rows[1][8] == ""
    assert json.loads(to_json(records))[1]["value"] is None


def test_json_values_are_numbers() -> None:
    data = json.loads(to_json(extract_records([bachu_2023()])))
    assert data[0]["value"] == 3 and isinstance(data[0]["value"], int)
    assert data[2]["value"] == 1482.5623
    assert data[0]["body"] == "巴楚县人民政府" and data[0]["table"] == "二"


def parse_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reportlint")
    extract_command.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["extract", *argv])


def test_command_writes_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "tables.json"
    args = parse_args(str(SEED_2023), "--format", "json", "--output-file", str(out))
    assert extract_command.run(args) == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)


def test_command_refuses_to_overwrite_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text("巴楚县人民政府2023年政府信息公开工作年度报告\n", encoding="utf-8")
    assert extract_command.run(parse_args(str(tmp_path), "-o", str(report))) == 2
    assert "拒绝覆盖" in capsys.readouterr().err
    assert report.read_text(encoding="utf-8").startswith("巴楚县")


def test_command_reports_unreadable_input_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert extract_command.run(parse_args("/nonexistent/report.txt")) == 2
    captured = capsys.readouterr()
    # Like `reportlint check`, a path that does not exist stops the run before any output.
    assert "文件或目录不存在" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_parsed_seed_table_three_is_extracted() -> None:
    report = parse_text(read_fixture(SEED_2023), path=str(SEED_2023))
    records = {(r.table, r.row, r.column): r for r in extract_records([report])}
    assert records[("三", "new", "natural_person")].value == 2
    assert records[("三", "carried_in", "total")].line == 104
    assert records[("二", "fees", "amount")].raw == "1482.5623"
