"""The built-in YAML rule kinds, by the name used in a rule's ``kind:`` key."""

from __future__ import annotations

from reportlint.rules.kinds.claim import ClaimRule
from reportlint.rules.kinds.equation import EquationRule
from reportlint.rules.kinds.input import InputRule
from reportlint.rules.kinds.period import PeriodRule
from reportlint.rules.kinds.sections import SectionsRule
from reportlint.rules.kinds.sum import SumRule
from reportlint.rules.kinds.table import TableRule
from reportlint.rules.kinds.wording import ForbidRule, RequireRule, SubstituteRule
from reportlint.rules.yamlrule import YamlRule

BUILTIN_KINDS: dict[str, type[YamlRule]] = {
    "input": InputRule,
    "internal": InputRule,
    "batch": InputRule,
    "sections": SectionsRule,
    "table": TableRule,
    "sum": SumRule,
    "equation": EquationRule,
    "claim": ClaimRule,
    "period": PeriodRule,
    "require": RequireRule,
    "forbid": ForbidRule,
    "substitute": SubstituteRule,
}
