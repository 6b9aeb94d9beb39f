"""Checks that compare a body's report with its previous year's report found in the same run.

A supervising office checks all its bodies at once; only then can one year's "上年结转" be held
against the previous year's "结转下年度继续办理", and the "现行有效件数" be carried forward. Reports
are matched by issuing body (folded, without spaces) and report year; reports with no recognised
body or year take no part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report, Span
from reportlint.parse.template import load_template
from reportlint.review.identity import body_key

if TYPE_CHECKING:
    from reportlint.diagnostics import FileResult

SOURCE = "reportlint.review"

CARRIED_OVER = ("NU020", "crossyear.carried-over")
IN_FORCE = ("NU021", "crossyear.in-force-balance")
DUPLICATE_YEAR = ("PD020", "crossyear.duplicate-year")
MISSING_YEAR = ("PD021", "crossyear.missing-year")

# Table 二 rows whose 现行有效件数 is carried from year to year (sub-table 第二十条第（一）项).
_IN_FORCE_SUBTABLE = "art20_1"


def cross_year_diagnostics(reports: Sequence[Report]) -> list[Diagnostic]:
    """Findings across years of the same body, sorted like every other diagnostic list."""
    found: list[Diagnostic] = []
    for years in _group_by_body(reports).values():
        found.extend(_year_sequence_diagnostics(years))
        ordered = sorted(years)
        for previous_year, current_year in pairwise(ordered):
            if current_year != previous_year + 1:
                continue
            previous, current = years[previous_year][0], years[current_year][0]
            found.extend(_carried_over(previous, current))
            found.extend(_in_force(previous, current))
    return sorted(found, key=Diagnostic.sort_key)


def _group_by_body(reports: Sequence[Report]) -> dict[str, dict[int, list[Report]]]:
    """body key → year → that body's reports of that year, in path order."""
    groups: dict[str, dict[int, list[Report]]] = defaultdict(lambda: defaultdict(list))
    for report in sorted(reports, key=lambda r: r.path):
        if report.body and report.body.strip() and report.year is not None:
            groups[body_key(report.body)][report.year].append(report)
    return groups


def _year_sequence_diagnostics(years: dict[int, list[Report]]) -> Iterator[Diagnostic]:
    """PD020 for a year reported twice, PD021 for a gap between two reported years."""
    for year, same_year in years.items():
        first = same_year[0]
        for repeat in same_year[1:]:
            yield _diagnostic(
                repeat,
                DUPLICATE_YEAR,
                Severity.WARNING,
                f"同一机关“{repeat.body}”的{year}年度报告出现了两份：本文件与 {first.path}"
                f"{_at_line(_title_span(first))}重复，请确认是否误交或重复提交",
                _title_span(repeat),
            )
    ordered = sorted(years)
    for previous_year, current_year in pairwise(ordered):
        if current_year - previous_year > 1:
            missing = "、".join(f"{y}年" for y in range(previous_year + 1, current_year))
            report = years[current_year][0]
            yield _diagnostic(
                report,
                MISSING_YEAR,
                Severity.INFO,
                f"“{report.body}”本次检查中有{previous_year}年和{current_year}年的报告，"
                f"缺少{missing}度报告，无法核对跨年度数据",
                _title_span(report),
            )


def _carried_over(previous: Report, current: Report) -> Iterator[Diagnostic]:
    """NU020: this year's 上年结转 equals last year's 结转下年度继续办理, column by column."""
    this_table, last_table = current.table("三"), previous.table("三")
    if this_table is None or last_table is None:
        return
    for column in load_template().table3_columns:
        cell = this_table.cell("carried_in", column.key)
        last = last_table.cell("carried_forward", column.key)
        if cell is None or last is None or cell.value is None or last.value is None:
            continue
        if cell.value != last.value:
            yield _diagnostic(
                current,
                CARRIED_OVER,
                Severity.ERROR,
                f"表三“二、上年结转政府信息公开申请数量”（{column.label}）为{_number(cell.value)}，"
                f"应等于上年度报告 {previous.path}{_at_line(last.span)}"
                f"“四、结转下年度继续办理”（{column.label}）的{_number(last.value)}",
                cell.span,
                locator=("表三", "二、上年结转政府信息公开申请数量", column.label),
                expected=_number(last.value),
                actual=_number(cell.value),
            )


