"""The pool of check processes: a worker that dies is replaced and the next check is answered;
no more than ``pending`` uploads are held at once."""

from __future__ import annotations

import asyncio
import os
import time

import pytest
from tests.serve.conftest import SEED_FILES

from reportlint.config import Config
from reportlint.serve import worker
from reportlint.serve.pool import CheckPool, CheckTimedOut, WorkerCrashed


def die() -> None:
    """What a loader crashing in C (a segmentation fault) does to its process."""
    os._exit(11)


def test_a_dead_worker_is_replaced_and_the_next_check_answered() -> None:
    async def scenario() -> tuple[int, int]:
        pool = CheckPool(Config(), workers=1)
        try:
            with pytest.raises(WorkerCrashed):
                await pool.run(die)
            answer = await pool.run(worker.check_json, SEED_FILES[0].name, SEED_FILES[0].read_bytes())
            again = await pool.run(worker.check_json, "empty.txt", b"")
            return answer.status, again.status
        finally:
            pool.close()

    assert asyncio.run(scenario()) == (200, 422)


def test_pending_uploads_are_bounded() -> None:
    async def scenario() -> int:
        pool = CheckPool(Config(), workers=1, pending=3)
        held = most = 0

        async def one() -> None:
            nonlocal held, most
            async with pool.slot():
                held += 1
                most = max(most, held)
                await asyncio.sleep(0.01)
                held -= 1

        try:
            await asyncio.gather(*(one() for _ in range(12)))
        finally:
            pool.close()
        return most

    assert asyncio.run(scenario()) == 3


def sleep_long() -> None:
    """A check that never finishes in time (a loader stuck on a pathological file)."""
    import time

    time.sleep(60)


def test_a_runaway_check_is_stopped_and_the_pool_goes_on() -> None:
    async def scenario() -> tuple[float, int]:
        pool = CheckPool(Config(), workers=1, timeout=3)
        try:
            await pool.run(worker.ready)  # started: the limit measures the check, not the start-up
            started = time.monotonic()
            with pytest.raises(CheckTimedOut):
                await pool.run(sleep_long)
            waited = time.monotonic() - started
            answer = await pool.run(worker.check_json, SEED_FILES[0].name, SEED_FILES[0].read_bytes())
            return waited, answer.status
        finally:
            pool.close()

    waited, status = asyncio.run(scenario())
    assert 3 <= waited < 10 and status == 200


def nap(seconds: float) -> float:
    """An innocent check that takes a while."""
    import time

    time.sleep(seconds)
    return seconds


def test_a_check_caught_by_another_ones_stop_runs_again() -> None:
    async def innocent(pool: CheckPool) -> float:
        await asyncio.sleep(3)  # starts while the runaway runs, and is still running when it is stopped
        started = time.monotonic()
        result = await pool.run(nap, 3.5)
        return time.monotonic() - started if result == 3.5 else -1.0

    async def scenario() -> list[BaseException | float]:
        pool = CheckPool(Config(), workers=2, timeout=6)
        try:
            pool.warm_up()
            return await asyncio.gather(pool.run(sleep_long), innocent(pool), return_exceptions=True)
        finally:
            pool.close()

    runaway, took = asyncio.run(scenario())
    assert isinstance(runaway, CheckTimedOut)
    assert isinstance(took, float) and took > 3 + 3.5  # stopped at 3 s, then run again in full
