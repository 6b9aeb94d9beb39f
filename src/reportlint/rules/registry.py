"""All known rules by code: YAML rule folders and Python rule classes, each code taken once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path

from reportlint.config import ConfigError
from reportlint.diagnostics import CODE_PATTERN, Severity
from reportlint.resources import national_rules_dir
from reportlint.rules.base import Rule, RuleMeta
from reportlint.rules.schema import NAME_PATTERN, parse_rule
from reportlint.rules.yamlrule import YamlRule


@dataclass(frozen=True, slots=True)
class RegisteredRule:
    """A rule ready to run, with the metadata the engine and CLI show."""

    meta: RuleMeta
    rule: Rule


def _origin(meta: RuleMeta) -> str:
    return f"插件 {meta.source}" + (f"（{meta.path}）" if meta.path is not None else "")


class Registry:
    """Collects rules; refuses a code or a name that another rule already has."""

    def __init__(self, kinds: Mapping[str, type[YamlRule]]) -> None:
        self.kinds = dict(kinds)
        self.rules: dict[str, RegisteredRule] = {}
        self._names: dict[str, str] = {}

    def add(self, meta: RuleMeta, rule: Rule) -> None:
        """Register one rule; a second rule with the same code or name is a ConfigError."""
        taken = self.rules.get(meta.code)
        if taken is not None:
            raise ConfigError(
                f"规则代码 {meta.code} 重复：{_origin(taken.meta)} 与 {_origin(meta)} 都定义了它"
                "；插件须使用自己的代码前缀"
            )
        if meta.name in self._names:
            other = self.rules[self._names[meta.name]].meta
            raise ConfigError(
                f"规则名称 {meta.name} 重复：{_origin(other)} 的 {other.code}"
                f" 与 {_origin(meta)} 的 {meta.code}"
            )
        self.rules[meta.code] = RegisteredRule(meta, rule)
        self._names[meta.name] = meta.code

    def load_folder(self, folder: Path | Traversable, source: str) -> None:
        """Every ``*.yaml`` / ``*.yml`` file of a folder, one rule per file, in name order."""
        if not folder.is_dir():
            raise ConfigError(f"规则文件夹不存在：{folder}（来自 {source}）")
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml")) and f.is_file()),
            key=lambda f: f.name,
        )
        shipped = str(folder) == str(national_rules_dir())
        for file in files:
            self.load_file(file, source, shipped=shipped)

    def load_file(self, file: Path | Traversable, source: str, *, shipped: bool = False) -> None:
        """One YAML rule file (``shipped``: one of reportlint's own)."""
        path = file if isinstance(file, Path) else Path(str(file))
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"无法读取规则文件 {path}：{error}") from None
        spec = parse_rule(text, str(path), source, path, shipped=shipped)
        kind = self.kinds.get(spec.meta.kind)
        if kind is None:
            raise spec.error(
                ("kind",), f"未知的规则类型 {spec.meta.kind}（可用：{'、'.join(sorted(self.kinds))}）"
            )
        self.add(replace(spec.meta, fixable=kind.fixable), kind(spec))

    def add_classes(self, classes: Iterable[object], source: str) -> None:
        """Python rule classes from a plugin's ``reportlint_rules`` hook."""
        for cls in classes:
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                raise ConfigError(f"插件 {source} 提供的 {cls!r} 不是 reportlint.rules.base.Rule 的子类")
            meta = cls.describe(source)
            where = f"插件 {source} 的规则类 {cls.__module__}.{cls.__qualname__}"
            if not CODE_PATTERN.match(meta.code):
                raise ConfigError(f"{where}：规则代码 {meta.code!r} 应为 2–4 个大写字母加 3 位数字")
            if not NAME_PATTERN.match(meta.name):
                raise ConfigError(f"{where}：名称 {meta.name!r} 应为带点的小写名称")
            if not isinstance(meta.severity, Severity) or not meta.message:
                raise ConfigError(f"{where}：须设置 severity（Severity）和 message")
            try:
                rule = cls()
            except Exception as error:
                raise ConfigError(f"{where}：无法创建：{type(error).__name__}: {error}") from None
            self.add(meta, rule)
