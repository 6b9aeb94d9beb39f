"""The 2021 report template (and the 2019 differences) as typed data, read from data/template-2021.yaml.

Parsing, table assembly and rules all read labels and keys from here, so the template is data in
one place rather than strings scattered through code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlint.parse.normalize import normalize
from reportlint.resources import data_text

_SQUEEZE = re.compile(r"[\s|]+")


def label_key(text: str) -> str:
    """A label folded for comparison: half-width, no spaces or pipes, Chinese quotes unified."""
    folded = normalize(text)
    folded = folded.replace("'", "“").replace('"', "“").replace("”", "“").replace("‘", "“").replace("’", "“")
    return _SQUEEZE.sub("", folded)


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """A template row or column: stable key, exact template label, accepted variants."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    group: str | None = None
    values: str = "count"

    def matches(self, text: str) -> bool:
        """True when ``text`` is the template label or a known variant (after folding)."""
        wanted = label_key(text)
        return wanted == label_key(self.label) or any(wanted == label_key(v) for v in self.variants)

    def is_variant(self, text: str) -> bool:
        """True when ``text`` matches a variant but not the exact template label."""
        return self.matches(text) and label_key(text) != label_key(self.label)


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """One of the six sections: number, exact heading words, variants seen in practice."""

    key: int
    title: str
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SubtableSpec:
    """A sub-table of table 二 (第二十条第（一）项 …) with its own columns and rows."""

    key: str
    label: str
    columns: tuple[LabelSpec, ...]
    rows: tuple[LabelSpec, ...]


@dataclass(frozen=True, slots=True)
class Template:
    """The whole template."""

    notice: str
    sections: tuple[SectionSpec, ...]
    table2: tuple[SubtableSpec, ...]
    table3_columns: tuple[LabelSpec, ...]
    table3_rows: tuple[LabelSpec, ...]
    table3_groups: tuple[LabelSpec, ...]
    table3_header_labels: tuple[str, ...]
    table4_column_groups: tuple[LabelSpec, ...]
    table4_group_columns: tuple[LabelSpec, ...]
    table4_header_labels: tuple[str, ...]
    format2019_notice: str
    format2019_columns: tuple[LabelSpec, ...]
    format2019_rows: tuple[LabelSpec, ...]
    format2019_table2: tuple[SubtableSpec, ...] = ()
    format2019_table3_rows: tuple[LabelSpec, ...] = ()
    format2019_table3_group: str = ""

    def table3_rows_for(self, is2019: bool) -> tuple[LabelSpec, ...]:
        """Table 三's rows in template order, in the 2021 format or the 2019 trial format."""
        return self.format2019_table3_rows if is2019 else self.table3_rows

    def table3_every_row(self) -> tuple[LabelSpec, ...]:
        """The 2021 rows, then the rows only the 2019 format has (ranges such as
        ``granted..other_handling.other`` keep meaning the 2021 rows)."""
        known = {row.key for row in self.table3_rows}
        return self.table3_rows + tuple(r for r in self.format2019_table3_rows if r.key not in known)

    def table4_columns(self) -> tuple[LabelSpec, ...]:
        """The 15 value columns of table 四, keyed ``group.result`` (``review.total`` …)."""
        return tuple(
            LabelSpec(f"{group.key}.{column.key}", column.label, column.variants, group.key)
            for group in self.table4_column_groups
            for column in self.table4_group_columns
        )

    def table2_cells(self) -> tuple[tuple[SubtableSpec, LabelSpec, LabelSpec], ...]:
        """Every (sub-table, row, column) of table 二, in template order."""
        return tuple((sub, row, column) for sub in self.table2 for row in sub.rows for column in sub.columns)


def _labels(items: list[dict[str, Any]]) -> tuple[LabelSpec, ...]:
    return tuple(
        LabelSpec(
            key=str(item["key"]),
            label=str(item["label"]),
            variants=tuple(str(v) for v in item.get("variants", ()) or ()),
            group=str(item["group"]) if item.get("group") else None,
            values=str(item.get("values", "count")),
        )
        for item in items
    )


def _parse_yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def _subtables_2019(data: dict[str, Any]) -> tuple[SubtableSpec, ...]:
    columns = {spec.key: spec for spec in _labels(data["table_二_columns"])}
    rows = {spec.key: spec for spec in _labels(data["table_二_rows"])}
    return tuple(
        SubtableSpec(
            str(sub["key"]),
            str(sub["label"]),
            tuple(columns[str(key)] for key in sub["columns"]),
            tuple(rows[str(key)] for key in sub["rows"]),
        )
        for sub in data["table_二"]
    )


def _table3_rows_2019(rows: tuple[LabelSpec, ...], data: dict[str, Any]) -> tuple[LabelSpec, ...]:
    """The 2021 rows with the replaced group's sub-rows swapped for the 2019 format's own rows."""
    group = str(data["replaces_group"])
    own = _labels(data["rows"])
    replaced = [index for index, row in enumerate(rows) if row.group == group]
    at = replaced[0] if replaced else len(rows)
    kept = [row for row in rows if row.group != group]
    return (*kept[:at], *own, *kept[at:])


@cache
def load_template() -> Template:
    """Read the template data once per process."""
    from reportlint.store.memo import remembered

    data: dict[str, Any] = remembered("template", data_text("template-2021.yaml"), _parse_yaml)
    tables = data["tables"]
    t3, t4, f19 = tables["三"], tables["四"], data["format_2019"]
    return Template(
        notice=str(data["notice"]),
        sections=tuple(
            SectionSpec(int(s["key"]), str(s["title"]), tuple(str(v) for v in s.get("variants", ())))
            for s in data["sections"]
        ),
        table2=tuple(
            SubtableSpec(str(sub["key"]), str(sub["label"]), _labels(sub["columns"]), _labels(sub["rows"]))
            for sub in tables["二"]["subtables"]
        ),
        table3_columns=_labels(t3["columns"]),
        table3_rows=_labels(t3["rows"]),
        table3_groups=_labels(t3["groups"]),
        table3_header_labels=tuple(str(x) for x in t3["header_labels"]),
        table4_column_groups=_labels(t4["column_groups"]),
        table4_group_columns=_labels(t4["group_columns"]),
        table4_header_labels=tuple(str(x) for x in t4["header_labels"]),
        format2019_notice=str(f19["notice"]),
        format2019_columns=_labels(f19["table_二_columns"]),
        format2019_rows=_labels(f19["table_二_rows"]),
        format2019_table2=_subtables_2019(f19),
        format2019_table3_rows=_table3_rows_2019(_labels(t3["rows"]), f19["table_三"]),
        format2019_table3_group=str(f19["table_三"]["replaces_group"]),
    )
