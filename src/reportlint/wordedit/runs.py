"""The visible characters of one w:p, run by run, and the two edits made on them.

The characters are those the .docx loader reads, found by the loader's own walk (load/wordml.py:
w:t text and w:tab as one space; deleted and moved-away text, field instructions, nested fields
included, and text boxes inside a run are not visible), so an edit or a comment never lands in
deleted text or a field code. Splitting a run copies it, properties included, so both halves
look the same as the whole did.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from typing import Any

from reportlint.load.wordtext import pieces

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
R, _T, _TAB, _RPR = f"{_W}r", f"{_W}t", f"{_W}tab", f"{_W}rPr"


@dataclass(frozen=True, slots=True)
class Segment:
    """One visible piece: a w:t (its text) or a w:tab (one space), at ``start`` in the paragraph."""

    node: Any
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def run(self) -> Any:
        return self.node.getparent()

    @property
    def editable(self) -> bool:
        return bool(self.node.tag == _T and self.run is not None and self.run.tag == R)


def segments(paragraph: Any) -> list[Segment]:
    """The visible pieces of a paragraph in order."""
    found: list[Segment] = []
    start = 0
    for node, text in pieces(paragraph):
        found.append(Segment(node, start, text))
        start += len(text)
    return found


def visible_text(paragraph: Any) -> str:
    """The paragraph's text as the loader reads it."""
    return "".join(segment.text for segment in segments(paragraph))


def _set_text(node: Any, text: str) -> None:
    node.text = text
    node.set(_XML_SPACE, "preserve")


def _split(paragraph: Any, offset: int) -> bool:
    """Make ``offset`` a run boundary; False when the characters there are not in a plain run."""
    for segment in segments(paragraph):
        if segment.start < offset < segment.end or (segment.start == offset and segment.start > 0):
            if segment.start == offset and _first_visible(segment):
                return True
            if not segment.editable:
                return False
            _split_run(segment, offset - segment.start)
            return True
    return True


def _first_visible(segment: Segment) -> bool:
    """True when no visible piece of the same run comes before this one."""
    for child in segment.run:
        if child is segment.node:
            return True
        if child.tag in (_T, _TAB):
            return False
    return True


def _split_run(segment: Segment, inside: int) -> None:
    """Cut the segment's run in two before character ``inside`` of the segment."""
    run = segment.run
    children = list(run)
    index = children.index(segment.node)
    twin = copy.deepcopy(run)
    twin_children = list(twin)
    for child in children[index + 1 :]:
        run.remove(child)
    for child in twin_children[:index]:
        if child.tag != _RPR:
            twin.remove(child)
    if inside > 0:
        _set_text(segment.node, segment.text[:inside])
        _set_text(twin_children[index], segment.text[inside:])
    else:
        run.remove(segment.node)
    run.addnext(twin)


def anchor_runs(paragraph: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """The first and last w:r holding characters ``start``..``end`` (split so they hold no more).

    None when the range holds no visible characters (an empty paragraph or range).
    """
    if end <= start or not (_split(paragraph, start) and _split(paragraph, end)):
        return None
    inside = [s for s in segments(paragraph) if s.start < end and s.end > start]
    if not inside:
        return None
    return inside[0].run, inside[-1].run


def replace_text(paragraph: Any, start: int, end: int, new: str) -> bool:
    """Replace characters ``start``..``end`` by ``new``, changing only the characters that differ
    (so "[2021]" → "〔2021〕" edits the brackets, the year stays in its own run), each change made
    inside the run that held the characters. False (and nothing changed) when a change would
    touch a tab, a field or text outside a plain run."""
    old = visible_text(paragraph)[start:end]
    changes = [
        (start + i1, start + i2, new[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    planned = [_plan(segments(paragraph), a, b, text) for a, b, text in changes]
    if any(plan is None for plan in planned):
        return False
    for a, b, text in reversed(changes):  # right to left: earlier offsets stay valid
        _apply(segments(paragraph), a, b, text)
    return True


def _plan(pieces: list[Segment], a: int, b: int, text: str) -> list[Segment] | None:
    """The segments a change touches, or None when one of them cannot be edited."""
    if a == b:
        holder = next((s for s in pieces if s.start < a <= s.end), None) or next(
            (s for s in pieces if s.start <= a < s.end), None
        )
        return [holder] if holder is not None and holder.editable else None
    touched = [s for s in pieces if s.start < b and s.end > a]
    return touched if touched and all(s.editable for s in touched) else None


def _apply(pieces: list[Segment], a: int, b: int, text: str) -> None:
    touched = _plan(pieces, a, b, text)
    assert touched is not None
    first = touched[0]
    if a == b:
        at = a - first.start
        _set_text(first.node, first.text[:at] + text + first.text[at:])
        return
    for index, segment in enumerate(touched):
        keep_before = segment.text[: max(a - segment.start, 0)]
        keep_after = segment.text[max(b - segment.start, 0) :] if b < segment.end else ""
        _set_text(segment.node, keep_before + (text if index == 0 else "") + keep_after)