def _in_force(previous: Report, current: Report) -> Iterator[Diagnostic]:
    """NU021: 现行有效件数 = last year's 现行有效件数 + this year's 制发 − this year's 废止."""
    this_table, last_table = current.table("二"), previous.table("二")
    if this_table is None or last_table is None:
        return
    subtable = next(sub for sub in load_template().table2 if sub.key == _IN_FORCE_SUBTABLE)
    for row in subtable.rows:
        cell = this_table.cell(row.key, "in_force")
        last = last_table.cell(row.key, "in_force")
        issued = this_table.value(row.key, "issued")
        repealed = this_table.value(row.key, "repealed")
        if cell is None or cell.value is None or last is None or last.value is None:
            continue
        if issued is None or repealed is None:
            continue
        expected = last.value + issued - repealed
        if cell.value != expected:
            yield _diagnostic(
                current,
                IN_FORCE,
                Severity.WARNING,
                f"表二“{row.label}”现行有效件数为{_number(cell.value)}，按上年度报告 {previous.path}"
                f"{_at_line(last.span)}的现行有效件数{_number(last.value)}加本年制发{_number(issued)}"
                f"减本年废止{_number(repealed)}，应为{_number(expected)}",
                cell.span,
                locator=("表二", row.label, "现行有效件数"),
                expected=_number(expected),
                actual=_number(cell.value),
            )


def _diagnostic(
    report: Report,
    rule: tuple[str, str],
    severity: Severity,
    message: str,
    span: Span,
    *,
    locator: tuple[str, ...] = (),
    expected: str | None = None,
    actual: str | None = None,
) -> Diagnostic:
    code, name = rule
    return Diagnostic(
        path=report.path,
        code=code,
        name=name,
        severity=severity,
        message=message,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        locator=locator,
        expected=expected,
        actual=actual,
        source=SOURCE,
    )


def _title_span(report: Report) -> Span:
    """Where a whole-report finding points: the title, or the first line when none was found."""
    return report.title.span if report.title is not None else Span(1, 1, 1, 1)


def _at_line(span: Span) -> str:
    return f" 第{span.line}行"


def _number(value: Decimal) -> str:
    """A table value as written in reports: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def with_cross_year(
    results: Sequence[FileResult],
    admit: Callable[[Iterable[Diagnostic]], list[Diagnostic]] | None = None,
) -> list[FileResult]:
    """The results with each file's cross-year findings added (for the CLI's batch runs).

    ``admit`` (the linter's) applies the user's selection, ignores and severity overrides.
    """
    reports = [result.report for result in results if result.report is not None]
    found = cross_year_diagnostics(reports)
    extra: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in admit(found) if admit is not None else found:
        extra[diagnostic.path].append(diagnostic)
    return [
        replace(
            result,
            diagnostics=tuple(sorted((*result.diagnostics, *extra[result.path]), key=Diagnostic.sort_key)),
        )
        if result.path in extra
        else result
        for result in results
    ]


def slim_for_cross_year(report: Report) -> Report:
    """Only what the cross-year checks read (body, year, title, tables 二 and 三), to keep batch
    runs of thousands of reports small in memory and cheap to send between processes."""
    tables = {key: table for key, table in report.tables.items() if key in ("二", "三")}
    return Report(
        path=report.path,
        text="",
        lines=(),
        title=report.title,
        body=report.body,
        year=report.year,
        year_source=report.year_source,
        tables=tables,
        format=report.format,
    )
