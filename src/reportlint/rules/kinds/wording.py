"""Kinds ``require``, ``forbid`` and ``substitute``: regular expressions over a text scope.

Patterns are compiled when the rule is loaded (refusing catastrophic ones, see regexsafety) and
matched line by line, so each finding points at the exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Span
from reportlint.rules.base import Finding, RuleContext
from reportlint.rules.schema import RuleSpec
from reportlint.rules.scopes import SCOPE_HELP, SCOPE_PATTERN, scope_span
from reportlint.rules.views import ScopeText
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
    """Each of ``patterns`` must match somewhere in ``scope`` (a missing scope is not judged).

    ``given`` (a regex): judged only when it matches in ``scope``, so a rule about the details of
    a statement stays silent where another rule reports the statement missing (one cause, one
    finding). ``elsewhere`` (a scope): a statement found there though not in ``scope`` is in
    the wrong place, a warning (message ``messages.elsewhere``) at where it is; ``elsewhere_patterns``
    (default ``patterns``) say what counts as the statement there.
    """

    keys: ClassVar[frozenset[str]] = _PatternsRule.keys | {"given", "elsewhere", "elsewhere_patterns"}
    given: re.Pattern[str] | None
    elsewhere: str | None
    elsewhere_patterns: tuple[re.Pattern[str], ...]

    def configure(self, spec: RuleSpec) -> None:
        super().configure(spec)
        given = spec.optional("given", str, "正则表达式", None)
        self.given = spec.regex("given", given) if given is not None else None
        self.elsewhere = spec.optional("elsewhere", str, SCOPE_HELP, None)
        if self.elsewhere is not None and not SCOPE_PATTERN.match(self.elsewhere):
            raise spec.error(("elsewhere",), f"未知的范围（可用：{SCOPE_HELP}）")
        own = "elsewhere_patterns" in spec.body
        self.elsewhere_patterns = self.read_patterns(spec, "elsewhere_patterns") if own else self.patterns
        if own and len(self.elsewhere_patterns) != len(self.patterns):
            raise spec.error(("elsewhere_patterns",), "应与 patterns 一一对应")

    def check(self, context: RuleContext) -> Iterable[Finding]:
        text = context.views.scope(self.scope)
        if text is None:
            return
        if self.given is not None and not _found(self.given, text):
            return
        for pattern, there in zip(self.patterns, self.elsewhere_patterns, strict=True):
            if _found(pattern, text):
                continue
            other = context.views.scope(self.elsewhere) if self.elsewhere is not None else None
            where = _first(there, other) if other is not None else None
            if where is None:
                yield Finding(scope_span(context.report, text.pieces), {"pattern": pattern.pattern})
                continue
            span, found = where
            params = {"pattern": pattern.pattern, "found": found}
            yield Finding(span, params, variant="elsewhere", actual=found, softer=Severity.WARNING)


def _found(pattern: re.Pattern[str], text: ScopeText) -> bool:
    return text.may_match(pattern) and any(pattern.search(piece) for piece in text.texts)


_CLAUSE_END = re.compile(r"[。；;，,！？!?]")


def _first(pattern: re.Pattern[str], text: ScopeText) -> tuple[Span, str] | None:
    """The clause where ``pattern`` first matches in ``text`` (its span and words), or None."""
    if not text.may_match(pattern):
        return None
    for index, piece in enumerate(text.texts):
        match = pattern.search(piece)
        if match is None:
            continue
        start = max((m.end() for m in _CLAUSE_END.finditer(piece, 0, match.start())), default=0)
        after = _CLAUSE_END.search(piece, match.end())
        end = after.start() if after is not None else len(piece)
        while start < end and piece[start].isspace():
            start += 1
        return text.span_of(index, start, end), piece[start:end].rstrip()
    return None


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
