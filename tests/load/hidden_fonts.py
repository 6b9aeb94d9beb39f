"""Load PDFs with PDFium's font discovery pointed at an empty folder; print what the loader made.

Run as a script in a fresh interpreter (PDFium reads its font folders once, when initialised):
``python hidden_fonts.py FONT_DIR PDF...`` prints one JSON object mapping each PDF's name to its
text and line origins. pypdfium2 initialises PDFium with the system font folders on import; here
it is shut down and started again with only FONT_DIR as user font path, which on Linux replaces
the system folders (/usr/share/fonts and the rest), so no font the PDF does not embed can be found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_KEPT: list[object] = []


def restart_pdfium(font_dir: str) -> None:
    import ctypes

    import pypdfium2._library_scope as scope
    import pypdfium2.raw as raw

    scope.destroy_lib()
    paths = (ctypes.c_char_p * 2)(font_dir.encode(), None)
    config = raw.FPDF_LIBRARY_CONFIG(
        version=2,
        m_pUserFontPaths=ctypes.cast(paths, type(raw.FPDF_LIBRARY_CONFIG().m_pUserFontPaths)),
        m_pIsolate=None,
        m_v8EmbedderSlot=0,
    )
    raw.FPDF_InitLibraryWithConfig(config)
    import pypdfium2.internal.bases as bases

    bases.LIBRARY_AVAILABLE = True
    _KEPT.append(paths)  # PDFium keeps the pointer: the strings must outlive the call


def loaded(paths: list[str]) -> dict[str, Any]:
    """Each PDF's loaded text and origins, as plain JSON values."""
    from reportlint.load.pdf import load_pdf

    result = {}
    for path in paths:
        document = load_pdf(Path(path).read_bytes(), Path(path).name)
        result[Path(path).name] = {
            "text": document.text,
            "origins": [None if o is None else o.description for o in document.origins],
        }
    return result


if __name__ == "__main__":
    restart_pdfium(sys.argv[1])
    print(json.dumps(loaded(sys.argv[2:]), ensure_ascii=False))
