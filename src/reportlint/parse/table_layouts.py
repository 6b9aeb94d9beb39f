"""Split a table block into cell tokens, whatever layout the loader or web page produced.

Every layout of TEMPLATE.md section 3 ends up as one flat list of tokens in reading order, each with
its exact span in the original text and the table row it belongs to (when the layout shows rows).
Assembly then works on labels and values alone and never needs to know the layout.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import partial
from typing import NamedTuple

from reportlint.model import CellKind, Span
from reportlint.parse.cells import classify
from reportlint.parse.template import label_key
from reportlint.parse.textlines import SourceLine

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_PIPE_PIECE = re.compile(r"[^|]+|(?<=\|)(?=\|)")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_FIGURE = re.compile(r"\d(?![.、]\D)")  # a digit that does not number a label ("2.其他…")
# Figures of a flattened row: digits (a space or a decimal point inside), but not the "2." that
# numbers the next label ("00000002.其他法律…" is 0000000 then "2.其他…").
_FIGURES = re.compile(r"\d+(?:\.\d+)?(?:[ \t]+\d+(?:\.\d+)?)*")
_NUMBERING = re.compile(r"[.、]\D")
_MIN_RUN_ON = 40
_MIN_RUNS = 3
_UNITS = frozenset("件个条人次元年月日天%")  # after a figure: prose, not a cell
_LONG_RUN = 7  # the figures of one whole row of table 三 (seven cells) or 四


class Token(NamedTuple):
    """One cell as written: original text (lines of a split cell joined), folded key, span, row.

    A named tuple: one is made per cell, hundreds per report, and tuples are the cheapest to build.
    """

    text: str
    key: str
    span: Span
    row: int
    kind: CellKind
    value: Decimal | None
    is_value: bool
    """A number, blank or "/": something that can only be a cell value, never a label."""
    run: bool = False
    """From a flattened row: figures run together ("640020470": several cells, cut by the table's
    identities) or labels run together ("…现行有效件数规章"), which assembly cuts at known labels."""

    @property
    def is_blank(self) -> bool:
        """An empty cell (a lone TAB line, "| |")."""
        return self.kind is CellKind.BLANK


# Token((text, key, span, …)) without the Python-level __new__ of the named tuple.
_new_token: Callable[[tuple[str, str, Span, int, CellKind, Decimal | None, bool, bool]], Token] = partial(
    tuple.__new__, Token
)
_Meaning = tuple[str, CellKind, Decimal | None, bool]
_MEANINGS: dict[str, _Meaning] = {}
_MAX_MEANINGS = 4096


def _meaning(text: str) -> _Meaning:
    """A cell text's folded key, kind, value and whether it is a value, remembered.

    Tables repeat "0" and the labels. The memo is bounded so checking thousands of reports cannot
    grow it without limit.
    """
    found = _MEANINGS.get(text)
    if found is None:
        kind, value = classify(text)
        found = (label_key(text), kind, value, kind is not CellKind.TEXT)
        if len(_MEANINGS) < _MAX_MEANINGS:
            _MEANINGS[text] = found
    return found


def _is_value_text(text: str) -> bool:
    return _meaning(text)[3]


def make_token(text: str, span: Span, row: int) -> Token:
    """A token for ``text`` (original characters) at ``span``."""
    key, kind, value, is_value = _meaning(text)
    return _new_token((text, key, span, row, kind, value, is_value, False))


def _visible(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The first and one-past-last index of non-space characters in ``folded[start:end]``."""
    piece = folded[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    first = start + len(piece) - len(piece.lstrip())
    return first, first + len(stripped)


def _blanked(found: re.Match[str]) -> str:
    return " " * len(found.group())


class _Tokenizer:
    """Walks the lines once; keeps the current row number and the cell a bare line continues."""

    def __init__(self, tab_layout: bool) -> None:
        self.tab_layout = tab_layout
        self.tokens: list[Token] = []
        self.row = 0
        self.open_cell: int | None = None

    def emit(self, line: SourceLine, first: int, last: int) -> None:
        number = line.number
        span = Span(number, first + 1, number, last + 1)  # last > first: the cell is not empty
        self.tokens.append(make_token(line.text[first:last], span, self.row))

    def continue_cell(self, line: SourceLine, first: int, last: int) -> None:
        """A bare line inside a docx cell: join it to the cell above (labels split over lines)."""
        assert self.open_cell is not None
        above = self.tokens[self.open_cell]
        span = Span(above.span.line, above.span.column, line.number, last + 1)
        self.tokens[self.open_cell] = make_token(above.text + line.text[first:last], span, above.row)

    def feed_all(self, lines: Sequence[SourceLine]) -> None:
        """Read every line; the common docx cell line (TAB, "12") is handled inline (hot loop)."""
        tokens = self.tokens
        tab_layout = self.tab_layout
        for line in lines:
            number, text, folded = line
            if "[bookmark:" in folded:
                folded = _BOOKMARK.sub(_blanked, folded)
            if "|" in folded:
                self.pipe_line(line, folded)
                continue
            stripped = folded.strip()
            starts_cell = tab_layout and text[:1] == "\t"
            if not stripped:
                if starts_cell:
                    tokens.append(make_token("", Span(number, 2, number, 2), self.row))
                else:
                    self.row += 1
                self.open_cell = None
                continue
            first = len(folded) - len(folded.lstrip())
            last = first + len(stripped)
            if tab_layout:
                if not starts_cell and self.open_cell is not None:
                    self.continue_cell(line, first, last)
                    continue
            else:
                self.row += 1
            # isalnum: most cells ("0", "行政许可") hold no space; the regex is only asked otherwise.
            spaced = not stripped.isalnum() and _SPACE.search(stripped) is not None
            if spaced and (self.flattened_row(line, folded) or self.spaced_words(line, folded, True)):
                continue
            if (
                last - first >= _MIN_RUN_ON
                or (not stripped.isdigit() and _FIGURE.search(stripped) is not None)
            ) and self.run_on(line, folded, first, last):
                continue
            if spaced and self.spaced_words(line, folded, False):
                continue
            cell = text[first:last]
            key, kind, value, is_value = _MEANINGS.get(cell) or _meaning(cell)
            span = Span(number, first + 1, number, last + 1)  # last > first: the cell is not empty
            # Seven or more digits alone are a whole row's figures run together (no count in
            # tables 三 and 四 reaches a million); cut only when the row lacks cells.
            run = last - first >= _LONG_RUN and stripped.isdigit()
            tokens.append(_new_token((cell, key, span, self.row, kind, value, is_value, run)))
            self.open_cell = len(tokens) - 1 if starts_cell else None

    def flattened_row(self, line: SourceLine, folded: str) -> bool:
        """Words separated by spaces, all but the first values ("规章 0 0 0"): one cell each."""
        words = list(_WORD.finditer(folded))
        if not all(_is_value_text(word.group()) for word in words[1:]):
            return False
        for word in words:
            self.emit(line, word.start(), word.end())
        self.open_cell = None
        return True

    def spaced_words(self, line: SourceLine, folded: str, with_value: bool) -> bool:
        """Rows a scrape joined with spaces ("规章 0 0 0 行政规范性文件 2 13 9", "0 0 （三）不予公开
        1.属于国家秘密", "信息内容 本年处理决定数量 行政许可"): one cell per word, a word of a label
        and its figures cut as a flattened row. Labels split at a space are joined again by the
        label matching, labels run together in a word are cut by it. With ``with_value``, only a
        line with a value standing alone as a word (else cut as a run-on line first). Not a
        sentence or a counted figure ("共 3 件。" is a note)."""
        words = list(_WORD.finditer(folded))
        values = [_is_value_text(word.group()) for word in words]
        if with_value and not any(values):
            return False
        counted = any(
            value and word.group()[0] in _UNITS for value, word in zip(values, words[1:], strict=False)
        )
        if counted or "。" in folded:
            return False
        for word, is_value in zip(words, values, strict=True):
            start, end = word.span()
            if is_value or not self.run_on(line, folded, start, end):
                span = Span(line.number, start + 1, line.number, end + 1)
                key, kind, value, value_like = _meaning(line.text[start:end])
                token = (line.text[start:end], key, span, self.row, kind, value, value_like, not is_value)
                self.tokens.append(_new_token(token))
        self.open_cell = None
        return True

    def run_on(self, line: SourceLine, folded: str, first: int, last: int) -> bool:
        """Labels and figures run together ("规章 000行政规范性文件693665…"): a token for each run.

        Only a line with several labels and several runs of figures, or with a label before its
        figures ("规章000", "规章000行政规范性文件": rows flattened), is cut, so a one-cell line such as
        "（其中修订 16 件）" stays one cell, and never a sentence (a full stop, or figures with a
        unit: "共收到申请12件。" is a note under the table). A figure run is marked ``run``: how its
        digits divide into cells is decided by the table's identities (parse.figures), not here.
        """
        if "。" in folded[first:last]:
            return False
        runs = list(_figure_runs(folded, first, last))
        if (
            len(runs) < _MIN_RUNS
            and not any(end - start >= _LONG_RUN for start, end in runs)
            and not (runs and runs[0][0] > first)
        ):
            return False
        if any(folded[end : end + 2].lstrip()[:1] in _UNITS for _, end in runs):  # "16 件" too
            return False
        texts = [(a[1], b[0]) for a, b in itertools.pairwise(runs)]
        texts = [(first, runs[0][0]), *texts, (runs[-1][1], last)]
        if not any(folded[start:end].strip() for start, end in texts):
            return False
        self.row += 1
        for (text_start, text_end), figures in itertools.zip_longest(texts, runs):
            bounds = _visible(folded, text_start, text_end)
            if bounds is not None:
                start, end = bounds
                span = Span(line.number, start + 1, line.number, end + 1)
                cell = line.text[start:end]
                key, kind, value, is_value = _meaning(cell)
                self.tokens.append(_new_token((cell, key, span, self.row, kind, value, is_value, True)))
            if figures is not None:
                self.row += 1
                start, end = figures
                span = Span(line.number, start + 1, line.number, end + 1)
                cell = line.text[start:end]
                key, kind, value, _ = _meaning(cell)
                self.tokens.append(_new_token((cell, key, span, self.row, kind, value, True, True)))
        self.open_cell = None
        return True

    def pipe_line(self, line: SourceLine, folded: str) -> None:
        """A line with "|": a pipe row, a cell ending " |", or filler such as "|||"."""
        self.open_cell = None
        pieces = [(m.start(), m.end()) for m in _PIPE_PIECE.finditer(folded)]
        filled = [piece for piece in pieces if _visible(folded, *piece) is not None]
        if not filled:
            self.row += 1
            return
        row_line = folded.lstrip().startswith("|") or len(filled) > 1
        if row_line:
            self.row += 1
        last_filled = filled[-1]
        for start, end in pieces:
            bounds = _visible(folded, start, end)
            if bounds is not None:
                self.emit(line, *bounds)
            elif end > start and (start < last_filled[0] or (row_line and folded[end : end + 1] == "|")):
                # a blank cell: before a filled one, or between two bars of a row ("| 规章 |  |")
                self.tokens.append(make_token("", Span.on_line(line.number, start + 1, 0), self.row))
        if len(filled) > 1:
            self.row += 1


def _figure_runs(folded: str, first: int, last: int) -> Iterator[tuple[int, int]]:
    """Runs of figures in a line, less the digit that numbers a following label ("2.其他…")."""
    for found in _FIGURES.finditer(folded, first, last):
        start, end = found.span()
        if _NUMBERING.match(folded, end):
            end -= 1
        if end > start and folded[end - 1].isdigit():
            yield start, end


def tokenize(lines: Sequence[SourceLine]) -> list[Token]:
    """All cells of a table block in reading order; blank separator lines are not cells."""
    tokenizer = _Tokenizer(tab_layout=any(line.text.startswith("\t") for line in lines))
    tokenizer.feed_all(lines)
    return tokenizer.tokens
