"""The review page in a real browser: rows, chart bars with size, sorting and filtering by script.

Headless Chromium (Debian package ``chromium``) loads the page with a probe script appended that
measures the charts, clicks a column header, filters, and writes what it saw into the DOM;
``--dump-dom`` returns the DOM after the scripts ran. Skips when Chromium is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from test_review_html import sample_results

from reportlint.review.html_page import render_review_page

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_review_screenshot.py"


def load_screenshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_review_screenshot", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shots = load_screenshot_script()
pytestmark = pytest.mark.skipif(
    shots.chromium_path() is None, reason="未安装 Chromium：apt-get install chromium 后运行浏览器测试"
)

PROBE = """
<script>
(function () {
  function bodies() {
    return Array.prototype.map.call(document.querySelectorAll("#summary tbody tr"), function (r) {
      return r.cells[0].textContent;
    });
  }
  function visible(selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (e) {
      return e.getClientRects().length > 0;
    }).length;
  }
  var seen = {pwned: typeof window.pwned, rows: bodies()};
  seen.bars = Array.prototype.map.call(document.querySelectorAll("rect.bar"), function (r) {
    var box = r.getBoundingClientRect();
    return [box.width, box.height];
  });
  var errors = document.querySelectorAll("#summary th")[3];
  errors.click();
  seen.ascending = bodies();
  seen.sortState = errors.getAttribute("aria-sort");
  errors.click();
  seen.descending = bodies();
  var box = document.getElementById("filter-text");
  box.value = "巴楚";
  box.dispatchEvent(new Event("input"));
  seen.filteredRows = visible("#summary tbody tr");
  seen.filteredReports = visible("article.report");
  box.value = "";
  box.dispatchEvent(new Event("input"));
  var severity = document.getElementById("filter-severity");
  severity.value = "error";
  severity.dispatchEvent(new Event("change"));
  seen.errorFindings = visible("article.report tbody tr");
  seen.errorReports = visible("article.report");
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(seen);
  document.body.appendChild(out);
})();
</script>
"""


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    page = render_review_page(sample_results())
    path = tmp_path_factory.mktemp("review") / "review.html"
    path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = shots.dump_dom(path)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    data: dict = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))  # type: ignore[type-arg]
    return data


def test_summary_rows_render_in_given_order(seen: dict) -> None:  # type: ignore[type-arg]
    assert seen["rows"] == ["巴楚县人民政府", "乌苏市夹河子乡人民政府", "伽师县人民政府"]


def test_chart_bars_have_size(seen: dict) -> None:  # type: ignore[type-arg]
    # family chart: NU (2 errors), PD (info), WD (warning); body chart: 伽师 (error+info), 巴楚 (warning)
    assert len(seen["bars"]) == 6
    assert all(width > 0 and height > 0 for width, height in seen["bars"])
    assert max(width for width, _ in seen["bars"]) == pytest.approx(360, abs=1)


def test_clicking_a_header_sorts_and_clicking_again_reverses(seen: dict) -> None:  # type: ignore[type-arg]
    assert seen["ascending"][-1] == "伽师县人民政府"  # the only report with errors sorts last
    assert seen["sortState"] == "ascending"
    assert seen["descending"][0] == "伽师县人民政府"


def test_text_and_severity_filters_hide_other_reports(seen: dict) -> None:  # type: ignore[type-arg]
    assert (seen["filteredRows"], seen["filteredReports"]) == (1, 1)
    assert (seen["errorFindings"], seen["errorReports"]) == (2, 1)


def test_report_text_never_runs_as_script(seen: dict) -> None:  # type: ignore[type-arg]
    assert seen["pwned"] == "undefined"


def test_screenshot_script_writes_page_and_png(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    argv = ["--demo", "--output-dir", str(tmp_path), "--window", "800,600", "--html", str(page)]
    assert shots.main(argv) == 0
    png = (tmp_path / "review-seeds.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert "和田地区机关事务管理局" in page.read_text(encoding="utf-8")
