"""The review page as HTML text: contents, counts, escaping, self-containment."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from review_builders import make_diagnostic, make_report, result

from reportlint.diagnostics import Severity
from reportlint.review.formatter import HtmlReviewFormatter
from reportlint.review.html_page import render_review_page

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def sample_results() -> list:  # type: ignore[type-arg]
    clean = make_report("b/clean.txt", "乌苏市夹河子乡人民政府", 2023)
    warned = make_report("a/warned.txt", "巴楚县人民政府", 2023, text="标题\n\t规范性文件\n")
    broken = make_report("c/broken.txt", "伽师县人民政府", 2022, text=f"标题\n{HOSTILE}\n")
    return [
        result(
            warned, make_diagnostic("a/warned.txt", "WD011", Severity.WARNING, "应为“行政规范性文件”", 2, 2)
        ),
        result(clean),
        result(
            broken,
            make_diagnostic("c/broken.txt", "NU001", Severity.ERROR, f"数值不平衡 {HOSTILE}", 2, 9),
            make_diagnostic("c/broken.txt", "PD001", Severity.INFO, "统计期间", 1),
            make_diagnostic("c/broken.txt", "NU002", Severity.ERROR, "总计不符", 2),
        ),
    ]


class TagCollector(HTMLParser):
    """Every start tag with its attributes, to check what the page would load or run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(page)
    return collector.tags


def test_summary_row_per_report_with_counts_and_status() -> None:
    page = render_review_page(sample_results())
    rows = re.findall(
        r'<tr data-report="(report-\d)" data-errors="(\d)" data-warnings="(\d)" data-infos="(\d)"', page
    )
    assert rows == [("report-1", "0", "1", "0"), ("report-2", "0", "0", "0"), ("report-3", "2", "0", "1")]
    summary = page[page.index('id="summary"') : page.index("</table>", page.index('id="summary"'))]
    assert [m for m in re.findall(r"status-\w+\">(\S+?)</td>", summary)] == ["有警告", "通过", "有错误"]
    assert "共 3 份报告；错误 2 条，警告 1 条，提示 1 条" in page


def test_untrusted_report_text_is_escaped_everywhere() -> None:
    page = render_review_page(sample_results())
    assert "window.pwned" in page  # shown as text …
    assert [t for t, _ in tags(page)].count("script") == 1  # … but the only script is the page's own
    assert not any("onerror" in attrs for _, attrs in tags(page))
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page


def test_page_loads_nothing_from_outside() -> None:
    page = render_review_page(sample_results())
    for tag, attrs in tags(page):
        assert "src" not in attrs or tag not in {"script", "img", "iframe"}, tag
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
    assert "default-src 'none'" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


def test_findings_show_source_line_with_the_flagged_text_marked() -> None:
    page = render_review_page(sample_results())
    assert "<code>\t<mark>规范性文件</mark></code>" not in page  # leading tab is trimmed
    assert "<code><mark>规</mark>范性文件</code>" in page  # columns 2..3 of "\t规范性文件"
    row = re.search(r'<tr data-severity="error"><td class="num">2</td><td class="num">9</td>.*?</tr>', page)
    assert row is not None and "NU001" in row.group(0) and "<mark>" in row.group(0)


def test_findings_are_in_source_order_and_clean_reports_say_so() -> None:
    page = render_review_page(sample_results())
    broken = page[page.index('id="report-3"') :]
    # line 1, then line 2 column 1, then line 2 column 9
    assert broken.index("PD001") < broken.index("NU002") < broken.index("NU001")
    assert "未发现问题" in page[page.index('id="report-2"') : page.index('id="report-3"')]


def test_charts_have_a_bar_per_family_and_body() -> None:
    page = render_review_page(sample_results())
    family = page[page.index('id="chart-family"') : page.index("</figure>", page.index('id="chart-family"'))]
    for label in (
        "CP 完整性",
        "NU 数据勾稽",
        "PD 期间与日期",
        "FE 收费说明",
        "WD 用语与引文",
        "ST 结构与格式",
    ):
        assert label in family
    assert re.search(r'<rect class="bar error" x="200.0" y="\d+" width="360.0"', family)  # NU: 2 of max 2
    body = page[page.index('id="chart-body"') : page.index("</figure>", page.index('id="chart-body"'))]
    assert body.index("伽师县人民政府") < body.index("巴楚县人民政府") < body.index("乌苏市夹河子乡人民政府")


def test_report_without_model_or_body_still_renders() -> None:
    unreadable = result(make_report("x.bin", None, None))
    unreadable = type(unreadable)("x.bin", unreadable.diagnostics, None)
    page = HtmlReviewFormatter().format([unreadable])
    assert "（未识别发布机关）" in page and "x.bin" in page
    assert HtmlReviewFormatter(title="审查 <b>").format([]).count("审查 &lt;b&gt;") == 2
