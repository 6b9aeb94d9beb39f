"""Shared fixtures: paths to the copied seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(params=SEED_FILES, ids=[path.name[:3] for path in SEED_FILES])
def seed_path(request: pytest.FixtureRequest) -> Path:
    """Each of the five seed reports in turn."""
    path: Path = request.param
    return path
