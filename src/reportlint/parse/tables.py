"""Assemble tables 二, 三 and 四 from their text block into cells keyed by template row and column.

The parser hands over the lines between a section heading and the next one; this module finds the
template's labels among the cells (table_labels), gives the values after each row label to the
columns in template order, and records everything it could not place as an AssemblyProblem instead
of guessing. It never raises: a broken table still yields a Table, with its problems.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from reportlint.model import (
    AssemblyProblem,
    Cell,
    CellKind,
    ColumnLabel,
    RowLabel,
    Span,
    Table,
    TableFormat,
)
from reportlint.parse.figures import (
    Piece,
    Reading,
    RowCheck,
    figure_value,
    groups_add_up,
    placements,
    readings,
    resolve,
    table3_columns_hold,
    total_is_sum,
)
from reportlint.parse.normalize import normalize
from reportlint.parse.table_labels import (
    Match,
    Role,
    Vocabulary,
    is_header_sentence,
    is_label_debris,
    match_label,
    near_label,
    vocabulary,
)
from reportlint.parse.table_layouts import Token, make_token, tokenize
from reportlint.parse.template import LabelSpec, Template, label_key, load_template
from reportlint.parse.textlines import SourceLine

TABLE4_ROW = "cases"
_IS_RUN = itemgetter(Token._fields.index("run"))
_STRAY_VALUES = 2
_FIGURES = re.compile(r"[\d.\s]+")  # what a run of figures written together may hold
_UNDECIDED = frozenset({"ambiguous-figures", "dropped-blanks"})


def assemble_table(key: str, lines: Sequence[SourceLine], report_year: int | None = None) -> Table:
    """Table ``key`` ("二", "三" or "四") from the lines of its block; never raises."""
    try:
        tokens = tokenize(lines)
        if key == "四":
            return _Table4(tokens, lines).build()
        return _RowTable(key, tokens, lines).build()
    except Exception as error:  # the contract is a Table, whatever the text holds
        span = _block_span(lines)
        problem = AssemblyProblem("unplaced", key, f"表{key}无法解析：{error!r}", span)
        return Table(key, TableFormat.UNKNOWN, span, {}, problems=(problem,))


def _blanks_shown(items: Sequence[Token | Match]) -> bool:
    """Whether a short row may have lost blank cells is asked only of a table that has figures
    and shows no blank value cell: a table of labels alone was left empty (no values), and a
    layout that shows one blank keeps them all. A blank before a label in the label's own row is
    a merged label cell written again ("|  | 2.其他…"), not a value cell kept blank."""
    figures = False
    for index, item in enumerate(items):
        if not isinstance(item, Token) or not item.is_value:
            continue
        figures = figures or item.kind is CellKind.NUMBER
        if item.is_blank and not _before_label(items, index):
            return True
    return not figures


def _before_label(items: Sequence[Token | Match], index: int) -> bool:
    """The blank at ``index`` stands, with any blanks after it, before a label of its own row."""
    row = items[index].row
    for item in items[index + 1 :]:
        if isinstance(item, Match):
            return item.row == row
        if not item.is_blank or item.row != row:
            return False
    return False


def _flattened(values: Sequence[Token]) -> bool:
    """Figures run together to be cut (parse.figures): only digits can be cut, so a row that also
    holds a "/", a blank or a figure written with a sign, comma or unit is read as written."""
    return any(token.run for token in values) and all(_FIGURES.fullmatch(token.text) for token in values)


def _same_values(found: Sequence[Reading]) -> bool:
    """Every placement gives each column the same number (blank = 0): only zeros move about."""
    values = [[figure_value(text) for text, _ in reading] for reading in found]
    return bool(values) and all(other == values[0] for other in values[1:])


def _common(found: Sequence[Reading]) -> Reading:
    """The placement all of ``found`` agree on; a column where a zero or a blank may stand is blank
    (not a zero: the identities skip a blank cell, and which one the report wrote is not known)."""
    return tuple(
        cells[0] if all(cell[0] == cells[0][0] for cell in cells) else ("", cells[0][1])
        for cells in zip(*found, strict=True)
    )


def _drop_filler(values: list[Token], columns: int) -> None:
    """Blanks past a row's last column between the last bars of the line its figures are on are
    filler ("| 3 | 4 | |"), not cells; an empty cell line of its own (a docx cell) is a cell."""
    while (
        len(values) > max(columns, 1) and values[-1].is_blank and values[-1].span.line == values[-2].span.line
    ):
        values.pop()


def _block_span(lines: Sequence[SourceLine]) -> Span:
    first = next((line for line in lines if _has_text(line)), None)
    if first is None:
        number = lines[0].number if lines else 1
        return Span(number, 1, number, 1)
    last = next(line for line in reversed(lines) if _has_text(line))
    return Span(first.number, 1, last.number, len(last.text) + 1)


def _has_text(line: SourceLine) -> bool:
    """Not a blank line (what ``line.stripped`` tells, without building the stripped copy)."""
    folded = line.folded
    return bool(folded) and not folded.isspace()


def _cover(tokens: Sequence[Token]) -> Span:
    return tokens[0].span.cover(tokens[-1].span)


def _items(tokens: Sequence[Token], words: Vocabulary) -> list[Token | Match]:
    """Tokens with every recognised label (possibly joined from several cells) replaced by a Match;
    a near miss of a label is looked for only where no label matches exactly."""
    if any(map(_IS_RUN, tokens)):  # in C: this is asked of every table
        tokens = [piece for token in tokens for piece in segment_labels(token, words)]
    found: list[Token | Match] = []
    index = 0
    count = len(tokens)
    after = -1  # template position of the last row or group label found
    while index < count:
        token = tokens[index]
        match = None
        if not token.is_value:
            match = match_label(tokens, index, words)
            if match is None and not is_header_sentence(token):
                match = near_label(tokens, index, words, after)
        if match is None:
            found.append(token)
            index += 1
        else:
            found.append(match)
            index = match.end
            after = words.position.get(match.entry.spec.key, after)
    return found


def segment_labels(token: Token, words: Vocabulary) -> list[Token]:
    """Labels run together in one cell ("…现行有效件数规章"): a token per known label, longest first.

    Characters that start no label are kept together as one text token each run, so they are still
    reported as unplaced text.
    """
    if not token.run or token.is_value:
        return [token]
    folded = normalize(token.text)
    keep = [i for i, char in enumerate(folded) if not (char.isspace() or char == "|")]
    key = token.key
    if len(keep) != len(key):
        return [token]
    longest = max(map(len, words.entries), default=0)
    pieces: list[tuple[int, int]] = []
    index = stray = 0
    while index < len(key):
        end = next(
            (e for e in range(min(len(key), index + longest), index, -1) if key[index:e] in words.entries),
            None,
        )
        if end is None:
            index += 1
            continue
        if stray < index:
            pieces.append((stray, index))
        pieces.append((index, end))
        index = stray = end
    if stray < len(key):
        pieces.append((stray, len(key)))
    line, column = token.span.line, token.span.column
    return [
        make_token(
            token.text[keep[start] : keep[end - 1] + 1],
            Span(line, column + keep[start], line, column + keep[end - 1] + 1),
            token.row,
        )
        for start, end in pieces
    ]


@dataclass(slots=True)
class _OpenRow:
    """A row label and the value cells read after it so far."""

    key: str
    spec: LabelSpec
    columns: tuple[LabelSpec, ...]
    anchor: Span
    label: Match | None
    values: list[Token] = field(default_factory=list)


class _Builder:
    """What every table collects: cells, labels, problems, and whether any value was seen."""

    def __init__(self, key: str, lines: Sequence[SourceLine]) -> None:
        self.key = key
        self.span = _block_span(lines)
        self.template: Template = load_template()
        self.cells: dict[tuple[str, str], Cell] = {}
        self.rows: list[RowLabel] = []
        self.columns: list[ColumnLabel] = []
        self.problems: list[AssemblyProblem] = []
        self.short_rows: list[AssemblyProblem] = []
        self.labels_seen = False
        self.blanks_shown = True  # the layout keeps blank cells (or has none): a short row lacks cells
        self.figures_put_back = False  # zeros put back where a zero or a blank may stand: not empty
        self.short_values = False  # a row short of cells (not placed) holds a value: not empty
        self.stray_values = 0  # numbers that fit no row: a sign the labels and figures came apart
        self.after_duplicate = False  # the values of a row written twice are that row's, not adrift

    def problem(self, kind: str, message: str, span: Span, **extra: str | None) -> None:
        self.problems.append(AssemblyProblem(kind, self.key, message, span, **extra))

    def stray(self, match: Match) -> None:
        if match.stray is not None:
            self.problem(
                "stray-text",
                f"表{self.key}标签“{match.written}”前有多余字符",
                match.stray,
                row=match.entry.spec.key,
                detail=match.written,
            )

    def unplaced(self, token: Token) -> None:
        if token.is_value and not token.is_blank and not self.after_duplicate:
            self.stray_values += 1
        elif is_header_sentence(token) or is_label_debris(token, vocabulary(self.key)):
            return
        self.problem("unplaced", f"表{self.key}中的“{token.text.strip()}”无法对应到模板的行和列", token.span)

    def place(self, row: str, columns: Sequence[LabelSpec], values: Sequence[Token], anchor: Span) -> None:
        """Values to columns in template order; surplus and shortfall become problems. A row short
        of cells places none: which column lacks its cell is not known, and a value checked in the
        column to its left would be a guess (CP011 reports the row, nothing else about it)."""
        if len(values) < len(columns):
            where = _cover(values) if values else anchor
            message = f"表{self.key}该行只有{len(values)}个单元格，模板有{len(columns)}列"
            self.short_rows.append(
                AssemblyProblem("missing-cells", self.key, message, where, row, None, str(len(values)))
            )
            self.short_values = self.short_values or any(not token.is_blank for token in values)
            return
        for column, token in zip(columns, values, strict=False):
            self.cells[(row, column.key)] = Cell(
                self.key, row, column.key, token.text.strip(), token.kind, token.value, token.span
            )
        if len(values) > len(columns):
            surplus = values[len(columns) :]
            if len(surplus) > len(columns):  # more than one lost label's row: figures adrift
                self.stray_values += sum(1 for token in surplus if not token.is_blank)
            message = f"表{self.key}该行有{len(values)}个单元格，模板只有{len(columns)}列"
            self.problem("extra-cells", message, _cover(surplus), row=row, detail=str(len(values)))

    def place_reading(self, row: str, columns: Sequence[LabelSpec], reading: Reading) -> None:
        """The cells of a flattened row read one way only, or of a row whose dropped blank cells go
        back one way only ("" in the reading): marked decoded."""
        for column, (text, span) in zip(columns, reading, strict=True):
            kind, value = (CellKind.NUMBER, figure_value(text)) if text else (CellKind.BLANK, None)
            self.cells[(row, column.key)] = Cell(self.key, row, column.key, text, kind, value, span, True)

    def may_have_dropped(self, values: Sequence[Token]) -> bool:
        """A row short of cells whose blank cells a scrape may have dropped: the table shows no
        blank cell anywhere (a layout that keeps them would show them) and the row holds figures
        only, no "/", and one zero at most (a row that writes its zeros has no blank cell to lose:
        it lacks a cell; a lone 0 is the 总计 of a row left blank, as many reports write it)."""
        return (
            not self.blanks_shown
            and all(token.kind is CellKind.NUMBER and not token.run for token in values)
            and sum(1 for token in values if token.value == 0) <= 1
        )

    def dropped_readings(
        self, values: Sequence[Token], columns: Sequence[LabelSpec], anchor: Span, check: RowCheck | None
    ) -> list[Reading] | None:
        """The ways to put a short row's figures back among its blank cells that ``check`` allows."""
        figures = [(token.text.strip(), token.span) for token in values]
        return placements(figures, len(columns), anchor, check)

    def dropped_undecided(self, row: str, label: str, span: Span, written: int, count: int | None) -> None:
        """A row short of cells whose figures go back among the dropped blank cells in several ways
        (or none) that the table allows: nothing in it is checked."""
        ways = "无法满足表内勾稽关系" if count == 0 else f"有{count}种排法" if count else "排法过多"
        self.problem(
            "dropped-blanks",
            f"表{self.key}“{label}”行只有{written}个数值（空白单元格在转换中丢失），"
            f"各数值所在的列{ways}，未作核对",
            span,
            row=row,
            detail=str(count if count is not None else ""),
        )

    def undecided(self, row: str, label: str, span: Span, count: int | None) -> None:
        """A flattened row whose figures can be cut in several ways (or none) that the table allows."""
        ways = "无法按表内勾稽关系拆分" if count == 0 else f"有{count}种拆分" if count else "拆分方式过多"
        self.problem(
            "ambiguous-figures",
            f"表{self.key}“{label}”行的数字连写在一起，{ways}，未作核对",
            span,
            row=row,
            detail=str(count if count is not None else ""),
        )

    def unreadable(self) -> Table | None:
        """One problem instead of the table when its labels and figures cannot be put together.

        Figures that fit no row, together with rows short of cells (their blank cells dropped or
        not), rows with too many or rows missing (or no row found at all), mean an extraction broke
        the table apart: every per-row and per-cell finding would be the extraction's fault, and
        any sum checked could be wrong.
        """
        broken = {"missing-cells", "extra-cells", "missing-row", "dropped-blanks"}
        kinds = {problem.kind for problem in (*self.problems, *self.short_rows)}
        no_rows = self.key != "四" and not self.rows
        if self.stray_values < _STRAY_VALUES or not (kinds & broken or no_rows):
            return None
        adrift = f"有{self.stray_values}个数值不在任何一行"
        message = f"表{self.key}的行标签与数值无法对应（{adrift}），无法读取该表，未核对"
        problem = AssemblyProblem("unreadable", self.key, message, self.span, detail=str(self.stray_values))
        return Table(
            self.key, TableFormat.UNKNOWN, self.span, {}, tuple(self.rows), tuple(self.columns), (problem,)
        )

    def finish(self, table_format: TableFormat) -> Table:
        broken = self.unreadable()
        if broken is not None:
            return broken
        # rows whose figures could not be placed hold values too, only not where to check them
        has_values = (
            self.figures_put_back
            or self.short_values
            or any(cell.kind is not CellKind.BLANK for cell in self.cells.values())
            or any(problem.kind in _UNDECIDED for problem in self.problems)
        )
        if has_values:
            self.problems.extend(self.short_rows)
        else:
            self.problem("no-values", f"表{self.key}没有任何数值", self.span)
        if not self.labels_seen and not has_values:
            table_format = TableFormat.UNKNOWN
        return Table(
            self.key,
            table_format,
            self.span,
            dict(self.cells),
            tuple(self.rows),
            tuple(self.columns),
            tuple(sorted(self.problems, key=lambda found: (found.span, found.kind))),
        )


