"""Decode plain-text reports: UTF-8 (with or without BOM), GB18030/GBK, CRLF and CR line ends."""

from __future__ import annotations

import codecs

from reportlint.load.source import InputError, SourceDocument

_SAMPLE = 4096
# C0 control characters that do not occur in text (TAB, LF, FF, CR and ESC do).
_CONTROLS = bytes(byte for byte in range(0x20) if byte not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))


def looks_binary(data: bytes) -> bool:
    """True for data that is clearly not text: NUL bytes or many C0 control characters."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))  # counted in C, not per byte
    return controls > max(8, len(sample) // 50)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name). Raises InputError when impossible.

    Order: a BOM decides; otherwise strict UTF-8; otherwise strict GB18030 (a superset of GBK and
    GB2312, the encodings government files use). Mixed or broken files are refused with a clear
    message rather than decoded into mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _decode_error(path, "UTF-8", exc) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _decode_error(path, "UTF-16", exc) from None
    if looks_binary(data):
        raise InputError(
            "IO001", f"{path}：这是二进制文件，不是文本报告（请提供 .txt、.docx、.html 或 .pdf 文件）"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise _decode_error(path, "UTF-8 或 GB18030", utf8_error) from None


def _decode_error(path: str, tried: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        "IO002",
        f"{path}：无法按 {tried} 解码（第 {exc.start} 字节处有无效字节）；请将文件另存为 UTF-8 编码",
    )


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what editors show."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, path: str) -> SourceDocument:
    """Turn the bytes of a .txt report into a SourceDocument."""
    text, encoding = decode_text(data, path)
    return SourceDocument(path=path, text=normalize_newlines(text), format="txt", encoding=encoding)
