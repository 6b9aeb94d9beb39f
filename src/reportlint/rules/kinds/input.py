"""Kinds ``input``, ``internal`` and ``batch``: documented codes raised elsewhere.

IO001–IO005 come from ``InputError`` in the loaders; RL900 from the engine when a rule crashes;
the ``batch`` codes (NU020, NU021, PD020, PD021) from the cross-year checks of a multi-file run.
Registering them as rules gives them docs and lets users select or ignore them.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.yamlrule import YamlRule


class InputRule(YamlRule):
    """No check of its own."""

    def check(self, context: RuleContext) -> Iterable[Finding]:
        return ()
