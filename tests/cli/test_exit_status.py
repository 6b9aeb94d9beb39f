"""Exit status and error messages of ``reportlint check``: 0 clean, 1 findings, 2 anything else."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli.runner import BAD_REPORT, GOOD_REPORT, INFO_REPORT, WARNING_REPORT, run_reportlint, write


def test_clean_report_exits_0(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    result = run_reportlint("check", "good.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "未发现问题，检查了 1 个文件" in result.stdout


def test_error_finding_exits_1(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", BAD_REPORT)
    result = run_reportlint("check", "bad.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.txt:3:4: TP001 error 发现标记 【错】" in result.stdout


@pytest.mark.parametrize(
    ("text", "fail_on", "status"),
    [
        (WARNING_REPORT, None, 0),  # default --fail-on error: a warning does not fail
        (WARNING_REPORT, "warning", 1),
        (WARNING_REPORT, "error", 0),
        (INFO_REPORT, "warning", 0),
        (INFO_REPORT, "info", 1),
        (BAD_REPORT, "info", 1),
    ],
)
def test_fail_on_threshold(tmp_path: Path, text: str, fail_on: str | None, status: int) -> None:
    write(tmp_path, "r.txt", text)
    args = ["check", "r.txt"] + (["--fail-on", fail_on] if fail_on else [])
    assert run_reportlint(*args, cwd=tmp_path).returncode == status


def test_fail_on_from_config_file(tmp_path: Path) -> None:
    write(tmp_path, "r.txt", WARNING_REPORT)
    write(tmp_path, "reportlint.toml", 'fail-on = "warning"\n')
    assert run_reportlint("check", "--config", "reportlint.toml", "r.txt", cwd=tmp_path).returncode == 1


def test_select_and_ignore_change_the_outcome(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", BAD_REPORT)
    assert run_reportlint("check", "--ignore", "TP001", "bad.txt", cwd=tmp_path).returncode == 0
    assert run_reportlint("check", "--select", "TP002,TP003", "bad.txt", cwd=tmp_path).returncode == 0
    assert run_reportlint("check", "--select", "TP", "bad.txt", cwd=tmp_path).returncode == 1


def _assert_clean_failure(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr


def test_missing_path_exits_2_with_message(tmp_path: Path) -> None:
    result = run_reportlint("check", "nowhere.txt", cwd=tmp_path)
    _assert_clean_failure(result, "nowhere.txt", "不存在")


def test_missing_config_file_exits_2(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    result = run_reportlint("check", "--config", "absent.toml", "good.txt", cwd=tmp_path)
    _assert_clean_failure(result, "absent.toml", "--config")


def test_broken_config_file_exits_2(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    write(tmp_path, "reportlint.toml", "select = [\n")
    result = run_reportlint("check", "--config", "reportlint.toml", "good.txt", cwd=tmp_path)
    _assert_clean_failure(result, "reportlint.toml")


def test_unknown_format_exits_2_and_lists_formats(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    result = run_reportlint("check", "--format", "yaml", "good.txt", cwd=tmp_path)
    _assert_clean_failure(result, "yaml", "--format", "sarif", "junit", "crash")


@pytest.mark.parametrize("args", [["check"], ["check", "--fail-on", "fatal", "x.txt"], ["frobnicate"], []])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = run_reportlint(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_internal_error_is_a_message_unless_debugging(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    result = run_reportlint("check", "--format", "crash", "good.txt", cwd=tmp_path)
    _assert_clean_failure(result, "内部错误", "formatter exploded", "REPORTLINT_DEBUG")
    debug = run_reportlint(
        "check", "--format", "crash", "good.txt", cwd=tmp_path, env={"REPORTLINT_DEBUG": "1"}
    )
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr
    verbose = run_reportlint("check", "-v", "--format", "crash", "good.txt", cwd=tmp_path)
    assert "Traceback" in verbose.stderr


def test_unreadable_file_is_an_io_diagnostic(tmp_path: Path) -> None:
    write(tmp_path, "empty.txt", "   \n")
    result = run_reportlint("check", "empty.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "empty.txt:1:1: IO003 error" in result.stdout


def test_broken_plugin_warns_on_stderr_and_checking_goes_on(tmp_path: Path) -> None:
    from cli.runner import BROKEN_PLUGIN, TEST_PLUGIN

    write(tmp_path, "bad.txt", BAD_REPORT)
    result = run_reportlint("check", "bad.txt", cwd=tmp_path, plugins=(TEST_PLUGIN, BROKEN_PLUGIN))
    assert result.returncode == 1
    assert "警告" in result.stderr and "broken" in result.stderr
    assert "TP001" in result.stdout
    quiet = run_reportlint("check", "-q", "bad.txt", cwd=tmp_path, plugins=(TEST_PLUGIN, BROKEN_PLUGIN))
    assert quiet.stderr == ""


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path: Path) -> None:
    """`reportlint check … | head -1`: the closed pipe ends the run quietly, not as an internal error."""
    import subprocess
    import sys

    for index in range(40):
        write(tmp_path, f"r{index:02}.txt", BAD_REPORT)
    command = [sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", "json", "."]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        error = process.stderr.read().decode("utf-8")
        process.wait(timeout=120)
    assert "内部错误" not in error and "Traceback" not in error
