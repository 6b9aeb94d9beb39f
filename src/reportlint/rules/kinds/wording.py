"""Kinds ``require``, ``forbid`` and ``substitute``: regular expressions over a text scope.

Patterns are compiled when the rule is loaded (refusing catastrophic ones, see regexsafety) and
matched line by line, so each finding points at the exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.schema import RuleSpec
from reportlint.rules.scopes import SCOPE_HELP, SCOPE_PATTERN, scope_span
from reportlint.rules.yamlrule import YamlRule


class _ScopedRule(YamlRule):
    scope: str

    def read_scope(self, spec: RuleSpec) -> None:
        self.scope = spec.optional("scope", str, SCOPE_HELP, "text")
        if not SCOPE_PATTERN.match(self.scope):
            raise spec.error(("scope",), f"未知的范围（可用：{SCOPE_HELP}）")

    def read_patterns(self, spec: RuleSpec, key: str) -> tuple[re.Pattern[str], ...]:
        texts = spec.strings(key, "正则表达式", required=True)
        if not texts:
            raise spec.error((key,), "至少需要一个正则表达式")
        single = isinstance(spec.body.get(key), str)
        return tuple(spec.regex(key, text, None if single else index) for index, text in enumerate(texts))


class _PatternsRule(_ScopedRule):
    keys: ClassVar[frozenset[str]] = frozenset({"patterns", "scope"})
    patterns: tuple[re.Pattern[str], ...]

    def configure(self, spec: RuleSpec) -> None:
        self.read_scope(spec)
        self.patterns = self.read_patterns(spec, "patterns")


class RequireRule(_PatternsRule):
    """Each of ``patterns`` must match somewhere in ``scope`` (a missing scope is not judged)."""

    def check(self, context: RuleContext) -> Iterable[Finding]:
        text = context.views.scope(self.scope)
        if text is None:
            return
        for pattern in self.patterns:
            if not (text.may_match(pattern) and any(pattern.search(piece) for piece in text.texts)):
                yield Finding(scope_span(context.report, text.pieces), {"pattern": pattern.pattern})


class ForbidRule(_PatternsRule):
    """No match of ``patterns`` may appear in ``scope``."""

    def check(self, context: RuleContext) -> Iterable[Finding]:
        text = context.views.scope(self.scope)
        candidates = [pattern for pattern in self.patterns if text is not None and text.may_match(pattern)]
        if text is None or not candidates:
            return
        for index, piece in enumerate(text.texts):
            for pattern in candidates:
                for match in pattern.finditer(piece):
                    if match.end() > match.start():
                        yield Finding(
                            text.span_of(index, match.start(), match.end()),
                            {"found": match.group(0)},
                            actual=match.group(0),
                        )


class SubstituteRule(_ScopedRule):
    """A wrong wording (``wrong``, a regex) and its replacement (``right``, may use \\1 or \\g<name>)."""

    keys: ClassVar[frozenset[str]] = frozenset({"wrong", "right", "scope"})
    fixable: ClassVar[bool] = True
    wrong: re.Pattern[str]
    right: str

    def configure(self, spec: RuleSpec) -> None:
        self.read_scope(spec)
        self.wrong = spec.regex("wrong", spec.require("wrong", str, "正则表达式"))
        self.right = spec.require("right", str, "替换文本")
        try:
            self.wrong.sub(self.right, "")  # parses the replacement template now, group numbers included
        except (re.error, IndexError) as problem:
            raise spec.error(("right",), f"替换文本无效：{problem}") from None

    def check(self, context: RuleContext) -> Iterable[Finding]:
        text = context.views.scope(self.scope)
        if text is None or not text.may_match(self.wrong):
            return
        for index, piece in enumerate(text.texts):
            for match in self.wrong.finditer(piece):
                if match.end() == match.start():
                    continue
                try:
                    replacement = match.expand(self.right)
                except (re.error, IndexError):
                    replacement = self.right
                found = match.group(0)
                yield Finding(
                    text.span_of(index, match.start(), match.end()),
                    {"found": found, "replacement": replacement},
                    expected=replacement,
                    actual=found,
                    fixes=(replacement,),
                )
