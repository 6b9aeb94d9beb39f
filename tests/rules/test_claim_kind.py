"""The ``claim`` kind as a provincial office uses it: its own topic in a YAML file, no Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config import Config, ConfigError
from reportlint.diagnostics import Severity
from reportlint.parse.document import parse_text
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter
from reportlint.rules.national.numeric_sample import sample_report

HOST = create_host(load_entry_points=False)

# A local topic: an office whose drafters write "群众申请N件" for the 新收 自然人 column.
LOCAL = """\
code: SX101
name: local.prose-citizen-applications
kind: claim
severity: error
message: 正文称“{clause}”，但{source}为 {expected}
topic: 群众申请
phrases: [群众]
figure: ['群众(?:提出)?申请{n}']
restates: '三[new, natural_person]'
source: 表三“本年新收”的“自然人”列
"""


def local_linter(tmp_path: Path, text: str) -> Linter:
    (tmp_path / "SX101.yaml").write_text(text, encoding="utf-8")
    return Linter(HOST, Config(select=("SX101",), rule_dirs=(tmp_path,)))


def test_a_local_claim_rule_checks_its_topic(tmp_path: Path) -> None:
    linter = local_linter(tmp_path, LOCAL)
    # the sample's 新收 自然人 is 10
    assert linter.lint(parse_text(sample_report(prose="全年群众申请10件。"))) == []
    (found,) = linter.lint(parse_text(sample_report(prose="全年群众申请12件。")))
    assert (found.code, found.severity, found.expected, found.actual) == ("SX101", Severity.ERROR, "10", "12")
    assert found.message == "正文称“全年群众申请12件”，但表三“本年新收”的“自然人”列为 10"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("restates: '三[new, natural_person]'\n", "restates"),
        ("'三[new, natural_person]'", "'三[nope, natural_person]'"),
        ("'三[new, natural_person]'", "'for c in 三.columns: 三[new, c]'"),
        ("figure: ['群众(?:提出)?申请{n}']\n", "figure"),
    ],
    ids=["no-restates", "unknown-key", "a-loop", "no-figure"],
)
def test_a_bad_claim_rule_is_refused_naming_the_file(tmp_path: Path, change: str, problem: str) -> None:
    text = LOCAL.replace(change, "" if problem in ("restates", "figure") else problem)
    with pytest.raises(ConfigError, match=r"SX101\.yaml"):
        local_linter(tmp_path, text)


def test_states_without_asserts_is_refused(tmp_path: Path) -> None:
    text = LOCAL.replace("figure: ['群众(?:提出)?申请{n}']\n", "states: ['均获维持']\n")
    with pytest.raises(ConfigError, match="asserts"):
        local_linter(tmp_path, text)


@pytest.mark.parametrize("prose", ["全年群众申请1,010件。", "全年群众申请10余件。", "2022年群众申请12件。"])
def test_figures_that_are_not_the_years_count_are_not_read(tmp_path: Path, prose: str) -> None:
    # a thousands-grouped number's tail, an approximate count, another year's figure
    assert local_linter(tmp_path, LOCAL).lint(parse_text(sample_report(prose=prose))) == []
