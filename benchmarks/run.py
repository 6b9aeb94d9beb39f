"""reportlint's speed, measured in one run against a floor measured in the same run.

Generates a corpus of N varied reports from the seeds (benchmarks/corpus.py), then measures:
the floor (read + decode + one regex pass per report), parse only, full lint with the national
rule set (one Linter, as ``reportlint check`` uses it), the CLI start-up on one file against a
bare ``python -c pass``, ``--jobs 1`` against ``--jobs 2`` on the corpus, the peak memory of a
child process checking 10,000 reports (the corpus in as many symlinked folders as needed, so every
path is distinct), and re-checking the corpus from the cache. Each figure is a median; each target
is flagged met or missed (targets are for a 2-core machine). Every command-line figure runs the
real ``reportlint`` command with its byte-code written (PYTHONDONTWRITEBYTECODE is dropped, as an
installed package has it compiled). Measure --jobs with -n 1000: at 200 reports pool start-up is
a large part of the run.

    python benchmarks/run.py [-n N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEEDS, write_corpus

_ONE_PASS = re.compile(r"\d+")
_ROWS: list[tuple[str, str, str]] = []


def _row(name: str, figure: str, verdict: str = "") -> None:
    _ROWS.append((name, figure, verdict))
    print(f"{name:<34} {figure:<40} {verdict}", flush=True)


def _verdict(met: bool, target: str) -> str:
    return f"{'met' if met else 'MISSED'} (target {target})"


def _median_per_report(action: Callable[[Path], object], paths: Sequence[Path], rounds: int) -> float:
    """Median over reports of each report's best-of-``rounds`` time, in seconds."""
    times = []
    for path in paths:
        samples = []
        for _ in range(rounds):
            started = time.perf_counter()
            action(path)
            samples.append(time.perf_counter() - started)
        times.append(min(samples))
    return statistics.median(times)


def _floor(path: Path) -> object:
    return _ONE_PASS.findall(path.read_bytes().decode("utf-8"))