class _RowTable(_Builder):
    """Tables 二 and 三: labelled rows of values."""

    def __init__(self, key: str, tokens: Sequence[Token], lines: Sequence[SourceLine]) -> None:
        super().__init__(key, lines)
        words = vocabulary(key)
        self.items = _items(tokens, words)
        self.label_prefixes = words.prefixes  # a cell that is the start of a label is not a value
        self.open: _OpenRow | None = None
        self.group: Match | None = None
        self.subtable: str | None = None
        self.subtable_2019: dict[str, bool] = {}
        self.found: dict[str, tuple[Span, Span]] = {}
        self.reported_missing: set[str] = set()
        self.header_columns = 0  # column labels seen since the last sub-table label
        self.is2019 = (
            self._table3_is2019()
            if key == "三"
            else any(isinstance(item, Match) and item.entry.is2019 for item in self.items)
        )
        self.flattened: list[_OpenRow] = []
        self.dropped: list[_OpenRow] = []  # short rows whose blank cells a scrape may have dropped
        self.blanks_shown = _blanks_shown(self.items)
        self.subtables_2019 = {row.key: sub for sub in self.template.format2019_table2 for row in sub.rows}

    def _table3_is2019(self) -> bool:
        """Table 三 in the 2019 trial format: （六）其他处理 is written and none of the 2021
        format's sub-rows of that group is."""
        group = self.template.format2019_table3_group
        labels = [item.entry for item in self.items if isinstance(item, Match)]
        return any(e.role is Role.GROUP and e.spec.key == group for e in labels) and not any(
            e.role is Role.ROW and e.spec.group == group for e in labels
        )

    def build(self) -> Table:
        for item in self.items:
            if isinstance(item, Match):
                self.label(item)
            else:
                self.value(item)
        self.close()
        self.decode()
        self.missing_rows()
        return self.finish(TableFormat.T2019 if self.is2019 else TableFormat.T2021)

    def label(self, match: Match) -> None:
        self.labels_seen = True
        self.after_duplicate = False
        self.stray(match)
        if self.open is not None:  # blank cells before a label in its own row are merged cells
            while (
                self.open.values and self.open.values[-1].is_blank and self.open.values[-1].row == match.row
            ):
                self.open.values.pop()
        self.close()
        role = match.entry.role
        if role is Role.ROW:
            self.open_row(match)
        elif (
            role is Role.GROUP
            and self.is2019
            and match.entry.spec.key == self.template.format2019_table3_group
        ):
            self.open_row(match)  # the 2019 format's （六）其他处理 is a row, with figures or blanks
        elif role is Role.GROUP:
            self.group = match
        elif role is Role.SUBTABLE:
            self.subtable = match.entry.spec.key
            self.header_columns = 0
            self.group = None
        elif role is Role.COLUMN:
            self.column(match)

    def column(self, match: Match) -> None:
        spec = self.column_in_place(match)
        if match.entry.is2019:
            if self.subtable is not None:
                self.subtable_2019[self.subtable] = True
            written, label = label_key(match.written), label_key(spec.label)
            if spec.is_variant(match.written) or (written != label and label.startswith(written)):
                self.problem(
                    "stray-text",
                    f"表{self.key}列标题“{match.written}”不完整（2019年格式：{spec.label}）",
                    match.span,
                    column=spec.key,
                    detail="label-variant",
                )
        if all(label.key != spec.key for label in self.columns):
            self.columns.append(ColumnLabel(spec.key, match.written, spec.label, match.span))

    def column_in_place(self, match: Match) -> LabelSpec:
        """The sub-table's column at this header position when the label is a cut-off start of
        it (2019 "本年新 | 本年新 | 对外公开总数量": the second is 本年新公开数量), else the match's."""
        spec = match.entry.spec
        position = self.header_columns
        self.header_columns += 1
        subs = (*self.template.table2, *self.template.format2019_table2)
        columns = [sub.columns for sub in subs if sub.key == self.subtable]
        wanted = label_key(match.written)
        for candidates in columns:
            if position < len(candidates) and candidates[position].key != spec.key:
                here = candidates[position]
                if len(wanted) >= 2 and label_key(here.label).startswith(wanted):
                    return here
        return spec

    def row_spec(self, match: Match) -> tuple[LabelSpec, tuple[LabelSpec, ...]]:
        """The template row (2021 or 2019 wording) and the columns its values go to."""
        key = match.entry.spec.key
        if self.key == "三":
            return match.entry.spec, self.template.table3_columns
        own = self.subtables_2019.get(key)
        subtable = self.subtable or (own.key if own is not None else "")
        if self.subtable_2019.get(subtable, self.is2019) or match.entry.is2019:
            spec = next((r for r in self.template.format2019_rows if r.key == key), match.entry.spec)
            return spec, own.columns if own is not None else ()
        for sub in self.template.table2:
            if any(row.key == key for row in sub.rows):
                return match.entry.spec, sub.columns
        return match.entry.spec, ()

    def open_row(self, match: Match) -> None:
        spec, columns = self.row_spec(match)
        self.group = None
        if spec.key in self.found:
            self.problem("duplicate-row", f"表{self.key}的“{spec.label}”行重复出现", match.span, row=spec.key)
            self.after_duplicate = True
            return
        self.rows.append(RowLabel(spec.key, match.written, spec.label, match.span))
        self.open = _OpenRow(spec.key, spec, columns, match.span, match)

    def open_group_row(self, token: Token) -> bool:
        """Values right after "（三）不予公开": its first sub-row's label is lost (seed 001)."""
        group = self.group
        if group is None:
            return False
        self.group = None
        first = next((r for r in self.template.table3_rows if r.group == group.entry.spec.key), None)
        if first is None or first.key in self.found:
            return False
        self.reported_missing.add(first.key)
        self.problem(
            "missing-row",
            f"表{self.key}缺少“{first.label}”行：数值直接跟在“{group.written}”之后",
            group.span,
            row=first.key,
        )
        self.open = _OpenRow(first.key, first, self.template.table3_columns, group.span, None)
        return True

    def value(self, token: Token) -> None:
        row = self.open
        if row is not None and (
            token.is_value or (len(row.values) < len(row.columns) and token.key not in self.label_prefixes)
        ):
            row.values.append(token)
        elif token.is_value and not token.is_blank and self.open_group_row(token):
            assert self.open is not None
            self.open.values.append(token)
        elif not token.is_blank and not is_header_sentence(token):
            self.unplaced(token)

    def close(self) -> None:
        row = self.open
        if row is None:
            return
        self.open = None
        # an empty cell between the label and the values (a label cell Word kept unmerged where
        # a printed row has one label column fewer) is no value: without it the row fits
        while len(row.values) > len(row.columns) and row.values[0].is_blank:
            row.values.pop(0)
        _drop_filler(row.values, len(row.columns))
        end = row.values[-1].span if row.values else row.anchor
        self.found[row.key] = (row.anchor, end)
        if len(row.values) < len(row.columns) and _flattened(row.values):
            self.flattened.append(row)  # cut once every row is known (decode)
            return
        if len(row.values) < len(row.columns) and self.may_have_dropped(row.values):
            self.dropped.append(row)  # placed once every row is known (decode)
            return
        self.place(row.key, row.columns, row.values, row.anchor)

    def decode(self) -> None:
        """Cut the flattened rows' figures, and put the figures of rows that lost their blank cells
        back among them, where the table's identities allow one reading only."""
        if not self.flattened and not self.dropped:
            return
        check = total_is_sum if self.key == "三" else None
        options: dict[str, list[Reading]] = {}
        too_many: set[str] = set()
        for row in self.flattened:
            pieces = [Piece(t.text, t.span.line, t.span.column) for t in row.values]
            found = readings(pieces, len(row.columns), check)
            if found is None:
                too_many.add(row.key)
            options[row.key] = found or []
        for row in self.dropped:
            found = self.dropped_readings(row.values, row.columns, row.anchor, check)
            if found is None:
                too_many.add(row.key)
            options[row.key] = found or []
        known = {
            row: [
                cell.value
                for column in self.template.table3_columns
                if (cell := self.cells.get((row, column.key))) and cell.value is not None
            ]
            for row in self.found
        }
        known = {
            row: values for row, values in known.items() if len(values) == len(self.template.table3_columns)
        }
        left = resolve(options, known, table3_columns_hold if self.key == "三" else None)
        for row in (*self.flattened, *self.dropped):
            chosen = left[row.key]
            if len(chosen) == 1:
                self.place_reading(row.key, row.columns, chosen[0])
                continue
            if row in self.dropped and _same_values(chosen):
                self.place_reading(row.key, row.columns, _common(chosen))
                self.figures_put_back = self.figures_put_back or bool(row.values)
                continue
            label = row.label.written if row.label is not None else row.spec.label
            count = None if row.key in too_many else len(chosen)
            span = row.anchor.cover(row.values[-1].span) if row.values else row.anchor
            if row in self.flattened:
                self.undecided(row.key, label, span, count)
            else:
                self.dropped_undecided(row.key, label, span, len(row.values), count)

    def expected_rows(self) -> tuple[LabelSpec, ...]:
        if self.key == "三":
            return self.template.table3_rows_for(self.is2019)
        if self.is2019:
            return self.template.format2019_rows
        return tuple(row for sub in self.template.table2 for row in sub.rows)

    def missing_rows(self) -> None:
        """A template row not found: the span is the place between its found neighbours."""
        if not self.found:
            return
        expected = self.expected_rows()
        for index, spec in enumerate(expected):
            if spec.key in self.found or spec.key in self.reported_missing:
                continue
            before = [self.found[r.key][1] for r in expected[:index] if r.key in self.found]
            after = [self.found[r.key][0] for r in expected[index + 1 :] if r.key in self.found]
            start = (before[-1].end_line, before[-1].end_column) if before else (self.span.line, 1)
            end = (after[0].line, after[0].column) if after else (self.span.end_line, self.span.end_column)
            if end < start:  # neighbours written out of template order: the gap between them
                start, end = end, start
            where = Span(*start, *end)
            self.problem("missing-row", f"表{self.key}缺少“{spec.label}”行", where, row=spec.key)


