"""Plugins found through the "reportlint" entry-point group, without network or pip.

Each test writes a minimal ``*.dist-info`` (METADATA + entry_points.txt) into a temporary folder
on sys.path, which is all importlib.metadata needs to see an installed distribution.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config import Config, load_config
from reportlint.diagnostics import Severity
from reportlint.model import Report
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

EXAMPLE_SRC = Path(__file__).resolve().parents[2] / "examples" / "provincial-plugin" / "src"


def install_fake_distribution(site: Path, name: str, entry_points: str) -> None:
    info = site / f"{name.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[reportlint]\n{entry_points}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.syspath_prepend(str(EXAMPLE_SRC))
    return folder


def test_installed_provincial_plugin_rules_run_and_can_be_selected(site: Path) -> None:
    install_fake_distribution(site, "reportlint-xj-example", "xj = reportlint_xj.plugin")
    host = create_host()
    assert "xj" in host.plugin_names() and host.plugin_versions()["xj"] == "reportlint-xj-example 0.1.0"
    linter = Linter(host, load_config(cwd=site, host=host))
    assert {code for code, info in linter.rules.items() if info.source == "xj"} == {"XJ001", "XJ002", "XJ101"}
    assert linter.rules["XJ101"].severity is Severity.INFO  # the pack's default config applied
    assert "NU001" in linter.rules  # the national set is still there

    line = "新疆维吾尔族自治区某某局2023年政府信息公开工作年度报告"
    report = Report(path="a.txt", text=line + "\n", lines=(line,))
    only_xj = Linter(host, Config(select=("XJ",)))
    found = only_xj.lint(report)
    assert [(d.code, d.source, d.line, d.column) for d in found] == [("XJ001", "xj", 1, 1)]
    assert Linter(host, Config(select=("xj",))).selected() == only_xj.selected()  # the pack's rule set
    assert [d.code for d in Linter(host, Config(select=("NU",))).lint(report)] == []


def test_broken_plugin_only_warns_and_the_others_still_run(site: Path) -> None:
    (site / "reportlint_broken_example.py").write_text("raise ImportError('missing dependency foo')\n")
    install_fake_distribution(site, "reportlint-broken", "broken = reportlint_broken_example")
    install_fake_distribution(site, "reportlint-xj-example", "xj = reportlint_xj.plugin")
    host = create_host()
    assert any("broken" in w and "missing dependency foo" in w for w in host.warnings)
    linter = Linter(host, Config())
    assert any("broken" in w for w in linter.warnings)
    assert "XJ001" in linter.rules and "NU001" in linter.rules


def test_plugin_whose_hook_raises_only_warns(site: Path) -> None:
    (site / "reportlint_failing_hook.py").write_text(
        "from reportlint.plugins.hookspecs import hookimpl\n\n"
        "@hookimpl\ndef reportlint_rule_dirs():\n    raise OSError('disk gone')\n"
    )
    install_fake_distribution(site, "reportlint-failing", "failing = reportlint_failing_hook")
    linter = Linter(create_host(), Config())
    assert any("failing" in w and "disk gone" in w for w in linter.warnings)
    assert "NU001" in linter.rules


def test_two_plugins_claiming_one_code_is_a_config_error(site: Path) -> None:
    (site / "reportlint_copycat.py").write_text(
        "from importlib.resources import files\nfrom reportlint.plugins.hookspecs import hookimpl\n\n"
        "@hookimpl\ndef reportlint_rule_dirs():\n    return [files('reportlint_xj') / 'rules']\n"
    )
    install_fake_distribution(site, "reportlint-xj-example", "xj = reportlint_xj.plugin")
    install_fake_distribution(site, "reportlint-copycat", "copycat = reportlint_copycat")
    from reportlint.config import ConfigError

    with pytest.raises(ConfigError, match="XJ001 重复") as caught:
        Linter(create_host(), Config())
    assert "插件 xj" in caught.value.message and "插件 copycat" in caught.value.message
