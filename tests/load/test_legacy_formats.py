"""Old and other formats get a clear answer: .doc/.wps converted or explained, .ofd explained."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from layout_reading import fixture_bytes, prose_lines, seed_text

from reportlint.load import InputError, load_bytes
from reportlint.plugins.host import PluginHost, create_host


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


def _ofd() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
        archive.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["report.ofd", "report.zip"])  # by content, whatever the name
def test_ofd_is_named_with_how_to_convert(host: PluginHost, name: str) -> None:
    with pytest.raises(InputError) as caught:
        load_bytes(name, _ofd(), host)
    assert caught.value.code == "IO001"
    assert "OFD" in caught.value.message and "导出为带文字层的 PDF" in caught.value.message


def test_doc_without_libreoffice_says_how_to_convert(
    host: PluginHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")  # no soffice to be found
    data = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504
    with pytest.raises(InputError) as caught:
        load_bytes("report.wps", data, host)
    assert caught.value.code == "IO005"
    assert "另存为 .docx" in caught.value.message and "LibreOffice" in caught.value.message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_doc_is_converted_through_libreoffice(host: PluginHost, tmp_path: Path) -> None:
    # a real .doc made by LibreOffice from the seed's .docx, then read back through it
    source = tmp_path / "000.docx"
    source.write_bytes(fixture_bytes("000.docx"))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    data = (tmp_path / "000.doc").read_bytes()
    document = load_bytes("000.doc", data, host)
    assert (tmp_path / "000.doc").read_bytes() == data  # never written to
    assert prose_lines(document.text) == prose_lines(seed_text("000"))
