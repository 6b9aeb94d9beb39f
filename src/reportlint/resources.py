"""Locate the data folders shipped with reportlint (grammars/, rules/, data/).

The top-level ``grammars/`` and ``rules/`` folders are force-included into the wheel as
``reportlint/grammars`` and ``reportlint/national_rules``. In a source checkout or an editable
install they are still at the repository root, so we fall back to that.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE_ROOT.parent.parent


def _locate(packaged_name: str, repo_name: str) -> Traversable:
    packaged = resources.files("reportlint").joinpath(packaged_name)
    if packaged.is_dir():
        return packaged
    checkout = _REPO_ROOT / repo_name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"reportlint data folder {repo_name!r} is missing from this installation")


@cache
def grammars_dir() -> Traversable:
    """The folder that holds report.lark and the other grammars."""
    return _locate("grammars", "grammars")


@cache
def national_rules_dir() -> Traversable:
    """The folder of YAML rules of the national rule set."""
    return _locate("national_rules", "rules")


def grammar_text(name: str) -> str:
    """The text of one grammar file, e.g. ``report.lark``."""
    return grammars_dir().joinpath(name).read_text(encoding="utf-8")


def data_text(name: str) -> str:
    """The text of a data file inside the package (``reportlint/data``)."""
    return resources.files("reportlint").joinpath("data", name).read_text(encoding="utf-8")
