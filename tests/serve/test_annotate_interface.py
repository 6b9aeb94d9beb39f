"""The .docx download codes against ``reportlint.annotate`` as announced — ``annotate_docx(path,
data, host, config) -> bytes`` and ``AnnotateError`` with ``.message`` — whether or not that
module is installed yet: a stand-in module with exactly that interface is put in its place."""

from __future__ import annotations

import importlib.machinery
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

from reportlint.config import Config
from reportlint.plugins.host import PluginHost
from reportlint.serve import worker
from reportlint.serve.app import allowed_hosts

calls: list[tuple[str, bytes, Any, Any]] = []


class AnnotateError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def annotate_docx(path: str, data: bytes, host: PluginHost, config: Config | None = None) -> bytes:
    calls.append((path, data, host, config))
    if not data.startswith(b"PK"):
        raise AnnotateError(f"{path}：不是 .docx 文件")
    return b"PK-annotated:" + data


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    module = types.ModuleType(worker.ANNOTATE_MODULE)
    module.__spec__ = importlib.machinery.ModuleSpec(worker.ANNOTATE_MODULE, None)
    module.annotate_docx = annotate_docx  # type: ignore[attr-defined]
    module.AnnotateError = AnnotateError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, worker.ANNOTATE_MODULE, module)
    config = Config(max_file_size=1024 * 1024)
    worker.start(config)
    calls.clear()
    yield
    worker._state.clear()


def test_the_download_is_what_annotate_docx_returns(stand_in: None) -> None:
    assert worker.annotate_available()
    answer = worker.annotate("报告.docx", b"PK\x03\x04data")
    assert (answer.status, answer.body, answer.media_type) == (
        200,
        b"PK-annotated:PK\x03\x04data",
        worker.DOCX_TYPE,
    )
    path, data, host, config = calls[0]
    assert (path, data) == ("报告.docx", b"PK\x03\x04data")
    assert isinstance(host, PluginHost) and config.max_file_size == 1024 * 1024  # the server's configuration


def test_an_annotate_error_is_422_with_its_message(stand_in: None) -> None:
    answer = worker.annotate("a.docx", b"not a zip")
    assert answer.status == 422
    assert answer.body.decode() == '{"error": "a.docx：不是 .docx 文件"}'


def test_loopback_addresses_accept_their_own_name() -> None:
    assert "127.0.0.2" in allowed_hosts("127.0.0.2") and "localhost" in allowed_hosts("127.0.0.1")
    assert "::1" in allowed_hosts("[::1]")
    assert allowed_hosts("0.0.0.0") == ["*"]
