"""What a table cell's text means: a number, blank, "/" or free text.

Kept apart from table assembly so rules and the parser can classify a value the same way. Blank and
"/" are never zero: the rules decide what a missing value means.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportlint.model import CellKind
from reportlint.parse.normalize import normalize

_SLASHES = frozenset({"/", "-", "--", "—", "——", "－", "无", "\\", "/ /"})
# A unit written after the figure ("251000元", "5件") is still that figure: the column says the unit.
_NUMBER = re.compile(
    r"(?P<sign>[+-]|增|减)?\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?\s*(?:件|条|个|项|人次|次|万元|元)?"
)


def classify(raw: str) -> tuple[CellKind, Decimal | None]:
    """The kind of a cell and its exact value (only NUMBER cells have one)."""
    text = normalize(raw).strip()
    if not text:
        return CellKind.BLANK, None
    if text in _SLASHES:
        return CellKind.SLASH, None
    value = parse_number(text)
    if value is not None:
        return CellKind.NUMBER, value
    return CellKind.TEXT, None


def parse_number(text: str) -> Decimal | None:
    """A count or amount exactly as written ("1,234", "889.46", "减4" → -4, "5件" → 5), else None."""
    found = _NUMBER.fullmatch(text)
    if found is None:
        return None
    try:
        value = Decimal(found["digits"].replace(",", "") + (found["fraction"] or ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits valid decimals
        return None
    return -value if found["sign"] in ("-", "减") else value


def is_value_text(raw: str) -> bool:
    """True for text that can only be a cell value (a number, blank or "/"), never a label."""
    return classify(raw)[0] is not CellKind.TEXT
