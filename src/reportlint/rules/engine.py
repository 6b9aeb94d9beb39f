"""Run the rules over a Report: load them from plugins and local folders, select, check, filter.

The engine owns the list of diagnostics: rules return findings, the engine makes the frozen
Diagnostic objects (code, name, severity, source from the registry, never from the rule), so no
plugin can change another's results. A rule that raises becomes one RL900 diagnostic naming the
rule and its plugin; every other rule still runs.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from reportlint.config import Config, ConfigError
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report, Span
from reportlint.parse.template import load_template
from reportlint.plugins.host import PluginHost
from reportlint.rules.base import Finding, RuleCase, RuleContext, RuleMeta, format_message
from reportlint.rules.formats import fits_format
from reportlint.rules.registry import RegisteredRule, Registry
from reportlint.rules.selection import is_selected, matches_any, most_specific
from reportlint.rules.views import ReportViews
from reportlint.rules.yamlrule import YamlRule

CRASH_CODE = "RL900"
CRASH_NAME = "internal.rule-crashed"
TRUNCATED_CODE = "RL901"
TRUNCATED_NAME = "internal.too-many-diagnostics"


@dataclass(frozen=True)
class RuleInfo:
    """What ``reportlint rules`` / ``reportlint rule CODE`` show about a rule.

    ``severity`` is the effective severity under the configuration; ``default_severity`` the
    rule's own.
    """

    code: str
    name: str
    severity: Severity
    kind: str
    description: str
    basis: str | None
    message: str
    source: str
    path: Path | None
    tests: tuple[RuleCase, ...]
    sets: tuple[str, ...]
    default_severity: Severity
    default: bool = True
    fixable: bool = False


def _info(meta: RuleMeta, severity: Severity) -> RuleInfo:
    return RuleInfo(
        code=meta.code,
        name=meta.name,
        severity=severity,
        kind=meta.kind,
        description=meta.description,
        basis=meta.basis,
        message=meta.message,
        source=meta.source,
        path=meta.path,
        tests=meta.tests,
        sets=meta.sets,
        default_severity=meta.severity,
        default=meta.default,
        fixable=meta.fixable,
    )


def _load_registry(host: PluginHost, config: Config) -> Registry:
    from reportlint.rules.kinds import BUILTIN_KINDS

    kinds: dict[str, type[YamlRule]] = dict(BUILTIN_KINDS)
    for plugin, extra in host.call_each("reportlint_rule_kinds"):
        for name, kind in dict(extra).items():
            if name in kinds:
                raise ConfigError(f"插件 {plugin} 注册的规则类型 {name} 已存在")
            if not (isinstance(kind, type) and issubclass(kind, YamlRule)):
                raise ConfigError(f"插件 {plugin} 注册的规则类型 {name} 不是 YamlRule 的子类")
            kinds[name] = kind
    registry = Registry(kinds)
    for plugin, folders in host.call_each("reportlint_rule_dirs"):
        for folder in folders:
            registry.load_folder(folder, plugin)
    for folder in config.rule_dirs:
        registry.load_folder(folder, "local")
    for plugin, classes in host.call_each("reportlint_rules"):
        registry.add_classes(classes, plugin)
    return registry


class Linter:
    """Every known rule, the selected ones, and ``lint`` to run them over one report."""

    def __init__(self, host: PluginHost, config: Config | None = None) -> None:
        self.host = host
        self.config = config or Config()
        self._entries: dict[str, RegisteredRule] = _load_registry(host, self.config).rules
        self.warnings: list[str] = list(host.warnings)
        self._check_selectors()
        self._severity = {
            code: most_specific(self.config.severity, entry.meta) or entry.meta.severity
            for code, entry in self._entries.items()
        }
        self.rules: Mapping[str, RuleInfo] = {
            code: _info(entry.meta, self._severity[code]) for code, entry in sorted(self._entries.items())
        }
        self._selected = [
            entry
            for code, entry in sorted(self._entries.items())
            if is_selected(entry.meta, self.config.select, self.config.extend_select, self.config.ignore)
        ]
        self._selected_codes = {entry.meta.code for entry in self._selected}
        no_options: Mapping[str, object] = MappingProxyType({})
        self._options: dict[str, Mapping[str, object]] = {
            entry.meta.code: MappingProxyType(merged) if merged else no_options
            for entry in self._selected
            for merged in ({**entry.meta.options, **self.config.rule_options.get(entry.meta.code, {})},)
        }  # merged once: the same read-only options serve every report (one object for "none")
        self._template = load_template()

    def _check_selectors(self) -> None:
        metas = [entry.meta for entry in self._entries.values()]
        for selector in (*self.config.select, *self.config.extend_select):
            if not any(matches_any((selector,), meta) for meta in metas):
                raise ConfigError(
                    f"select 中的 {selector} 不对应任何规则（用 reportlint rules 查看全部规则）"
                )
        others = (
            *self.config.ignore,
            *self.config.severity,
            *(c for v in self.config.per_file_ignores.values() for c in v),
        )
        for selector in others:
            if not any(matches_any((selector,), meta) for meta in metas):
                self.warnings.append(f"配置中的 {selector} 不对应任何已知规则，已忽略")

    def selected(self) -> list[RuleInfo]:
        """The rules that run, in code order."""
        return [self.rules[entry.meta.code] for entry in self._selected]

    def _file_ignores(self, path: str) -> tuple[str, ...]:
        posix = PurePosixPath(path.replace("\\", "/"))
        found: list[str] = []
        for pattern, codes in self.config.per_file_ignores.items():
            if (
                fnmatch.fnmatch(str(posix), pattern)
                or fnmatch.fnmatch(posix.name, pattern)
                or posix.match(pattern)
            ):
                found.extend(codes)
        return tuple(found)

    def lint(self, report: Report) -> list[Diagnostic]:
        """Diagnostics of the selected rules for one report, filtered and sorted."""
        ignored_here = self._file_ignores(report.path)
        views = ReportViews(report)
        decoded = decoded_spans(report)
        diagnostics: list[Diagnostic] = []
        contexts: dict[int, RuleContext] = {}  # rules with the same options share one context
        for entry in self._selected:
            meta = entry.meta
            if ignored_here and matches_any(ignored_here, meta):
                continue
            options = self._options[meta.code]
            try:
                if not (fits_format(meta.sets, report) and entry.rule.applies(report)):
                    continue
                context = contexts.get(id(options))
                if context is None:
                    context = contexts[id(options)] = RuleContext(report, options, self._template, views)
                findings = list(entry.rule.check(context))
                made = [self._diagnostic(meta, finding, report.path, decoded) for finding in findings]
            except Exception as error:  # a crashing rule must not stop the others
                crash = self._crash(meta, error, report)
                if crash is not None:
                    diagnostics.append(crash)
                continue
            diagnostics.extend(made)
        diagnostics.sort(key=Diagnostic.sort_key)
        return self._capped(diagnostics, report.path)

    def _capped(self, diagnostics: list[Diagnostic], path: str) -> list[Diagnostic]:
        """At most ``max-diagnostics`` findings, then one RL901 saying how many were left out,
        so a pathological file cannot flood the output (or memory, over thousands of files)."""
        limit = self.config.max_diagnostics
        if len(diagnostics) <= limit:
            return diagnostics
        cut = len(diagnostics) - limit
        summary = Diagnostic(
            path=path,
            code=TRUNCATED_CODE,
            name=TRUNCATED_NAME,
            severity=Severity.WARNING,
            message=f"本文件共发现 {len(diagnostics)} 个问题，超过上限 {limit}（配置项 max-diagnostics），"
            f"其余 {cut} 个未列出",
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            source="reportlint",
        )
        return [*diagnostics[:limit], summary]

    def admit(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """Apply selection, per-file ignores and severity overrides to diagnostics made outside
        the rules (input errors from loaders, cross-year checks of a batch), so that the user's
        configuration governs every code alike. Codes no rule documents pass unchanged."""
        admitted: list[Diagnostic] = []
        for diagnostic in diagnostics:
            entry = self._entries.get(diagnostic.code)
            if entry is None:
                admitted.append(diagnostic)
                continue
            if diagnostic.code not in self._selected_codes:
                continue
            ignored_here = self._file_ignores(diagnostic.path)
            if ignored_here and matches_any(ignored_here, entry.meta):
                continue
            severity = self._severity[diagnostic.code]
            admitted.append(
                diagnostic if severity is diagnostic.severity else replace(diagnostic, severity=severity)
            )
        return admitted

    def _diagnostic(
        self, meta: RuleMeta, finding: Finding, path: str, decoded: frozenset[Span] = frozenset()
    ) -> Diagnostic:
        if not isinstance(finding, Finding):
            raise TypeError(f"check() 应产生 Finding，却产生了 {type(finding).__name__}")
        template = meta.messages.get(finding.variant or "", meta.message) if finding.variant else meta.message
        message = finding.message or format_message(template, finding.params)
        span = finding.span
        if decoded and (span in decoded or any(other in decoded for other in finding.related)):
            message += DECODED_NOTE
        severity = self._severity[meta.code]
        if finding.softer is not None and finding.softer.rank < severity.rank:
            severity = finding.softer
        return Diagnostic(
            path=path,
            code=meta.code,
            name=meta.name,
            severity=severity,
            message=message,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            locator=tuple(finding.locator),
            expected=finding.expected,
            actual=finding.actual,
            related=tuple((s.line, s.column, s.end_line, s.end_column) for s in finding.related),
            basis=meta.basis,
            source=meta.source,
            fixes=tuple(finding.fixes),
            fix_elsewhere=tuple(
                (s.line, s.column, s.end_line, s.end_column, text) for s, text in finding.fix_elsewhere
            ),
        )

    def _crash(self, meta: RuleMeta, error: Exception, report: Report) -> Diagnostic | None:
        detail = f"{type(error).__name__}: {error}"
        self.warnings.append(f"规则 {meta.code}（插件 {meta.source}）检查 {report.path} 时出错：{detail}")
        crash_rule = self._entries.get(CRASH_CODE)
        ignores = (*self.config.ignore, *self._file_ignores(report.path))
        if crash_rule is not None and matches_any(ignores, crash_rule.meta):
            return None  # shown whatever is selected, unless RL900 itself is ignored
        span = Span.on_line(1, 1, 0)
        return Diagnostic(
            path=report.path,
            code=CRASH_CODE,
            name=CRASH_NAME,
            severity=Severity.ERROR,
            message=f"规则 {meta.code}（{meta.name}，插件 {meta.source}）运行出错，未能完成检查：{detail}",
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            source=meta.source,
        )


DECODED_NOTE = "（所涉单元格按表内勾稽关系推定得出：原文的数字连写在一起或丢失了空白单元格，请对照原表核实）"


def decoded_spans(report: Report) -> frozenset[Span]:
    """Where the cells cut from run-together figures (or put back among a row's dropped blank
    cells) are: a message about one says so."""
    return frozenset(
        cell.span for table in report.tables.values() for cell in table.cells.values() if cell.decoded
    )


def lint_report(report: Report, host: PluginHost, config: Config | None = None) -> list[Diagnostic]:
    """All diagnostics for one parsed report, sorted (builds a Linter: reuse one for many files)."""
    return Linter(host, config).lint(report)
