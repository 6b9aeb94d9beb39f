"""``reportlint fix FILE -o OUT`` (or ``--diff``, ``--in-place``): the safe fixes rules declare."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.cli.common import EXIT_CLEAN, EXIT_FINDINGS, SEVERITY_NAMES, UsageError

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.fix import FixOutcome
    from reportlint.plugins.host import PluginHost


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``fix`` and its options."""
    fix = commands.add_parser("fix", parents=[common], help="自动修复不会改变内容的问题（.txt、.docx）")
    fix.add_argument("path", metavar="FILE", help="要修复的报告（.txt 或 .docx）")
    where = fix.add_mutually_exclusive_group(required=True)
    where.add_argument("--output", "-o", type=Path, help="修复后的文件写到这里（原文件不变）")
    where.add_argument("--diff", action="store_true", help="只显示修改（统一差异格式），不写文件")
    where.add_argument("--in-place", action="store_true", help="直接替换原文件（原子替换）")
    fix.add_argument("--fail-on", choices=SEVERITY_NAMES, help="修复后仍有达到该级别的问题时退出状态为 1")
    fix.add_argument("-q", "--quiet", action="store_true", help="不输出修复汇总")


def run(args: argparse.Namespace, host: PluginHost, config: Config) -> int:
    """Fix one file; the exit status says whether findings at --fail-on remain."""
    from reportlint.cli.common import read_input, write_bytes
    from reportlint.diagnostics import Severity
    from reportlint.fix import FixError, fix_bytes

    path: str = args.path
    data = read_input(path, config)
    try:
        outcome = fix_bytes(path, data, host, config)
    except FixError as error:
        raise UsageError(error.message) from None
    if args.diff:
        sys.stdout.write(unified_diff(path, outcome))
    elif args.in_place:
        if outcome.applied:
            _replace(Path(path), outcome.data)
    else:
        write_bytes(outcome.data, args.output, path, "--output", "（要改写原文件请用 --in-place）")
    if not args.quiet:
        print(summary(outcome, path), file=sys.stderr)
    fail_on = config.fail_on or Severity.ERROR
    failing = any(d.severity.rank >= fail_on.rank for d in outcome.remaining)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _replace(target: Path, data: bytes) -> None:
    from reportlint.store.atomic import replace_atomically

    try:
        replace_atomically(target, data, mode=os.stat(target).st_mode & 0o7777)
    except OSError as error:
        raise UsageError(f"无法改写 {target}：{error.strerror or error}（--in-place）") from None


def unified_diff(path: str, outcome: FixOutcome) -> str:
    """The change as a unified diff of the report's text (for a .docx, of its paragraphs and cells)."""
    lines = difflib.unified_diff(
        outcome.before.splitlines(keepends=True),
        outcome.after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    )


def summary(outcome: FixOutcome, path: str) -> str:
    """What was fixed, what was left out and why, and how many findings remain (Chinese)."""
    findings = len({id(edit.diagnostic) for edit in outcome.applied})
    places = len(outcome.applied)
    lines = [f"{path}：修复了 {findings} 个问题" + (f"（{places} 处修改）" if places != findings else "")]
    lines += [f"  {e.line}:{e.column} {e.diagnostic.code} 「{e.old}」→「{e.new}」" for e in outcome.applied]
    if outcome.refused:
        lines.append(f"未修复 {len(outcome.refused)} 个可修复的问题：")
        lines += [
            f"  {e.line}:{e.column} {e.diagnostic.code} 「{e.old}」：{why}" for e, why in outcome.refused
        ]
    remaining = len(outcome.remaining)
    lines.append(
        f"仍有 {remaining} 个问题需要人工处理（用 reportlint check 查看）"
        if remaining
        else "修复后未发现问题"
    )
    return "\n".join(lines)
