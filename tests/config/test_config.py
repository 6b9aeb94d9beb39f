"""Configuration layers: defaults, plugin defaults, pyproject.toml / reportlint.toml, overrides."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from reportlint.config import DEFAULT_MAX_FILE_SIZE, Config, ConfigError, load_config
from reportlint.diagnostics import Severity
from reportlint.plugins.hookspecs import hookimpl
from reportlint.plugins.host import create_host


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path) == Config()
    assert Config().max_file_size == DEFAULT_MAX_FILE_SIZE == 50 * 1024 * 1024


def test_pyproject_table_is_found_upward_with_kebab_keys(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.reportlint]\nselect = ["NU", "CP001"]\nextend-select = ["XJ"]\n'
        'ignore = ["NU004"]\nfail-on = "warning"\nmax-file-size = "2MiB"\nrule-dirs = ["local-rules"]\n'
        '[tool.reportlint.severity]\nNU002 = "warn"\n'
        '[tool.reportlint.per-file-ignores]\n"drafts/*" = ["CP"]\n'
        "[tool.reportlint.rule-options.PD003]\nday = 15\n",
    )
    config = load_config(cwd=tmp_path / "a" / "b")
    assert (
        config.select == ("NU", "CP001") and config.extend_select == ("XJ",) and config.ignore == ("NU004",)
    )
    assert config.fail_on is Severity.WARNING and config.max_file_size == 2 * 1024 * 1024
    assert config.rule_dirs == ((tmp_path / "local-rules").resolve(),)  # relative to the file's folder
    assert config.severity == {"NU002": Severity.WARNING}
    assert config.per_file_ignores == {"drafts/*": ("CP",)}
    assert config.rule_options == {"PD003": {"day": 15}}
    assert config.source == tmp_path / "pyproject.toml"


def test_pyproject_without_our_table_is_skipped_for_a_higher_one(tmp_path: Path) -> None:
    write(tmp_path / "reportlint.toml", 'select = ["NU"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(cwd=tmp_path / "sub")
    assert config.select == ("NU",) and config.source == tmp_path / "reportlint.toml"


def test_reportlint_toml_wins_in_the_same_folder_and_explicit_wins_over_both(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nselect = ["CP"]\n')
    write(tmp_path / "reportlint.toml", 'select = ["NU"]\n')
    other = write(tmp_path / "other.toml", 'select = ["PD"]\n')
    assert load_config(cwd=tmp_path).select == ("NU",)
    assert load_config(cwd=tmp_path, explicit=other).select == ("PD",)


def test_unknown_key_names_the_key_and_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "reportlint.toml", 'selcet = ["NU"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert str(path) in caught.value.message and "键 selcet" in caught.value.message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('fail-on = "fatal"\n', "fail-on"),
        ("select = 3\n", "select"),
        ('max-file-size = "big"\n', "max-file-size"),
        ('[severity]\nNU001 = "loud"\n', "severity.NU001"),
        ("select = [\n", "TOML"),
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, text: str, key: str) -> None:
    write(tmp_path / "reportlint.toml", text)
    with pytest.raises(ConfigError, match=key):
        load_config(cwd=tmp_path)


def test_missing_explicit_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--config"):
        load_config(cwd=tmp_path, explicit=Path("nope.toml"))


def test_overrides_come_last_and_lists_of_ignores_accumulate(tmp_path: Path) -> None:
    write(tmp_path / "reportlint.toml", 'select = ["NU"]\nignore = ["NU001"]\nfail-on = "error"\n')
    config = load_config(
        cwd=tmp_path,
        overrides={"select": ["CP"], "ignore": ["NU002"], "fail_on": "info", "extend-select": ["PD"]},
    )
    assert config.select == ("CP",) and config.ignore == ("NU001", "NU002")
    assert config.fail_on is Severity.INFO and config.extend_select == ("PD",)


def test_plugin_defaults_come_before_the_file(tmp_path: Path) -> None:
    class Plugin:
        @hookimpl
        def reportlint_default_config(self) -> Mapping[str, Any]:
            return {"ignore": ["XJ002"], "severity": {"XJ": "info"}, "fail-on": "warning"}

    write(tmp_path / "reportlint.toml", 'fail-on = "error"\n[severity]\nXJ001 = "error"\n')
    host = create_host(load_entry_points=False, extra_plugins=(Plugin(),))
    config = load_config(cwd=tmp_path, host=host)
    assert config.ignore == ("XJ002",)
    assert config.severity == {"XJ": Severity.INFO, "XJ001": Severity.ERROR}
    assert config.fail_on is Severity.ERROR


def test_bad_plugin_default_names_the_plugin(tmp_path: Path) -> None:
    class Plugin:
        @hookimpl
        def reportlint_default_config(self) -> Mapping[str, Any]:
            return {"wrong": 1}

    host = create_host(load_entry_points=False, extra_plugins=(Plugin(),))
    with pytest.raises(ConfigError, match=r"插件 .* 的默认配置"):
        load_config(cwd=tmp_path, host=host)
