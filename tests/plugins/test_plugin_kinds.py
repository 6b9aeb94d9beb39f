"""A plugin can add a YAML rule kind; the IO codes are documented rules that can be selected."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest

from reportlint.config import Config, ConfigError
from reportlint.model import Report, Span
from reportlint.plugins.hookspecs import hookimpl
from reportlint.plugins.host import create_host
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.engine import Linter
from reportlint.rules.schema import RuleSpec
from reportlint.rules.yamlrule import YamlRule


class LineCount(YamlRule):
    """Kind ``line-count``: a report longer than ``max`` lines."""

    keys: ClassVar[frozenset[str]] = frozenset({"max"})
    limit: int

    def configure(self, spec: RuleSpec) -> None:
        self.limit = spec.require("max", int, "整数")

    def check(self, context: RuleContext) -> Iterable[Finding]:
        if len(context.report.lines) > self.limit:
            yield Finding(Span.on_line(self.limit + 1, 1, 1), {"count": len(context.report.lines)})


class KindPlugin:
    @hookimpl
    def reportlint_rule_kinds(self) -> Mapping[str, type[Any]]:
        return {"line-count": LineCount}


def test_plugin_kind_is_usable_from_yaml(tmp_path: Path) -> None:
    (tmp_path / "LC001.yaml").write_text(
        "code: LC001\nname: local.too-long\nkind: line-count\nseverity: info\n"
        "message: 共 {count} 行\nmax: 2\n",
        encoding="utf-8",
    )
    host = create_host(load_entry_points=False, extra_plugins=(KindPlugin(),))
    linter = Linter(host, Config(select=("LC001",), rule_dirs=(tmp_path,)))
    found = linter.lint(Report(path="a.txt", text="a\nb\nc\n", lines=("a", "b", "c")))
    assert [(d.code, d.line, d.message) for d in found] == [("LC001", 3, "共 3 行")]


def test_plugin_kind_keys_are_validated(tmp_path: Path) -> None:
    (tmp_path / "LC001.yaml").write_text(
        "code: LC001\nname: local.too-long\nkind: line-count\nseverity: info\nmessage: m\nmax: many\n",
        encoding="utf-8",
    )
    host = create_host(load_entry_points=False, extra_plugins=(KindPlugin(),))
    with pytest.raises(ConfigError, match=r"LC001\.yaml:6 键 max"):
        Linter(host, Config(rule_dirs=(tmp_path,)))


def test_a_plugin_cannot_replace_a_builtin_kind() -> None:
    class Hijack:
        @hookimpl
        def reportlint_rule_kinds(self) -> Mapping[str, type[Any]]:
            return {"equation": LineCount}

    with pytest.raises(ConfigError, match="equation 已存在"):
        Linter(create_host(load_entry_points=False, extra_plugins=(Hijack(),)), Config())


def test_io_codes_have_docs_and_follow_selection() -> None:
    host = create_host(load_entry_points=False)
    linter = Linter(host, Config(ignore=("IO002",)))
    info = linter.rules["IO002"]
    assert info.kind == "input" and "GB18030" in info.description and info.message
    selected = {rule.code for rule in linter.selected()}
    assert {"IO001", "IO003", "IO004", "IO005"} <= selected and "IO002" not in selected
