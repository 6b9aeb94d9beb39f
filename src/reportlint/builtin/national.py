"""The national rule set (2021 format), registered through the same hooks as any plugin."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from reportlint.plugins.hookspecs import hookimpl
from reportlint.resources import national_rules_dir


@hookimpl
def reportlint_rule_dirs() -> list[Path | Traversable]:
    """The YAML rules under the top-level ``rules/`` folder."""
    return [national_rules_dir()]


@hookimpl
def reportlint_rules() -> list[type[Any]]:
    """The Python rules of the national set (checks the YAML kinds cannot express); imported
    here, not at the top, so that registering the plugin (every start, even when the result cache
    answers) does not load them."""
    from reportlint.rules.national.numeric_registry import NUMERIC_RULES
    from reportlint.rules.national.text_rules import TEXT_RULES

    return [
        *TEXT_RULES,
        *NUMERIC_RULES,
    ]
