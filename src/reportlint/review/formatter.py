"""``--format html``: the batch review page as a formatter like any other output format."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlint.review.html_page import PAGE_TITLE, render_review_page

if TYPE_CHECKING:
    from reportlint.diagnostics import FileResult
    from reportlint.formatters.base import LintRun


class HtmlReviewFormatter:
    """Renders every checked file into one self-contained HTML review page."""

    name = "html"
    description = "自包含的 HTML 审查页面（汇总表、按类别和机关的统计图、逐条问题与原文）"

    def __init__(self, title: str = PAGE_TITLE, **_options: object) -> None:
        self.title = title

    def format(self, run: LintRun | Sequence[FileResult]) -> str:
        """The page for all results of a run (or a plain list of results), in the order given."""
        results = run if isinstance(run, Sequence) else run.files
        return render_review_page(results, title=self.title)
