"""The public Python API: lint or parse files and strings."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.diagnostics import Diagnostic, FileResult, Severity
from reportlint.load import DEFAULT_MAX_BYTES, InputError, SourceDocument, load_bytes, load_path
from reportlint.model import Report
from reportlint.plugins.host import PluginHost, create_host

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.rules.engine import Linter
    from reportlint.store.cache import ResultCache

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FileResult",
    "LazyLinter",
    "collect_paths",
    "input_diagnostic",
    "lint_bytes",
    "lint_document",
    "lint_path",
    "lint_paths",
    "lint_text",
    "open_cache",
    "parse_path",
]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf", ".md")


def input_diagnostic(path: str, error: InputError) -> Diagnostic:
    """An unreadable file becomes an IO error diagnostic rather than a traceback."""
    return Diagnostic(
        path=path,
        code=error.code,
        name="input.unreadable",
        severity=Severity.ERROR,
        message=error.message,
        line=error.line,
        column=error.column,
        end_line=error.line,
        end_column=error.column,
        source="reportlint",
    )


def collect_paths(paths: Iterable[str]) -> list[str]:
    """Expand folders into their report files (sorted, hidden folders and files skipped).

    Raises InputError for a path that does not exist, so the command line can stop with a
    message instead of checking nothing.
    """
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(_walk(path))
        elif os.path.exists(path):
            found.append(path)
        else:
            raise InputError("IO001", f"{path}：文件或目录不存在")
    return found


def _walk(folder: str) -> list[str]:
    files: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = os.path.join(root, name)
            lowered = name.lower()
            if name.startswith(".") or not lowered.endswith(SUPPORTED_SUFFIXES):
                continue
            if lowered.endswith(".md") and not _markdown_report(path):
                continue
            files.append(path)
    return sorted(files, key=lambda p: Path(p).parts)


# What the first lines of a report converted to Markdown say (in UTF-8 or GB18030); a README or a
# notes file says neither.
_REPORT_WORDS = tuple(
    tuple(word.encode(encoding) for word in ("政府信息公开", "年度报告")) for encoding in ("utf-8", "gb18030")
)


def _markdown_report(path: str) -> bool:
    """A .md file found in a folder is checked only when it is a report (a README, a changelog
    or a notes file in a report repository is not); a .md named on the command line always is."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # let the check say why it cannot be read
    return any(all(word in head for word in words) for words in _REPORT_WORDS)


def parse_path(path: str, host: PluginHost | None = None) -> Report:
    """Load and parse one file; raises InputError when it cannot be read."""
    from reportlint.parse.document import parse_document

    host = host or create_host()
    return parse_document(load_path(path, host))


def _linter(host: PluginHost, config: Config | None) -> Linter:
    from reportlint.config import Config
    from reportlint.rules.engine import Linter

    return Linter(host, config or Config())


def lint_document(
    document: SourceDocument, host: PluginHost, config: Any = None, *, linter: Linter | None = None
) -> FileResult:
    """Parse and check an already loaded document (with ``linter``, one already built: a server
    checking many uploads builds it once)."""
    return _check_document(document, linter or _linter(host, config))


def _check_document(document: SourceDocument, linter: Linter) -> FileResult:
    from reportlint.parse.document import parse_document

    report = parse_document(document)
    before = len(linter.warnings)
    diagnostics = tuple(linter.lint(report))
    return FileResult(document.path, diagnostics, report, report.lines, tuple(linter.warnings[before:]))


class LazyLinter:
    """The run's Linter, built on first use: a run whose files all come from the cache never
    builds one (nor imports the parser and the rules)."""

    def __init__(self, host: PluginHost, config: Config | None, linter: Linter | None = None) -> None:
        self._host = host
        self._config = config
        self._linter = linter

    @property
    def built(self) -> bool:
        """Whether the Linter exists yet."""
        return self._linter is not None

    def __call__(self) -> Linter:
        if self._linter is None:
            self._linter = _linter(self._host, self._config)
        return self._linter


