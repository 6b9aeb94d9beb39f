"""The Python rules of the numeric part of the national rule set, for the national plugin."""

from __future__ import annotations

from reportlint.rules.base import Rule
from reportlint.rules.national.numeric_absent_table import AbsentTable
from reportlint.rules.national.numeric_ambiguous_figures import AmbiguousFigures
from reportlint.rules.national.numeric_breakdown_exceeds import BreakdownExceedsTotal
from reportlint.rules.national.numeric_breakdown_short import BreakdownShortOfTotal
from reportlint.rules.national.numeric_count_value import CountValue
from reportlint.rules.national.numeric_empty_table import EmptyTable
from reportlint.rules.national.numeric_extra_cells import ExtraCells
from reportlint.rules.national.numeric_missing_cells import MissingCells
from reportlint.rules.national.numeric_missing_row import MissingTemplateRow
from reportlint.rules.national.numeric_unfilled_cell import UnfilledCell
from reportlint.rules.national.numeric_unplaced import UnplacedTableText

NUMERIC_RULES: tuple[type[Rule], ...] = (
    CountValue,
    BreakdownExceedsTotal,
    BreakdownShortOfTotal,
    MissingTemplateRow,
    MissingCells,
    ExtraCells,
    UnfilledCell,
    EmptyTable,
    AbsentTable,
    UnplacedTableText,
    AmbiguousFigures,
)
