"""The hook implementations reportlint finds through the ``reportlint`` entry point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from reportlint.plugins.hookspecs import hookimpl
from reportlint_xj.withheld_share import WithheldShare


@hookimpl
def reportlint_rule_dirs() -> Sequence[Path | Traversable]:
    """The pack's YAML rules, read from inside the installed package."""
    return [files("reportlint_xj") / "rules"]


@hookimpl
def reportlint_rules() -> Sequence[type[Any]]:
    """The pack's Python rules."""
    return [WithheldShare]


@hookimpl
def reportlint_default_config() -> Mapping[str, Any]:
    """Defaults a project can still override: the share rule is advisory in this pack."""
    return {"severity": {"XJ101": "info"}}
