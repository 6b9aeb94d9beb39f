"""The safe cell-arithmetic language of ``equation`` and ``sum`` rules.

Text is parsed once, at rule-load time, by lark's LALR parser (grammars/expression.lark) and turned
into a small tree of frozen dataclasses; checking a report walks that tree. There is no Python
``eval``, no attribute access and no name lookup beyond table keys and loop variables, so a rule
pack cannot reach any Python object.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from reportlint.model import Cell, CellKind, Report
from reportlint.resources import grammar_text
from reportlint.rules.shapes import TableShape, shape_of, template_shape

Bindings = Mapping[str, str]


class ExpressionError(Exception):
    """An expression that does not parse or names unknown keys; ``message`` is Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Key:
    """A dotted key whose parts may be loop variables (``g.total`` with g = review)."""

    parts: tuple[str, ...]

    def resolve(self, bindings: Bindings) -> str:
        return ".".join(bindings.get(part, part) for part in self.parts)

    def uses(self, names: set[str]) -> bool:
        return any(part in names for part in self.parts)


@dataclass(frozen=True, slots=True)
class Selector:
    """One key, a range ``a..b`` in template order, a group ``withheld.*`` or ``*`` (all)."""

    form: str
    first: Key | None = None
    last: Key | None = None
    prefix: str = ""

    def expand(self, keys: tuple[str, ...], bindings: Bindings) -> list[str]:
        if self.form == "every":
            return list(keys)
        if self.form == "group":
            return [key for key in keys if key.startswith(self.prefix)]
        assert self.first is not None
        first = self.first.resolve(bindings)
        if self.form == "key":
            return [first]
        assert self.last is not None
        last = self.last.resolve(bindings)
        if first not in keys or last not in keys:
            return []
        start, end = keys.index(first), keys.index(last)
        return list(keys[start : end + 1]) if start <= end else []

    @property
    def single(self) -> bool:
        return self.form == "key"


@dataclass(frozen=True, slots=True)
class CellRef:
    """``三[row, column]``, or ``四[column]`` for a one-row table."""

    table: str
    row: Selector | None
    column: Selector


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Node | _Cells


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node | _Cells
    right: Node | _Cells


@dataclass(frozen=True, slots=True)
class Total:
    """``sum(...)`` over every cell its references select."""

    refs: tuple[CellRef, ...]


Node = Number | Negate | Binary | Total | CellRef


@dataclass(frozen=True, slots=True)
class Loop:
    """``for NAME in 三.columns(selector)`` or ``for NAME in [a, b]``."""

    name: str
    table: str | None
    dimension: str
    keys: tuple[Key, ...] = ()
    within: Selector | None = None

    def values(self, report: Report) -> list[str]:
        if self.table is None:
            return self.values_in(None)
        return self.values_in(shape_of(self.table, report.table(self.table)))

    def values_in(self, shape: TableShape | None) -> list[str]:
        """The loop's values over a table of ``shape`` (None for a key list)."""
        if shape is None:
            return [key.resolve({}) for key in self.keys]
        keys: tuple[str, ...] = getattr(shape, self.dimension)
        return self.within.expand(keys, {}) if self.within is not None else list(keys)


@dataclass(frozen=True, slots=True)
class Value:
    """A side's value and the cells it read (in reading order)."""

    amount: Decimal
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Violation:
    """One instance of the identity that does not hold."""

    bindings: Bindings
    left: Value
    right: Value


_COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "==": lambda a, b: a == b,
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
}


class _Skip(Exception):
    """A cell is absent, blank, "/" or text: this instance of the identity is not judged."""


@dataclass(frozen=True, slots=True)
class _Cells:
    """A cell reference or ``sum(...)`` with its selectors expanded for one binding: per
    reference, its table and the (row, column) positions it reads, in reading order."""

    parts: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


# A side for one binding: the parse tree with every CellRef and Total replaced by _Cells.
_Resolved = Number | Negate | Binary | _Cells

# One instance of an identity: the loop bindings and both sides with every cell position known.
_Instance = tuple[dict[str, str], _Resolved, _Resolved]

_PLANS_KEPT = 64  # plans per equation; table 二's shape varies by report, the others never do


