"""A PDF's lines written in reading order: table rows as tables, wrapped lines as one paragraph.

A line continues in the next one when it was wrapped: it runs so close to the right margin that
the next line's first word (one character of Chinese, a number or a Latin word with the
punctuation that may not be parted from it) would not have fitted after it. The next line then
starts a new paragraph all the same when it is indented, or set further below than the lines
of a paragraph are (the space a word processor or a web page puts between paragraphs), or,
at the top of a page, where that space is not printed, when it starts a numbered item. A large
title over two centred lines is one title.
"""

from __future__ import annotations

import itertools
import re
import statistics

from reportlint.load.layout import TextBuilder
from reportlint.load.pdf_lines import Line
from reportlint.load.source import LineOrigin

# A line that ends less than this share of a line height before the room the next line's first
# word needs was wrapped (a character pushed on by the rule that keeps "，" off a line's start).
WRAP_TOLERANCE = 0.5
# Lines further apart than this many times the usual distance stand in different paragraphs.
PARAGRAPH_GAP = 1.3
PITCH_STEP = 0.05  # distances within this share of a line height are one distance
# A numbered item's start: after a page break, where no space tells paragraphs apart, a line
# that starts like one ("（三）", "三、", "3.") starts a paragraph.
_ITEM = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))"
)


def flow(lines: list[Line]) -> TextBuilder:
    """Write lines in reading order: consecutive rows form one table, wrapped lines rejoin."""
    builder = TextBuilder()
    body = [line for line in lines if not line.cells]
    margin = max((line.right for line in body), default=0.0)
    indent = min((line.left for line in body), default=0.0)
    body_height = statistics.median(line.height for line in body) if body else 0.0
    pitch = _line_pitch(body)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.cells:
            end = index
            while end < len(lines) and lines[end].cells:
                end += 1
            builder.table(
                [row.cells for row in lines[index:end]], pages=[row.page for row in lines[index:end]]
            )
            index = end
            continue
        text = line.text
        while index + 1 < len(lines) and not lines[index + 1].cells:
            before, after = lines[index], lines[index + 1]
            wrapped = (
                before.right + max(after.lead, before.height) >= margin - WRAP_TOLERANCE * before.height
                and after.left < indent + before.height / 2  # indented: starts anew
                and not _spaced(before, after, pitch)
                and not (before.page != after.page and _ITEM.match(after.text))
            )
            if not (wrapped or _one_heading(before, after, body_height, (indent + margin) / 2)):
                break
            index += 1
            text += after.text
        builder.paragraph(text, LineOrigin(f"第{line.page}页", page=line.page))
        index += 1
    return builder


def _line_pitch(body: list[Line]) -> float:
    """The distance between the lines of a paragraph, in line heights: the smallest distance
    that is common (paragraphs of one or two lines may outnumber the lines inside paragraphs,
    so neither the median nor the most frequent distance would do)."""
    counts: dict[float, int] = {}
    for before, after in itertools.pairwise(body):
        if before.page == after.page and before.height > 0 and 0 < before.top - after.top < 3 * before.height:
            pitch = round((before.top - after.top) / before.height / PITCH_STEP) * PITCH_STEP
            counts[pitch] = counts.get(pitch, 0) + 1
    common = max(2, sum(counts.values()) // 10)
    return min((pitch for pitch, count in counts.items() if count >= common), default=0.0)


def _spaced(before: Line, after: Line, pitch: float) -> bool:
    """The next line stands further below than lines of a paragraph do (on the same page)."""
    return (
        pitch > 0
        and before.page == after.page
        and before.top - after.top > PARAGRAPH_GAP * pitch * max(before.height, after.height)
    )


def _one_heading(line: Line, following: Line, body_height: float, middle: float) -> bool:
    """Two lines of a heading set larger than the text, centred one under the other (a title
    over two lines: the body, then the year and the title)."""
    centred = all(abs((x.left + x.right) / 2 - middle) < x.height for x in (line, following))
    return (
        centred
        and line.page == following.page
        and line.height > 1.2 * body_height
        and abs(line.height - following.height) < 0.1 * line.height
        and line.top - following.top < 2.5 * line.height
    )
