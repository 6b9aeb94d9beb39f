"""What a rule is: metadata, the context it checks, and the findings it returns.

Rules return ``Finding`` objects, never ``Diagnostic`` objects: the engine turns findings into
frozen diagnostics (adding code, severity overrides, locator defaults and the source plugin), so a
rule cannot forge another rule's code or change another plugin's results.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from reportlint.diagnostics import Severity
from reportlint.model import Report, Span
from reportlint.parse.template import Template, load_template
from reportlint.rules.guard import Guard
from reportlint.rules.views import ReportViews


@dataclass(frozen=True, slots=True)
class RuleCase:
    """One embedded example: text that must pass, or must fail with the listed codes/lines.

    ``expect`` entries are ``"CODE"`` or ``"CODE:LINE"``.
    """

    text: str
    passes: bool
    expect: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """Everything about a rule except its check: shown by ``reportlint rule CODE``."""

    code: str
    name: str
    severity: Severity
    kind: str
    message: str
    description: str = ""
    basis: str | None = None
    sets: tuple[str, ...] = ()
    tests: tuple[RuleCase, ...] = ()
    messages: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    default: bool = True
    source: str = "national"
    path: Path | None = None
    fixable: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a rule; the engine turns it into a Diagnostic.

    ``params`` fill the rule's message template; ``variant`` picks a message from the rule's
    ``messages:`` table instead of the main ``message``; ``message`` (when given) is used as is.
    ``softer`` lowers this one finding's severity (a doubtful reading is a warning of an error
    rule); it never raises it above the rule's configured severity.
    """

    span: Span
    params: Mapping[str, object] = field(default_factory=dict)
    variant: str | None = None
    message: str | None = None
    locator: tuple[str, ...] = ()
    expected: str | None = None
    actual: str | None = None
    related: tuple[Span, ...] = ()
    fixes: tuple[str, ...] = ()
    # A finding that stands for several places (one per report) fixes them all: the replacement
    # of each further place, applied together with ``fixes[0]`` at the finding's own span.
    fix_elsewhere: tuple[tuple[Span, str], ...] = ()
    softer: Severity | None = None


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule's check receives: the report, its merged options and the template.

    ``views`` holds what several rules derive from the same report (rules/views.py); the engine
    passes one shared ``ReportViews`` to every rule of a report, so each view is built once.
    """

    report: Report
    options: Mapping[str, Any]
    template: Template
    shared_views: ReportViews | None = field(default=None, repr=False, compare=False)

    @property
    def views(self) -> ReportViews:
        """The shared views of the report (made for this context alone when none were passed)."""
        if self.shared_views is None:
            object.__setattr__(self, "shared_views", ReportViews(self.report))
        assert self.shared_views is not None
        return self.shared_views

    @classmethod
    def for_report(cls, report: Report, options: Mapping[str, Any] | None = None) -> RuleContext:
        """A context with the process-wide template."""
        return cls(report, dict(options or {}), load_template())


class Rule:
    """Base class of every rule. Plugin rules subclass it and set the class attributes.

    ``check`` yields findings; it must not mutate the report. ``applies`` lets a rule skip
    reports it does not concern (a 2019-format report, a report without table 三 …).
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    message: ClassVar[str] = ""
    messages: ClassVar[Mapping[str, str]] = {}
    description: ClassVar[str] = ""
    basis: ClassVar[str | None] = None
    sets: ClassVar[tuple[str, ...]] = ()
    tests: ClassVar[tuple[RuleCase, ...]] = ()
    options: ClassVar[Mapping[str, Any]] = {}
    default: ClassVar[bool] = True
    when: ClassVar[Guard | None] = None
    # True when the rule's findings carry ``fixes``: replacements of the finding's words that
    # cannot change what the report says (``reportlint fix`` applies them, after checking again).
    fixable: ClassVar[bool] = False

    def applies(self, report: Report) -> bool:
        """True when the rule should run on this report (by default: its ``when`` guard allows it)."""
        return self.when is None or self.when.allows(report)

    def check(self, context: RuleContext) -> Iterable[Finding]:
        """The findings for one report."""
        raise NotImplementedError

    @classmethod
    def describe(cls, source: str) -> RuleMeta:
        """The metadata of a Python rule class, read from its class attributes."""
        return RuleMeta(
            code=cls.code,
            name=cls.name,
            severity=cls.severity,
            kind="python",
            message=cls.message,
            description=cls.description or (cls.__doc__ or "").strip(),
            basis=cls.basis,
            sets=tuple(cls.sets),
            tests=tuple(cls.tests),
            messages=dict(cls.messages),
            options=dict(cls.options),
            default=cls.default,
            source=source,
            fixable=cls.fixable,
        )


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def format_message(template: str, params: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders; unknown names stay as written.

    Deliberately not ``str.format``: a rule pack must not reach attributes (``{x.__class__}``).
    """
    return _PLACEHOLDER.sub(
        lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), template
    )