@dataclass(frozen=True, slots=True)
class Equation:
    """A parsed expression: loops, then ``left COMPARE right``.

    Checking a report needs the loop bindings and the cell positions each side reads; they
    depend only on the shapes of the tables involved, so they are worked out once per shape
    (a "plan", cached here) and each report only looks its cells up.
    """

    text: str
    loops: tuple[Loop, ...]
    left: Node
    op: str
    right: Node
    _tables: frozenset[str] = field(init=False, repr=False, compare=False)
    _plans: dict[tuple[object, ...], list[_Instance]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        found = {ref.table for node in (self.left, self.right) for ref in _refs(node)}
        object.__setattr__(self, "_tables", frozenset(found))

    def tables(self) -> set[str]:
        return set(self._tables)

    def violations(self, report: Report) -> Iterator[Violation]:
        """Every binding of the loop variables for which the comparison fails."""
        if any(report.table(name) is None for name in self._tables):
            return
        compare = _COMPARE[self.op]
        for bindings, left_side, right_side in self._plan(report):
            try:
                left = _value(left_side, report)
                right = _value(right_side, report)
            except _Skip:
                continue
            if not compare(left.amount, right.amount):
                yield Violation(bindings, left, right)

    def left_value(self, report: Report) -> Value | None:
        """The left side's value for the first binding (an expression without loops has one);
        None when a table is absent or a cell is missing, blank, "/" or text."""
        if any(report.table(name) is None for name in self._tables):
            return None
        for _, left_side, _ in self._plan(report):
            try:
                return _value(left_side, report)
            except _Skip:
                return None
        return None

    def _plan(self, report: Report) -> list[_Instance]:
        names = sorted(self._tables | {loop.table for loop in self.loops if loop.table is not None})
        shapes = {name: shape_of(name, report.table(name)) for name in names}
        key = tuple(
            name if template_shape(name) is not None else (name, shapes[name].rows, shapes[name].columns)
            for name in names
        )
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) >= _PLANS_KEPT:
                self._plans.clear()
            plan = self._plans[key] = self._instances(shapes)
        return plan

    def _instances(self, shapes: Mapping[str, TableShape]) -> list[_Instance]:
        value_lists = (
            loop.values_in(shapes[loop.table] if loop.table is not None else None) for loop in self.loops
        )
        instances: list[_Instance] = []
        for combo in itertools.product(*value_lists):
            bindings = {loop.name: value for loop, value in zip(self.loops, combo, strict=True)}
            left = _resolve(self.left, shapes, bindings)
            right = _resolve(self.right, shapes, bindings)
            instances.append((bindings, left, right))
        return instances


def _refs(node: Node | _Cells) -> Iterator[CellRef]:
    if isinstance(node, CellRef):
        yield node
    elif isinstance(node, Total):
        yield from node.refs
    elif isinstance(node, Negate):
        yield from _refs(node.operand)
    elif isinstance(node, Binary):
        yield from _refs(node.left)
        yield from _refs(node.right)


def _positions(ref: CellRef, shape: TableShape, bindings: Bindings) -> tuple[tuple[str, str], ...]:
    rows = ref.row.expand(shape.rows, bindings) if ref.row is not None else list(shape.rows[:1])
    columns = ref.column.expand(shape.columns, bindings)
    return tuple((row, column) for row in rows for column in columns)


def _resolve(node: Node | _Cells, shapes: Mapping[str, TableShape], bindings: Bindings) -> _Resolved:
    """``node`` for one binding, its cell references turned into positions."""
    if isinstance(node, Number | _Cells):
        return node
    if isinstance(node, CellRef | Total):
        refs = (node,) if isinstance(node, CellRef) else node.refs
        return _Cells(tuple((ref.table, _positions(ref, shapes[ref.table], bindings)) for ref in refs))
    if isinstance(node, Negate):
        return Negate(_resolve(node.operand, shapes, bindings))
    return Binary(node.op, _resolve(node.left, shapes, bindings), _resolve(node.right, shapes, bindings))


def _value(node: Node | _Cells, report: Report) -> Value:
    """The value of a resolved side; _Skip when a cell is absent, blank, "/" or text, or a
    reference selects no cell at all."""
    if isinstance(node, _Cells):
        cells: list[Cell] = []
        for table_key, positions in node.parts:
            table = report.table(table_key)
            if table is None or not positions:
                raise _Skip
            found = table.cells
            for position in positions:
                cell = found.get(position)
                if cell is None or cell.kind is not CellKind.NUMBER or cell.value is None:
                    raise _Skip
                cells.append(cell)
        return Value(sum((c.value or Decimal(0) for c in cells), Decimal(0)), tuple(cells))
    if isinstance(node, Number):
        return Value(node.value, ())
    if isinstance(node, CellRef | Total):
        raise TypeError("cell references are resolved by Equation._plan before evaluation")
    if isinstance(node, Negate):
        inner = _value(node.operand, report)
        return Value(-inner.amount, inner.cells)
    left = _value(node.left, report)
    right = _value(node.right, report)
    if node.op == "+":
        amount = left.amount + right.amount
    elif node.op == "-":
        amount = left.amount - right.amount
    else:
        amount = left.amount * right.amount
    return Value(amount, left.cells + right.cells)


@cache
def _grammar() -> str:
    """The expression grammar, read once: it keys the remembered trees and builds the parser."""
    return grammar_text("expression.lark")


@cache
def _parser() -> Any:
    from lark import Lark

    return Lark(_grammar(), parser="lalr", maybe_placeholders=True, cache=True)


