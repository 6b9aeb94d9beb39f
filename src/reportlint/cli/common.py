"""What every command shares: exit statuses, usage errors, writing to standard output or a file."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.plugins.host import PluginHost
    from reportlint.rules.engine import Linter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_NAMES = ("error", "warning", "info")


class UsageError(Exception):
    """A mistake on the command line found after parsing; printed as is, exit status 2."""


def codes(text: str) -> list[str]:
    """A comma-separated list of rule codes or prefixes, as --select takes it."""
    return [part.strip() for part in text.split(",") if part.strip()]


def warn(warnings: Sequence[str], *, quiet: bool) -> None:
    """Plugin and linter warnings on standard error, unless --quiet."""
    if not quiet:
        for warning in warnings:
            print(f"reportlint: 警告：{warning}", file=sys.stderr)


def emit(text: str) -> None:
    """Text on standard output, ending with one newline."""
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def load_config(args: Any, host: PluginHost) -> Config:
    """The configuration: the project's file (or --config) with the command line's selection on top."""
    from reportlint.config import load_config as read_config

    overrides = {
        "select": args.select,
        "ignore": args.ignore,
        "extend-select": args.extend_select,
        "fail-on": getattr(args, "fail_on", None),
    }
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"找不到配置文件 {args.config}（--config 需要一个存在的 TOML 文件）")
    given = {key: value for key, value in overrides.items() if value is not None}
    return read_config(cwd=Path.cwd(), explicit=args.config, overrides=given, host=host)


def make_linter(host: PluginHost, config: Config, *, quiet: bool) -> Linter:
    """The Linter of a run, its build warnings shown."""
    from reportlint.rules.engine import Linter

    linter = Linter(host, config)
    warn(linter.warnings, quiet=quiet)
    return linter


def formatter_named(host: PluginHost, name: str) -> Any:
    """An instance of the output format ``name`` (built in or from a plugin)."""
    available: dict[str, type[Any]] = {}
    for registered in host.hook.reportlint_formatters():
        available.update(registered)
    if name not in available:
        names = "、".join(sorted(available))
        raise UsageError(f"未知的输出格式 {name!r}（--format 可选：{names}）")
    return available[name]()


def write(output: Iterable[str], target: Path | None, inputs: Sequence[str] = ()) -> None:
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
    from reportlint.store.atomic import OutputError, is_same_file, write_atomically

    if any(is_same_file(target, path) for path in inputs):
        raise UsageError(f"--output-file {target} 是被检查的文件之一；reportlint 从不改写被检查的文件")
    try:
        write_atomically(output, target)
    except OutputError as error:
        raise UsageError(f"{error.message}（--output-file）") from None


def read_input(path: str, config: Config) -> bytes:
    """The bytes of one input file (never written to); a missing or unreadable one is a usage error."""
    from reportlint.load import InputError

    try:
        with open(path, "rb") as handle:
            data = handle.read(config.max_file_size + 1)
    except OSError as error:
        raise InputError("IO001", f"{path}：无法读取（{error.strerror or error}）") from None
    if len(data) > config.max_file_size:
        raise InputError("IO004", f"{path}：文件超过大小上限（可用 max-file-size 配置项调整）")
    return data


def write_bytes(data: bytes, target: Path, source: str, option: str, hint: str = "") -> None:
    """Write a produced file atomically; never over the file it was made from."""
    from reportlint.store.atomic import is_same_file, replace_atomically

    if is_same_file(target, source):
        raise UsageError(f"{option} {target} 就是输入文件；reportlint 从不改写被检查的文件{hint}")
    try:
        replace_atomically(target, data)
    except OSError as error:
        raise UsageError(f"无法写入 {target}：{error.strerror or error}（{option}）") from None
