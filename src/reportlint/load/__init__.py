"""Read any supported file into a SourceDocument through the ``reportlint_load_document`` hook."""

from __future__ import annotations

import os
from typing import Protocol

from reportlint.limits import MAX_FILE_SIZE
from reportlint.load.source import InputError, LineOrigin, SourceDocument

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DocumentLoaders",
    "InputError",
    "LineOrigin",
    "SourceDocument",
    "load_bytes",
    "load_path",
]

DEFAULT_MAX_BYTES = MAX_FILE_SIZE


class DocumentLoaders(Protocol):
    """Whatever asks the installed loaders for a document (the plugin host does, through the
    ``reportlint_load_document`` hook); the load stage needs nothing more of the plugin layer."""

    def load_document(self, path: str, data: bytes) -> SourceDocument | None: ...


def load_bytes(path: str, data: bytes, host: DocumentLoaders) -> SourceDocument:
    """Turn bytes into a document; raises InputError when no loader can read them."""
    if not data.strip():
        raise _empty(path)
    document = host.load_document(path, data)
    if document is None:
        raise InputError("IO001", f"{path}：不支持的文件格式")
    if not document.text.strip():  # full-width spaces (U+3000), or a .docx with no text at all
        raise _empty(path)
    return document


def _empty(path: str) -> InputError:
    return InputError("IO003", f"{path}：文件为空，没有可检查的报告内容")


def load_path(path: str, host: DocumentLoaders, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read a file (never writing to it) and load it; raises InputError with a clear message."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(
                "IO004",
                f"{path}：文件大小 {size // (1024 * 1024)} MB 超过上限 {max_bytes // (1024 * 1024)} MB"
                "（可用 max-file-size 配置项调整）",
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError("IO001", f"{path}：这是一个目录，不是文件") from None
    except FileNotFoundError:
        raise InputError("IO001", f"{path}：文件不存在") from None
    except PermissionError:
        raise InputError("IO001", f"{path}：没有读取权限") from None
    except OSError as exc:
        raise InputError("IO001", f"{path}：无法读取（{exc.strerror or exc}）") from None
    return load_bytes(path, data, host)
