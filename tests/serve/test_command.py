"""``reportlint serve`` as a user starts it: it says how to install what is missing, refuses a
busy port with a message, and a started server answers on the loopback address only."""

from __future__ import annotations

import socket
import subprocess

import httpx
import pytest
from tests.serve.conftest import SEED_FILES

from reportlint.cli import main


def test_without_the_extra_it_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reportlint.serve

    monkeypatch.setattr(reportlint.serve, "missing", lambda: ["starlette", "uvicorn"])
    assert main(["serve"]) == 2
    error = capsys.readouterr().err
    assert "pip install 'reportlint[serve]'" in error and "starlette" in error
    assert "Traceback" not in error


def test_missing_names_the_distributions() -> None:
    import reportlint.serve

    assert reportlint.serve.missing() == []  # these tests run with the extra installed
    assert set(reportlint.serve.REQUIREMENTS.values()) == {"starlette", "uvicorn", "python-multipart"}


def test_a_busy_port_is_a_message_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in error and "--port" in error


@pytest.mark.parametrize("args", [["--port", "70000"], ["--workers", "0"]])
def test_bad_options_are_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", *args]) == 2
    assert "reportlint: 错误" in capsys.readouterr().err


def test_the_server_listens_on_loopback_and_checks(live_server: tuple[str, subprocess.Popen[str]]) -> None:
    url, process = live_server
    assert url.startswith("http://127.0.0.1:")
    assert process.poll() is None
    page = httpx.get(url, timeout=30)
    assert page.status_code == 200 and "政府信息公开工作年度报告检查" in page.text
    path = SEED_FILES[0]
    response = httpx.post(url + "api/check", files={"file": (path.name, path.read_bytes())}, timeout=60)
    assert response.status_code == 200
    assert {item["code"] for item in response.json()} >= {"PD001", "CP002"}  # README's seed 000 findings


def test_an_unknown_rule_code_stops_before_serving(capsys: pytest.CaptureFixture[str]) -> None:
    # The check processes build the rules too; a selection they would refuse is refused here first.
    assert main(["serve", "--port", "0", "--select", "ZZ9"]) == 2
    assert "ZZ9" in capsys.readouterr().err
