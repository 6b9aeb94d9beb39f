"""Source lines as the lexer, parser and table assembly see them: number, original, folded."""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.normalize import normalize


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the report text; ``folded`` is ``text`` normalized one character to one."""

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
    return [
        SourceLine(index + 1, original, fold)
        for index, (original, fold) in enumerate(zip(text.split("\n"), folded.split("\n"), strict=True))
    ]
