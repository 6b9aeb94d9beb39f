"""Choosing a loader: extension and content sniffing, the text fallback, plugins first."""

from __future__ import annotations

import subprocess
import sys

import pytest
from layout_reading import fixture_bytes, seed_text

from reportlint.load import load_bytes
from reportlint.load.source import InputError, SourceDocument
from reportlint.plugins.hookspecs import hookimpl
from reportlint.plugins.host import create_host


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("000.docx", "docx"), ("000.html", "html"), ("000.pdf", "pdf")],
)
def test_each_format_is_chosen_by_extension_and_by_content(name: str, fmt: str) -> None:
    host = create_host(load_entry_points=False)
    data = fixture_bytes(name)
    assert load_bytes(f"reports/{name}", data, host).format == fmt
    # saved without (or with a wrong) extension: the first bytes decide
    assert load_bytes("reports/download.bin", data, host).format == fmt
    assert load_bytes("reports/report.txt", data, host).format == fmt


def test_htm_extension_and_plain_text_fallback() -> None:
    host = create_host(load_entry_points=False)
    assert load_bytes("a.htm", fixture_bytes("000.html"), host).format == "html"
    text = seed_text("000").encode("utf-8")
    document = load_bytes("report.txt", text, host)
    assert document.format == "txt"
    assert document.text == seed_text("000")


def test_empty_file_is_a_clear_input_error() -> None:
    with pytest.raises(InputError) as caught:
        load_bytes("empty.docx", b"", create_host(load_entry_points=False))
    assert caught.value.code == "IO003"
    assert "文件为空" in caught.value.message


class OfdLoader:
    """A toy plugin adding a made-up format, the way a .ofd or .wps plugin would."""

    @hookimpl
    def reportlint_load_document(self, path: str, data: bytes) -> SourceDocument | None:
        if not path.endswith(".toy"):
            return None
        return SourceDocument(path=path, text=data.decode("utf-8").replace("|", "\n"), format="toy")


class DocxOverride:
    """A plugin replacing a built-in format."""

    @hookimpl
    def reportlint_load_document(self, path: str, data: bytes) -> SourceDocument | None:
        return SourceDocument(path=path, text="覆盖\n", format="my-docx") if path.endswith(".docx") else None


def test_a_plugin_adds_a_format_through_the_hook() -> None:
    host = create_host(load_entry_points=False, extra_plugins=(OfdLoader(),))
    document = load_bytes("report.toy", "一、总体情况|正文".encode(), host)
    assert document.format == "toy"
    assert document.text == "一、总体情况\n正文"
    # without the plugin the same bytes fall back to plain text
    plain = load_bytes("report.toy", "一、总体情况|正文".encode(), create_host(load_entry_points=False))
    assert plain.format == "txt"


def test_a_plugin_loader_wins_over_the_built_in_one() -> None:
    host = create_host(load_entry_points=False, extra_plugins=(DocxOverride(),))
    assert load_bytes("000.docx", fixture_bytes("000.docx"), host).format == "my-docx"
    assert load_bytes("000.html", fixture_bytes("000.html"), host).format == "html"


def test_heavy_format_libraries_are_imported_only_when_needed() -> None:
    code = (
        "import sys\n"
        "from reportlint.plugins.host import create_host\n"
        "from reportlint.load import load_bytes\n"
        "load_bytes('a.txt', '一、总体情况'.encode(), create_host(load_entry_points=False))\n"
        "print(sorted(m for m in ('docx', 'selectolax', 'pypdfium2') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_content_wins_over_a_wrong_extension() -> None:
    host = create_host(load_entry_points=False)
    assert load_bytes("report.pdf", fixture_bytes("000.docx"), host).format == "docx"
    assert load_bytes("report.docx", fixture_bytes("000.pdf"), host).format == "pdf"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("report.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504, "旧版 Office"),
        ("report.docx", fixture_bytes("000.docx")[:5000], "损坏"),
        ("report.pdf", b"not really a pdf, just text" * 10, "PDF"),
    ],
)
def test_broken_files_get_a_message_for_their_format(name: str, data: bytes, words: str) -> None:
    with pytest.raises(InputError) as caught:
        load_bytes(name, data, create_host(load_entry_points=False))
    assert caught.value.code == "IO005"
    assert words in caught.value.message
