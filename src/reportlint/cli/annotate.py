"""``reportlint annotate REPORT.docx -o REPORT.checked.docx``: the findings as Word comments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.cli.common import EXIT_CLEAN, EXIT_FINDINGS, SEVERITY_NAMES, UsageError

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.plugins.host import PluginHost


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``annotate`` and its options."""
    annotate = commands.add_parser("annotate", parents=[common], help="把问题作为批注写入 Word 文档的副本")
    annotate.add_argument("path", metavar="REPORT.docx", help="要检查的 .docx 报告（不会被改写）")
    annotate.add_argument("--output", "-o", type=Path, required=True, help="带批注的副本写到这里")
    annotate.add_argument(
        "--fail-on", choices=SEVERITY_NAMES, help="达到该级别的问题使退出状态为 1（默认 error）"
    )
    annotate.add_argument("-q", "--quiet", action="store_true", help="不输出汇总行")


def run(args: argparse.Namespace, host: PluginHost, config: Config) -> int:
    """Check the .docx, write the commented copy, say how many comments it holds."""
    from reportlint.annotate import AnnotateError, annotated
    from reportlint.annotate.check import needs_docx
    from reportlint.cli.common import read_input, write_bytes
    from reportlint.diagnostics import Severity

    path: str = args.path
    if not path.lower().endswith((".docx", ".docm")):
        raise UsageError(needs_docx(path))
    data = read_input(path, config)
    try:
        output, diagnostics, comments = annotated(path, data, host, config)
    except AnnotateError as error:
        raise UsageError(error.message) from None
    write_bytes(output, args.output, path, "--output")
    if not args.quiet:
        print(f"已写入 {args.output}：{comments} 条批注（作者 reportlint）", file=sys.stderr)
        if comments < len(diagnostics):
            print(
                f"另有 {len(diagnostics) - comments} 条问题在文档中找不到可加批注的段落，"
                f"请用 `reportlint check {path}` 查看",
                file=sys.stderr,
            )
    fail_on = config.fail_on or Severity.ERROR
    return EXIT_FINDINGS if any(d.severity.rank >= fail_on.rank for d in diagnostics) else EXIT_CLEAN