class _Builder:
    """Turns the lark tree into the dataclasses above, checking keys against the template."""

    def __init__(self) -> None:
        self.variables: set[str] = set()

    def key(self, tree: Any) -> Key:
        return Key(tuple(str(token) for token in tree.children))

    def selector(self, tree: Any) -> Selector:
        if tree.data == "key":
            return Selector("key", self.key(tree))
        if tree.data == "span":
            return Selector("span", self.key(tree.children[0]), self.key(tree.children[1]))
        if tree.data == "group":
            return Selector("group", prefix=str(tree.children[0])[:-1])
        return Selector("every")

    def check_key(self, table: str, keys: tuple[str, ...], selector: Selector) -> None:
        if template_shape(table) is None:
            return
        for key in (selector.first, selector.last):
            if key is not None and not key.uses(self.variables) and key.resolve({}) not in keys:
                raise ExpressionError(f"表{table}没有键 {key.resolve({})}")
        if selector.form == "group" and not any(k.startswith(selector.prefix) for k in keys):
            raise ExpressionError(f"表{table}没有以 {selector.prefix} 开头的键")

    def cellref(self, tree: Any) -> CellRef:
        table = str(tree.children[0])
        first, second = tree.children[1], tree.children[2]
        shape: TableShape | None = template_shape(table)
        if second is None:
            if shape is None or len(shape.rows) != 1:
                raise ExpressionError(f"表{table}有多行，单元格须写成 {table}[行, 列]")
            ref = CellRef(table, None, self.selector(first))
        else:
            ref = CellRef(table, self.selector(first), self.selector(second))
        if shape is not None:
            if ref.row is not None:
                self.check_key(table, shape.rows, ref.row)
            self.check_key(table, shape.columns, ref.column)
        return ref

    def node(self, tree: Any) -> Node:
        kind = tree.data
        if kind == "number":
            return Number(Decimal(str(tree.children[0])))
        if kind == "neg":
            return Negate(self.node(tree.children[0]))
        if kind in ("add", "sub", "mul"):
            op = {"add": "+", "sub": "-", "mul": "*"}[kind]
            return Binary(op, self.node(tree.children[0]), self.node(tree.children[1]))
        if kind == "total":
            return Total(tuple(self.cellref(child) for child in tree.children))
        ref = self.cellref(tree)
        if (ref.row is not None and not ref.row.single) or not ref.column.single:
            raise ExpressionError("多个单元格（范围、分组或 *）只能写在 sum(...) 里")
        return ref

    def loop(self, tree: Any) -> Loop:
        name, source = str(tree.children[0]), tree.children[1]
        if name in self.variables:
            raise ExpressionError(f"循环变量 {name} 重复")
        if source.data == "key_list":
            loop = Loop(name, None, "list", tuple(self.key(child) for child in source.children))
        else:
            table, dimension, within = str(source.children[0]), str(source.children[1]), source.children[2]
            if dimension not in ("rows", "columns", "groups"):
                raise ExpressionError(f"只能遍历 {table}.rows、{table}.columns 或 {table}.groups")
            loop = Loop(name, table, dimension, within=self.selector(within) if within is not None else None)
        self.variables.add(name)
        return loop


def compile_expression(text: str) -> Equation:
    """Parse an expression; raises ExpressionError with a Chinese message.

    The syntax tree is plain data and is remembered on disk by the expression's text (see
    store.memo), so a start-up with a warm memo never loads the expression grammar.
    """
    from reportlint.store.memo import remembered

    keyed = f"{_grammar()}\0{text}"  # a changed grammar is a new entry
    tree = _as_node(remembered("expression", keyed, lambda _: _plain_tree(text)))
    builder = _Builder()
    *loop_trees, comparison = tree.children
    loops = tuple(builder.loop(child) for child in loop_trees)
    left, op, right = comparison.children
    return Equation(text, loops, builder.node(left), str(op), builder.node(right))


class _Node(NamedTuple):
    """A syntax-tree node rebuilt from plain data: what _Builder reads of a lark Tree."""

    data: str
    children: list[Any]


def _plain_tree(text: str) -> Any:
    """The lark parse of ``text`` as nested lists and strings (marshal-able)."""
    from lark import Tree
    from lark.exceptions import LarkError, UnexpectedInput

    try:
        tree = _parser().parse(text)
    except UnexpectedInput as error:
        raise ExpressionError(f"表达式第 {error.column} 个字符处无法解析：{text}") from None
    except LarkError as error:
        raise ExpressionError(f"表达式无法解析：{error}") from None

    def plain(node: Any) -> Any:
        if isinstance(node, Tree):
            return [str(node.data), [plain(child) for child in node.children]]
        return None if node is None else str(node)

    return plain(tree)


def _as_node(data: Any) -> Any:
    if isinstance(data, list):
        return _Node(data[0], [_as_node(child) for child in data[1]])
    return data


def compile_amount(text: str) -> Equation:
    """An expression without loops or comparison (``三[new, total] + 三[carried_in, total]``),
    compiled as ``text == 0`` so that its value is the left side of ``instances``."""
    equation = compile_expression(f"{text} == 0")
    if equation.loops:
        raise ExpressionError(f"这里只能写一个取值表达式，不能有 for 循环：{text}")
    return equation


def amount_of(equation: Equation, report: Report) -> Value | None:
    """The value of an expression compiled by ``compile_amount``; None when a cell is missing,
    blank, "/" or text."""
    return equation.left_value(report)
