"""``reportlint rules`` and ``reportlint rule CODE``: the rule list and one rule's documentation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reportlint.cli.common import EXIT_CLEAN, UsageError, emit

if TYPE_CHECKING:
    from reportlint.rules.engine import Linter, RuleInfo


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``rules`` and ``rule``."""
    commands.add_parser("rules", parents=[common], help="列出全部规则")
    rule = commands.add_parser("rule", parents=[common], help="显示一条规则的说明")
    rule.add_argument("code", metavar="CODE")


def run(args: argparse.Namespace, linter: Linter) -> int:
    """Print the table of rules, or one rule's documentation."""
    if args.command == "rules":
        emit(rules_table(linter))
        return EXIT_CLEAN
    return _rule_doc(linter, args.code)


def rules_table(linter: Linter) -> str:
    """Code, name, severity, source and whether selected, one rule a line."""
    from reportlint.formatters.display import display_width

    selected = {info.code for info in linter.selected()}
    header = ("代码", "名称", "级别", "来源", "启用")
    rows = [header] + [
        (info.code, info.name, info.severity.value, info.source, "是" if info.code in selected else "否")
        for _, info in sorted(linter.rules.items())
    ]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    lines.append(f"共 {len(linter.rules)} 条规则，启用 {len(selected)} 条")
    return "\n".join(lines) + "\n"


def _rule_doc(linter: Linter, code: str) -> int:
    info = linter.rules.get(code.strip().upper())
    if info is None:
        raise UsageError(f"没有规则 {code!r}（用 `reportlint rules` 查看全部规则代码）")
    emit(rule_documentation(info))
    return EXIT_CLEAN


def rule_documentation(info: RuleInfo) -> str:
    """The text of ``reportlint rule CODE``: name, severity, description, basis, examples."""
    lines = [f"{info.code}  {info.name}", f"级别：{info.severity.value}    来源：{info.source}"]
    if info.sets:
        lines.append(f"规则集：{'、'.join(info.sets)}")
    if info.message:
        lines.append(f"提示信息：{info.message}")
    lines.append(
        "可自动修复：是（reportlint fix 会改正，检查结果中标为 [*]）" if info.fixable else "可自动修复：否"
    )
    lines += ["", info.description.strip() or "（无说明）"]
    if info.basis:
        lines += ["", f"依据：{info.basis}"]
    for case in sorted(info.tests, key=lambda case: case.passes):
        label = "合规示例" if case.passes else f"不合规示例（应报告 {'、'.join(case.expect) or info.code}）"
        lines += ["", f"{label}：", *(f"    {line}" for line in case.text.splitlines())]
    return "\n".join(lines) + "\n"
