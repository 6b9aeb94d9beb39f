"""Load one YAML rule file and validate its common keys, with errors naming file, line and key."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlint.config import ConfigError
from reportlint.diagnostics import CODE_PATTERN, Severity
from reportlint.rules.base import RuleCase, RuleMeta
from reportlint.rules.guard import Guard
from reportlint.rules.regexsafety import UnsafePattern, compile_pattern
from reportlint.rules.yamldoc import Path_, YamlDoc, YamlSyntaxError, load_yaml

COMMON_KEYS = frozenset(
    {
        "code",
        "name",
        "kind",
        "severity",
        "message",
        "messages",
        "description",
        "basis",
        "sets",
        "options",
        "when",
        "tests",
        "default",
    }
)
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")


@dataclass(frozen=True)
class RuleSpec:
    """A validated YAML rule: its metadata, guard and the raw kind-specific keys."""

    meta: RuleMeta
    guard: Guard | None
    body: Mapping[str, Any]
    doc: YamlDoc
    where: str
    shipped: bool = False  # one of reportlint's own rules (patterns walked by the tests)

    def error(self, path: Path_, problem: str) -> ConfigError:
        """A ConfigError pointing at ``file:line`` and the dotted key."""
        return spec_error(self.where, self.doc, path, problem)

    def require(self, key: str, kind: type | tuple[type, ...], what: str) -> Any:
        """A required kind-specific key of the given type."""
        if key not in self.body:
            raise self.error((key,), f"缺少必需的键（{what}）")
        return self.optional(key, kind, what, None)

    def optional(self, key: str, kind: type | tuple[type, ...], what: str, default: Any) -> Any:
        """An optional kind-specific key of the given type."""
        value = self.body.get(key, default)
        wrong_bool = isinstance(value, bool) and kind is int
        if value is not default and (not isinstance(value, kind) or wrong_bool):
            raise self.error((key,), f"类型错误，应为{what}")
        return value

    def strings(self, key: str, what: str, *, required: bool = False) -> tuple[str, ...]:
        """A string or a list of strings."""
        if required and key not in self.body:
            raise self.error((key,), f"缺少必需的键（{what}）")
        value = self.body.get(key, ())
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise self.error((key,), f"类型错误，应为{what}的列表")
        return tuple(str(v) for v in value)

    def regex(self, key: str, pattern: str, index: int | None = None) -> re.Pattern[str]:
        """A regular expression compiled now, refusing patterns that can backtrack without end."""
        path: Path_ = (key,) if index is None else (key, index)
        try:
            return compile_pattern(pattern, walk=not self.shipped)
        except UnsafePattern as problem:
            raise self.error(path, problem.message) from None


def spec_error(where: str, doc: YamlDoc, path: Path_, problem: str) -> ConfigError:
    """The one message shape for rule-file problems."""
    key = ".".join(str(part) for part in path) or "（文件）"
    return ConfigError(f"规则文件错误 {where}:{doc.line_of(path)} 键 {key}：{problem}")


def _text(doc: YamlDoc, where: str, data: Mapping[str, Any], key: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise spec_error(where, doc, (key,), "缺少必需的键")
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise spec_error(where, doc, (key,), "应为文本")
    return str(value)


def _cases(doc: YamlDoc, where: str, value: Any) -> tuple[RuleCase, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise spec_error(where, doc, ("tests",), "应为用例列表（每项 pass: 文本 或 fail: 文本 + expect）")
    cases: list[RuleCase] = []
    for index, item in enumerate(value):
        path: Path_ = ("tests", index)
        if not isinstance(item, Mapping) or ("pass" in item) == ("fail" in item):
            raise spec_error(where, doc, path, "每个用例须恰有 pass 或 fail 之一")
        unknown = set(item) - {"pass", "fail", "expect"}
        if unknown:
            raise spec_error(
                where, doc, (*path, sorted(unknown)[0]), "未知的用例键（可用：pass、fail、expect）"
            )
        text = item.get("pass", item.get("fail"))
        if not isinstance(text, str):
            raise spec_error(where, doc, path, "用例文本应为字符串")
        expect = item.get("expect", [])
        if not isinstance(expect, list) or not all(isinstance(e, str) for e in expect):
            raise spec_error(where, doc, (*path, "expect"), "应为 代码 或 代码:行号 的列表")
        if "pass" in item and expect:
            raise spec_error(where, doc, (*path, "expect"), "pass 用例不应有 expect")
        cases.append(RuleCase(text, "pass" in item, tuple(expect)))
    return tuple(cases)


@lru_cache(maxsize=4096)
def parse_rule(
    text: str, where: str, source: str, path: Path | None = None, *, shipped: bool = False
) -> RuleSpec:
    """Validate the common keys of one rule file's text.

    Cached per process by content: pure-Python YAML parsing costs ~1–2 ms per rule file, and
    tests, ``--jobs`` workers and API users build several Linters over the same rule files.
    """
    try:
        doc = load_yaml(text)
    except YamlSyntaxError as error:
        raise ConfigError(f"规则文件错误 {where}:{error.line}：{error.message}") from None
    data = doc.data
    if not isinstance(data, Mapping):
        raise spec_error(where, doc, (), "规则文件的顶层应为映射（code: …, kind: … ）")
    code = _text(doc, where, data, "code")
    if not CODE_PATTERN.match(code):
        raise spec_error(where, doc, ("code",), f"规则代码 {code!r} 应为 2–4 个大写字母加 3 位数字，如 NU001")
    if path is not None and path.stem != code:
        raise spec_error(where, doc, ("code",), f"文件名应与规则代码一致（{code}.yaml）")
    name = _text(doc, where, data, "name")
    if not NAME_PATTERN.match(name):
        raise spec_error(
            where, doc, ("name",), f"名称 {name!r} 应为带点的小写名称，如 numeric.applications-balance"
        )
    try:
        severity = Severity.parse(_text(doc, where, data, "severity"))
    except ValueError:
        raise spec_error(where, doc, ("severity",), "严重级别应为 error、warning 或 info") from None
    sets = data.get("sets", [])
    if not isinstance(sets, list) or not all(isinstance(s, str) for s in sets):
        raise spec_error(where, doc, ("sets",), "应为规则集名称的列表，如 [national-2021]")
    messages = data.get("messages", {})
    if not isinstance(messages, Mapping) or not all(isinstance(v, str) for v in messages.values()):
        raise spec_error(where, doc, ("messages",), "应为 名称: 消息模板 的映射")
    options = data.get("options", {})
    if not isinstance(options, Mapping):
        raise spec_error(where, doc, ("options",), "应为映射")
    default = data.get("default", True)
    if not isinstance(default, bool):
        raise spec_error(where, doc, ("default",), "应为 true 或 false")
    guard = None
    if data.get("when") is not None:
        try:
            guard = Guard.from_mapping(data["when"])
        except ValueError as problem:
            raise spec_error(where, doc, ("when", *problem.args[1:]), str(problem.args[0])) from None
    kind = _text(doc, where, data, "kind")
    meta = RuleMeta(
        code=code,
        name=name,
        severity=severity,
        kind=kind,
        message=_text(doc, where, data, "message", required=kind != "input"),
        description=_text(doc, where, data, "description", required=False).strip(),
        basis=_text(doc, where, data, "basis", required=False) or None,
        sets=tuple(sets),
        tests=_cases(doc, where, data.get("tests")),
        messages={str(k): v for k, v in messages.items()},
        options=dict(options),
        default=default,
        source=source,
        path=path,
    )
    body = {key: value for key, value in data.items() if key not in COMMON_KEYS}
    return RuleSpec(meta, guard, body, doc, where, shipped)