def _wall(command: Sequence[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def _supports_cache() -> bool:
    return (
        subprocess.run(
            [sys.executable, "-m", "reportlint", "check", "--help"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.count("--no-cache")
        > 0
    )


def measure_in_process(paths: Sequence[Path], rounds: int) -> float:
    """Floor, parse and full lint per report; returns the floor in seconds."""
    from reportlint.api import _check_path, _linter
    from reportlint.load.text import load_text
    from reportlint.parse.document import parse_document
    from reportlint.plugins.host import create_host

    host = create_host()
    linter = _linter(host, None)

    def parse(path: Path) -> object:
        return parse_document(load_text(path.read_bytes(), str(path)))

    def lint(path: Path) -> object:
        return _check_path(str(path), host, linter, 1 << 24)

    lint(paths[0])  # warm the parser and the rules outside the measurement
    floor = _median_per_report(_floor, paths, rounds)
    _row("floor (read+decode+regex)", f"{floor * 1000:.3f} ms/report  1.0×")
    parsed = _median_per_report(parse, paths, rounds)
    _row(
        "parse only",
        f"{parsed * 1000:.3f} ms/report  {parsed / floor:.1f}×",
        _verdict(parsed / floor <= 15, "≤ 15×"),
    )
    linted = _median_per_report(lint, paths, rounds)
    _row(
        "full lint (national rules)",
        f"{linted * 1000:.3f} ms/report  {linted / floor:.1f}×",
        _verdict(linted / floor <= 20, "≤ 20×"),
    )
    started = time.perf_counter()
    for path in paths:
        lint(path)
    rate = len(paths) / (time.perf_counter() - started)
    _row(
        "full lint, one core",
        f"{rate:.0f} reports/s  {1 / rate / floor:.1f}×",
        _verdict(rate >= 250, "≥ 250/s"),
    )
    return floor


def measure_startup(one: Path, runs: int, floor: float, cache_flag: list[str], workdir: Path) -> None:
    bare_command = [sys.executable, "-c", "pass"]
    check_command = [sys.executable, "-m", "reportlint", "check", "-q", *cache_flag, str(one)]
    cached_command = [sys.executable, "-m", "reportlint", "check", "-q", "--cache-dir", str(workdir / "one")]
    cached_command.append(str(one))
    _wall(check_command)  # byte-code and file caches warm; the lark cache exists
    _wall(cached_command)  # the result cache holds one.txt
    bare, check, cached = [], [], []
    for _ in range(runs):
        bare.append(_wall(bare_command))
        check.append(_wall(check_command))
        cached.append(_wall(cached_command))
    bare_s, check_s, cached_s = statistics.median(bare), statistics.median(check), statistics.median(cached)
    _row("python -c pass", f"{bare_s * 1000:.1f} ms  {bare_s / floor:.0f}×")
    _row(
        "reportlint check one.txt",
        f"{check_s * 1000:.1f} ms ({(check_s - bare_s) * 1000:.1f} over bare)  {check_s / floor:.0f}×",
        _verdict(check_s <= 0.150, "≤ 150 ms wall"),
    )
    _row(
        "  same, answered by the cache",
        f"{cached_s * 1000:.1f} ms ({(cached_s - bare_s) * 1000:.1f} over bare)  {cached_s / floor:.0f}×",
    )


def measure_jobs(folder: Path, count: int, floor: float, cache_flag: list[str], runs: int) -> None:
    base = [sys.executable, "-m", "reportlint", "check", "-q", "--format", "json", *cache_flag]
    out = folder.parent / "out.json"
    timings = {}
    for jobs in (1, 2):
        command = [*base, "--jobs", str(jobs), "-o", str(out), str(folder)]
        timings[jobs] = statistics.median(_wall(command) for _ in range(runs))
        rate = count / timings[jobs]
        _row(
            f"check corpus --jobs {jobs}",
            f"{timings[jobs]:.2f} s  {rate:.0f} reports/s  {timings[jobs] / count / floor:.1f}×",
        )
    speedup = timings[1] / timings[2]
    _row("--jobs 2 / --jobs 1", f"{speedup:.2f}× faster", _verdict(speedup >= 1.8, "≥ 1.8×"))


_MEMORY_CHILD = """
import resource, sys
from reportlint.cli import main
main(["check", "-q", "--format", "json", *sys.argv[3:], "-o", sys.argv[2], sys.argv[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _distinct_paths(paths: Sequence[Path], total: int, folder: Path) -> None:
    """``total`` distinct report paths under ``folder``: the corpus linked into numbered folders
    (copied where links are not allowed), as a run over many bodies' reports would see them."""
    for index in range(total):
        target = folder / f"set-{index // len(paths):03d}" / paths[index % len(paths)].name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.symlink_to(paths[index % len(paths)])
        except OSError:
            target.write_bytes(paths[index % len(paths)].read_bytes())


def measure_memory(paths: Sequence[Path], total: int, workdir: Path, cache_flag: list[str]) -> None:
    folder = workdir / "memory"
    _distinct_paths(paths, total, folder)
    command = [sys.executable, "-c", _MEMORY_CHILD, str(folder), str(workdir / "memory.json"), *cache_flag]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    try:
        peak_mb = int(done.stdout.split()[-1]) / 1024
    except (IndexError, ValueError):
        _row(f"peak memory, {total} reports", "failed: " + done.stderr.strip()[-200:])
        return
    _row(
        f"peak memory, {total} reports",
        f"{peak_mb:.0f} MB (maxrss; {seconds:.1f} s)",
        _verdict(peak_mb <= 100, "≤ 100 MB"),
    )


def measure_cache(folder: Path, count: int, workdir: Path) -> None:
    cache_dir = workdir / "cache"
    command = [
        sys.executable,
        "-m",
        "reportlint",
        "check",
        "-q",
        "--format",
        "json",
        "--cache-dir",
        str(cache_dir),
    ]
    command += ["-o", str(workdir / "cached.json"), str(folder)]
    first = _wall(command)
    again = statistics.median(_wall(command) for _ in range(3))
    limit = count / 1000
    _row(
        f"re-check {count} unchanged (cache)",
        f"{again:.2f} s (first run {first:.2f} s)",
        _verdict(again < limit, f"< {limit:g} s for {count}"),
    )


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("-n", type=int, default=1000, help="reports in the generated corpus (default 1000)")
    options.add_argument(
        "--quick", action="store_true", help="200 reports, 1,000 for memory, fewer repetitions"
    )
    options.add_argument(
        "--memory-reports", type=int, help="reports the memory child checks (default 10,000)"
    )
    args = options.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the commands below run with byte-code written
    count = 200 if args.quick and args.n == 1000 else args.n
    memory_total = args.memory_reports or (1000 if args.quick else 10_000)
    rounds, runs = (3, 5) if args.quick else (5, 11)
    cache = _supports_cache()
    cache_flag = ["--no-cache"] if cache else []
    print(
        f"reportlint benchmark: {count} reports generated from {SEEDS.name}/, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="reportlint-bench-") as temp:
        workdir = Path(temp)
        folder = workdir / "corpus"
        paths = write_corpus(folder, count)
        floor = measure_in_process(paths, rounds)
        measure_startup(paths[0], runs, floor, cache_flag, workdir)
        measure_jobs(folder, count, floor, cache_flag, 1 if count > 300 else 3)
        measure_memory(paths, memory_total, workdir, cache_flag)
        if cache:
            measure_cache(folder, count, workdir)
        else:
            _row(
                f"re-check {count} unchanged (cache)",
                "n/a: this build has no cache",
                "MISSED (target < 1 s per 1,000)",
            )
    return 0 if all(not verdict.startswith("MISSED") for _, _, verdict in _ROWS) else 1


if __name__ == "__main__":
    sys.exit(main())
