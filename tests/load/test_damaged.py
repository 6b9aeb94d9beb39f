"""Damaged files of every format end in an InputError or a document, never a traceback."""

from __future__ import annotations

import random

import pytest
from layout_reading import fixture_bytes

from reportlint.load import load_bytes
from reportlint.load.source import InputError
from reportlint.plugins.host import create_host


@pytest.mark.parametrize("name", ["000.docx", "001.html", "000.pdf"])
def test_truncated_or_overwritten_files_never_raise_anything_else(name: str) -> None:
    data = fixture_bytes(name)
    host = create_host(load_entry_points=False)
    rng = random.Random(name)  # fixed per file: the same damage on every run
    outcomes = set()
    for _ in range(25):
        cut = rng.randrange(1, len(data))
        noise = bytes(rng.randrange(256) for _ in range(64))
        for damaged in (data[:cut], data[:cut] + noise + data[cut + 64 :]):
            try:
                load_bytes(name, damaged, host)
                outcomes.add("read")
            except InputError as error:
                assert error.code.startswith("IO") and error.message.startswith(name)
                outcomes.add(error.code)
    assert outcomes - {"read"}, "no damage was detected at all"
