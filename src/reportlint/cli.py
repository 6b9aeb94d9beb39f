"""Command line: arguments → config → api → formatter → exit status.

Every failure the user can cause (a bad path, config, format or rule code) ends with a Chinese
message on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint import __version__

if TYPE_CHECKING:
    from reportlint.api import FileResult, LazyLinter
    from reportlint.cache import ResultCache
    from reportlint.config import Config
    from reportlint.engine import Linter, RuleInfo
    from reportlint.plugins.host import PluginHost

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_NAMES = ("error", "warning", "info")


class UsageError(Exception):
    """A mistake on the command line found after parsing; printed as is, exit status 2."""


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


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportlint", description="政府信息公开工作年度报告合规检查工具")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="显示版本（含插件版本）")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="配置文件（pyproject.toml 或 reportlint.toml）")
    common.add_argument("--select", type=_codes, help="只启用这些规则代码或前缀，逗号分隔")
    common.add_argument("--ignore", type=_codes, help="停用这些规则代码或前缀，逗号分隔")
    common.add_argument("--extend-select", type=_codes, help="在默认规则之外再启用这些规则")
    common.add_argument("-v", "--verbose", action="store_true", help="出错时显示完整的调用栈")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", parents=[common], help="检查报告")
    check.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录；- 表示标准输入")
    check.add_argument("--stdin-filename", help="标准输入报告的文件名（用于输出和按文件忽略）")
    check.add_argument(
        "--fail-on", choices=SEVERITY_NAMES, help="达到该级别的问题使退出状态为 1（默认 error）"
    )
    check.add_argument(
        "--format", default="text", help="输出格式：text、json、sarif、github、junit、html 或插件提供的格式"
    )
    check.add_argument("--output-file", "-o", type=Path, help="把结果写入文件（原子写入）而不是标准输出")
    check.add_argument("--statistics", action="store_true", help="只输出每个规则代码的问题数")
    check.add_argument("-q", "--quiet", action="store_true", help="不输出汇总行和插件警告")
    check.add_argument("-j", "--jobs", type=int, default=1, help="并行检查的进程数（0 = CPU 核数）")
    check.add_argument("--no-cache", action="store_true", help="不读不写结果缓存，每个文件都重新检查")
    check.add_argument("--cache-dir", type=Path, help="结果缓存目录（默认为项目目录下的 .reportlint_cache）")

    commands.add_parser("rules", parents=[common], help="列出全部规则")
    rule = commands.add_parser("rule", parents=[common], help="显示一条规则的说明")
    rule.add_argument("code", metavar="CODE")

    from reportlint.review.extract import add_extract_command

    add_extract_command(commands)

    parse = commands.add_parser("parse", help="输出报告的解析模型")
    parse.add_argument("path")
    parse.add_argument("--format", default="json", choices=["json", "tree"])
    parse.add_argument("-v", "--verbose", action="store_true", help="出错时显示完整的调用栈")
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
        status: int = args.handler(args)
        return status
    host = create_host()
    if args.command == "parse":
        return _parse(args, host)
    _warn(host.warnings, quiet=getattr(args, "quiet", False))
    config = _load_config(args, host)
    if args.command == "check":
        return _check(args, host, config)
    linter = _make_linter(host, config, quiet=False)
    if args.command == "rules":
        _emit(_rules_table(linter))
        return EXIT_CLEAN
    return _rule_doc(linter, args.code)


def _warn(warnings: Sequence[str], *, quiet: bool) -> None:
    if not quiet:
        for warning in warnings:
            print(f"reportlint: 警告：{warning}", file=sys.stderr)


def _emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def _load_config(args: argparse.Namespace, host: PluginHost) -> Config:
    from reportlint.config import load_config

    overrides = {
        "select": args.select,
        "ignore": args.ignore,
        "extend-select": args.extend_select,
        "fail-on": getattr(args, "fail_on", None),
    }
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"找不到配置文件 {args.config}（--config 需要一个存在的 TOML 文件）")
    given = {key: value for key, value in overrides.items() if value is not None}
    return load_config(cwd=Path.cwd(), explicit=args.config, overrides=given, host=host)


def _make_linter(host: PluginHost, config: Config, *, quiet: bool) -> Linter:
    from reportlint.engine import Linter

    linter = Linter(host, config)
    _warn(linter.warnings, quiet=quiet)
    return linter


def _formatter(host: PluginHost, name: str) -> Any:
    available: dict[str, type[Any]] = {}
    for registered in host.hook.reportlint_formatters():
        available.update(registered)
    if name not in available:
        names = "、".join(sorted(available))
        raise UsageError(f"未知的输出格式 {name!r}（--format 可选：{names}）")
    return available[name]()


def _check(args: argparse.Namespace, host: PluginHost, config: Config) -> int:
    from reportlint.api import collect_paths, lint_bytes, lint_paths, open_cache
    from reportlint.diagnostics import Severity
    from reportlint.formatters.base import LintRun

    formatter = None if args.statistics else _formatter(host, args.format)
    if args.jobs < 0:
        raise UsageError("--jobs 不能为负数")
    jobs = args.jobs or os.cpu_count() or 1
    cache = None if args.no_cache else open_cache(_cache_dir(args, config), host, config)
    linter = _run_linter(host, config, cache, quiet=args.quiet)
    results: list[FileResult] = []
    files = collect_paths(path for path in args.paths if path != "-")
    if "-" in args.paths:
        results.append(lint_bytes(args.stdin_filename or "-", sys.stdin.buffer.read(), host, config))
    batch = len(files) + ("-" in args.paths) > 1
    keep_reports = batch or args.format == "html"
    # A format whose class says ``shows_source = False`` never shows a line: none is kept.
    keep_lines = formatter is not None and getattr(formatter, "shows_source", True)
    from reportlint.review.progress import Progress

    with Progress(len(files)) as progress:
        results.extend(
            lint_paths(
                files,
                host,
                config,
                jobs=jobs,
                linter=linter,
                keep_reports=keep_reports,
                keep_lines=keep_lines,
                progress=progress.advance,
                cache=cache,
            )
        )
    if batch:
        from reportlint.review.crossyear import with_cross_year

        crossed = with_cross_year(results, lambda found: linter().admit(found) if found else [])
        results = _with_cross_year_lines(results, crossed) if keep_lines else crossed
    for result in results:
        _warn(result.warnings, quiet=args.quiet)
    run = LintRun(
        results, _DescribedRules(linter, results), Path.cwd(), _colour(args), __version__, args.quiet
    )
    if formatter is None:
        output: Iterable[str] = [_statistics(run, args.format)]
    elif hasattr(formatter, "chunks"):
        output = formatter.chunks(run)  # written piece by piece: no whole output in memory
    else:
        output = [formatter.format(run)]
    _write(output, args.output_file, files)
    fail_on = config.fail_on or Severity.ERROR
    failing = any(d.severity.rank >= fail_on.rank for d in run.diagnostics())
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _with_cross_year_lines(before: Sequence[FileResult], after: list[FileResult]) -> list[FileResult]:
    """Give each result the source lines its added cross-year findings point at (a result keeps
    only its own findings' lines; its compact report holds the lines of its title and tables)."""
    from dataclasses import replace

    from reportlint.slim import with_lines_for

    return [
        new if new is old else replace(new, lines=with_lines_for(new.lines, new.diagnostics, new.report))
        for old, new in zip(before, after, strict=True)
    ]


def _run_linter(host: PluginHost, config: Config, cache: ResultCache | None, *, quiet: bool) -> LazyLinter:
    """The run's Linter, built now, or — when the cache has seen this run's configuration build
    one — only if a file misses the cache; its warnings are shown either way, once."""
    from reportlint.api import LazyLinter

    remembered = cache.build_warnings() if cache is not None else None
    if remembered is not None:
        _warn(remembered, quiet=quiet)
        return LazyLinter(host, config)
    linter = _make_linter(host, config, quiet=quiet)
    if cache is not None:
        cache.remember_build_warnings(linter.warnings)
    return LazyLinter(host, config, linter)


class _DescribedRules(Mapping[str, "RuleInfo"]):
    """``LintRun.rules``, worked out (and the Linter built) only if a format reads it."""

    def __init__(self, linter: LazyLinter, results: Sequence[FileResult]) -> None:
        self._linter = linter
        self._results = results
        self._rules: dict[str, RuleInfo] | None = None

    def _described(self) -> dict[str, RuleInfo]:
        if self._rules is None:
            self._rules = _described_rules(self._linter(), self._results)
        return self._rules

    def __getitem__(self, code: str) -> RuleInfo:
        return self._described()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._described())

    def __len__(self) -> int:
        return len(self._described())


