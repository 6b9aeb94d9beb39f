"""Source lines as the lexer, parser and table assembly see them: number, original, folded."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from reportlint.parse.normalize import normalize


class SourceLine(NamedTuple):
    """One line of the report text; ``folded`` is ``text`` normalized one character to one.

    A named tuple: one is made for every line of every report, and tuples are the cheapest to build.
    """

    number: int
    text: str
    folded: str

    @property
    def stripped(self) -> str:
        """The folded text without surrounding white space."""
        return self.folded.strip()

    @property
    def indent(self) -> int:
        """Columns of leading white space (so column = indent + 1 for the first visible char)."""
        return len(self.folded) - len(self.folded.lstrip())


def split_lines(text: str) -> list[SourceLine]:
    """Number the lines of a text (LF line ends, as loaders produce) from 1."""
    folded = normalize(text)
    numbered = zip(range(1, text.count("\n") + 2), text.split("\n"), folded.split("\n"), strict=True)
    return list(map(_make_line, numbered))


# SourceLine((number, text, folded)) without the Python-level __new__ of the named tuple.
_make_line: Callable[[tuple[int, str, str]], SourceLine] = partial(tuple.__new__, SourceLine)
