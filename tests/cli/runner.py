"""Run the real ``reportlint`` command in a subprocess, with the test-only rule plugin installed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).parent
TEST_PLUGIN = HERE / "testplugin"
BROKEN_PLUGIN = HERE / "brokenplugin"

GOOD_REPORT = "某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常。\n"
# Line 3 holds the error marker after a tab and two Chinese characters (column 4).
BAD_REPORT = "某县2023年政府信息公开工作年度报告\n一、总体情况\n\t本年【错】数据有误。\n"
WARNING_REPORT = "某县2023年政府信息公开工作年度报告\n【警】注意\n"
INFO_REPORT = "某县2023年政府信息公开工作年度报告\n【提】提示\n"


def run_reportlint(
    *args: str,
    cwd: Path,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    plugins: Sequence[Path] = (TEST_PLUGIN,),
) -> subprocess.CompletedProcess[str]:
    """``python -m reportlint ARGS`` in ``cwd``; colour variables cleared unless given in ``env``."""
    isolate(cwd)
    environment = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "REPORTLINT_DEBUG")
    }
    environment["PYTHONPATH"] = os.pathsep.join(str(path) for path in plugins)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )


# CLI tests are about the command, not the national rules: they run only the test plugin's rules
# (TP), input errors (IO) and rule crashes (RL), through a config file in the test folder.
ISOLATING_CONFIG = 'select = ["TP", "IO", "RL"]\n'


def isolate(folder: Path) -> None:
    """Give ``folder`` the isolating config unless a test wrote its own configuration there."""
    if not (folder / "reportlint.toml").exists() and not (folder / "pyproject.toml").exists():
        (folder / "reportlint.toml").write_text(ISOLATING_CONFIG, encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    """Create a report file (and its folders) under ``folder``."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
