"""Where the test fixtures are, importable by any test as ``tests.paths`` (pytest puts the
repository root on sys.path); conftest modules are not importable by name, as each folder may
have its own."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
