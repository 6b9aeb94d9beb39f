"""Command line: arguments → config → api → formatter → exit status. (Minimal until the CLI lands.)"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict

from reportlint import __version__


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportlint", description="政府信息公开工作年度报告合规检查工具")
    parser.add_argument("--version", action="version", version=f"reportlint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查报告")
    check.add_argument("paths", nargs="+")
    check.add_argument("--format", default="text", choices=["text", "json"])
    parse = commands.add_parser("parse", help="输出报告的解析模型")
    parse.add_argument("path")
    parse.add_argument("--format", default="json", choices=["json", "tree"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportlint`` command; returns the exit status."""
    args = _build_parser().parse_args(argv)
    from reportlint.api import lint_path, parse_path
    from reportlint.load import InputError
    from reportlint.plugins.host import create_host

    host = create_host()
    if args.command == "parse":
        from reportlint.serialize import report_to_dict, report_to_tree

        try:
            report = parse_path(args.path, host)
        except InputError as error:
            print(f"reportlint: {error.message}", file=sys.stderr)
            return 2
        if args.format == "tree":
            print(report_to_tree(report))
        else:
            print(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
        return 0
    results = [lint_path(path, host) for path in args.paths]
    diagnostics = [d for result in results for d in result.diagnostics]
    if args.format == "json":
        print(
            json.dumps([{**asdict(d), "severity": d.severity.value} for d in diagnostics], ensure_ascii=False)
        )
    else:
        for d in diagnostics:
            print(f"{d.path}:{d.line}:{d.column}: {d.code} {d.severity.value} {d.message}")
    return 1 if any(d.severity.rank >= 2 for d in diagnostics) else 0
