"""Parse time per seed report against a floor measured in the same run.

Floor: read the file, decode it and make one regex pass over the text (what any tool must do).
Parse: the same read and decode, then ``parse_document`` (lexer + LALR skeleton + model +
table assembly). Prints the median over repetitions for each seed and the ratio to the floor;
the design target is at most 15× the floor (about 3 ms per seed-sized report).

    python benchmarks/parse_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reportlint.load.source import SourceDocument
from reportlint.load.text import load_text
from reportlint.parse import parse_document

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
_ONE_PASS = re.compile(r"\d+")
TARGET_RATIO = 15.0


def _floor(path: Path) -> object:
    text = path.read_bytes().decode("utf-8")
    return _ONE_PASS.findall(text)


def _parse(path: Path) -> object:
    document: SourceDocument = load_text(path.read_bytes(), str(path))
    return parse_document(document)


def _median_ms(action: Callable[[Path], object], path: Path, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action(path)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=50)
    repeat = options.parse_args().repeat
    paths = sorted(SEEDS.glob("*.txt"))
    _parse(paths[0])  # build the parser (and lark's cache) outside the measurement
    print(f"{'report':<28} {'lines':>6} {'floor ms':>9} {'parse ms':>9} {'ratio':>7}")
    floors, parses = [], []
    for path in paths:
        floor = _median_ms(_floor, path, repeat)
        parse = _median_ms(_parse, path, repeat)
        floors.append(floor)
        parses.append(parse)
        lines = path.read_text(encoding="utf-8").count("\n") + 1
        print(f"{path.name:<28} {lines:>6} {floor:>9.3f} {parse:>9.3f} {parse / floor:>6.1f}×")
    floor, parse = statistics.median(floors), statistics.median(parses)
    ratio = parse / floor
    print(
        f"{'median':<28} {'':>6} {floor:>9.3f} {parse:>9.3f} {ratio:>6.1f}×  (target ≤ {TARGET_RATIO:.0f}×)"
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
