"""Write command output to a file atomically, so an interrupted run never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output file could not be written; ``message`` is for the user (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def write_atomically(text: str, target: Path, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to a temporary file beside ``target`` and rename it over ``target``.

    Readers see the old file or the new one, never a partial one. ``utf-8-sig`` puts a BOM first
    (for spreadsheets).
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"无法写入输出文件 {target}：{error.strerror or error}") from None
    try:
        os.chmod(temporary, _new_file_mode(target))
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"无法写入输出文件 {target}：{error.strerror or error}") from None
        raise


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets what open() would give it."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def is_same_file(a: str | Path, b: str | Path) -> bool:
    """True when both paths name one existing file (so we never overwrite an input)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
