"""The page in a real browser: headless Chromium (Debian's package), driven by Playwright, opens
the page served on 127.0.0.1, uploads a seed through the file input, lists its findings with the
codes ``check`` reports, filters by severity, shows a rule's documentation, the parsed tables, and
a broken file's message; no request leaves the server's origin. Skips with its reason where
Playwright or Chromium is missing. ``REPORTLINT_UPDATE_SCREENSHOT=1`` rewrites docs/serve-seed.png.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.serve.conftest import SEED_FILES, cli_output

sync_api = pytest.importorskip("playwright.sync_api", reason="需要 playwright（pip install playwright）")
CHROMIUM = (
    os.environ.get("REPORTLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="未安装 Chromium：apt-get install chromium 后运行浏览器测试"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = Path(__file__).parents[2] / "docs" / "serve-seed.png"
FORMAT_FILES_PDF = Path(__file__).parents[1] / "fixtures" / "formats" / "000.pdf"  # seed 000 as a PDF
SEED = SEED_FILES[0]  # examples/reports/jiashi-2023.txt: two errors and two warnings (README)


@pytest.fixture(scope="module")
def browser_page(
    live_server: tuple[str, subprocess.Popen[str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, list[str], str]]:
    """A fresh Chromium profile's page on the served page, and every URL it requested."""
    url, _ = live_server
    requested: list[str] = []
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
            locale="zh-CN",
        )
        try:
            page = context.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.goto(url)
            page.wait_for_function("document.getElementById('limit').textContent.length > 0")
            yield page, requested, url
        finally:
            context.close()


def visible_codes(page: Any) -> list[str]:
    codes: list[str] = page.eval_on_selector_all(
        "li.finding", "items => items.filter(i => i.getClientRects().length).map(i => i.dataset.code)"
    )
    return codes


def test_upload_lists_the_findings_and_filters_by_severity(
    browser_page: tuple[Any, list[str], str], tmp_path: Path
) -> None:
    page, requested, url = browser_page
    expected = json.loads(cli_output(SEED, tmp_path, "--format", "json"))
    page.set_input_files("#file-input", str(SEED))
    card = page.locator(f'article.report[data-name="{SEED.name}"]')
    card.locator("li.finding").first.wait_for(timeout=60_000)
    assert sorted(visible_codes(page)) == sorted(item["code"] for item in expected)
    messages = card.locator("li.finding .message").all_inner_texts()
    assert sorted(messages) == sorted(item["message"] for item in expected)
    counts = card.locator(".counts").inner_text()
    errors = sum(item["severity"] == "error" for item in expected)
    assert f"错误 {errors}" in counts
    # The source line is shown with the finding's words marked (seed 000: the period in line 2).
    marks = card.locator("li.finding[data-code='PD001'] pre.source mark").all_inner_texts()
    assert marks == ["2022年1月1日", "2022年12月31日"]

    card.locator("li.finding button.code").first.click()
    page.locator("#rule-body h2").wait_for()
    first_code = expected[0]["code"]
    assert page.locator("#rule-body h2").inner_text().startswith(first_code)
    assert "示例" in page.locator("#rule-body").inner_text()
    if os.environ.get("REPORTLINT_UPDATE_SCREENSHOT") == "1":
        page.screenshot(path=str(SCREENSHOT))
    page.screenshot(path=str(tmp_path / "serve-seed.png"))
    page.locator("#rule-close").click()

    page.uncheck(".severity-filter[value=warning]")
    page.uncheck(".severity-filter[value=info]")
    assert visible_codes(page) and len(visible_codes(page)) == errors
    assert set(
        page.eval_on_selector_all(
            "li.finding", "items => items.filter(i => i.getClientRects().length).map(i => i.dataset.severity)"
        )
    ) == {"error"}
    page.check(".severity-filter[value=warning]")
    page.check(".severity-filter[value=info]")
    assert len(visible_codes(page)) == len(expected)

    card.locator(".tabs button", has_text="表格").click()
    assert card.locator("table.cells td").count() > 20  # tables 二, 三, 四 as read
    card.locator(".tabs button", has_text="问题").click()
    assert all(address.startswith(url) for address in requested), requested


