"""A content-hash cache of each file's diagnostics, so unchanged reports are not checked again.

An entry's key is the sha256 of the run's fingerprint (reportlint's version, the effective
configuration, the plugins' names and versions, the contents of every rule file), the path as
given (per-file ignores and the diagnostics' ``path`` depend on it) and the file's bytes; its value
is the file's diagnostics, the source lines they point at and the slim report the cross-year
checks and the review page read (slim.pack_report: body, year, title, tables 二 and 三 packed), as
JSON: a hit never parses the file again. The Linter's build warnings are remembered per
fingerprint (``build_warnings``), so a run whose files all hit need not build it. One file per
entry, written to a temporary file and renamed, so two runs sharing the folder never see half an
entry; an entry that cannot be read (corrupt, truncated, an older layout) is ignored and
rewritten. The full Report is never stored: callers that need it (extract) parse the file again.

Computing an entry's key needs no Linter (see ``rule_files``), so a run whose files all hit
answers without importing the parser or building the rules.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report
from reportlint.store.atomic import replace_atomically
from reportlint.store.slim import SparseLines, kept_lines, pack_report, sparse_lines, unpack_report

DEFAULT_CACHE_DIR = ".reportlint_cache"
_GITIGNORE = "# reportlint 的结果缓存，可随时删除\n*\n"
_LAYOUT = 5  # bump when the entry format changes; older entries then simply miss


@dataclasses.dataclass(frozen=True)
class CachedResult:
    """What a cache hit gives back: the diagnostics and the source lines they point at."""

    diagnostics: tuple[Diagnostic, ...]
    lines: Sequence[str]
    report: Report | None = None


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


def rule_files(folders: Iterable[Path | Traversable]) -> list[Path]:
    """The YAML rule files of the rule folders (what the registry loads), for the fingerprint;
    listing them is cheap, unlike building a Linter. A folder that is missing adds nothing here:
    building the Linter then reports it."""
    found: list[Path] = []
    for folder in folders:
        try:
            if folder.is_dir():
                found.extend(
                    Path(str(f))
                    for f in folder.iterdir()
                    if f.name.endswith((".yaml", ".yml")) and f.is_file()
                )
        except OSError:
            continue
    return found


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

    def _build_record(self) -> Path:
        return self.folder / "runs" / f"{self.run_fingerprint}.json"

    def build_warnings(self) -> list[str] | None:
        """The warnings building the Linter gave under this fingerprint, or None when no run
        has recorded them (the Linter must then be built to know)."""
        try:
            stored = json.loads(self._build_record().read_text(encoding="utf-8"))
            if not isinstance(stored, list) or not all(isinstance(item, str) for item in stored):
                return None
            return stored
        except (OSError, ValueError):
            return None

    def remember_build_warnings(self, warnings: Sequence[str]) -> None:
        """Record the Linter's build warnings, so runs that hit the cache need not build it."""
        self._write(self._build_record(), json.dumps(list(warnings), ensure_ascii=False))

    def _write(self, target: Path, text: str) -> None:
        """Write one file of the folder atomically; a folder that cannot be written only loses
        the speed-up."""
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                (self.folder / ".gitignore").write_text(_GITIGNORE, encoding="utf-8")
            target.parent.mkdir(exist_ok=True)
            replace_atomically(target, text.encode("utf-8"))
        except OSError:
            return

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, path: str, data: bytes) -> CachedResult | None:
        """The stored result, or None when absent or unreadable (a miss, never an error)."""
        try:
            stored = json.loads(self._entry(self.key(path, data)).read_text(encoding="utf-8"))
            if stored.get("layout") != _LAYOUT:
                return None
            diagnostics = tuple(_diagnostic(item) for item in stored["diagnostics"])
            slim = stored.get("report")
            report = unpack_report(path, slim, verify=True) if slim is not None else None
            return CachedResult(diagnostics, _lines(stored["lines"]), report)
        except (OSError, ValueError, ArithmeticError, KeyError, TypeError, AttributeError, IndexError):
            return None

    def put(
        self,
        path: str,
        data: bytes,
        diagnostics: Sequence[Diagnostic],
        lines: Sequence[str],
        report: Report | None = None,
    ) -> None:
        """Store a result atomically; a folder that cannot be written only loses the speed-up.

        ``report`` is the slim report (review.crossyear.slim_for_cross_year) of a batch run."""
        kept = kept_lines(lines, diagnostics)
        entry = {
            "layout": _LAYOUT,
            "diagnostics": [_record(d) for d in diagnostics],
            "lines": {str(n): text for n, text in enumerate(kept, start=1) if text},
            "report": pack_report(report, lines) if report is not None else None,
        }
        self._write(self._entry(self.key(path, data)), json.dumps(entry, ensure_ascii=False))


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
    values["fix_elsewhere"] = tuple(tuple(edit) for edit in values.get("fix_elsewhere", ()))
    return Diagnostic(**values)


def _lines(stored: Mapping[str, str]) -> SparseLines:
    """The report's lines as far as the diagnostics need them (others read as empty)."""
    return sparse_lines({int(number): str(text) for number, text in stored.items()})
