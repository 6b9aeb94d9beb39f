"""A content-hash cache of each file's diagnostics, so unchanged reports are not checked again.

An entry's key is the sha256 of the run's fingerprint (reportlint's version, the effective
configuration, the plugins' names and versions, the contents of every rule file), the path as
given (per-file ignores and the diagnostics' ``path`` depend on it) and the file's bytes; its value
is the file's diagnostics and the source lines they point at, as JSON. One file per entry, written
to a temporary file and renamed, so two runs sharing the folder never see half an entry; an entry
that cannot be read (corrupt, truncated, an older layout) is ignored and rewritten. Only
diagnostics are stored, never the Report: callers that need it (cross-year checks, the review
page, extract) parse the file again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.output import replace_atomically

DEFAULT_CACHE_DIR = ".reportlint_cache"
_GITIGNORE = "# reportlint 的结果缓存，可随时删除\n*\n"
_LAYOUT = 1  # bump when the entry format changes; older entries then simply miss


@dataclasses.dataclass(frozen=True)
class CachedResult:
    """What a cache hit gives back: the diagnostics and the source lines they point at."""

    diagnostics: tuple[Diagnostic, ...]
    lines: tuple[str, ...]


def fingerprint(
    version: str, config: Any, plugin_versions: Mapping[str, str], rule_files: Iterable[Path]
) -> str:
    """Everything besides the file itself that decides its diagnostics, hashed."""
    digest = hashlib.sha256()
    digest.update(f"reportlint {version} layout {_LAYOUT}\n".encode())
    digest.update(repr(_plain(config)).encode())
    for name, plugin_version in sorted(plugin_versions.items()):
        digest.update(f"\nplugin {name} {plugin_version}".encode())
    for path in sorted({Path(p) for p in rule_files}):
        digest.update(f"\nrule file {path}\n".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    """A stable, order-independent form of a configuration value for hashing."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, _plain(getattr(value, f.name))) for f in dataclasses.fields(value))
    if isinstance(value, Mapping):
        return tuple(sorted((str(key), _plain(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(item) for item in value)
    return str(value)


class ResultCache:
    """Diagnostics per (fingerprint, path, file bytes), one JSON file each under ``folder``."""

    def __init__(self, folder: Path, run_fingerprint: str) -> None:
        self.folder = Path(folder)
        self.run_fingerprint = run_fingerprint

    def key(self, path: str, data: bytes) -> str:
        """The entry name for ``path`` holding ``data`` under this run's fingerprint."""
        digest = hashlib.sha256(self.run_fingerprint.encode())
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, path: str, data: bytes) -> CachedResult | None:
        """The stored result, or None when absent or unreadable (a miss, never an error)."""
        try:
            stored = json.loads(self._entry(self.key(path, data)).read_text(encoding="utf-8"))
            if stored.get("layout") != _LAYOUT:
                return None
            diagnostics = tuple(_diagnostic(item) for item in stored["diagnostics"])
            return CachedResult(diagnostics, _lines(stored["lines"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, path: str, data: bytes, diagnostics: Sequence[Diagnostic], lines: Sequence[str]) -> None:
        """Store a result atomically; a folder that cannot be written only loses the speed-up."""
        wanted = {n for d in diagnostics for n in range(d.line, d.end_line + 1)}
        wanted |= {n for d in diagnostics for span in d.related for n in range(span[0], span[2] + 1)}
        entry = {
            "layout": _LAYOUT,
            "diagnostics": [_record(d) for d in diagnostics],
            "lines": {str(n): lines[n - 1] for n in sorted(wanted) if 0 < n <= len(lines)},
        }
        target = self._entry(self.key(path, data))
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                (self.folder / ".gitignore").write_text(
                    "# reportlint 的结果缓存，可随时删除\n*\n", encoding="utf-8"
                )
            target.parent.mkdir(exist_ok=True)
            replace_atomically(target, json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return


def _record(diagnostic: Diagnostic) -> dict[str, Any]:
    record = {f.name: getattr(diagnostic, f.name) for f in dataclasses.fields(diagnostic)}
    record["severity"] = diagnostic.severity.value
    return record


def _diagnostic(record: Mapping[str, Any]) -> Diagnostic:
    values = dict(record)
    values["severity"] = Severity(values["severity"])
    values["locator"] = tuple(values.get("locator", ()))
    values["related"] = tuple(tuple(span) for span in values.get("related", ()))
    values["fixes"] = tuple(values.get("fixes", ()))
    return Diagnostic(**values)


def _lines(stored: Mapping[str, str]) -> tuple[str, ...]:
    """The report's lines as far as the diagnostics need them (others are left empty)."""
    numbered = {int(number): str(text) for number, text in stored.items()}
    lines = [""] * max(numbered, default=0)
    for number, text in numbered.items():
        lines[number - 1] = text
    return tuple(lines)
