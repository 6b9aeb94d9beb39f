"""Build Report objects by hand (text and model together) for engine and rule tests.

The parser is written elsewhere; these builders lay out a small report line by line, so every
span in the model is the true position of the words in ``report.lines`` and tests can check
positions against the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlint.config import Config
from reportlint.model import (
    Cell,
    CellKind,
    DateMention,
    Heading,
    Paragraph,
    Period,
    Report,
    RowLabel,
    Section,
    Span,
    Table,
    TableFormat,
    Title,
)
from reportlint.parse.template import load_template
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

NUMERALS = "一二三四五六"

# A consistent table 三 (every identity of TEMPLATE.md holds); rows not listed are all zeros.
VALID_T3: dict[str, list[str]] = {
    "new": ["10", "2", "0", "0", "1", "0", "13"],
    "carried_in": ["1", "0", "0", "0", "0", "0", "1"],
    "granted": ["5", "1", "0", "0", "0", "0", "6"],
    "partly_granted": ["1", "0", "0", "0", "0", "0", "1"],
    "withheld.third_party": ["1", "0", "0", "0", "0", "0", "1"],
    "unavailable.not_held": ["2", "1", "0", "0", "1", "0", "4"],
    "total": ["9", "2", "0", "0", "1", "0", "12"],
    "carried_forward": ["2", "0", "0", "0", "0", "0", "2"],
}
VALID_T4 = ["2", "0", "1", "1", "4", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"]


def cell_kind(raw: str) -> tuple[CellKind, Decimal | None]:
    """How table assembly classifies a cell's text."""
    if raw.strip() == "":
        return CellKind.BLANK, None
    if raw.strip() in ("/", "／", "-", "—", "无"):
        return CellKind.SLASH, None
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", raw.strip()):
        return CellKind.NUMBER, Decimal(raw.strip())
    return CellKind.TEXT, None


