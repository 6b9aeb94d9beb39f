"""Render the review page for the five seed reports and photograph it with headless Chromium.

    python scripts/make_review_screenshot.py            # lint the seeds with reportlint itself
    python scripts/make_review_screenshot.py --demo     # hand-built findings (from EXPECTED.md)

Writes docs/review-seeds.png (and the page itself with --html PATH). Needs the Debian package ``chromium``
(/usr/bin/chromium). The browser test in tests/review imports the Chromium helpers from here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reportlint.api import FileResult
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report, Span, Title

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DOCS = ROOT / "docs"

# Flags that keep headless Chromium off the network and out of the user's profile.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

# (seed file, issuing body, year, findings: (code, severity, message, text to point at)).
# The findings are the "must report" items of shared/seeds/EXPECTED.md, plus a few "may warn".
DEMO: tuple[tuple[str, str, int, tuple[tuple[str, Severity, str, str], ...]], ...] = (
    (
        "000_0d171b8ef5d5b856.txt",
        "伽师县人民政府",
        2023,
        (
            (
                "PD001",
                Severity.ERROR,
                "统计期间为2022年，与报告年度2023年不符",
                "2022年1月1日至2022年12月31日",
            ),
            ("CP001", Severity.ERROR, "标题不完整：缺少发布机关和年度", "工作年度报告"),
            (
                "WD001",
                Severity.WARNING,
                "格式名称应为《中华人民共和国政府信息公开工作年度报告格式》",
                "政府信息公开年度报告格式》",
            ),
        ),
    ),
    (
        "001_3801af194dfe54d2.txt",
        "巴楚县人民政府",
        2023,
        (
            (
                "CP010",
                Severity.ERROR,
                "表三缺少“1.属于国家秘密”行：该行数值位于“（三）不予公开”行",
                "（三）不予公开",
            ),
            (
                "WD010",
                Severity.WARNING,
                "行标签与模板不一致：应为“2.没有现成信息需要另行制作”",
                "没有现成信息需要另外制作",
            ),
            ("WD011", Severity.INFO, "行标签与模板不一致：应为“行政规范性文件”", "规范性文件"),
        ),
    ),
    (
        "002_a59350496f5eca4a.txt",
        "乌苏市夹河子乡人民政府",
        2023,
        (("ST001", Severity.ERROR, "第五部分标题编号应为“五、”而不是“5、”", "5、"),),
    ),
    (
        "003_96c85236d91434a5.txt",
        "伊宁县人民政府",
        2023,
        (
            ("WD020", Severity.ERROR, "书名号内的篇名应使用〈〉而不是<>", "<政府信息公开信息处理费管理办法>"),
            ("ST010", Severity.INFO, "使用了半角括号“(一)”", "(一)"),
        ),
    ),
    (
        "004_c5a853553518463f.txt",
        "和田地区机关事务管理局",
        2023,
        (("ST020", Severity.ERROR, "表三中有多余字符“0”", "0三、"),),
    ),
)


def demo_results(seeds: Path = SEEDS) -> list[FileResult]:
    """FileResults built by hand from the seed texts and the reviewer's findings."""
    results = []
    for name, body, year, findings in DEMO:
        path = seeds / name
        text = path.read_text(encoding="utf-8")
        lines = tuple(text.split("\n"))
        report = Report(
            path=str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
            text=text,
            lines=lines,
            title=Title(lines[0], Span.on_line(1, 1, len(lines[0])), body, year),
            body=body,
            year=year,
        )
        diagnostics = tuple(
            _demo_diagnostic(report, code, severity, message, snippet)
            for code, severity, message, snippet in findings
        )
        results.append(FileResult(report.path, tuple(sorted(diagnostics, key=Diagnostic.sort_key)), report))
    return results


def _demo_diagnostic(report: Report, code: str, severity: Severity, message: str, snippet: str) -> Diagnostic:
    for number, line in enumerate(report.lines, start=1):
        column = line.find(snippet)
        if column >= 0:
            end = column + 1 + len(snippet)
            return Diagnostic(report.path, code, "demo", severity, message, number, column + 1, number, end)
    raise ValueError(f"{report.path}: {snippet!r} not found")


def linted_results(seeds: Path = SEEDS) -> list[FileResult]:
    """The seeds checked by reportlint itself, with the cross-year checks added."""
    from reportlint.api import lint_path
    from reportlint.plugins.host import create_host
    from reportlint.review.crossyear import with_cross_year

    host = create_host()
    paths = sorted(seeds.glob("*.txt"))
    return with_cross_year([lint_path(str(path.relative_to(ROOT)), host) for path in paths])


def chromium_path() -> str | None:
    """The Chromium binary, or None when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(page: Path, *extra: str, timeout: float = 60) -> str:
    """Run headless Chromium on a local page with a throwaway profile; its standard output."""
    binary = chromium_path()
    if binary is None:
        raise RuntimeError("未安装 Chromium（Debian 软件包 chromium）")
    with tempfile.TemporaryDirectory(prefix="reportlint-chromium-") as profile:
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Chromium 退出码 {done.returncode}：{done.stderr[-2000:]}")
    return done.stdout


def dump_dom(page: Path, *, window: str = "1280,2000") -> str:
    """The page's DOM after its scripts ran."""
    return run_chromium(page, f"--window-size={window}", "--virtual-time-budget=3000", "--dump-dom")


def screenshot(page: Path, png: Path, *, window: str = "1280,1950") -> None:
    """A PNG of the page at the given window size."""
    run_chromium(
        page, f"--window-size={window}", "--virtual-time-budget=3000", f"--screenshot={png.resolve()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--demo", action="store_true", help="use hand-built findings instead of linting")
    parser.add_argument("--output-dir", type=Path, default=DOCS)
    parser.add_argument("--html", type=Path, help="also keep the rendered page at this path")
    parser.add_argument("--window", default="1280,1950", help="width,height of the screenshot")
    args = parser.parse_args(argv)
    from reportlint.review.formatter import HtmlReviewFormatter

    results = demo_results() if args.demo else linted_results()
    page_text = HtmlReviewFormatter(title="五份样例报告审查汇总").format(results)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    png = args.output_dir / "review-seeds.png"
    with tempfile.TemporaryDirectory(prefix="reportlint-review-") as folder:
        page = args.html or Path(folder) / "review-seeds.html"
        page.write_text(page_text, encoding="utf-8")
        try:
            screenshot(page, png, window=args.window)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            print(f"make_review_screenshot: {error}", file=sys.stderr)
            return 2
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
