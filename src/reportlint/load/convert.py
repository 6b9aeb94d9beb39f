"""Old binary word-processor files (.doc, .wps) converted to .docx by LibreOffice, when installed.

The converted copy is written to a private temporary folder; the file being checked is only
read. Without ``soffice`` on PATH (or when it fails) the caller explains how to convert.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CONVERT_TIMEOUT = 120  # seconds; a first LibreOffice start builds its profile


def to_docx(data: bytes, suffix: str) -> bytes | None:
    """The .docx LibreOffice makes of ``data`` (a .doc or .wps), or None when it cannot."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="reportlint-") as folder:
        source = Path(folder) / f"report{suffix}"
        source.write_bytes(data)
        profile = Path(folder, "profile").as_uri()
        try:
            subprocess.run(
                [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                 "--outdir", folder, str(source)],
                capture_output=True, timeout=CONVERT_TIMEOUT, check=False,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return None
        target = source.with_suffix(".docx")
        return target.read_bytes() if target.exists() else None
