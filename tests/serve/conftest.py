"""Fixtures of the ``serve`` tests: the app under Starlette's test client, a real server on the
loopback address, and what ``reportlint check --format json`` prints for a file (the answers the
API must equal). Every test here skips when the ``serve`` extra is not installed."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="需要可选依赖 reportlint[serve]")
pytest.importorskip("python_multipart", reason="需要可选依赖 reportlint[serve]")
pytest.importorskip("httpx", reason="测试客户端需要 httpx")

import httpx

with warnings.catch_warnings():  # newer Starlette would rather have httpx2; httpx still works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from reportlint.cli import main
from reportlint.config import Config
from reportlint.serve.app import create_app

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED_FILES = sorted((FIXTURES / "seeds").glob("*.txt"))
# The seeds as .docx, .html and .pdf (tests/fixtures/formats/SOURCE.md says how they were made).
FORMAT_FILES = sorted(p for p in (FIXTURES / "formats").glob("00[0-9].*") if p.suffix != ".md")
BASE_URL = "http://127.0.0.1"


def cli_output(path: Path, tmp_path: Path, *args: str) -> str:
    """What ``reportlint check --no-cache ARGS NAME`` prints, run in a folder holding only a copy
    of the file (so ``path`` in the findings is the bare name, as an upload's is)."""
    folder = tmp_path / "cli"
    folder.mkdir(exist_ok=True)
    (folder / path.name).write_bytes(path.read_bytes())
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out):
            status = main(["check", "--no-cache", *args, path.name])
    finally:
        os.chdir(cwd)
    assert status in (0, 1)
    return out.getvalue()


@pytest.fixture(scope="package")
def client() -> Iterator[TestClient]:
    """The application with the default configuration, its check processes started once."""
    with TestClient(create_app(Config()), base_url=BASE_URL) as test_client:
        yield test_client


def upload(client: httpx.Client | TestClient, path: Path, url: str = "/api/check") -> httpx.Response:
    return client.post(url, files={"file": (path.name, path.read_bytes())})


@pytest.fixture(scope="package")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``python -m reportlint serve --port 0`` in an empty folder: its address and process."""
    folder = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reportlint", "serve", "--port", "0"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if found is None:
        process.kill()
        raise AssertionError(f"serve did not start: {line!r} {process.communicate()[1]}")
    url = found.group(0)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the workers are warm once a rule lookup answers
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + "api/rules/NU001", timeout=30).status_code == 200:
                break
        time.sleep(0.2)
    try:
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
