"""The base class of rules defined in YAML: metadata, guard and kind-specific keys from a RuleSpec."""

from __future__ import annotations

from typing import ClassVar

from reportlint.model import Report
from reportlint.rules.base import Rule, RuleMeta
from reportlint.rules.guard import Guard
from reportlint.rules.schema import RuleSpec


class YamlRule(Rule):
    """A rule of one YAML kind. Subclasses list their keys and read them in ``configure``."""

    keys: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, spec: RuleSpec) -> None:
        self.spec = spec
        self.meta: RuleMeta = spec.meta
        self.guard: Guard | None = spec.guard
        for key in spec.body:
            if key not in self.keys:
                allowed = "、".join(sorted(self.keys)) or "无"
                raise spec.error((key,), f"{spec.meta.kind} 类规则不认识这个键（可用：{allowed}）")
        self.configure(spec)

    def configure(self, spec: RuleSpec) -> None:
        """Read and validate the kind-specific keys (raise ``spec.error(...)`` on a bad value)."""

    def applies(self, report: Report) -> bool:
        return self.guard is None or self.guard.allows(report)
