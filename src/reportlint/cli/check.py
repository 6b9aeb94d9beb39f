"""``reportlint check``: lint files and folders, print the findings, exit 1 when any fails."""

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
from reportlint.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    SEVERITY_NAMES,
    UsageError,
    formatter_named,
    make_linter,
    warn,
    write,
)

if TYPE_CHECKING:
    from reportlint.api import LazyLinter
    from reportlint.config import Config
    from reportlint.diagnostics import FileResult
    from reportlint.plugins.host import PluginHost
    from reportlint.rules.engine import Linter, RuleInfo
    from reportlint.store.cache import ResultCache


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``check`` and its options."""
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


def run(args: argparse.Namespace, host: PluginHost, config: Config) -> int:
    """Check every path; the exit status says whether a finding reached --fail-on."""
    from reportlint.api import collect_paths, lint_bytes, lint_paths, open_cache
    from reportlint.diagnostics import Severity
    from reportlint.formatters.base import LintRun

    formatter = None if args.statistics else formatter_named(host, args.format)
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
        warn(result.warnings, quiet=args.quiet)
    run = LintRun(
        results, _DescribedRules(linter, results), Path.cwd(), _colour(args), __version__, args.quiet
    )
    if formatter is None:
        output: Iterable[str] = [_statistics(run, args.format)]
    elif hasattr(formatter, "chunks"):
        output = formatter.chunks(run)  # written piece by piece: no whole output in memory
    else:
        output = [formatter.format(run)]
    write(output, args.output_file, files)
    fail_on = config.fail_on or Severity.ERROR
    failing = any(d.severity.rank >= fail_on.rank for d in run.diagnostics())
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _with_cross_year_lines(before: Sequence[FileResult], after: list[FileResult]) -> list[FileResult]:
    """Give each result the source lines its added cross-year findings point at (a result keeps
    only its own findings' lines; its compact report holds the lines of its title and tables)."""
    from dataclasses import replace

    from reportlint.store.slim import with_lines_for

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
        warn(remembered, quiet=quiet)
        return LazyLinter(host, config)
    linter = make_linter(host, config, quiet=quiet)
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
    from reportlint.store.cache import DEFAULT_CACHE_DIR

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
    from reportlint.formatters.display import use_colour

    return args.output_file is None and args.format == "text" and use_colour(sys.stdout)


def _statistics(run: Any, format_name: str) -> str:
    counts = Counter((d.code, d.name) for d in run.diagnostics())
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if format_name == "json":
        rows = [{"code": code, "name": name, "count": count} for (code, name), count in ordered]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{count:>5}  {code:<7} {name}\n" for (code, name), count in ordered)
