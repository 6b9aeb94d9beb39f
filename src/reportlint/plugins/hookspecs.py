"""The hooks a reportlint plugin may implement.

A plugin is any module or object registered under the entry-point group ``reportlint`` whose
functions are marked with ``@reportlint.plugins.hookspecs.hookimpl``. Hooks are always called
with keyword arguments. The national rule set is registered the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pluggy

from reportlint.load.source import SourceDocument

PROJECT_NAME = "reportlint"
ENTRY_POINT_GROUP = "reportlint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def reportlint_rule_dirs() -> Sequence[Path | Traversable]:  # type: ignore[empty-body]
    """Folders of YAML rule files (one rule per file) that this plugin contributes."""


@hookspec
def reportlint_rules() -> Sequence[type[Any]]:  # type: ignore[empty-body]
    """Python rule classes (subclasses of ``reportlint.rules.base.Rule``)."""


@hookspec
def reportlint_rule_kinds() -> Mapping[str, type[Any]]:  # type: ignore[empty-body]
    """New YAML rule kinds: a mapping from the ``kind:`` name to its implementation class."""


@hookspec
def reportlint_default_config() -> Mapping[str, Any]:  # type: ignore[empty-body]
    """Configuration defaults, applied before the user's pyproject.toml or reportlint.toml."""


@hookspec(firstresult=True)
def reportlint_load_document(path: str, data: bytes) -> SourceDocument | None:
    """Turn a file's bytes into text; return None when the file is not of this plugin's format.

    The first plugin to return a document wins, so a plugin can add a format (.ofd, .wps) or
    override a built-in loader. Raise ``reportlint.load.source.InputError`` for a file of your
    format that cannot be read.
    """


@hookspec
def reportlint_formatters() -> Mapping[str, type[Any]]:  # type: ignore[empty-body]
    """Output formats: a mapping from the ``--format`` name to a formatter class."""
