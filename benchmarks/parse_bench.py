"""Parse time per seed report against a floor measured in the same run.

Floor: read the file, decode it and make one regex pass over the text (what any tool must do).
Parse: the same read and decode, then ``parse_document`` (lexer + LALR skeleton + model +
table assembly). Prints the median over repetitions for each seed and the ratio to the floor;
the design target is at most 15× the floor (about 3 ms per seed-sized report).

``--cpu`` times with process CPU time and keeps the best repetition instead of the median of wall
times: steadier when other processes share the machine. ``--phases`` adds where the parse time
goes (split, lex, grammar input, tokenize, tables), each stage timed on its own the same way.

    python benchmarks/parse_bench.py [--repeat N] [--cpu] [--phases]
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
from reportlint.parse.document import parse_document
from reportlint.parse.lexer import lex
from reportlint.parse.table_layouts import tokenize
from reportlint.parse.tables import assemble_table
from reportlint.parse.textlines import split_lines

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


def _best_cpu_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        action()
        samples.append(time.process_time() - started)
    return min(samples) * 1000


def _phases(path: Path, repeat: int) -> dict[str, float]:
    """CPU ms of each parse stage for one report (best of ``repeat``)."""
    text = load_text(path.read_bytes(), str(path)).text
    lines = split_lines(text)
    lexed = lex(lines)
    report = parse_document(SourceDocument(path=str(path), text=text))
    blocks = [
        (key, lines[section.heading.span.line : section.span.end_line])
        for section in report.sections
        for key in section.tables
    ]
    return {
        "split": _best_cpu_ms(lambda: split_lines(text), repeat),
        "lex": _best_cpu_ms(lambda: lex(lines), repeat),
        "grammar input": _best_cpu_ms(lexed.grammar_input, repeat),
        "tokenize": _best_cpu_ms(lambda: [tokenize(block) for _, block in blocks], repeat),
        "tables": _best_cpu_ms(lambda: [assemble_table(key, block) for key, block in blocks], repeat),
    }


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=50)
    options.add_argument("--cpu", action="store_true", help="best process CPU time, not median wall")
    options.add_argument("--phases", action="store_true", help="also time each parse stage")
    arguments = options.parse_args()
    repeat = arguments.repeat
    paths = sorted(SEEDS.glob("*.txt"))
    _parse(paths[0])  # build the parser (and lark's cache) outside the measurement

    def measure(action: Callable[[Path], object], path: Path) -> float:
        if arguments.cpu:
            return _best_cpu_ms(lambda: action(path), repeat)
        return _median_ms(action, path, repeat)

    print(f"{'report':<28} {'lines':>6} {'floor ms':>9} {'parse ms':>9} {'ratio':>7}")
    floors, parses = [], []
    for path in paths:
        floor = measure(_floor, path)
        parse = measure(_parse, path)
        floors.append(floor)
        parses.append(parse)
        lines = path.read_text(encoding="utf-8").count("\n") + 1
        print(f"{path.name:<28} {lines:>6} {floor:>9.3f} {parse:>9.3f} {parse / floor:>6.1f}×")
    floor, parse = statistics.median(floors), statistics.median(parses)
    ratio = parse / floor
    print(
        f"{'median':<28} {'':>6} {floor:>9.3f} {parse:>9.3f} {ratio:>6.1f}×  (target ≤ {TARGET_RATIO:.0f}×)"
    )
    if arguments.phases:
        stages = [_phases(path, repeat) for path in paths]
        print("\nmedian CPU ms per stage (each timed alone; tables includes tokenize):")
        for name in stages[0]:
            print(f"  {name:<14} {statistics.median(stage[name] for stage in stages):.3f}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
