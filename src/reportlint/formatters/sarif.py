"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, VS Code SARIF viewer)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.formatters.base import LintRun

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str, cwd: Path) -> dict[str, str]:
    """A URI relative to the working folder (with ``uriBaseId``), or an absolute file URI."""
    resolved = Path(path).absolute()
    try:
        relative = resolved.relative_to(cwd.absolute())
    except ValueError:
        return {"uri": resolved.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": SRCROOT}


class SarifFormatter:
    """One run of tool ``reportlint`` with rule metadata and one result per diagnostic."""

    shows_source = False  # no source lines: a run keeps none for this format

    def format(self, run: LintRun) -> str:
        """The SARIF log as JSON text."""
        rules, index = self._rules(run)
        results = [self._result(d, index[d.code], run.cwd) for d in run.diagnostics()]
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "reportlint",
                            "version": run.version,
                            "informationUri": "https://pypi.org/project/reportlint/",
                            "rules": rules,
                        }
                    },
                    "originalUriBaseIds": {SRCROOT: {"uri": run.cwd.absolute().as_uri() + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

    def _rules(self, run: LintRun) -> tuple[list[dict[str, Any]], dict[str, int]]:
        descriptors: list[dict[str, Any]] = []
        index: dict[str, int] = {}
        for code, info in sorted(run.rules.items()):
            index[code] = len(descriptors)
            full = info.description.strip() or info.name
            short = full.splitlines()[0]
            help_text = f"{full}\n依据：{info.basis}" if info.basis else full
            descriptors.append(
                {
                    "id": code,
                    "name": info.name,
                    "shortDescription": {"text": short},
                    "fullDescription": {"text": full},
                    "help": {"text": help_text},
                    "defaultConfiguration": {"level": _LEVEL[info.severity]},
                    "properties": {"source": info.source},
                }
            )
        for d in run.diagnostics():
            if d.code not in index:  # e.g. an IO code of a loader the engine does not document
                index[d.code] = len(descriptors)
                descriptors.append(
                    {
                        "id": d.code,
                        "name": d.name,
                        "shortDescription": {"text": d.name},
                        "defaultConfiguration": {"level": _LEVEL[d.severity]},
                    }
                )
        return descriptors, index

    def _result(self, d: Diagnostic, rule_index: int, cwd: Path) -> dict[str, Any]:
        location: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": artifact_location(d.path, cwd),
                "region": {
                    "startLine": max(d.line, 1),
                    "startColumn": max(d.column, 1),
                    "endLine": max(d.end_line, d.line, 1),
                    "endColumn": max(d.end_column, 1),
                },
            }
        }
        if d.locator:
            location["logicalLocations"] = [
                {"name": d.locator[-1], "fullyQualifiedName": "/".join(d.locator), "kind": "member"}
            ]
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": rule_index,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [location],
        }
        properties = {
            key: value
            for key, value in (("expected", d.expected), ("actual", d.actual), ("basis", d.basis))
            if value is not None
        }
        properties["source"] = d.source
        result["properties"] = properties
        return result