def test_downloads_are_the_json_and_the_review_page_of_check(
    browser_page: tuple[Any, list[str], str], tmp_path: Path
) -> None:
    page, _, _ = browser_page
    card = page.locator(f'article.report[data-name="{SEED.name}"]')
    if not card.count():
        page.set_input_files("#file-input", str(SEED))
    card.locator("li.finding").first.wait_for(timeout=60_000)
    with page.expect_download() as json_download:
        card.locator(".downloads button", has_text="JSON").click()
    saved = Path(json_download.value.path())
    assert json_download.value.suggested_filename == SEED.stem + ".reportlint.json"
    assert saved.read_text(encoding="utf-8") == cli_output(SEED, tmp_path, "--format", "json")
    with page.expect_download() as html_download:
        card.locator(".downloads button", has_text="HTML").click()
    page_text = Path(html_download.value.path()).read_text(encoding="utf-8")
    assert page_text.strip() == cli_output(SEED, tmp_path, "--format", "html").strip()
    annotate = card.locator(".downloads button", has_text="Word")
    assert annotate.count() == 0  # a .txt has no annotated .docx


def test_a_wrong_cell_is_highlighted_in_the_tables_as_read(browser_page: tuple[Any, list[str], str]) -> None:
    page, _, _ = browser_page
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert lines[329] == "\t0"  # seed 000, table 三, row （七）总计, column 自然人
    lines[329] = "\t5"  # now the column does not balance: NU001 and NU003 at this cell, NU002 at 总计
    page.set_input_files(
        "#file-input",
        [{"name": "wrong-cell.txt", "mimeType": "text/plain", "buffer": "\n".join(lines).encode()}],
    )
    card = page.locator('article.report[data-name="wrong-cell.txt"]')
    finding = card.locator("li.finding[data-code='NU001']")
    finding.wait_for(timeout=60_000)
    assert "期望 0，实际 5" in finding.inner_text()
    finding.locator("button", has_text="在表格中查看").click()
    active = card.locator("table.cells td.active")
    assert active.inner_text() == "5" and active.is_visible()
    assert "NU001" in (active.get_attribute("title") or "")
    flagged = card.locator("table.cells td.flagged").all_inner_texts()
    assert sorted(flagged) == ["0", "5"]  # the 自然人 cell and the row's 总计


def test_a_file_dropped_on_the_page_is_checked(browser_page: tuple[Any, list[str], str]) -> None:
    page, _, _ = browser_page
    text = SEED_FILES[2].read_text(encoding="utf-8")
    page.evaluate(
        """(text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.txt", {type: "text/plain"}));
      const zone = document.getElementById("drop");
      const options = {dataTransfer: transfer, bubbles: true, cancelable: true};
      zone.dispatchEvent(new DragEvent("dragover", options));
      zone.dispatchEvent(new DragEvent("drop", options));
    }""",
        text,
    )
    card = page.locator('article.report[data-name="dropped.txt"]')
    card.locator("li.finding").first.wait_for(timeout=60_000)
    # Seed 002: no statistical-period sentence (CP003), a heading numbered "5、" instead of "五、" (ST001).
    assert sorted(card.locator("li.finding").evaluate_all("items => items.map(i => i.dataset.code)")) == [
        "CP003",
        "ST001",
    ]


def test_a_pdf_shows_its_progress_while_it_is_read(browser_page: tuple[Any, list[str], str]) -> None:
    page, _, _ = browser_page
    page.evaluate(
        """() => {
      window.notes = [];
      new MutationObserver(() => document.querySelectorAll(".progress .note").forEach((n) => {
        if (window.notes[window.notes.length - 1] !== n.textContent) window.notes.push(n.textContent);
      })).observe(document.getElementById("reports"), {subtree: true, childList: true, characterData: true});
    }"""
    )
    pdf = FORMAT_FILES_PDF
    page.set_input_files("#file-input", str(pdf))
    page.locator(f'article.report[data-name="{pdf.name}"] li.finding').first.wait_for(timeout=60_000)
    notes: list[str] = page.evaluate("window.notes")
    assert any(note.startswith("正在读取 PDF 并检查") for note in notes), notes
    assert page.locator(f'article.report[data-name="{pdf.name}"] .progress').count() == 0  # gone when done


def test_broken_and_hostile_files_show_a_message_not_markup(browser_page: tuple[Any, list[str], str]) -> None:
    page, requested, url = browser_page
    page.set_input_files(
        "#file-input",
        [
            {"name": "broken.docx", "mimeType": "application/octet-stream", "buffer": b"PK\x03\x04broken"},
            {
                "name": "<img src=x onerror=window.pwned=1>.txt",
                "mimeType": "text/plain",
                "buffer": "2023年报告\n一、总体情况\n<img src=x onerror=window.pwned=1>\n".encode(),
            },
        ],
    )
    broken = page.locator('article.report[data-name="broken.docx"] .failed')
    broken.wait_for(timeout=60_000)
    assert ".docx" in broken.inner_text()
    hostile = page.locator("article.report", has_text="onerror").locator("li.finding").first
    hostile.wait_for(timeout=60_000)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("article.report img").count() == 0
    assert all(address.startswith(url) for address in requested), requested
