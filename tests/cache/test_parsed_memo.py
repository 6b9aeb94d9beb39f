"""Parsed YAML remembered on disk: same data as parsing, errors never stored, damage ignored."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from reportlint.rules.expression import ExpressionError, compile_expression
from reportlint.rules.yamldoc import YamlSyntaxError, load_yaml
from reportlint.store.memo import remembered

RULE = "code: LC001\nseverity: error\ntests:\n  - text: 甲\n    expect: 1\n"


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("REPORTLINT_NO_PARSED_MEMO", raising=False)
    return tmp_path


def test_a_remembered_rule_file_reads_back_with_its_key_lines(private_temp: Path) -> None:
    first = load_yaml(RULE)
    assert list(private_temp.rglob("rule-yaml-*.marshal"))
    again = load_yaml(RULE)
    assert (again.data, again.lines) == (first.data, first.lines)
    assert again.data == {"code": "LC001", "severity": "error", "tests": [{"text": "甲", "expect": 1}]}
    assert again.line_of(("tests", 0, "expect")) == 5


def test_a_syntax_error_is_raised_every_time_and_never_stored(private_temp: Path) -> None:
    for _ in range(2):
        with pytest.raises(YamlSyntaxError):
            load_yaml("code: [LC001\n")
    assert not list(private_temp.rglob("*.marshal"))


def test_a_damaged_entry_is_parsed_again(private_temp: Path) -> None:
    calls: list[str] = []

    def parse(text: str) -> dict[str, str]:
        calls.append(text)
        return {"text": text}

    assert remembered("test", "甲", parse) == {"text": "甲"}
    for entry in private_temp.rglob("test-*.marshal"):
        entry.write_bytes(b"\xff\x00garbage")
    assert remembered("test", "甲", parse) == {"text": "甲"}
    assert calls == ["甲", "甲"]
    assert remembered("test", "甲", parse) == {"text": "甲"}
    assert calls == ["甲", "甲"]  # rewritten by the second call


def test_a_remembered_expression_compiles_to_the_same_equation(
    private_temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "for c in 三.columns: 三[new, c] + 三[carried_in, c] == 三[total, c] + 三[carried_forward, c]"
    first = compile_expression(text)  # parsed with the grammar, then stored
    assert list(private_temp.glob("reportlint-*/expression-*.marshal"))
    again = compile_expression(text)  # read back from the memo
    monkeypatch.setenv("REPORTLINT_NO_PARSED_MEMO", "1")
    assert again == first == compile_expression(text)


def test_a_bad_expression_is_refused_every_time_and_never_stored(private_temp: Path) -> None:
    for _ in range(2):
        with pytest.raises(ExpressionError, match="无法解析"):
            compile_expression("三[new, total] ==")
    assert not list(private_temp.glob("reportlint-*/expression-*.marshal"))
