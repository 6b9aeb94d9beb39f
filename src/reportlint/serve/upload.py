"""Read the ``file`` field of a multipart upload into memory, within the size limit.

The body is parsed as it streams in (python-multipart's push parser), so an upload over the
limit is refused without being held: its remaining bytes are read and dropped (up to a bound) so
the client can still read the 413 answer. Nothing is written to disk. The file name is only a
label for the findings: its last path component, which must be valid UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header

FIELD = b"file"
#: Room for the multipart framing and any small fields around the file.
OVERHEAD = 64 * 1024
#: An over-limit body is read (and dropped) only this far past the limit, then the answer is sent.
DRAIN_FACTOR = 4
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME = 200


class UploadError(Exception):
    """An upload refused with an HTTP status and a message (Chinese) for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Upload:
    """The uploaded file: its name (a label) and its bytes."""

    name: str
    data: bytes


def megabytes(size: int) -> str:
    """A size as the messages write it."""
    return f"{size / (1024 * 1024):.0f} MB"


def too_large(limit: int) -> UploadError:
    return UploadError(413, f"文件超过大小上限 {megabytes(limit)}（可用 max-file-size 配置项调整）")


def boundary_of(content_type: str) -> bytes:
    """The multipart boundary, or UploadError 415 for any other kind of body."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadError(415, "请以 multipart/form-data 上传，文件放在字段 file 中")
    return boundary


def file_name(raw: bytes) -> str:
    """The label for an uploaded file name: UTF-8, last path component, no control characters."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadError(400, "文件名不是有效的 UTF-8 编码，请改名后重新上传") from None
    name = _CONTROL.sub("", re.split(r"[\\/]", text)[-1]).strip()
    if not name:
        raise UploadError(400, "上传的文件没有文件名")
    return name[-MAX_NAME:]


class _Collector:
    """python-multipart callbacks keeping the first ``file`` part, refusing what breaks a limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.name: str | None = None
        self.data = bytearray()
        self.error: UploadError | None = None
        self._header = bytearray()
        self._value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self._keep = False

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda data, start, end: self._header.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self._value.extend(data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
        }

    def _begin(self) -> None:
        self._headers = {}
        self._keep = False

    def _header_end(self) -> None:
        self._headers[bytes(self._header).lower()] = bytes(self._value)
        self._header.clear()
        self._value.clear()

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if options.get(b"name") != FIELD or self.name is not None or self.error is not None:
            return
        try:
            self.name = file_name(options.get(b"filename", b""))
        except UploadError as error:
            self.error = error
            return
        self._keep = True

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if not self._keep:
            return
        if len(self.data) + (end - start) > self.limit:
            self.error = too_large(self.limit)
            self._keep = False
            self.data = bytearray()
            return
        self.data.extend(data[start:end])


async def read_upload(
    content_type: str, length: str | None, body: AsyncIterator[bytes], limit: int
) -> Upload:
    """The uploaded file from a streamed request body; UploadError for anything refused."""
    boundary = boundary_of(content_type)
    declared = int(length) if length is not None and length.isdigit() else None
    if declared is not None and declared > limit + OVERHEAD:
        await drain(body, limit * DRAIN_FACTOR)
        raise too_large(limit)
    collector = _Collector(limit)
    parser = MultipartParser(boundary, collector.callbacks())  # type: ignore[arg-type]
    received = 0
    async for chunk in body:
        received += len(chunk)
        if collector.error is None:
            try:
                parser.write(chunk)
            except FormParserError:
                collector.error = UploadError(400, "上传的内容不是完整的 multipart/form-data")
        if collector.error is not None:
            collector.data = bytearray()
            if received > limit * DRAIN_FACTOR:
                break
    if collector.error is not None:
        raise collector.error
    try:
        parser.finalize()
    except FormParserError:
        raise UploadError(400, "上传的内容不是完整的 multipart/form-data") from None
    if collector.name is None:
        raise UploadError(400, "没有收到文件：请把报告放在表单字段 file 中上传")
    return Upload(collector.name, bytes(collector.data))


async def drain(body: AsyncIterator[bytes], bound: int) -> None:
    """Read and drop the body, at most ``bound`` bytes, so the client reads the refusal."""
    received = 0
    async for chunk in body:
        received += len(chunk)
        if received > bound:
            return
