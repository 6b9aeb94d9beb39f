"""The installed plugins' entry points, without importing importlib.metadata on every start.

``importlib.metadata`` (with the email package it needs) takes ~20 ms to import, more than the
scan itself. The scan's result — each entry point's name and value and its distribution's name
and version — is remembered with store.memo under a key made of every folder of ``sys.path``
with the modification times of the distribution metadata in it: installing, removing or
upgrading a distribution changes the key, and the next start scans again.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import reduce
from importlib import import_module
from typing import Any

from reportlint.store.memo import remembered

_METADATA_SUFFIXES = (".dist-info", ".egg-info")


@dataclass(frozen=True)
class InstalledEntryPoint:
    """One entry point of the group: ``name = module:attribute``, from distribution ``dist``."""

    name: str
    value: str
    dist_name: str | None
    dist_version: str | None

    def load(self) -> Any:
        """Import the module and follow the attributes, as importlib.metadata.EntryPoint.load."""
        target = self.value.split("[", 1)[0].strip()  # "module:attr [extra]"
        module_name, _, attributes = target.partition(":")
        module = import_module(module_name.strip())
        return reduce(getattr, filter(None, attributes.strip().split(".")), module)


def installed_entry_points(group: str) -> list[InstalledEntryPoint]:
    """Every entry point of ``group``, as importlib.metadata.entry_points(group=...) lists them."""
    found = remembered(f"entry-points-{group}", _installation_key(), lambda _: _scan(group))
    return [InstalledEntryPoint(*fields) for fields in found]


def _scan(group: str) -> list[tuple[str, str, str | None, str | None]]:
    from importlib.metadata import entry_points

    listed = []
    for entry in entry_points(group=group):
        dist = entry.dist
        name = dist.metadata["name"] if dist is not None else None
        listed.append((entry.name, entry.value, name, dist.version if dist is not None else None))
    return listed


def _installation_key() -> str:
    """sys.path, and per folder each distribution's metadata and its modification time."""
    parts = [sys.version, "\0".join(sys.path)]
    for folder in sys.path:
        try:
            with os.scandir(folder or ".") as entries:
                for entry in entries:
                    if entry.name.endswith(_METADATA_SUFFIXES):
                        parts.append(f"{folder}/{entry.name} {_modified(entry.path)}")
        except OSError:
            continue
    return "\n".join(parts)


def _modified(metadata: str) -> int:
    """The latest modification time of a distribution's metadata folder and its entry points."""
    times = [0]
    for path in (metadata, os.path.join(metadata, "entry_points.txt")):
        try:
            times.append(os.stat(path).st_mtime_ns)
        except OSError:
            continue
    return max(times)
