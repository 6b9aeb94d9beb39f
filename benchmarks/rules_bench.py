"""How long the national rule set takes on one parsed report, and which rules take it.

Parses a generated corpus once (benchmarks/corpus.py), then measures in CPU time
(``time.process_time``, robust to other processes sharing the machine):

- the floor of benchmarks/run.py (read + decode + one regex pass per report),
- ``Linter.lint(report)`` per report, parse excluded (best of N rounds over the corpus),
- building the first ``Linter`` of the process, and a second one,
- every selected rule's own time per report inside full lints (``applies`` + ``check``),
  largest first.

    python benchmarks/rules_bench.py [-n N] [--rounds R] [--top K]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from run import _floor


def _best_total(action: Callable[[], object], rounds: int) -> float:
    """Best-of-``rounds`` CPU seconds of ``action``."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        action()
        best = min(best, time.process_time() - started)
    return best


class _Timed:
    """Stands in for one rule and adds its CPU time (``applies`` and the whole ``check``) to a total.

    Rules run in their usual order inside full lints, so a view shared through ``RuleContext.views``
    is charged to the first rule that builds it.
    """

    def __init__(self, rule: Any, totals: dict[str, float], code: str) -> None:
        self.rule, self.totals, self.code = rule, totals, code

    def applies(self, report: Any) -> bool:
        started = time.process_time()
        try:
            return bool(self.rule.applies(report))
        finally:
            self.totals[self.code] += time.process_time() - started

    def check(self, context: Any) -> list[Any]:
        started = time.process_time()
        try:
            return list(self.rule.check(context))
        finally:
            self.totals[self.code] += time.process_time() - started


def _per_rule(linter: Any, reports: Sequence[Any]) -> dict[str, float]:
    """Each selected rule's CPU seconds over one full lint of every report."""
    entries = linter._selected
    totals = {entry.meta.code: 0.0 for entry in entries}
    linter._selected = [replace(entry, rule=_Timed(entry.rule, totals, entry.meta.code)) for entry in entries]
    try:
        for report in reports:
            linter.lint(report)
    finally:
        linter._selected = entries
    return totals


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("-n", type=int, default=200, help="reports in the generated corpus (default 200)")
    options.add_argument("--rounds", type=int, default=5, help="rounds; the best one counts (default 5)")
    options.add_argument("--top", type=int, default=15, help="rules listed by time (default 15)")
    args = options.parse_args()

    started = time.process_time()
    from reportlint.api import _linter
    from reportlint.plugins.host import create_host

    host = create_host()
    imported = time.process_time() - started
    started = time.process_time()
    linter = _linter(host, None)
    first = time.process_time() - started
    started = time.process_time()
    _linter(host, None)
    second = time.process_time() - started

    from reportlint.load.text import load_text
    from reportlint.parse.document import parse_document

    with tempfile.TemporaryDirectory(prefix="reportlint-rules-") as temp:
        paths = write_corpus(Path(temp) / "corpus", args.n)
        floor = _best_total(lambda: [_floor(path) for path in paths], args.rounds) / len(paths)
        reports = [parse_document(load_text(path.read_bytes(), str(path))) for path in paths]

    def lint_all() -> None:
        for report in reports:
            linter.lint(report)

    lint_all()  # warm lazily built state outside the measurement
    per_report = _best_total(lint_all, args.rounds) / len(reports)
    print(f"rules bench: {len(reports)} reports, best of {args.rounds} rounds, CPU time")
    print(f"{'import api + host':<34} {imported * 1000:8.1f} ms")
    print(f"{'first Linter':<34} {first * 1000:8.1f} ms")
    print(f"{'second Linter':<34} {second * 1000:8.1f} ms")
    print(f"{'floor (read+decode+regex)':<34} {floor * 1000:8.3f} ms/report  1.0×")
    print(
        f"{'Linter.lint (parse excluded)':<34} {per_report * 1000:8.3f} ms/report  {per_report / floor:.1f}×"
    )

    timings = _per_rule(linter, reports)
    print(
        f"\ntop {args.top} rules by CPU time per report (sum of all: "
        f"{sum(timings.values()) / len(reports) * 1000:.3f} ms)"
    )
    for code, seconds in sorted(timings.items(), key=lambda item: -item[1])[: args.top]:
        print(f"  {code:<8} {seconds / len(reports) * 1000:8.4f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
