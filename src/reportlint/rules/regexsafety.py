"""Compile rule-pack regular expressions once, refusing ones that can backtrack without end.

A hostile or careless rule pack could ship ``(a+)+$`` and hang the linter on one line. We walk
the parsed pattern and refuse an unbounded repeat nested inside another unbounded repeat, and
back-references (which defeat any bound), and alternation of more than single characters inside an
unbounded repeat (``(a|a)*``, exponential for the same reason); everything else matches in
polynomial time on the single lines rules are matched against.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # type: ignore[import-not-found,unused-ignore]
import re._parser as sre_parser  # type: ignore[import-not-found,unused-ignore]
from typing import Any

MAX_PATTERN_LENGTH = 2000
_REPEATS = {
    sre_constants.MAX_REPEAT,
    sre_constants.MIN_REPEAT,
    getattr(sre_constants, "POSSESSIVE_REPEAT", None),
}
_BACKREFS = {sre_constants.GROUPREF, getattr(sre_constants, "GROUPREF_EXISTS", None)}


class UnsafePattern(Exception):
    """A pattern refused at load time; ``message`` is Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _children(op: Any, arg: Any) -> list[Any]:
    """The sub-patterns below one parsed node."""
    if op in _REPEATS:
        return [arg[2]]
    if op == sre_constants.SUBPATTERN:
        return [arg[-1]]
    if op == sre_constants.BRANCH:
        return list(arg[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [arg[1]]
    return []


def _check(items: Any, inside_unbounded: bool) -> None:
    for op, arg in items:
        if op in _BACKREFS:
            raise UnsafePattern("正则表达式不允许使用反向引用")
        unbounded = op in _REPEATS and arg[1] == sre_constants.MAXREPEAT
        if unbounded and inside_unbounded:
            raise UnsafePattern("正则表达式含嵌套的无界重复（如 (a+)+），可能导致回溯失控，已拒绝")
        if op == sre_constants.BRANCH and inside_unbounded:
            # (a|a)*b takes 38 s on 28 characters: alternatives that can match the same text,
            # repeated, backtrack exponentially. Single characters (a|b) compile to a set instead.
            raise UnsafePattern(
                "正则表达式在无界重复中使用多字符的分支（如 (a|ab)*），可能导致回溯失控，已拒绝；"
                "请改用字符集 [ab] 或去掉外层的 * / +"
            )
        for child in _children(op, arg):
            _check(child, inside_unbounded or unbounded)


def compile_pattern(pattern: str, *, walk: bool = True) -> re.Pattern[str]:
    """The compiled pattern; raises UnsafePattern for invalid or dangerous patterns.

    ``walk=False`` skips the walk for the rules shipped with reportlint, whose patterns the test
    suite walks instead: parsing every pattern twice was a fifth of each start-up.
    """
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"正则表达式过长（超过 {MAX_PATTERN_LENGTH} 个字符）")
    try:
        parsed = sre_parser.parse(pattern) if walk else None
        compiled = re.compile(pattern)
    except re.error as error:
        raise UnsafePattern(f"无效的正则表达式：{error}") from None
    if parsed is not None:
        _check(parsed, False)
    return compiled
