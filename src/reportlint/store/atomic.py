"""Write command output to a file atomically, so an interrupted run never leaves half a file."""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The output file could not be written; ``message`` is for the user (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def write_atomically(text: str | Iterable[str], target: Path, *, encoding: str = "utf-8") -> None:
    """Write ``text`` (or its pieces) to ``target`` so readers see the old file or the new one,
    never a partial one.

    ``utf-8-sig`` puts a BOM first (for spreadsheets). Failures become an OutputError for the user.
    """
    pieces = [text] if isinstance(text, str) else text
    encoder = codecs.getincrementalencoder(encoding)()
    try:
        replace_atomically(target, (encoder.encode(piece) for piece in pieces), mode=_new_file_mode(target))
    except OSError as error:
        raise OutputError(f"无法写入输出文件 {target}：{error.strerror or error}") from None


def replace_atomically(target: Path, data: bytes | Iterable[bytes], *, mode: int | None = None) -> None:
    """Write a temporary file beside ``target``, then rename it over ``target``; OSError passes through."""
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        with os.fdopen(descriptor, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
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
