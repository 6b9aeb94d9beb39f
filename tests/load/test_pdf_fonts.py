"""A PDF reads the same on every machine: with the system's fonts and with none at all.

Positions must come from what the PDF states (character origins, advance widths, the font's
ascent and descent), not from the outlines of whatever font substitutes for one it does not
embed. So every PDF fixture is loaded twice: here with the machine's font folders, and in a fresh
interpreter whose PDFium was started with only an empty folder to search for fonts. Text and
origins (and so cells and findings) must be identical.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import hidden_fonts
import pytest
from layout_reading import SEED_STEMS

FIXTURES = Path(__file__).parent.parent / "fixtures"
PDFS = sorted(str(path) for path in FIXTURES.rglob("*.pdf") if path.name != "encrypted.pdf")
HELPER = Path(__file__).parent / "hidden_fonts.py"


def _run_hidden(font_dir: Path, code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, str(font_dir), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=HELPER.parent,
        timeout=300,
    )
    return result.stdout


@pytest.fixture(scope="module")
def hidden(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    empty = tmp_path_factory.mktemp("no-fonts")
    output = _run_hidden(empty, "import runpy; runpy.run_path('hidden_fonts.py', run_name='__main__')", *PDFS)
    return json.loads(output)  # type: ignore[no-any-return]


def test_there_are_pdf_fixtures_with_fonts_they_do_not_embed_and_printed_ones() -> None:
    names = {Path(path).name for path in PDFS}
    assert {"000.pdf", "000-rules.pdf", "004.pdf"} <= names
    # every seed as LibreOffice exports and Chromium prints it (fonts embedded), and the published one
    printed = {f"{stem}-{program}.pdf" for stem in SEED_STEMS for program in ("libreoffice", "chromium")}
    assert printed | {"000-libreoffice-changed.pdf", "000-chromium-changed.pdf", "hzq-2024.pdf"} <= names
    # the page layouts of test_pdf_layouts.py
    layouts = {"000-chromium-spaced.pdf", "001-chromium-spaced.pdf", "000-chromium-landscape.pdf"}
    assert layouts | {"000-libreoffice-narrow-blank.pdf", "004-libreoffice-landscape.pdf"} <= names


@pytest.mark.parametrize("path", PDFS, ids=[Path(p).name for p in PDFS])
def test_text_and_origins_are_identical_without_any_font(hidden: dict[str, object], path: str) -> None:
    assert hidden[Path(path).name] == hidden_fonts.loaded([path])[Path(path).name]


def test_the_hidden_run_really_has_no_font_to_substitute(tmp_path: Path) -> None:
    # The seed PDFs use the non-embedded Adobe font STSong-Light: with no font folder PDFium has
    # no CJK glyph to draw, so the glyph box of "工" is (nearly) empty there. (With a CJK font installed
    # it is not, which is exactly what the loader must not depend on.)
    code = (
        "import sys, hidden_fonts; hidden_fonts.restart_pdfium(sys.argv[1]); import pypdfium2 as p;"
        f"t = p.PdfDocument({str(FIXTURES / 'formats' / '000.pdf')!r})[0].get_textpage();"
        "i = t.get_text_range().index('工'); l, b, r, top = t.get_charbox(i); print(top - b)"
    )
    assert float(_run_hidden(tmp_path, code)) < 1.0  # a drawn glyph of this 10 pt text is ~9 pt tall
