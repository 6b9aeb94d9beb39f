"""Invalid rule files are refused with a message naming the file, the line and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from report_builders import yaml_linter
from reportlint.config import ConfigError
from reportlint.resources import national_rules_dir
from reportlint.rules.kinds import BUILTIN_KINDS
from reportlint.rules.registry import Registry


def refusal(tmp_path: Path, body: str, code: str = "LC001") -> str:
    with pytest.raises(ConfigError) as caught:
        yaml_linter(tmp_path / "rules", {code: body})
    return caught.value.message


def test_unknown_key_names_file_line_and_key(tmp_path: Path) -> None:
    message = refusal(tmp_path, "kind: forbid\npatterns: [x]\nscop: title\n")
    # header lines code/name/severity/message come first (4 lines), so "scop" is on line 7
    assert f"{tmp_path / 'rules' / 'LC001.yaml'}:7 键 scop" in message
    assert "可用：patterns、scope" in message


def test_bad_severity_is_refused_at_its_line(tmp_path: Path) -> None:
    message = refusal(tmp_path, "kind: forbid\npatterns: [x]\nseverity: fatal\n")
    # the body's own severity replaces the header's: code, name, message, kind, patterns, severity
    assert "LC001.yaml:6 键 severity" in message


@pytest.mark.parametrize("pattern", ["(a+)+$", "(x*y)*", r"(\d+)\1"])
def test_catastrophic_regex_is_refused_at_load_time(tmp_path: Path, pattern: str) -> None:
    message = refusal(tmp_path, f"kind: forbid\npatterns:\n  - ok\n  - '{pattern}'\n")
    # 4 header lines, kind (5), patterns (6), "- ok" (7), the refused pattern (8)
    assert "LC001.yaml:8 键 patterns.1" in message


def test_invalid_regex_is_refused(tmp_path: Path) -> None:
    assert "无效的正则表达式" in refusal(tmp_path, "kind: forbid\npatterns: ['(']\n")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    message = refusal(tmp_path, "kind: forbid\npatterns: [x\nscope: title\n")
    assert "LC001.yaml:" in message and "YAML 语法错误" in message


def test_python_tags_are_data_never_code(tmp_path: Path) -> None:
    # A safe loader never constructs objects: the tag is ignored and the list is just strings.
    marker = tmp_path / "pwned"
    body = f"kind: forbid\npatterns: !!python/object/apply:os.system ['touch {marker}']\n"
    yaml_linter(tmp_path / "rules", {"LC001": body})
    assert not marker.exists()


def test_file_name_must_match_code(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "LC002.yaml").write_text(
        "code: LC001\nname: local.x\nkind: forbid\nseverity: info\nmessage: m\npatterns: [x]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"LC002\.yaml:1 键 code：文件名应与规则代码一致"):
        yaml_linter(folder, {})


def test_a_code_registered_twice_names_both_sources(tmp_path: Path) -> None:
    # NU001 is a national rule; a local folder may not take it.
    message = refusal(tmp_path, "kind: forbid\npatterns: [x]\n", code="NU001")
    assert "NU001 重复" in message and "插件 national" in message and "插件 local" in message


def test_unknown_kind_lists_the_kinds(tmp_path: Path) -> None:
    message = refusal(tmp_path, "kind: magic\n")
    assert "LC001.yaml:5 键 kind：未知的规则类型 magic" in message and "equation" in message


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        ("三[nope, total] == 1", "表三没有键 nope"),
        ("__import__('os').system('x') == 0", "无法解析"),
        ("三[new, total].real == 0", "无法解析"),
        ("三[*, total] == 0", "只能写在 sum(...) 里"),
        ("三[new] == 0", "单元格须写成"),
        ("for c in 三.cells: 三[new, c] == 0", "只能遍历"),
    ],
)
def test_expressions_are_checked_when_loaded(tmp_path: Path, expression: str, problem: str) -> None:
    message = refusal(tmp_path, f'kind: equation\nexpression: "{expression}"\n')
    assert "LC001.yaml:6 键 expression" in message and problem in message


def test_bad_when_guard_is_refused(tmp_path: Path) -> None:
    message = refusal(tmp_path, "kind: forbid\npatterns: [x]\nwhen: {year: 2021}\n")
    assert "键 when.year" in message


def test_bad_test_case_is_refused(tmp_path: Path) -> None:
    message = refusal(tmp_path, "kind: forbid\npatterns: [x]\ntests:\n  - pass: a\n    fail: b\n")
    assert "LC001.yaml:8 键 tests.0" in message


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    # nested aliases would expand exponentially ("billion laughs"); rule files never need them
    body = "kind: forbid\nx: &a [p, p]\ny: &b [*a, *a]\npatterns: [*b, *b]\n"
    assert "不支持 YAML 锚点与别名" in refusal(tmp_path, body)


def test_every_shipped_rule_passes_the_safety_walk_it_skips_at_start_up(tmp_path: Path) -> None:
    # reportlint's own rules skip the load-time walk of their patterns (a fifth of each start-up);
    # loaded from a copy, as a user's folder is, every one of them is walked and must pass.
    copy = tmp_path / "rules"
    shutil.copytree(str(national_rules_dir()), copy)
    walked = Registry(BUILTIN_KINDS)
    walked.load_folder(copy, "local")
    shipped = Registry(BUILTIN_KINDS)
    shipped.load_folder(national_rules_dir(), "national")
    assert sorted(walked.rules) == sorted(shipped.rules)
    assert len(walked.rules) >= 70


def test_a_user_folder_is_walked_even_under_a_shipped_rule_name(tmp_path: Path) -> None:
    # The skip is for the package's own folder only, not for a file that copies a shipped name.
    message = refusal(tmp_path, "kind: forbid\npatterns: ['(a+)+$']\n", code="NU001")
    assert "回溯" in message or "嵌套" in message
