"""Every output format, produced by the real command on a report with findings, read back by a parser."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from cli.runner import BAD_REPORT, GOOD_REPORT, WARNING_REPORT, run_reportlint, write

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
# The official schema, looked up where the shared material says it lives (see the final report).
SCHEMA_PLACES = (ROOT / "tests/fixtures/sarif", SHARED / "vendor/sarif")


def _report_folder(tmp_path: Path) -> Path:
    write(tmp_path, "报告 一/bad.txt", BAD_REPORT)
    write(tmp_path, "报告 一/warn.txt", WARNING_REPORT)
    write(tmp_path, "good.txt", GOOD_REPORT)
    return tmp_path


def test_json_objects_carry_the_documented_fields(tmp_path: Path) -> None:
    _report_folder(tmp_path)
    result = run_reportlint("check", "--format", "json", "good.txt", "报告 一", cwd=tmp_path)
    assert result.returncode == 1
    first, second = json.loads(result.stdout)
    assert first == {
        "path": str(Path("报告 一/bad.txt")),
        "code": "TP001",
        "name": "test.error-marker",
        "severity": "error",
        "message": "发现标记 【错】：本年【错】数据有误。",
        "line": 3,
        "column": 4,
        "end_line": 3,
        "end_column": 7,
        "locator": ["表三", "（七）总计", "自然人"],
        "expected": "10",
        "actual": "12",
        "related": [],
        "basis": "测试依据",
        "source": "testrules",
        "origin": None,
        "fixes": [],
    }
    assert (second["code"], second["severity"], second["line"]) == ("TP002", "warning", 2)


def test_json_is_accepted_by_the_scorecard(tmp_path: Path) -> None:
    scorecard = SHARED / "tools/scorecard.py"
    if not scorecard.is_file():
        pytest.skip(f"the shared scorecard is not beside this checkout ({scorecard})")
    seeds = ROOT / "tests/fixtures/seeds"
    output = run_reportlint("check", "--format", "json", str(seeds), cwd=tmp_path).stdout
    (tmp_path / "out.json").write_text(output, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(scorecard), "out.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "not JSON" not in scored.stdout
    assert re.search(r"^seeds: found \d+/\d+ must-report, \d+ false errors$", scored.stdout, re.M)


def _sarif_validator() -> object:
    jsonschema = pytest.importorskip("jsonschema")
    for place in SCHEMA_PLACES:
        schema = place / "sarif-schema-2.1.0.json"
        if schema.is_file():
            return jsonschema.Draft4Validator(json.loads(schema.read_text(encoding="utf-8")))
    pytest.skip(f"SARIF 2.1.0 schema not found in {', '.join(map(str, SCHEMA_PLACES))}")


def _sarif_log(tmp_path: Path) -> dict[str, Any]:
    _report_folder(tmp_path)
    result = run_reportlint("check", "--format", "sarif", "good.txt", "报告 一", cwd=tmp_path)
    assert result.returncode == 1
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def test_sarif_is_valid_against_the_official_schema(tmp_path: Path) -> None:
    validator = _sarif_validator()  # read in place from ../shared/vendor/sarif (skips without it)
    errors = sorted(validator.iter_errors(_sarif_log(tmp_path)), key=str)  # type: ignore[attr-defined]
    assert errors == []


def test_sarif_points_at_the_cell_with_rule_metadata(tmp_path: Path) -> None:
    log = _sarif_log(tmp_path)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    # The selected rules (the test config selects TP, IO and RL), each described once.
    assert ids == sorted(set(ids)) and {"TP001", "TP002", "TP003", "IO001"} <= set(ids)
    assert "CP001" not in ids
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["TP001"]["defaultConfiguration"]["level"] == "error"
    assert by_id["TP003"]["defaultConfiguration"]["level"] == "note"
    first = run["results"][0]
    assert (first["ruleId"], first["level"]) == ("TP001", "error")
    assert rules[first["ruleIndex"]]["id"] == "TP001"
    physical = first["locations"][0]["physicalLocation"]
    assert unquote(physical["artifactLocation"]["uri"]) == "报告 一/bad.txt"
    base = run["originalUriBaseIds"][physical["artifactLocation"]["uriBaseId"]]["uri"]
    assert base == tmp_path.resolve().as_uri() + "/" or base == tmp_path.as_uri() + "/"
    assert physical["region"] == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 7}
    logical = first["locations"][0]["logicalLocations"][0]
    assert logical["fullyQualifiedName"] == "表三/（七）总计/自然人"
    assert first["properties"]["expected"] == "10"
    assert run["results"][1]["level"] == "warning"


_COMMAND = re.compile(r"^::(error|warning|notice) ((?:\w+=[^,:]*,?)+)::(.*)$")


def test_github_annotations_are_workflow_commands(tmp_path: Path) -> None:
    write(tmp_path, "a,b:c.txt", BAD_REPORT)
    write(tmp_path, "w.txt", WARNING_REPORT)
    result = run_reportlint("check", "--format", "github", "a,b:c.txt", "w.txt", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    matched = [_COMMAND.match(line) for line in lines]
    assert all(matched), lines
    level, properties, message = matched[0].groups()  # type: ignore[union-attr]
    assert level == "error"
    fields = dict(part.split("=", 1) for part in properties.split(","))
    assert fields == {
        "file": "a%2Cb%3Ac.txt",
        "line": "3",
        "col": "4",
        "endLine": "3",
        "endColumn": "7",
        "title": "TP001 test.error-marker",
    }
    assert message == "发现标记 【错】：本年【错】数据有误。（期望 10，实际 12）"
    assert matched[1].group(1) == "warning"  # type: ignore[union-attr]


def test_junit_is_xml_with_one_suite_per_file(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    write(tmp_path, "bad.txt", BAD_REPORT.replace("数据有误", "<a & b>") + "【警】\n")
    result = run_reportlint("check", "--format", "junit", "good.txt", "bad.txt", cwd=tmp_path)
    assert result.returncode == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    good, bad = root.findall("testsuite")
    assert (good.get("name"), good.get("failures"), len(good.findall("testcase"))) == ("good.txt", "0", 1)
    assert good.find("testcase/failure") is None
    failures = bad.findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["TP001", "TP002"]
    assert failures[0].get("message") == "发现标记 【错】：本年【错】<a & b>。"
    assert (failures[0].text or "").startswith("bad.txt:3:4: TP001 error")
