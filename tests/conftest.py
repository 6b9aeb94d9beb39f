"""Shared fixtures: paths to the copied seed reports; the hypothesis profile for CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from tests.paths import SEED_FILES

# In CI the property tests replay the same examples on every run (derandomized, no example
# database), so a landing never depends on luck; on a workstation they explore new examples each
# run and remember failures in .hypothesis/. CI systems set CI; .ci/run sets it too.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(params=SEED_FILES, ids=[path.name[:3] for path in SEED_FILES])
def seed_path(request: pytest.FixtureRequest) -> Path:
    """Each of the five seed reports in turn."""
    path: Path = request.param
    return path
