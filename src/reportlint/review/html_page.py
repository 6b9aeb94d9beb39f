"""The batch review page: one self-contained HTML file for an office reviewing many reports.

Everything is inline (styles, the small sort/filter script, SVG charts drawn here at render time)
and a Content-Security-Policy forbids any network access, so the page can be mailed or archived.
Report text is untrusted: every string goes through ``html.escape`` and none is put inside the
script, so a report containing ``<script>`` shows as text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.review.identity import body_label

if TYPE_CHECKING:
    from reportlint.diagnostics import FileResult

PAGE_TITLE = "政府信息公开工作年度报告审查汇总"
FAMILY_ORDER = ("CP", "NU", "PD", "FE", "WD", "ST", "IO")
FAMILY_NAMES = {
    "CP": "完整性",
    "NU": "数据勾稽",
    "PD": "期间与日期",
    "FE": "收费说明",
    "WD": "用语与引文",
    "ST": "结构与格式",
    "IO": "文件读取",
}
SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CHART_WIDTH = 360
BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 200


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """One row of the summary table."""

    anchor: str
    path: str
    body: str
    year: str
    counts: Counter[Severity]

    @property
    def status(self) -> str:
        """通过 / 有警告 / 有错误, from the most serious finding."""
        if self.counts[Severity.ERROR]:
            return "有错误"
        if self.counts[Severity.WARNING]:
            return "有警告"
        return "通过"


def render_review_page(results: Sequence[FileResult], *, title: str = PAGE_TITLE) -> str:
    """The whole page as one string."""
    summaries = [_summary(index, result) for index, result in enumerate(results)]
    diagnostics = [d for result in results for d in result.diagnostics]
    totals: Counter[Severity] = Counter(d.severity for d in diagnostics)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f'<header><h1>{escape(title)}</h1><p class="totals">共 {len(results)} 份报告；'
        f"错误 {totals[Severity.ERROR]} 条，警告 {totals[Severity.WARNING]} 条，"
        f"提示 {totals[Severity.INFO]} 条。点击表头可排序。</p></header>",
        _filters(),
        '<section class="charts">',
        _chart("按规则类别统计", "chart-family", _family_rows(diagnostics)),
        _chart("按发布机关统计", "chart-body", _body_rows(results)),
        "</section>",
        _summary_table(summaries),
        '<section id="findings"><h2>各报告问题明细</h2>',
        *(_report_section(summary, result) for summary, result in zip(summaries, results, strict=True)),
        "</section>",
        f"<script>{_SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(index: int, result: FileResult) -> ReportSummary:
    report = result.report
    year = str(report.year) if report is not None and report.year is not None else "—"
    return ReportSummary(
        anchor=f"report-{index + 1}",
        path=result.path,
        body=body_label(report),
        year=year,
        counts=Counter(d.severity for d in result.diagnostics),
    )


def _filters() -> str:
    options = "".join(
        f'<option value="{severity.value}">{SEVERITY_NAMES[severity]}</option>' for severity in SEVERITY_ORDER
    )
    return (
        '<section class="filters"><label>筛选 <input id="filter-text" type="search" '
        'placeholder="发布机关、文件名、规则代码或说明"></label> '
        f'<label>级别 <select id="filter-severity"><option value="">全部</option>{options}</select></label>'
        "</section>"
    )


def _summary_table(summaries: Iterable[ReportSummary]) -> str:
    head = "".join(
        f'<th data-type="{kind}" tabindex="0">{name}</th>'
        for name, kind in (
            ("发布机关", "text"),
            ("年度", "number"),
            ("文件", "text"),
            ("错误", "number"),
            ("警告", "number"),
            ("提示", "number"),
            ("状态", "text"),
        )
    )
    rows = []
    for s in summaries:
        counts = "".join(
            f'<td class="num {severity.value}">{s.counts[severity]}</td>' for severity in SEVERITY_ORDER
        )
        rows.append(
            f'<tr data-report="{s.anchor}" data-errors="{s.counts[Severity.ERROR]}" '
            f'data-warnings="{s.counts[Severity.WARNING]}" data-infos="{s.counts[Severity.INFO]}">'
            f'<td><a href="#{s.anchor}">{escape(s.body)}</a></td><td class="num">{escape(s.year)}</td>'
            f'<td class="path">{escape(s.path)}</td>{counts}'
            f'<td class="status status-{_status_class(s.status)}">{s.status}</td></tr>'
        )
    return (
        '<section><h2>报告汇总</h2><table id="summary" class="sortable">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _status_class(status: str) -> str:
    return {"有错误": "error", "有警告": "warning"}.get(status, "pass")


def _family_rows(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, Counter[Severity]]]:
    by_family: dict[str, Counter[Severity]] = {family: Counter() for family in FAMILY_ORDER}
    for d in diagnostics:
        by_family.setdefault(d.family(), Counter())[d.severity] += 1
    known = list(FAMILY_ORDER)
    extra = sorted(f for f in by_family if f not in FAMILY_ORDER)
    return [(_family_label(f), by_family[f]) for f in known + extra]


def _family_label(family: str) -> str:
    name = FAMILY_NAMES.get(family)
    return f"{family} {name}" if name else family


def _body_rows(results: Sequence[FileResult]) -> list[tuple[str, Counter[Severity]]]:
    by_body: dict[str, Counter[Severity]] = {}
    for result in results:
        counts = by_body.setdefault(body_label(result.report), Counter())
        counts.update(d.severity for d in result.diagnostics)
    return sorted(by_body.items(), key=lambda item: (-item[1].total(), item[0]))


def _chart(caption: str, chart_id: str, rows: Sequence[tuple[str, Counter[Severity]]]) -> str:
    """A horizontal bar chart, one bar per row, stacked error / warning / info."""
    largest = max((counts.total() for _, counts in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + CHART_WIDTH + 60
    shapes = []
    for index, (label, counts) in enumerate(rows):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        shapes.append(
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" '
            f'text-anchor="end">{escape(_shorten(label))}<title>{escape(label)}</title></text>'
        )
        x = float(LABEL_WIDTH)
        for severity in SEVERITY_ORDER:
            if not counts[severity]:
                continue
            bar = CHART_WIDTH * counts[severity] / largest
            shapes.append(
                f'<rect class="bar {severity.value}" x="{x:.1f}" y="{y}" width="{bar:.1f}" '
                f'height="{BAR_HEIGHT}"><title>{escape(label)}：{SEVERITY_NAMES[severity]} '
                f"{counts[severity]} 条</title></rect>"
            )
            x += bar
        shapes.append(f'<text class="count" x="{x + 6:.1f}" y="{y + BAR_HEIGHT - 4}">{counts.total()}</text>')
    legend = "".join(
        f'<span class="key {severity.value}"></span>{SEVERITY_NAMES[severity]}' for severity in SEVERITY_ORDER
    )
    return (
        f'<figure id="{chart_id}"><figcaption>{escape(caption)} <span class="legend">{legend}</span>'
        f'</figcaption><svg role="img" aria-label="{escape(caption)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg></figure>'
    )


def _shorten(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _report_section(summary: ReportSummary, result: FileResult) -> str:
    lines = result.lines or (result.report.lines if result.report is not None else ())
    heading = (
        f'<h3>{escape(summary.body)} <span class="year">{escape(summary.year)}</span> '
        f'<span class="path">{escape(summary.path)}</span> '
        f'<span class="status status-{_status_class(summary.status)}">{summary.status}</span></h3>'
    )
    if not result.diagnostics:
        body = '<p class="clean">未发现问题。</p>'
    else:
        rows = "".join(_finding_row(d, lines) for d in sorted(result.diagnostics, key=Diagnostic.sort_key))
        body = (
            '<table class="findings sortable"><thead><tr>'
            '<th data-type="number" tabindex="0">行</th><th data-type="number" tabindex="0">列</th>'
            '<th data-type="text" tabindex="0">代码</th><th data-type="severity" tabindex="0">级别</th>'
            '<th data-type="text" tabindex="0">说明</th><th data-type="text" tabindex="0">原文</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
    return f'<article class="report" id="{summary.anchor}">{heading}{body}</article>'


def _finding_row(d: Diagnostic, lines: Sequence[str]) -> str:
    locator = f'<div class="locator">{escape(d.locator_text())}</div>' if d.locator else ""
    return (
        f'<tr data-severity="{d.severity.value}"><td class="num">{d.line}</td><td class="num">{d.column}</td>'
        f'<td class="code">{escape(d.code)}</td>'
        f'<td class="sev {d.severity.value}" data-sort="{d.severity.rank}">{SEVERITY_NAMES[d.severity]}</td>'
        f'<td>{escape(d.message)}{locator}</td><td class="source">{_source_line(d, lines)}</td></tr>'
    )


def _source_line(d: Diagnostic, lines: Sequence[str]) -> str:
    """The finding's source line with the flagged characters marked."""
    if not 1 <= d.line <= len(lines):
        return ""
    text = lines[d.line - 1]
    start = max(d.column - 1, 0)
    end = d.end_column - 1 if d.end_line == d.line else len(text)
    if start >= len(text) or end <= start:
        return f"<code>{escape(text.strip())}</code>"
    before, marked, after = text[:start], text[start:end], text[end:]
    return f"<code>{escape(before.lstrip())}<mark>{escape(marked)}</mark>{escape(after.rstrip())}</code>"


