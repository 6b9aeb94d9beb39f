"""Choosing a reader needs no reader: a .txt check never imports the PDF, Word or HTML readers.

Start-up time is what a pre-commit hook or an editor pays on every save; the readers and their
libraries (pypdfium2, python-docx, selectolax) cost more to import than parsing a report does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parents[1] / "fixtures" / "seeds" / "004_c5a853553518463f.txt"
READERS = ("reportlint.load.pdf", "reportlint.load.docx", "reportlint.load.html", "pypdfium2", "docx")

_SCRIPT = """
import sys
from reportlint.api import lint_bytes
from reportlint.config import Config
from reportlint.plugins.host import create_host
path = sys.argv[1]
with open(path, "rb") as handle:
    result = lint_bytes(path, handle.read(), create_host(), Config())
assert result.diagnostics, "the seed has findings"
print(",".join(sorted(name for name in sys.modules if name in sys.argv[2].split(","))))
"""


def test_a_text_report_is_checked_without_importing_any_reader() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(SEED), ",".join(READERS)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == ""


def test_a_pdf_is_still_read_by_the_pdf_reader() -> None:
    pdf = Path(__file__).parents[1] / "fixtures" / "formats" / "000-chromium.pdf"
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(pdf), ",".join(READERS)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().split(",") == ["pypdfium2", "reportlint.load.pdf"]
