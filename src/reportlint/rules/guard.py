"""The ``when:`` guard of a rule: run only on reports of some years, formats or contents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlint.model import Report, TableFormat

_KEYS = ("min_year", "max_year", "since_year", "format", "sections", "tables")


@dataclass(frozen=True, slots=True)
class Guard:
    """All given conditions must hold. An unknown report year fails ``min_year``/``max_year``;
    ``since_year`` only skips reports known to be older (for rules of a format that an older
    report cannot follow, while a report whose year was not found is still checked)."""

    min_year: int | None = None
    max_year: int | None = None
    since_year: int | None = None
    format: TableFormat | None = None
    sections: tuple[int, ...] = ()
    tables: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Any) -> Guard:
        """Read the YAML mapping; raises ValueError(message, key) on a bad key or value."""
        if not isinstance(data, Mapping):
            raise ValueError("应为映射，例如 {min_year: 2021, tables: [三]}")
        for key in data:
            if key not in _KEYS:
                raise ValueError(f"未知的条件（可用：{'、'.join(_KEYS)}）", key)
        return cls(
            min_year=_year(data, "min_year"),
            max_year=_year(data, "max_year"),
            since_year=_year(data, "since_year"),
            format=_format(data.get("format")),
            sections=tuple(_int_list(data, "sections")),
            tables=tuple(str(t) for t in _list(data, "tables")),
        )

    def allows(self, report: Report) -> bool:
        """True when the rule should run on ``report``."""
        if self.min_year is not None and (report.year is None or report.year < self.min_year):
            return False
        if self.max_year is not None and (report.year is None or report.year > self.max_year):
            return False
        if self.since_year is not None and report.year is not None and report.year < self.since_year:
            return False
        if self.format is not None:
            known = {t.format for t in report.tables.values()} - {TableFormat.UNKNOWN}
            if known and self.format not in known:
                return False
        if any(report.section(key) is None for key in self.sections):
            return False
        return all(report.table(key) is not None for key in self.tables)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        value = [value]
    return value


def _int_list(data: Mapping[str, Any], key: str) -> list[int]:
    values = _list(data, key)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise ValueError("应为整数列表", key)
    return values


def _year(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("应为年份（整数）", key)
    return value


def _format(value: Any) -> TableFormat | None:
    if value is None:
        return None
    try:
        return TableFormat(str(value))
    except ValueError:
        raise ValueError("格式应为 2021 或 2019", "format") from None