@dataclass
class ReportBuilder:
    """Appends lines and records the model objects that describe them."""

    path: str = "report.txt"
    year: int | None = 2023
    lines: list[str] = field(default_factory=list)
    title: Title | None = None
    sections: list[Section] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    period: Period | None = None
    signature_date: DateMention | None = None
    preamble: list[Paragraph] = field(default_factory=list)

    def add(self, text: str) -> int:
        """Append one line; its 1-based number."""
        self.lines.append(text)
        return len(self.lines)

    def line_span(self, number: int) -> Span:
        return Span.on_line(number, 1, len(self.lines[number - 1]))

    def add_title(self, text: str | None = None) -> ReportBuilder:
        text = text or f"某某局{self.year}年政府信息公开工作年度报告"
        number = self.add(text)
        self.title = Title(text, self.line_span(number), "某某局", self.year)
        return self

    def add_paragraph(self, text: str) -> Paragraph:
        number = self.add(text)
        paragraph = Paragraph(text, self.line_span(number))
        if self.sections:
            last = self.sections[-1]
            self.sections[-1] = Section(
                last.key,
                last.heading,
                last.span.cover(paragraph.span),
                last.subheadings,
                (*last.paragraphs, paragraph),
                last.tables,
            )
        else:
            self.preamble.append(paragraph)
        return paragraph

    def add_section(self, key: int, title: str | None = None, numbering: str | None = None) -> ReportBuilder:
        title = title or load_template().sections[key - 1].title
        numbering = numbering or f"{NUMERALS[key - 1]}、"
        number = self.add(numbering + title)
        span = self.line_span(number)
        self.sections.append(Section(key, Heading(1, numbering, key, title, span), span))
        return self

    def _extend_section(self, span: Span, table: str) -> None:
        last = self.sections[-1]
        self.sections[-1] = Section(
            last.key,
            last.heading,
            last.span.cover(span),
            last.subheadings,
            last.paragraphs,
            (*last.tables, table),
        )

    def _row(
        self, table: str, row: str, label: str, values: list[str], columns: tuple[str, ...]
    ) -> list[Cell]:
        text = label
        cells: list[Cell] = []
        for column, raw in zip(columns, values, strict=True):
            text += " | "
            start = len(text) + 1
            text += raw
            kind, value = cell_kind(raw)
            cells.append(
                Cell(table, row, column, raw, kind, value, Span.on_line(len(self.lines) + 1, start, len(raw)))
            )
        self.add(text)
        return cells

    def add_table3(
        self, edits: dict[str, dict[str, str]] | None = None, drop: tuple[str, ...] = ()
    ) -> ReportBuilder:
        """Table 三 as pipe rows, VALID_T3 changed by ``edits`` (row → column → raw text)."""
        template = load_template()
        columns = tuple(spec.key for spec in template.table3_columns)
        first = self.add("| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计")
        cells: dict[tuple[str, str], Cell] = {}
        labels: list[RowLabel] = []
        for spec in template.table3_rows:
            if spec.key in drop:
                continue
            values = list(VALID_T3.get(spec.key, ["0"] * 7))
            for column, raw in (edits or {}).get(spec.key, {}).items():
                values[columns.index(column)] = raw
            row_cells = self._row("三", spec.key, spec.label, values, columns)
            labels.append(
                RowLabel(spec.key, spec.label, spec.label, Span.on_line(len(self.lines), 1, len(spec.label)))
            )
            cells.update({(c.row, c.column): c for c in row_cells})
        span = Span(first, 1, len(self.lines), len(self.lines[-1]) + 1)
        self.tables["三"] = Table("三", TableFormat.T2021, span, cells, tuple(labels))
        self._extend_section(span, "三")
        return self

    def add_table4(self, values: list[str] | None = None) -> ReportBuilder:
        """Table 四: a header line and one line of 15 values."""
        columns = tuple(spec.key for spec in load_template().table4_columns())
        first = self.add("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计（×3）")
        row_cells = self._row("四", "cases", "数据", list(values or VALID_T4), columns)
        span = Span(first, 1, len(self.lines), len(self.lines[-1]) + 1)
        self.tables["四"] = Table("四", TableFormat.T2021, span, {(c.row, c.column): c for c in row_cells})
        self._extend_section(span, "四")
        return self

    def add_period(self, start_year: int, end_year: int) -> Period:
        text = f"本报告中所列数据的统计期限自{start_year}年1月1日起至{end_year}年12月31日止。"
        paragraph = self.add_paragraph(text)
        line = paragraph.span.line
        first = f"{start_year}年1月1日"
        second = f"{end_year}年12月31日"
        start = DateMention(first, Span.on_line(line, text.index(first) + 1, len(first)), start_year, 1, 1)
        end = DateMention(second, Span.on_line(line, text.index(second) + 1, len(second)), end_year, 12, 31)
        self.period = Period(text, paragraph.span, start, end)
        return self.period

    def add_signature(
        self, text: str, year: int | None, month: int | None, day: int | None, well_formed: bool = True
    ) -> DateMention:
        number = self.add(text)
        self.signature_date = DateMention(text, self.line_span(number), year, month, day, well_formed)
        return self.signature_date

    def build(self) -> Report:
        text = "\n".join(self.lines) + "\n"
        return Report(
            path=self.path,
            text=text,
            lines=tuple(self.lines),
            title=self.title,
            year=self.year,
            year_source="title" if self.title is not None else "none",
            period=self.period,
            signature_date=self.signature_date,
            preamble=tuple(self.preamble),
            sections=tuple(self.sections),
            tables=dict(self.tables),
        )


def full_report(
    t3_edits: dict[str, dict[str, str]] | None = None,
    t4: list[str] | None = None,
    *,
    path: str = "report.txt",
    year: int = 2023,
) -> Report:
    """A complete, consistent report (six sections, tables 三 and 四) with optional edits."""
    builder = ReportBuilder(path=path, year=year).add_title()
    builder.add_section(1)
    builder.add_period(year, year)
    builder.add_section(2)
    builder.add_paragraph("本年度主动公开政府信息。")
    builder.add_section(3).add_table3(t3_edits)
    builder.add_section(4).add_table4(t4)
    builder.add_section(5)
    builder.add_paragraph("存在的问题有待改进。")
    builder.add_section(6)
    builder.add_paragraph(
        "本机关按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）"
        "规定的按件、按量收费标准，本年度没有产生信息公开处理费。"
    )
    builder.add_signature(f"{year + 1}年1月20日", year + 1, 1, 20)
    return builder.build()


def yaml_linter(folder: Path, rules: dict[str, str], **settings: Any) -> Linter:
    """A Linter over the national rules plus local YAML rules written into ``folder``.

    ``rules`` maps a code to the YAML text after the common header (name, kind, severity,
    message default to simple values so each test shows only what it is about). Only the local
    rules are selected unless ``select`` is given.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for code, body in rules.items():
        header = {
            "code": code,
            "name": f"local.rule-{code.lower()}",
            "severity": "warning",
            "message": "发现：{found}",
        }
        lines = [f"{key}: {value}" for key, value in header.items() if f"\n{key}:" not in f"\n{body}"]
        (folder / f"{code}.yaml").write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    settings.setdefault("select", tuple(rules))
    config = Config(rule_dirs=(folder,), **settings)
    return Linter(create_host(load_entry_points=False), config)