class _Table4(_Builder):
    """Table 四: a header block, then one row of 15 values in template order."""

    def __init__(self, tokens: Sequence[Token], lines: Sequence[SourceLine]) -> None:
        super().__init__("四", lines)
        self.items = _items(tokens, vocabulary("四"))
        self.blanks_shown = _blanks_shown(self.items)

    def build(self) -> Table:
        columns = self.template.table4_columns()
        values: list[Token] = []
        position = 0
        for item in self.items:
            if isinstance(item, Match):
                self.labels_seen = True
                self.stray(item)
                if item.entry.role is Role.COLUMN and position < len(columns):
                    # A header label out of template order ("总计" first) is a fragment of a
                    # header the extraction broke up: no column can be told from it, nor after it.
                    spec = columns[position]
                    if item.entry.spec.label == spec.label:
                        self.columns.append(ColumnLabel(spec.key, item.written, spec.label, item.span))
                        position += 1
                    else:
                        position = len(columns)
                self.drop_header_cells(values)
            elif item.is_value:
                values.append(item)
            elif len(values) < len(columns):  # text after the whole row is past the table's end
                self.unplaced(item)
        while len(values) > len(columns) and values[0].is_blank:
            values.pop(0)
        _drop_filler(values, len(columns))
        anchor = values[0].span if values else self.span
        if values:
            self.rows.append(RowLabel(TABLE4_ROW, "", "数据", _cover(values)))
        if len(values) < len(columns) and _flattened(values):
            self.decode(columns, values)
        elif values and len(values) < len(columns) and self.may_have_dropped(values):
            self.put_back(columns, values)
        else:
            self.place(TABLE4_ROW, columns, values, anchor)
        return self.finish(TableFormat.T2021)

    def decode(self, columns: Sequence[LabelSpec], values: Sequence[Token]) -> None:
        """The fifteen figures run together: cut where each group's 总计 allows one reading."""
        pieces = [Piece(t.text, t.span.line, t.span.column) for t in values]
        groups = groups_add_up(len(self.template.table4_group_columns))
        found = readings(pieces, len(columns), groups, prefix=groups)
        if found is not None and len(found) == 1:
            self.place_reading(TABLE4_ROW, columns, found[0])
        else:
            self.undecided(TABLE4_ROW, "数据", _cover(values), None if found is None else len(found))

    def put_back(self, columns: Sequence[LabelSpec], values: Sequence[Token]) -> None:
        """Figures of a row that lost its blank cells: placed where each group's 总计 allows one way."""
        groups = groups_add_up(len(self.template.table4_group_columns))
        start = values[0].span
        found = self.dropped_readings(
            values, columns, Span(start.line, start.column, start.line, start.column), groups
        )
        if found is not None and len(found) == 1:
            self.place_reading(TABLE4_ROW, columns, found[0])
        else:
            count = None if found is None else len(found)
            self.dropped_undecided(TABLE4_ROW, "数据", _cover(values), len(values), count)

    def drop_header_cells(self, values: list[Token]) -> None:
        """Cells between header labels are merged header cells, or values out of place."""
        for token in values:
            if not token.is_blank:
                self.unplaced(token)
        values.clear()