def _cache_dir(args: argparse.Namespace, config: Config) -> Path:
    """--cache-dir, else .reportlint_cache beside the configuration file (the project), else here."""
    from reportlint.cache import DEFAULT_CACHE_DIR

    if args.cache_dir is not None:
        return Path(args.cache_dir)
    project = config.source.parent if config.source is not None else Path.cwd()
    return project / DEFAULT_CACHE_DIR


def _described_rules(linter: Linter, results: Sequence[FileResult]) -> dict[str, RuleInfo]:
    """The rules a run's output describes: every selected rule, plus any code that was reported."""
    described = {info.code: info for info in linter.selected()}
    for result in results:
        for diagnostic in result.diagnostics:
            if diagnostic.code not in described and diagnostic.code in linter.rules:
                described[diagnostic.code] = linter.rules[diagnostic.code]
    return dict(sorted(described.items()))


def _colour(args: argparse.Namespace) -> bool:
    from reportlint.display import use_colour

    return args.output_file is None and args.format == "text" and use_colour(sys.stdout)


def _statistics(run: Any, format_name: str) -> str:
    counts = Counter((d.code, d.name) for d in run.diagnostics())
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if format_name == "json":
        rows = [{"code": code, "name": name, "count": count} for (code, name), count in ordered]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{count:>5}  {code:<7} {name}\n" for (code, name), count in ordered)


