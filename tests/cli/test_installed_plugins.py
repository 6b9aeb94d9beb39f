"""Plugins are found through their entry points whether or not the remembered scan is fresh:
a distribution installed after an earlier start is found on the next one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_LIST = """
from reportlint.plugins.installed import installed_entry_points
for entry in installed_entry_points("reportlint"):
    print(entry.name, entry.value, entry.dist_name, entry.dist_version, entry.load().__name__)
"""


def _install(site: Path, name: str, version: str) -> None:
    metadata = site / f"{name}-{version}.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (metadata / "entry_points.txt").write_text(f"[reportlint]\n{name} = {name}_module:plugin\n")
    (site / f"{name}_module.py").write_text(
        "import types\nplugin = types.SimpleNamespace(__name__='plugin')\n"
    )


def _listed(site: Path, memo: Path) -> list[str]:
    environment = dict(os.environ, PYTHONPATH=str(site), TMPDIR=str(memo))
    environment.pop("REPORTLINT_NO_PARSED_MEMO", None)
    done = subprocess.run(
        [sys.executable, "-c", _LIST], env=environment, capture_output=True, text=True, check=True
    )
    return [line for line in done.stdout.splitlines() if line.startswith("zz")]


def test_a_plugin_installed_after_a_start_is_found_on_the_next(tmp_path: Path) -> None:
    site, memo = tmp_path / "site", tmp_path / "memo"
    site.mkdir()
    memo.mkdir()
    _install(site, "zzfirst", "1.0")
    assert _listed(site, memo) == ["zzfirst zzfirst_module:plugin zzfirst 1.0 plugin"]
    assert _listed(site, memo) == ["zzfirst zzfirst_module:plugin zzfirst 1.0 plugin"]  # remembered
    assert list(memo.rglob("entry-points-*"))
    _install(site, "zzsecond", "2.1")
    assert sorted(_listed(site, memo)) == [
        "zzfirst zzfirst_module:plugin zzfirst 1.0 plugin",
        "zzsecond zzsecond_module:plugin zzsecond 2.1 plugin",
    ]
