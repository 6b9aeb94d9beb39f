"""Load and load+parse time per seed-sized report for each input format, against the text floor.

Usage: python benchmarks/formats_bench.py [--rounds N]

For each seed and format the median of N timed runs (after one warm-up, so lazy imports are not
counted) of ``parse_document(load_bytes(...))`` is taken; the figure per format is the median
over the seeds. The floor is decode + one regex pass over the .txt, measured in the same run, and
the .txt load+parse is shown too, so ratios are comparable across machines. The load column is
the format's own cost (unpacking, walking the XML or the page layout, building the text); the
targets of the issue are judged on load+parse, the stricter reading.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reportlint.load import load_bytes
from reportlint.parse.document import parse_document
from reportlint.plugins.host import create_host

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
FORMATS = ROOT / "tests" / "fixtures" / "formats"
TARGETS_MS = {"docx": 15.0, "html": 5.0, "pdf": 60.0}
_FLOOR_PATTERN = re.compile(r"[一二三四五六]、")


def _median_ms(action: Callable[[], object], rounds: int) -> float:
    action()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    host = create_host(load_entry_points=False)
    results: dict[str, list[float]] = {"floor": [], "txt": [], "docx": [], "html": [], "pdf": []}
    loads: dict[str, list[float]] = {"txt": [], "docx": [], "html": [], "pdf": []}
    for seed in sorted(SEEDS.glob("*.txt")):
        raw = seed.read_bytes()
        results["floor"].append(
            _median_ms(lambda raw=raw: _FLOOR_PATTERN.findall(raw.decode("utf-8")), rounds)
        )
        for fmt in ("txt", "docx", "html", "pdf"):
            data = raw if fmt == "txt" else (FORMATS / f"{seed.name[:3]}.{fmt}").read_bytes()
            name = f"r.{fmt}"
            loads[fmt].append(_median_ms(lambda data=data, name=name: load_bytes(name, data, host), rounds))
            results[fmt].append(
                _median_ms(lambda data=data, name=name: parse_document(load_bytes(name, data, host)), rounds)
            )
    printed = _printed_pdfs(host, rounds)
    floor = statistics.median(results["floor"])
    text = statistics.median(results["txt"])
    print(f"{'format':<7}{'load ms':>9}{'load+parse ms':>15}{'× floor':>10}{'× txt':>8}{'target':>9}")
    for fmt, values in results.items():
        median = statistics.median(values)
        load = f"{statistics.median(loads[fmt]):.2f}" if fmt in loads else "-"
        target = TARGETS_MS.get(fmt)
        verdict = "" if target is None else f"≤{target:g} {'ok' if median <= target else 'OVER'}"
        print(f"{fmt:<7}{load:>9}{median:>15.2f}{median / floor:>10.0f}{median / text:>8.1f}  {verdict}")
    for name, (pages, load, total) in printed.items():
        per5 = total * 5 / pages
        verdict = f"≤{TARGETS_MS['pdf']:g}/5 pages {'ok' if per5 <= TARGETS_MS['pdf'] else 'OVER'}"
        ratios = f"{total / floor:>10.0f}{total / text:>8.1f}"
        print(f"{name:<22}{load:>9.2f}{total:>15.2f}{ratios}  {pages} pages, {verdict}")
    return 0


def _printed_pdfs(host: object, rounds: int) -> dict[str, tuple[int, float, float]]:
    """Published and printed PDFs (LibreOffice exports, Chromium prints): (pages, load ms,
    load+parse ms) each; their target is judged per 5 pages."""
    import pypdfium2 as pdfium

    found = {path.name: path for path in sorted((ROOT / "tests" / "fixtures" / "published").glob("*.pdf"))}
    for program in ("libreoffice", "chromium"):
        found |= {path.name: path for path in sorted(FORMATS.glob(f"*-{program}.pdf"))}
    # page layouts (tests/load/test_pdf_layouts.py): cells drawn apart, a landscape section
    found |= {path.name: path for path in sorted(FORMATS.glob("*-chromium-spaced.pdf"))}
    found |= {path.name: path for path in sorted(FORMATS.glob("*-libreoffice-landscape.pdf"))}
    figures = {}
    for name, path in found.items():
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        load = _median_ms(lambda data=data: load_bytes("r.pdf", data, host), rounds)  # type: ignore[arg-type]
        total = _median_ms(lambda data=data: parse_document(load_bytes("r.pdf", data, host)), rounds)  # type: ignore[arg-type]
        figures[name] = (pages, load, total)
    return figures


if __name__ == "__main__":
    raise SystemExit(main())
