"""Start-up cost of ``reportlint check`` on one text report, against a bare interpreter start.

Usage: python benchmarks/startup_bench.py [RUNS]
Prints the median wall time of ``python -c pass`` and of ``python -m reportlint check --no-cache SEED``
(both measured in this run, interleaved so machine load affects both alike), their difference
and their ratio. Design target: reportlint's own start-up and check at most 150 ms.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "tests/fixtures/seeds").glob("000_*.txt"))


def wall_time(command: list[str]) -> float:
    """Seconds one run of ``command`` takes, output discarded."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    bare_command = [sys.executable, "-c", "pass"]
    # --no-cache: every run checks the file (a warm result cache would answer without parsing).
    check_command = [sys.executable, "-m", "reportlint", "check", "--no-cache", str(SEED)]
    wall_time(check_command)  # warm the file cache and the byte-code cache
    bare: list[float] = []
    check: list[float] = []
    for _ in range(runs):
        bare.append(wall_time(bare_command))
        check.append(wall_time(check_command))
    bare_ms = statistics.median(bare) * 1000
    check_ms = statistics.median(check) * 1000
    print(f"python -c pass:          {bare_ms:7.1f} ms (median of {runs})")
    print(f"reportlint check {SEED.name[:3]}…: {check_ms:7.1f} ms (median of {runs})")
    print(f"difference:              {check_ms - bare_ms:7.1f} ms (target ≤ 150 ms)")
    print(f"ratio:                   {check_ms / bare_ms:7.2f}×")


if __name__ == "__main__":
    main()
