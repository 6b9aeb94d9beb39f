"""The hook in .pre-commit-hooks.yaml blocks a commit of a bad report and lets a good one through.

Runs real ``pre-commit`` and ``git`` offline: the hook definition (id, files, pass_filenames) is
read from the repository's .pre-commit-hooks.yaml and used as a ``repo: local`` hook with
``language: system`` whose entry is this interpreter's ``reportlint check`` — so no network and
no virtualenv build, yet the same file filter and arguments as for users.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.runner import BAD_REPORT, GOOD_REPORT, TEST_PLUGIN, isolate, write

ROOT = Path(__file__).resolve().parents[2]
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"


def _hook_definition() -> dict[str, object]:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load(HOOKS_FILE.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "reportlint"]
    return dict(hook)


def test_hook_definition_matches_the_documented_contract() -> None:
    hook = _hook_definition()
    assert hook["entry"] == "reportlint check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_precommit_blocks_a_bad_report(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    hook = _hook_definition()
    hook.update(language="system", entry=f"{sys.executable} -m reportlint check")
    repo = tmp_path / "reports"
    repo.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(TEST_PLUGIN),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=120
        )

    assert run("git", "init", "-q").returncode == 0
    isolate(repo)  # the repository's own reportlint.toml, committed with the reports
    # JSON is valid YAML, so the hook definition can be written without a YAML emitter.
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    write(repo, ".pre-commit-config.yaml", json.dumps(config, ensure_ascii=False))
    installed = run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stderr

    write(repo, "2023/good.txt", GOOD_REPORT)
    write(repo, "notes.md", BAD_REPORT)  # not a report format: the hook's files pattern skips it
    run("git", "add", ".")
    good = run("git", "commit", "-q", "-m", "good report")
    assert good.returncode == 0, good.stdout + good.stderr

    write(repo, "2023/bad.txt", BAD_REPORT)
    run("git", "add", "2023/bad.txt")
    bad = run("git", "commit", "-q", "-m", "bad report")
    assert bad.returncode != 0
    assert "2023/bad.txt:3:4: TP001 error" in bad.stdout + bad.stderr  # git hooks print on stderr
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "1"
