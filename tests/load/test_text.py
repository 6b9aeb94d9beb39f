"""Plain-text input: encodings, line ends and files that are not text."""

from __future__ import annotations

import codecs

import pytest

from reportlint.load.source import InputError
from reportlint.load.text import load_text
from reportlint.parse.normalize import normalize

SAMPLE = "一、总体情况\n本年度没有产生信息公开处理费。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    document = load_text(data, "r.txt")
    assert document.text == SAMPLE
    assert document.encoding == encoding


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(newline: str) -> None:
    document = load_text(SAMPLE.replace("\n", newline).encode("utf-8"), "r.txt")
    assert document.text == SAMPLE


def test_binary_file_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        load_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.txt")
    assert caught.value.code == "IO001"
    assert "二进制" in caught.value.message


def test_undecodable_bytes_are_an_encoding_error() -> None:
    # 0xFF cannot start a character in UTF-8 and 0xFF 0xFF is invalid in GB18030.
    with pytest.raises(InputError) as caught:
        load_text("报告".encode() + b"\xff\xff\xff", "broken.txt")
    assert caught.value.code == "IO002"


def test_normalize_keeps_length_and_folds_full_width() -> None:
    original = "第二十条第（一）项：１２３，ＡＢ　"
    folded = normalize(original)
    assert len(folded) == len(original)
    assert folded == "第二十条第(一)项:123,AB "
