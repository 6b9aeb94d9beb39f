"""Markdown marks and page footers read as white space, column for column.

OCR and PDF-to-Markdown tools write "## 一、总体情况", "**（一）主动公开**", pipe tables with a
"|---|---|" rule under the header and "<br>" between a cell's lines, and keep the page footers
"— 1 —". Replacing the marks by
spaces in the lines the parser reads (never in the report text itself, which messages quote)
keeps every column exact and lets the lexer and the table layouts see a plain report.
"""

from __future__ import annotations

import re

from reportlint.model import Noise, Span
from reportlint.parse.textlines import SourceLine

# The dashes a page footer is drawn with ("— 1 —", "- 1 -", "－1－", "―1―"), as written: the quick
# test below reads the text before folding.
_DASH = "[—–\\-－―─﹣‐‑−]"
# Page footers anywhere in the text ("— 1 —" on a line of its own), for the quick test below.
_ANY_FOOTER = re.compile(rf"\n[ \t]*(?:{_DASH}+[ \t]*\d{{1,3}}[ \t]*{_DASH}+|第[ \t]*\d{{1,3}}[ \t]*页)")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# A Markdown heading that is a table's caption ("## 表二：主动公开政府信息情况"): no cell of it.
_CAPTION = re.compile(r"^[ \t]*#{1,6}[ \t]+(?:附)?表[一二三四1-4][ \t]*[:：、.]")
_EMPHASIS = re.compile(r"\*\*|__")
# A line break inside a pipe-table cell, as PDF-to-Markdown tools (marker) write it.
_BREAK = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_RULE = re.compile(
    r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$|^[ \t]*:?-{3,}:?[ \t]*$"
)
_FOOTER = re.compile(
    rf"^[ \t]*(?:{_DASH}+[ \t]*\d{{1,3}}[ \t]*{_DASH}+"  # "— 1 —"
    r"|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)[ \t]*$"  # "第 1 页 共 7 页"
)


def has_marks(text: str) -> bool:
    """True when the text may hold Markdown marks or page footers (a cheap test for every report)."""
    if "#" in text or "**" in text or "__" in text or "---" in text or "<br" in text:
        return True
    return _ANY_FOOTER.search(text) is not None


def unmark(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Noise]]:
    """The lines with heading marks, emphasis, table rules and page footers blanked, and the page
    footers as noise (the report's own text skipped, like page chrome)."""
    footers = [
        Noise(
            "page-footer", line.text.strip(), Span.on_line(line.number, line.indent + 1, len(line.stripped))
        )
        for line in lines
        if _FOOTER.match(line.folded)
    ]
    return [_unmarked(line) for line in lines], footers


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group())


def _unmarked(line: SourceLine) -> SourceLine:
    folded = line.folded
    if _RULE.match(folded) or _FOOTER.match(folded) or _CAPTION.match(folded):
        return SourceLine(line.number, "", "")
    changed = _EMPHASIS.sub(_blank, _HEADING.sub(_blank, folded, count=1))
    if "<" in changed:
        changed = _BREAK.sub(_blank, changed)
    if changed == folded:
        return line
    # Blank the same columns of the original text (folding maps one character to one).
    text = "".join(
        " " if new == " " and old != " " else char
        for char, old, new in zip(line.text, folded, changed, strict=True)
    )
    return SourceLine(line.number, text, changed)
