"""Kind ``sections``: the required template sections are present, and in template order.

Findings use the ``missing`` message variant for an absent section (pointing at the title or
line 1) and the main message for a section out of order (pointing at its heading).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from reportlint.model import Span
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.schema import RuleSpec
from reportlint.rules.yamlrule import YamlRule


class SectionsRule(YamlRule):
    """``required`` (default 1–6) present; with ``order: true`` in ascending template order."""

    keys: ClassVar[frozenset[str]] = frozenset({"required", "order"})
    required: tuple[int, ...]
    order: bool

    def configure(self, spec: RuleSpec) -> None:
        required = spec.optional("required", list, "章节序号列表（1–6）", [1, 2, 3, 4, 5, 6])
        if not all(isinstance(k, int) and not isinstance(k, bool) and 1 <= k <= 6 for k in required):
            raise spec.error(("required",), "章节序号应为 1 到 6 的整数")
        self.required = tuple(required)
        self.order = bool(spec.optional("order", bool, "true 或 false", True))

    def check(self, context: RuleContext) -> Iterable[Finding]:
        report = context.report
        titles = {s.key: s.title for s in context.template.sections}
        where = report.title.span if report.title is not None else Span.on_line(1, 1, 0)
        for key in self.required:
            if report.section(key) is None:
                params = {"section": key, "title": titles.get(key, ""), "found": ""}
                yield Finding(where, params, variant="missing", locator=(titles.get(key, ""),))
        if not self.order:
            return
        highest = 0
        for section in report.sections:
            if section.key is None or section.key not in self.required:
                continue
            if section.key < highest:
                heading = section.heading
                params = {
                    "section": section.key,
                    "title": titles.get(section.key, ""),
                    "found": f"{heading.numbering}{heading.title}",
                    "after": highest,
                }
                yield Finding(heading.span, params, locator=(f"{heading.numbering}{heading.title}",))
            highest = max(highest, section.key)
