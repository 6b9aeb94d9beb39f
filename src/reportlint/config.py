"""Configuration. (Minimal placeholder so the CLI runs; the rule-engine helper replaces it.)"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Severity
from reportlint.plugins.host import PluginHost

_KEYS = ("select", "ignore", "extend-select", "fail-on", "rule-dirs", "max-file-size")


class ConfigError(Exception):
    """A configuration that cannot be used; ``message`` (Chinese) names the file and key."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Config:
    """Settings after defaults, config file and command line have been merged."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_dirs: tuple[Path, ...] = ()
    max_file_size: int = 50 * 1024 * 1024
    fail_on: Severity | None = None
    source: Path | None = None


def load_config(
    *,
    cwd: Path,
    explicit: Path | None = None,
    overrides: Mapping[str, Any] = {},
    host: PluginHost | None = None,
) -> Config:
    """Read ``[tool.reportlint]`` from an explicit file, then apply command-line overrides."""
    values: dict[str, Any] = {}
    if explicit is not None:
        try:
            data = tomllib.loads(explicit.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"无法读取配置文件 {explicit}：{exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"配置文件 {explicit} 不是有效的 TOML：{exc}") from None
        section = data.get("tool", {}).get("reportlint", data)
        for key in section:
            if key not in _KEYS:
                raise ConfigError(f"配置文件 {explicit}：未知配置项 {key!r}")
        values.update(section)
    values.update({key.replace("_", "-"): value for key, value in overrides.items() if value is not None})
    try:
        fail_on = values.get("fail-on")
        return Config(
            select=tuple(values.get("select", ())),
            ignore=tuple(values.get("ignore", ())),
            extend_select=tuple(values.get("extend-select", ())),
            rule_dirs=tuple(Path(p) for p in values.get("rule-dirs", ())),
            max_file_size=int(values.get("max-file-size", 50 * 1024 * 1024)),
            fail_on=Severity.parse(fail_on) if isinstance(fail_on, str) else None,
            source=explicit,
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"配置值无效：{exc}") from None
