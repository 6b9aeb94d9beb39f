"""Terminal display helpers: East Asian display width, caret lines and colour.

A Chinese character takes two terminal columns, so a caret under a cell must be placed by display
width, not by code-point count. Tabs are expanded the same way in the source line and the caret
line so both stay aligned.
"""

from __future__ import annotations

import os
import unicodedata
from typing import TextIO

TAB_SIZE = 4


def char_width(char: str) -> int:
    """Columns one character takes: 2 for East Asian Wide/Fullwidth, 0 for combining marks."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def expand_tabs(text: str) -> str:
    """Replace tabs by spaces up to the next tab stop, counting display width."""
    out: list[str] = []
    width = 0
    for char in text:
        if char == "\t":
            pad = TAB_SIZE - width % TAB_SIZE
            out.append(" " * pad)
            width += pad
        else:
            out.append(char)
            width += char_width(char)
    return "".join(out)


def display_width(text: str) -> int:
    """Columns a string takes on a terminal (tabs expanded)."""
    return sum(char_width(char) for char in expand_tabs(text))


def caret_line(line: str, column: int, end_column: int) -> str:
    """Spaces then carets under code points [column, end_column) of ``line`` (1-based, end exclusive).

    A span past the end of the line or an empty span still gets one caret, so every diagnostic
    shows where it points.
    """
    start = max(column, 1) - 1
    end = max(end_column - 1, start + 1)
    lead = display_width(line[:start])
    marked = display_width(line[start:end])
    return " " * lead + "^" * max(marked, 1)


def excerpt(line: str, column: int, end_column: int, width: int = 100) -> tuple[str, int, int]:
    """A window of a long line around code points [column, end_column), for showing under a
    diagnostic: report paragraphs are often hundreds of characters on one line.

    Returns the shown text (with "…" where it was cut) and the span's columns in it. A line that
    fits in ``width`` display columns is returned whole.
    """
    if display_width(line) <= width:
        return line, column, end_column
    start = min(max(column, 1) - 1, len(line))
    end = min(max(end_column - 1, start + 1), len(line))
    left = start
    budget = width // 4  # some context before the span
    while left > 0 and budget - char_width(line[left - 1]) >= 0:
        budget -= char_width(line[left - 1])
        left -= 1
    right = left
    used = 0
    while right < len(line) and (right < end or used + char_width(line[right]) <= width):
        used += char_width(line[right])
        right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shift = len(prefix) - left
    return prefix + line[left:right] + suffix, start + 1 + shift, end + 1 + shift


def use_colour(stream: TextIO, environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """Colour only on a terminal; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_STYLES = {"bold": "1", "red": "31", "yellow": "33", "blue": "34", "cyan": "36", "dim": "2"}


def paint(text: str, style: str, enabled: bool) -> str:
    """Wrap text in an ANSI style when colour is enabled."""
    if not enabled or not text:
        return text
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"
