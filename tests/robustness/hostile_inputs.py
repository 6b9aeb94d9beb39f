"""Generators of bad inputs: each builds the bytes of one hostile file (binary ones are not stored)."""

from __future__ import annotations

import io
import zipfile

REPORT_LINE = "某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度我县依法做好政府信息公开工作。\n"


def nested_html(depth: int, tag: str = "div") -> bytes:
    """A page whose report text sits ``depth`` elements deep."""
    text = "一、总体情况 某县政府信息公开工作年度报告" * 20
    return f"<html><body>{f'<{tag}>' * depth}{text}{f'</{tag}>' * depth}</body></html>".encode()


def big_table(rows: int) -> bytes:
    """A report whose table 三 has ``rows`` pipe rows."""
    body = "\n".join(f"| 第{i}行 | {i} | {i} | {i} |" for i in range(rows))
    return f"{REPORT_LINE}三、收到和处理政府信息公开申请情况\n{body}\n".encode()


def zip_with(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(inflated_megabytes: int) -> bytes:
    """A .docx-looking zip whose document.xml inflates to ``inflated_megabytes`` of zeros."""
    return zip_with({"word/document.xml": b"0" * (inflated_megabytes * 1024 * 1024)})


OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