def _check_path(
    path: str,
    host: PluginHost,
    linter: Linter | LazyLinter,
    max_bytes: int,
    cache: ResultCache | None = None,
    need_report: bool = False,
) -> FileResult:
    lazy = linter if isinstance(linter, LazyLinter) else LazyLinter(host, None, linter)
    data = _read_small(path, max_bytes) if cache is not None else None
    if cache is None or data is None:
        try:
            document = load_path(path, host, max_bytes=max_bytes)
        except InputError as error:
            return FileResult(path, tuple(lazy().admit([input_diagnostic(path, error)])))
        return _check_document(document, lazy())
    hit = cache.get(path, data)
    if hit is not None and (hit.report is not None or not need_report):
        return FileResult(path, hit.diagnostics, hit.report if need_report else None, hit.lines)
    try:
        document = load_bytes(path, data, host)
    except InputError as error:
        return FileResult(path, tuple(lazy().admit([input_diagnostic(path, error)])))
    if hit is not None:  # an entry without the slim report the caller needs
        from reportlint.parse.document import parse_document

        report = parse_document(document)
        return FileResult(path, hit.diagnostics, report, report.lines)
    result = _check_document(document, lazy())
    if not result.warnings and result.report is not None:  # a crashed rule is not worth keeping
        from reportlint.review.crossyear import slim_for_cross_year

        cache.put(path, data, result.diagnostics, result.lines, slim_for_cross_year(result.report))
    return result


def _read_small(path: str, max_bytes: int) -> bytes | None:
    """The file's bytes for the cache, or None (too large, unreadable) to take the normal path."""
    try:
        if os.path.getsize(path) > max_bytes:
            return None
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError:
        return None


def open_cache(folder: str | Path, host: PluginHost, config: Config | None = None) -> ResultCache:
    """The result cache in ``folder`` for this run's version, configuration, plugins and rule files.

    The rule files are listed from the plugins' and the configuration's rule folders, so no
    Linter is needed: a run whose files all hit never builds one."""
    from reportlint import __version__
    from reportlint.store.cache import ResultCache, fingerprint, rule_files

    known = len(host.warnings)
    folders = [rule_dir for _, found in host.call_each("reportlint_rule_dirs") for rule_dir in found]
    del host.warnings[known:]  # a failing hook is reported once, by the Linter that calls it too
    folders += list(config.rule_dirs) if config is not None else []
    run = fingerprint(__version__, config, host.plugin_versions(), rule_files(folders))
    return ResultCache(Path(folder), run)


def lint_path(path: str, host: PluginHost | None = None, config: Any = None) -> FileResult:
    """Check one file; an unreadable file yields an IO diagnostic."""
    host = host or create_host()
    return _check_path(path, host, _linter(host, config), _max_bytes(config))


def lint_bytes(path: str, data: bytes, host: PluginHost | None = None, config: Any = None) -> FileResult:
    """Check the bytes of a report that is not a file (standard input); ``path`` names it."""
    host = host or create_host()
    limit = _max_bytes(config)
    try:
        if len(data) > limit:  # standard input has no file size to check before reading
            raise InputError(
                "IO004",
                f"{path}：输入大小 {len(data) // (1024 * 1024)} MB 超过上限 {limit // (1024 * 1024)} MB"
                "（可用 max-file-size 配置项调整）",
            )
        document = load_bytes(path, data, host)
    except InputError as error:
        return FileResult(path, (input_diagnostic(path, error),))
    return _check_document(document, _linter(host, config))


def lint_text(
    text: str, path: str = "<text>", host: PluginHost | None = None, config: Any = None
) -> FileResult:
    """Check a report given as a string."""
    return lint_bytes(path, text.encode("utf-8"), host, config)


def _max_bytes(config: Config | None) -> int:
    return config.max_file_size if config is not None else DEFAULT_MAX_BYTES


