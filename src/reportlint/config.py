"""Configuration: defaults → plugins' defaults → the project's file → command-line overrides.

Files: ``[tool.reportlint]`` in pyproject.toml, or the top level of reportlint.toml, searched
upward from the working folder (reportlint.toml wins in the same folder; an explicit path wins
over both). Keys are kebab-case in files (``extend-select``); snake_case is accepted too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Severity
from reportlint.limits import MAX_DIAGNOSTICS_PER_FILE, MAX_FILE_SIZE
from reportlint.plugins.host import PluginHost

DEFAULT_MAX_FILE_SIZE = MAX_FILE_SIZE


class ConfigError(Exception):
    """A configuration or rule-pack problem; the message (Chinese) names the file and key."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Config:
    """The effective settings for one run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_dirs: tuple[Path, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_diagnostics: int = MAX_DIAGNOSTICS_PER_FILE
    fail_on: Severity | None = None
    source: Path | None = None


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class _Reader:
    """Typed access to one layer of settings, with errors naming the layer and key."""

    def __init__(self, where: str, base: Path) -> None:
        self.where = where
        self.base = base

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"配置错误（{self.where}，键 {key}）：{problem}")

    def codes(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [part for part in re.split(r"[,\s]+", value) if part]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, '应为规则代码或前缀的列表，例如 ["NU", "CP001"]')
        return tuple(v.strip() for v in value)

    def severity(self, key: str, value: Any) -> Severity:
        try:
            return Severity.parse(str(value))
        except ValueError:
            raise self.fail(key, f"未知的严重级别 {value!r}，应为 error、warning 或 info") from None

    def severity_map(self, key: str, value: Any) -> dict[str, Severity]:
        if not isinstance(value, Mapping):
            raise self.fail(key, "应为 规则代码 = 严重级别 的表")
        return {str(code): self.severity(f"{key}.{code}", level) for code, level in value.items()}

    def per_file(self, key: str, value: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, Mapping):
            raise self.fail(key, "应为 文件模式 = [规则代码…] 的表")
        return {str(glob): self.codes(f"{key}.{glob}", codes) for glob, codes in value.items()}

    def options(self, key: str, value: Any) -> dict[str, Mapping[str, Any]]:
        if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
            raise self.fail(key, "应为 规则代码 = {选项…} 的表")
        return {str(code): dict(opts) for code, opts in value.items()}

    def dirs(self, key: str, value: Any) -> tuple[Path, ...]:
        if isinstance(value, str | Path):
            value = [value]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str | Path) for v in value):
            raise self.fail(key, "应为文件夹路径的列表")
        return tuple((self.base / Path(v)).resolve() for v in value)

    def size(self, key: str, value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        found = _SIZE.match(str(value)) if isinstance(value, str) else None
        if found is None:
            raise self.fail(key, f"无法识别的大小 {value!r}，例如 50MiB 或 1048576")
        size = int(float(found.group(1)) * _UNITS[(found.group(2) or "").lower()[:1]])
        if size <= 0:
            raise self.fail(key, "大小必须大于 0")
        return size

    def count(self, key: str, value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        raise self.fail(key, f"应为正整数，而不是 {value!r}")

    def fail_on(self, key: str, value: Any) -> Severity | None:
        if value is None or (isinstance(value, str) and value.lower() == "none"):
            return None
        return self.severity(key, value)


_ACCUMULATE = ("ignore", "extend_select")
_MERGE = ("severity", "per_file_ignores", "rule_options")


def _apply(config: Config, layer: Mapping[str, Any], reader: _Reader) -> Config:
    """One layer on top of ``config``: lists of ignores accumulate, tables merge, scalars replace."""
    parsers: dict[str, Callable[[str, Any], Any]] = {
        "select": reader.codes,
        "ignore": reader.codes,
        "extend_select": reader.codes,
        "severity": reader.severity_map,
        "per_file_ignores": reader.per_file,
        "rule_options": reader.options,
        "rule_dirs": reader.dirs,
        "max_file_size": reader.size,
        "max_diagnostics": reader.count,
        "fail_on": reader.fail_on,
    }
    changes: dict[str, Any] = {}
    for raw_key, value in layer.items():
        key = str(raw_key).replace("-", "_")
        if key not in parsers:
            known = "、".join(k.replace("_", "-") for k in parsers)
            raise reader.fail(str(raw_key), f"未知的配置项（可用：{known}）")
        parsed = parsers[key](str(raw_key), value)
        current = getattr(config, key)
        if key in _ACCUMULATE:
            parsed = (*current, *parsed)
        elif key in _MERGE:
            parsed = {**current, **parsed}
        elif key == "rule_dirs":
            parsed = (*current, *parsed)
        changes[key] = parsed
    return replace(config, **changes)


def read_config_file(path: Path) -> Mapping[str, Any]:
    """The reportlint settings of one file (a marker for a pyproject.toml without [tool.reportlint])."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"无法读取配置文件 {path}：{error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("reportlint") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else _NOT_CONFIGURED
    return data


_NOT_CONFIGURED: Mapping[str, Any] = {"__none__": True}


def load_config(
    *,
    cwd: Path,
    explicit: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    host: PluginHost | None = None,
) -> Config:
    """The effective configuration; raises ConfigError naming the file and key of a problem."""
    config = Config()
    if host is not None:
        for plugin, defaults in host.call_each("reportlint_default_config"):
            if isinstance(defaults, Mapping):
                config = _apply(config, defaults, _Reader(f"插件 {plugin} 的默认配置", cwd))
    found: tuple[Path, Mapping[str, Any]] | None
    if explicit is not None:
        path = explicit if explicit.is_absolute() else cwd / explicit
        if not path.is_file():
            raise ConfigError(f"找不到配置文件 {explicit}（--config）")
        table = read_config_file(path)
        found = (path, {} if table is _NOT_CONFIGURED else table)
    else:
        found = _search(cwd)
    if found is not None:
        path, table = found
        config = _apply(config, table, _Reader(str(path), path.parent))
        config = replace(config, source=path)
    if overrides:
        config = _apply(config, overrides, _Reader("命令行参数", cwd))
    return config


def _search(cwd: Path) -> tuple[Path, Mapping[str, Any]] | None:
    for folder in (cwd.resolve(), *cwd.resolve().parents):
        for name in ("reportlint.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                table = read_config_file(candidate)
                if table is not _NOT_CONFIGURED:
                    return candidate, table
    return None
