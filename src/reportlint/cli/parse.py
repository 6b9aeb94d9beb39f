"""``reportlint parse FILE``: the model as the parser read it, as JSON or a tree."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from reportlint.cli.common import EXIT_CLEAN, emit

if TYPE_CHECKING:
    from reportlint.plugins.host import PluginHost


def add_parser(commands: Any) -> None:
    """Add ``parse``."""
    parse = commands.add_parser("parse", help="输出报告的解析模型")
    parse.add_argument("path")
    parse.add_argument("--format", default="json", choices=["json", "tree"])
    parse.add_argument("-v", "--verbose", action="store_true", help="出错时显示完整的调用栈")


def run(args: argparse.Namespace, host: PluginHost) -> int:
    """Parse one file and print its model."""
    from reportlint.api import parse_path
    from reportlint.store.serialize import report_to_dict, report_to_tree

    report = parse_path(args.path, host)
    if args.format == "tree":
        emit(report_to_tree(report))
    else:
        emit(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
    return EXIT_CLEAN