def lint_paths(
    paths: Sequence[str],
    host: PluginHost | None = None,
    config: Config | None = None,
    *,
    jobs: int = 1,
    linter: Linter | LazyLinter | None = None,
    keep_reports: bool = False,
    progress: Callable[[], None] | None = None,
    cache: ResultCache | None = None,
    keep_lines: bool = True,
) -> list[FileResult]:
    """Check many files, in the order given, with ``jobs`` worker processes.

    Forked workers share the caller's plugin host and Linter; other workers build their own
    once, on their first file to check. The results come back in the order
    of ``paths`` whatever the number of workers, so output is stable. With ``keep_reports`` each
    result carries a slim Report (body, year, title, tables 二 and 三) for cross-year checks and
    the review page; otherwise no Report is kept, so memory stays flat over thousands of files.
    ``progress`` is called once per finished file. With a ``cache`` (see ``open_cache``), an
    unchanged file's diagnostics come from it instead of the rules. Without ``keep_lines`` (an
    output that shows no source, like json) results carry no source lines at all.
    """
    tick = progress or (lambda: None)
    if jobs <= 1 or len(paths) <= 1:
        host = host or create_host()
        lazy = linter if isinstance(linter, LazyLinter) else LazyLinter(host, config, linter)
        results = []
        for path in paths:
            result = _check_path(path, host, lazy, _max_bytes(config), cache, keep_reports)
            results.append(_shrink(result, keep_reports, keep_lines))
            tick()
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(paths))
    chunk = max(1, min(64, len(paths) // (workers * 4)))
    # A forked worker inherits the parent's plugin host and (if built) Linter as they are, so
    # none of them loads the rules again; other start methods build their own on first need.
    shared = (host, linter) if multiprocessing.get_start_method() == "fork" else None
    with ProcessPoolExecutor(
        workers, initializer=_start_worker, initargs=(config, keep_reports, cache, shared, keep_lines)
    ) as pool:
        results = []
        for result in pool.map(_worker_check, paths, chunksize=chunk):
            results.append(result)
            tick()
        return results


def _shrink(result: FileResult, keep_reports: bool, keep_lines: bool = True) -> FileResult:
    """Drop the full Report (or keep only its slim cross-year form) and every source line output
    cannot show, so a batch run holds (and a worker sends back) only a few lines per file."""
    from reportlint.store.slim import compact_report, kept_lines

    if result.report is None or not result.report.lines:  # from the cache (or unreadable): slim
        return result if keep_lines or not result.lines else replace(result, lines=())
    slim = None
    source = result.lines if keep_lines else ()
    if keep_reports:
        from reportlint.review.crossyear import slim_for_cross_year

        slim = compact_report(slim_for_cross_year(result.report), source)
    lines = kept_lines(source, result.diagnostics)
    return FileResult(result.path, result.diagnostics, slim, lines, result.warnings)


_worker_state: dict[str, Any] = {}


def _start_worker(
    config: Config | None,
    keep_reports: bool,
    cache: ResultCache | None = None,
    shared: tuple[PluginHost | None, Linter | LazyLinter | None] | None = None,
    keep_lines: bool = True,
) -> None:
    given_host, given_linter = shared or (None, None)
    host = given_host or create_host()
    linter = given_linter if isinstance(given_linter, LazyLinter) else LazyLinter(host, config, given_linter)
    _worker_state.update(
        host=host,
        linter=linter,
        max_bytes=_max_bytes(config),
        keep_reports=keep_reports,
        cache=cache,
        keep_lines=keep_lines,
    )


def _worker_check(path: str) -> FileResult:
    state = _worker_state
    result = _check_path(
        path, state["host"], state["linter"], state["max_bytes"], state["cache"], state["keep_reports"]
    )
    # The full Report is not sent back between processes: the lines are enough for output.
    return _shrink(result, state["keep_reports"], state["keep_lines"])
