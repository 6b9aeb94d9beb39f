"""Remember parsed YAML (rule files, the template) on disk, so a start-up skips ruamel.yaml.

Reading the template and the rule files with the pure-Python YAML loader is most of the cost of
starting ``reportlint check`` (ruamel's import alone is ~12 ms). Their parsed form is plain data
(dicts, lists, tuples, strings, numbers), so it is stored with ``marshal`` under the sha256 of the
text, the kind of document and the versions of reportlint and Python: an edited file simply gets a
new entry. Entries live in a folder of the temporary directory private to the user (mode 0700,
owned by them, like lark's grammar cache); any problem reading or writing one only costs the
speed-up, never a result.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.store.atomic import replace_atomically

_DISABLED = "REPORTLINT_NO_PARSED_MEMO"


def _folder() -> Path | None:
    """The private memo folder, or None when it cannot be trusted or made."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"reportlint-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        status = folder.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (status.st_uid != uid or status.st_mode & 0o077):
        return None  # someone else's folder: do not read what they could have written
    return folder


def remembered(kind: str, text: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)``, or its stored result for the same text; errors from ``parse`` pass through."""
    if os.environ.get(_DISABLED) == "1":
        return parse(text)
    folder = _folder()
    if folder is None:
        return parse(text)
    identity = f"{kind}\0{__version__}\0{sys.version_info[:3]}\0{marshal.version}\0{text}"
    entry = folder / f"{kind}-{hashlib.sha256(identity.encode('utf-8', 'surrogatepass')).hexdigest()}.marshal"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return marshal.loads(entry.read_bytes())
    value = parse(text)
    with contextlib.suppress(OSError, ValueError):
        replace_atomically(entry, marshal.dumps(value))
    return value