_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:24px;color:#1f2328;background:#fff;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.totals{color:#555;margin:0 0 12px}
.filters{margin:8px 0 16px;display:flex;gap:16px}
.filters input{width:280px;padding:4px 6px}.filters select{padding:3px}
.charts{display:flex;flex-wrap:wrap;gap:24px}
figure{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}
.legend{font-weight:normal;font-size:12px;margin-left:12px}
.key{display:inline-block;width:10px;height:10px;margin:0 3px 0 10px}
svg text{font-size:12px;fill:#1f2328}
.bar.error,.key.error{fill:#cf222e;background:#cf222e}
.bar.warning,.key.warning{fill:#d4a72c;background:#d4a72c}
.bar.info,.key.info{fill:#0969da;background:#0969da}
table{border-collapse:collapse;width:100%;margin:4px 0 12px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.error,.sev.error{color:#cf222e}td.warning,.sev.warning{color:#9a6700}td.info,.sev.info{color:#0969da}
.path{color:#57606a;font-size:12px;word-break:break-all}
.year{color:#57606a;font-weight:normal}
.status{font-weight:600}.status-error{color:#cf222e}.status-warning{color:#9a6700}.status-pass{color:#1a7f37}
.code{font-family:monospace}
.locator{color:#57606a;font-size:12px}
.source code{white-space:pre-wrap;font-family:inherit;background:#f6f8fa}
mark{background:#ffd8b5}
.clean{color:#1a7f37}
table.findings{table-layout:fixed}
table.findings th:nth-child(1),table.findings th:nth-child(2){width:4em}
table.findings th:nth-child(3){width:6em}table.findings th:nth-child(4){width:4em}
table.findings th:nth-child(5){width:32%}
.hidden{display:none}
"""

_SCRIPT = """
(function () {
  "use strict";
  function key(cell, type) {
    var text = cell.getAttribute("data-sort") || cell.textContent.trim();
    if (type === "number" || type === "severity") {
      var n = parseFloat(text);
      return isNaN(n) ? -Infinity : n;
    }
    return text;
  }
  function sortBy(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var type = th.getAttribute("data-type") || "text";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index], type), y = key(b.cells[index], type);
      var order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable th").forEach(function (th) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(th); } });
  });
  var textBox = document.getElementById("filter-text");
  var severityBox = document.getElementById("filter-severity");
  function applyFilter() {
    var query = textBox.value.trim().toLowerCase(), severity = severityBox.value;
    var active = query !== "" || severity !== "";
    document.querySelectorAll("article.report").forEach(function (article) {
      var headerMatch = article.querySelector("h3").textContent.toLowerCase().indexOf(query) >= 0;
      var shown = 0;
      article.querySelectorAll("tbody tr").forEach(function (row) {
        var ok = (severity === "" || row.getAttribute("data-severity") === severity) &&
          (query === "" || headerMatch || row.textContent.toLowerCase().indexOf(query) >= 0);
        row.classList.toggle("hidden", !ok);
        if (ok) { shown += 1; }
      });
      var visible = !active || shown > 0 || (severity === "" && headerMatch);
      article.classList.toggle("hidden", !visible);
      var summaryRow = document.querySelector('#summary tr[data-report="' + article.id + '"]');
      if (summaryRow) { summaryRow.classList.toggle("hidden", !visible); }
    });
  }
  textBox.addEventListener("input", applyFilter);
  severityBox.addEventListener("change", applyFilter);
})();
"""
