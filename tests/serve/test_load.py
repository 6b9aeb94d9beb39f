"""The real server on the loopback address under load: 50 uploads from 8 clients at once are all
answered exactly as ``check --format json`` would, while hostile uploads (a zip bomb, a 60 MB
file with and without a Content-Length, a file name that is not UTF-8) get their 4xx; the
server's memory stays bounded. Bounded in count and in time; it stops by itself."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from tests.robustness.hostile_inputs import zip_bomb
from tests.serve.conftest import FORMAT_FILES, SEED_FILES, cli_output
from tests.serve.test_hostile import multipart

UPLOADS, CLIENTS = 50, 8
DEADLINE = 240.0  # seconds for the whole run
MEGABYTE = 1024 * 1024


def rss(pid: int) -> int:
    """Resident memory of a process and all its descendants (the check workers), in bytes."""
    total = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            total += next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += rss(int(child))
    except (OSError, StopIteration):
        pass
    return total


class Sampler:
    """The peak of ``rss(pid)``, sampled every 50 ms in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = rss(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss(self.pid))

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def sixty_megabytes() -> Iterator[bytes]:
    """A 60 MB multipart body streamed in chunks (no Content-Length)."""
    body, _ = multipart(b"big.txt", b"")
    head, tail = body.split(b"\r\n\r\n", 1)
    yield head + b"\r\n\r\n"
    chunk = b"0" * MEGABYTE
    for _ in range(60):
        yield chunk
    yield tail


def hostile(url: str) -> dict[str, int]:
    """Each hostile upload once; the status each got."""
    answers: dict[str, int] = {}
    with httpx.Client(timeout=120) as client:
        answers["zip-bomb"] = client.post(
            url + "api/check", files={"file": ("bomb.docx", zip_bomb(201))}
        ).status_code
        answers["60MB"] = client.post(
            url + "api/check", files={"file": ("big.txt", b"0" * (60 * MEGABYTE))}
        ).status_code
        _, content_type = multipart(b"big.txt", b"")
        answers["60MB-chunked"] = client.post(
            url + "api/check", content=sixty_megabytes(), headers={"content-type": content_type}
        ).status_code
        body, content_type = multipart("年度报告.txt".encode("gbk"), SEED_FILES[0].read_bytes())
        answers["gbk-name"] = client.post(
            url + "api/check", content=body, headers={"content-type": content_type}
        ).status_code
    return answers


def test_fifty_uploads_from_eight_clients_with_hostile_ones_among_them(
    live_server: tuple[str, subprocess.Popen[str]], tmp_path: Path
) -> None:
    url, process = live_server
    files = SEED_FILES + FORMAT_FILES
    expected = {path: cli_output(path, tmp_path, "--format", "json") for path in files}
    jobs = [files[i % len(files)] for i in range(UPLOADS)]
    with httpx.Client(timeout=120) as warm:  # both workers have read every format once
        for path in files[:2] * 2 + FORMAT_FILES[:3] * 2:
            warm.post(url + "api/check", files={"file": (path.name, path.read_bytes())})
    before = rss(process.pid)
    started = time.monotonic()

    def client_run(share: list[Path]) -> list[tuple[Path, int, str]]:
        answers = []
        with httpx.Client(timeout=120) as client:
            for path in share:
                response = client.post(url + "api/check", files={"file": (path.name, path.read_bytes())})
                answers.append((path, response.status_code, response.text))
        return answers

    with Sampler(process.pid) as sampler, ThreadPoolExecutor(CLIENTS + 1) as pool:
        bad = pool.submit(hostile, url)
        runs = [pool.submit(client_run, jobs[i::CLIENTS]) for i in range(CLIENTS)]
        answers = [answer for run in runs for answer in run.result(timeout=DEADLINE)]
        refused = bad.result(timeout=DEADLINE)
    elapsed = time.monotonic() - started

    assert len(answers) == UPLOADS
    wrong = [path.name for path, status, text in answers if status != 200 or text != expected[path]]
    assert wrong == []
    assert refused == {"zip-bomb": 422, "60MB": 413, "60MB-chunked": 413, "gbk-name": 400}
    assert elapsed < DEADLINE
    # Two warm workers and the server: a few hundred MB at most, whatever came in.
    assert sampler.peak < 900 * MEGABYTE, f"peak {sampler.peak / MEGABYTE:.0f} MB"
    assert rss(process.pid) - before < 100 * MEGABYTE  # nothing of the uploads is kept
    print(
        f"\n{UPLOADS} uploads from {CLIENTS} clients in {elapsed:.1f} s; "
        f"memory before {before / MEGABYTE:.0f} MB, peak {sampler.peak / MEGABYTE:.0f} MB, "
        f"after {rss(process.pid) / MEGABYTE:.0f} MB"
    )
    assert process.poll() is None
