"""OFD files (the national fixed-layout format, GB/T 33190) are named and explained, not read.

An .ofd is a zip whose root holds ``OFD.xml``; without this module it would fall through to
plain text and be reported as having no report text, which tells the user nothing.
"""

from __future__ import annotations

from reportlint.load.source import InputError, SourceDocument


def load_ofd(data: bytes, path: str) -> SourceDocument:
    """Always an IO001 that says what the file is and how to make a readable one."""
    del data
    raise InputError(
        "IO001",
        f"{path}：这是 OFD 版式文件（GB/T 33190），reportlint 不能直接读取；"
        "请用 OFD 阅读器（如数科、福昕 OFD 阅读器）导出为带文字层的 PDF，或提供 Word（.docx）原稿后再检查",
    )
