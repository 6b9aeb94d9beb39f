"""Generate a benchmark corpus of varied reports from the seed reports.

Each generated report is one seed with: another report year (the seed's year and the year before
it are shifted together), its table values scaled by a common factor (sums are linear, so the
table identities still hold) or, in about a third of the reports, one value nudged (an identity
broken, so rules have findings to report), and, in half of the reports, its one-cell-per-line
tables rewritten as pipe rows (``| a | b | c |``), the layout of scraped web pages.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
_YEAR = re.compile(r"20[12]\d")
_VALUE_LINE = re.compile(r"^\t(\d+)$", re.MULTILINE)


def seed_texts() -> list[str]:
    """The seed reports' texts, in file-name order."""
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _shift_years(text: str, year: int) -> str:
    own = int(Counter(_YEAR.findall(text)).most_common(1)[0][0])
    mapping = {str(own): str(year), str(own - 1): str(year - 1)}
    return _YEAR.sub(lambda match: mapping.get(match.group(), match.group()), text)


def _scale_values(text: str, factor: int) -> str:
    return _VALUE_LINE.sub(lambda match: f"\t{int(match.group(1)) * factor}", text)


def _break_one_value(text: str, rng: random.Random) -> str:
    values = list(_VALUE_LINE.finditer(text))
    if not values:
        return text
    target = rng.choice(values)
    nudged = f"\t{int(target.group(1)) + rng.randint(1, 5)}"
    return text[: target.start()] + nudged + text[target.end() :]


def _as_pipe_rows(text: str) -> str:
    """Join each run of TAB-led cell lines (a table row) into one pipe row."""
    out: list[str] = []
    row: list[str] = []

    def flush() -> None:
        if row:
            out.append("| " + " | ".join(row) + " |")
            row.clear()

    for line in text.split("\n"):
        if line.startswith("\t"):
            row.append(line[1:].strip() or " ")
        elif row and line.strip() and len(line) <= 8:
            row[-1] += line.strip()  # the second line of a split cell ("商业" / "企业")
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def make_report(seeds: list[str], index: int, rng: random.Random) -> str:
    """The ``index``-th generated report (deterministic for a given generator state)."""
    text = _shift_years(seeds[index % len(seeds)], rng.choice((2021, 2022, 2023, 2024, 2025)))
    text = _scale_values(text, rng.choice((1, 1, 2, 3, 7)))
    if rng.random() < 1 / 3:
        text = _break_one_value(text, rng)
    if index % 2:
        text = _as_pipe_rows(text)
    return text


def write_corpus(folder: Path, count: int, seed: int = 2021) -> list[Path]:
    """Write ``count`` generated reports into ``folder``; returns their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = seed_texts()
    paths = []
    for index in range(count):
        path = folder / f"report-{index:05d}.txt"
        path.write_text(make_report(seeds, index, rng), encoding="utf-8")
        paths.append(path)
    return paths
