"""Command line: arguments → config → api → formatter → exit status.

One module per command (``check``, ``annotate``, ``fix``, ``rules``, ``parse``, ``extract``,
``serve``); each adds its sub-parser and runs it. Every failure the user can cause (a bad path,
config, format or rule code) ends with a Chinese message on standard error and exit status 2, never
a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.cli import annotate, check, extract, fix, parse, rules, serve
from reportlint.cli.common import EXIT_ERROR, UsageError, codes, load_config, make_linter, warn

__all__ = ["main"]


class _VersionAction(argparse.Action):
    """``--version``: reportlint's version and every installed plugin's."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from reportlint.plugins.host import create_host

        lines = [f"reportlint {__version__}"]
        lines += [
            f"  插件 {name}: {version}" for name, version in sorted(create_host().plugin_versions().items())
        ]
        print("\n".join(lines))
        parser.exit()


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportlint", description="政府信息公开工作年度报告合规检查工具")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="显示版本（含插件版本）")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="配置文件（pyproject.toml 或 reportlint.toml）")
    common.add_argument("--select", type=codes, help="只启用这些规则代码或前缀，逗号分隔")
    common.add_argument("--ignore", type=codes, help="停用这些规则代码或前缀，逗号分隔")
    common.add_argument("--extend-select", type=codes, help="在默认规则之外再启用这些规则")
    common.add_argument("-v", "--verbose", action="store_true", help="出错时显示完整的调用栈")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check.add_parser(commands, common)
    annotate.add_parser(commands, common)
    fix.add_parser(commands, common)
    rules.add_parsers(commands, common)
    extract.add_parser(commands)
    parse.add_parser(commands)
    serve.add_parser(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportlint`` command; returns the exit status."""
    args = _build_parser().parse_args(argv)
    from reportlint.config import ConfigError
    from reportlint.load import InputError

    try:
        return _dispatch(args)
    except (UsageError, ConfigError, InputError) as error:
        message = getattr(error, "message", None) or str(error)
        print(f"reportlint: 错误：{message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reportlint: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`reportlint check … | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        return EXIT_ERROR
    except Exception as error:  # the last line of defence: a message, not a traceback
        if args.verbose or os.environ.get("REPORTLINT_DEBUG") == "1":
            import traceback

            traceback.print_exc()
        print(
            f"reportlint: 内部错误：{type(error).__name__}: {error}\n"
            "这是 reportlint 的缺陷，请附上命令和文件报告问题；"
            "加 --verbose 或设置 REPORTLINT_DEBUG=1 可查看调用栈。",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _dispatch(args: argparse.Namespace) -> int:
    from reportlint.plugins.host import create_host

    if args.command == "extract":
        return extract.run(args)
    host = create_host()
    if args.command == "parse":
        return parse.run(args, host)
    if args.command == "serve":
        serve.require_extra()
    warn(host.warnings, quiet=getattr(args, "quiet", False))
    config = load_config(args, host)
    if args.command == "check":
        return check.run(args, host, config)
    if args.command == "annotate":
        return annotate.run(args, host, config)
    if args.command == "fix":
        return fix.run(args, host, config)
    if args.command == "serve":  # the rules are built here first: a bad selection stops before serving
        make_linter(host, config, quiet=False)
        return serve.run(args, config)
    return rules.run(args, make_linter(host, config, quiet=False))
