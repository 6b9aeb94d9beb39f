"""Text runs of a PDF page from character origins and the font's own metrics, never glyph outlines.

PDFium's tight character boxes (and the text rectangles built from them) are the outlines of the
glyphs it renders: for a font the PDF does not embed they come from whatever substitute font the
machine has, and with no CJK font installed they collapse to nothing. The loose box is the
character's origin, its advance width and the font's ascent and descent, all of which the PDF
itself states, so positions (and so lines, cells and findings) are the same on every machine.
Generated characters (the spaces and line breaks PDFium infers) have no box and are skipped:
gaps are judged from positions instead.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

# A character further right than this share of the line height after the previous one starts a
# new run; a run is text set tight, as a word processor sets one span of a line.
RUN_GAP = 0.3
# Characters whose baselines differ by less than this share of the height stand on one line.
SAME_BASELINE = 0.3
# A loose box taller than this (points) is checked against the font size (see _em_box).
SUSPECT_HEIGHT = 40.0


@dataclass
class Segment:
    """A run of characters set tight on one baseline, with the box the PDF gives it."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    starts: list[float] = field(default_factory=list)  # each character's left edge
    spacing: float = 0.0  # the widest gap between its characters (justified or letter-spaced text)

    def split(self, x: float) -> tuple[Segment, Segment | None]:
        """The part left of ``x`` and the rest (a run that crosses a cell border: text set
        tight in narrow cells runs on from one cell into the next)."""
        cut = next((i for i, start in enumerate(self.starts) if i and start >= x), None)
        if cut is None:
            return self, None
        rest = Segment(
            self.text[cut:],
            self.starts[cut],
            self.bottom,
            self.right,
            self.top,
            self.starts[cut:],
            self.spacing,
        )
        head = Segment(
            self.text[:cut],
            self.left,
            self.bottom,
            self.starts[cut],
            self.top,
            self.starts[:cut],
            self.spacing,
        )
        return head, rest

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return self.top - self.bottom


def page_segments(textpage: Any) -> list[Segment]:
    """Every visible run of text on the page, in the order the page draws it."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside the BMP come as two UTF-16 units
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, index)) for index in range(count))
    rect = raw.FS_RECTF()
    pointer = ctypes.byref(rect)
    segments: list[Segment] = []
    current: Segment | None = None
    for index in range(count):
        char = text[index]
        if char in "\r\n" or not raw.FPDFText_GetLooseCharBox(textpage, index, pointer):
            continue
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        height = top - bottom
        if height <= 0:  # a generated character (no text object behind it)
            continue
        if height > SUSPECT_HEIGHT or right - left > 2 * height:
            left, bottom, right, top = _em_box(textpage, index, (left, bottom, right, top))
            height = top - bottom
        if (
            current is not None
            and abs(current.bottom - bottom) < SAME_BASELINE * height
            and current.left < left <= current.right + RUN_GAP * height
        ):
            if not char.isspace():
                current.spacing = max(current.spacing, left - current.right)
            current.text += char
            current.starts.append(left)
            current.right = max(current.right, right)
            current.top = max(current.top, top)
            continue
        if current is not None:
            _close(current, segments)
            current = None
        if not char.isspace():  # a run starts at its first visible character
            current = Segment(char, left, bottom, right, top, [left])
    if current is not None:
        _close(current, segments)
    return segments


def _em_box(
    textpage: Any, index: int, loose: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """The character's em square at its origin, when the loose box is far larger than the font
    size: PDFium does not scale the loose box of a vertical-writing (Identity-V) font, as Word
    and WPS use for labels set top to bottom in a merged cell."""
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    if not (
        raw.FPDFText_GetMatrix(textpage, index, matrix) and raw.FPDFText_GetCharOrigin(textpage, index, x, y)
    ):
        return loose
    size = raw.FPDFText_GetFontSize(textpage, index) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    if size <= 0 or (loose[3] - loose[1] <= 2.5 * size and loose[2] - loose[0] <= 2.5 * size):
        return loose
    return x.value, y.value - 0.12 * size, x.value + size, y.value + 0.88 * size


def _close(segment: Segment, segments: list[Segment]) -> None:
    """Keep a finished run; its drawn trailing spaces stay in its box (as in the PDF's own text
    rectangles) but not in its text."""
    segment.text = segment.text.rstrip()
    del segment.starts[len(segment.text) :]
    segments.append(segment)