def _write(output: Iterable[str], target: Path | None, inputs: Sequence[str] = ()) -> None:
    """Standard output, or a file replaced atomically so readers never see half of it; the
    output's pieces are written as they come, and non-empty output ends with a newline."""
    if target is None:
        last = ""
        for piece in output:
            if piece:
                sys.stdout.write(piece)
                last = piece
        if last and not last.endswith("\n"):
            sys.stdout.write("\n")
        return
    from reportlint.output import OutputError, is_same_file, write_atomically

    if any(is_same_file(target, path) for path in inputs):
        raise UsageError(f"--output-file {target} 是被检查的文件之一；reportlint 从不改写被检查的文件")
    try:
        write_atomically(output, target)
    except OutputError as error:
        raise UsageError(f"{error.message}（--output-file）") from None


def _rules_table(linter: Linter) -> str:
    from reportlint.display import display_width

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
    _emit(rule_documentation(info))
    return EXIT_CLEAN


def rule_documentation(info: RuleInfo) -> str:
    """The text of ``reportlint rule CODE``: name, severity, description, basis, examples."""
    lines = [f"{info.code}  {info.name}", f"级别：{info.severity.value}    来源：{info.source}"]
    if info.sets:
        lines.append(f"规则集：{'、'.join(info.sets)}")
    if info.message:
        lines.append(f"提示信息：{info.message}")
    lines += ["", info.description.strip() or "（无说明）"]
    if info.basis:
        lines += ["", f"依据：{info.basis}"]
    for case in sorted(info.tests, key=lambda case: case.passes):
        label = "合规示例" if case.passes else f"不合规示例（应报告 {'、'.join(case.expect) or info.code}）"
        lines += ["", f"{label}：", *(f"    {line}" for line in case.text.splitlines())]
    return "\n".join(lines) + "\n"


def _parse(args: argparse.Namespace, host: PluginHost) -> int:
    from reportlint.api import parse_path
    from reportlint.serialize import report_to_dict, report_to_tree

    report = parse_path(args.path, host)
    if args.format == "tree":
        _emit(report_to_tree(report))
    else:
        _emit(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
    return EXIT_CLEAN
