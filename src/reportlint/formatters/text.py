"""The default human format: location, message, the source line with carets, a summary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.formatters.base import LintRun, expected_actual
from reportlint.formatters.display import caret_line, excerpt, expand_tabs, paint

_SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class TextFormatter:
    """``path:line:col: CODE severity message`` followed by the marked source line."""

    def format(self, run: LintRun) -> str:
        """Every diagnostic with its context, then one summary line."""
        return "".join(self.chunks(run))

    def chunks(self, run: LintRun) -> Iterator[str]:
        """``format``'s text one diagnostic at a time, for writing as it is made."""
        for result in run.files:
            for diagnostic in result.diagnostics:
                yield self._block(diagnostic, result.lines, run.colour) + "\n"
        if not run.quiet:
            yield summary_line(run) + "\n"
            fixable = sum(1 for d in run.diagnostics() if d.fixes)
            if fixable:
                yield f"[*] 标记的 {fixable} 个问题可用 reportlint fix 自动修复\n"

    def _block(self, d: Diagnostic, lines: Sequence[str], colour: bool) -> str:
        head = (
            f"{paint(f'{d.path}:{d.line}:{d.column}:', 'bold', colour)} "
            f"{paint(d.code, _SEVERITY_STYLE[d.severity], colour)}{' [*]' if d.fixes else ''} "
            f"{d.severity.value} {d.message}"
        )
        out = [head]
        if 1 <= d.line <= len(lines):
            end_column = d.end_column if d.end_line == d.line else len(lines[d.line - 1]) + 1
            source, column, end_column = excerpt(lines[d.line - 1], d.column, end_column)
            gutter = " " * len(str(d.line))
            out.append(f" {paint(str(d.line), 'dim', colour)} | {expand_tabs(source)}")
            out.append(f" {gutter} | {paint(caret_line(source, column, end_column), 'red', colour)}")
        if d.locator:
            out.append(f"   位置：{d.locator_text()}")
        values = expected_actual(d)
        if values:
            out.append(f"   {values}")
        return "\n".join(out)


def summary_line(run: LintRun) -> str:
    """ "发现 N 个问题（E 个错误，W 个警告，I 个提示），检查了 F 个文件"."""
    counts = run.counts()
    total = sum(counts.values())
    if total == 0:
        return f"未发现问题，检查了 {len(run.files)} 个文件"
    return (
        f"发现 {total} 个问题（{counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，"
        f"{counts[Severity.INFO]} 个提示），检查了 {len(run.files)} 个文件"
    )
