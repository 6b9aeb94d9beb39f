"""Web pages imported into a .docx (``w:altChunk``, HTML or MHT), read where they stand.

Some office systems export a report as a .docx whose body only points at an HTML part; Word
converts it into paragraphs and tables when the file is opened, so the report is there for the
drafter though the body holds no text. The part is read by the HTML loader; its lines keep the
page's descriptions but no paragraph or table numbers (they are not the .docx's own), so
annotate and fix place nothing inside it.
"""

from __future__ import annotations

from typing import Any

from reportlint.load.html import load_html
from reportlint.load.layout import TextBuilder
from reportlint.load.source import InputError, LineOrigin

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MHT_TYPES = ("message/rfc822", "multipart/related")
WHERE = "嵌入的网页内容"


def add_chunk(builder: TextBuilder, package_part: Any, relation: str, path: str) -> None:
    """The lines of the imported part ``relation`` of ``package_part`` (python-docx's document
    part), when it is a web page holding text (HTML, or MHT: a page saved with its images in
    one MIME message); other kinds (RTF, Word) are left out."""
    part = package_part.related_parts.get(relation) if relation else None
    page = None if part is None else _page(part.content_type, part.blob)
    if page is None:
        return
    try:
        chunk = load_html(page, f"{path}（{WHERE}）")
    except InputError:
        return  # an imported page without a report adds nothing
    for line, origin in zip(chunk.text.split("\n")[:-1], chunk.origins, strict=False):
        builder.lines.append(line)
        where = origin.description if origin is not None else ""
        builder.origins.append(LineOrigin(f"{WHERE} {where}".strip()))


def _page(content_type: str, blob: bytes) -> bytes | None:
    """The HTML bytes of an imported part, or None for a kind that is not a web page."""
    if content_type in _HTML_TYPES:
        return blob
    if content_type not in _MHT_TYPES:
        return None
    import email

    message = email.message_from_bytes(blob)
    for piece in message.walk():
        if piece.get_content_type() == "text/html":
            payload = piece.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else None
    return None
