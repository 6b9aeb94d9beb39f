"""Start-up stays light: a text check imports no document library, schema validator or unused format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli.runner import GOOD_REPORT, write

HEAVY = (
    "docx",
    "selectolax",
    "pypdfium2",
    "jsonschema",
    "reportlint.formatters.sarif",
    "reportlint.formatters.junit",
    "reportlint.formatters.github",
)


def test_text_check_does_not_import_heavy_or_unused_modules(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    # Only input checks, so the exit status does not depend on the national rules.
    write(tmp_path, "reportlint.toml", 'select = ["IO"]\n')
    probe = (
        "import sys\n"
        "from reportlint.cli import main\n"
        "status = main(['check', '-q', 'good.txt'])\n"
        f"print(status, sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "0 []", result.stderr
