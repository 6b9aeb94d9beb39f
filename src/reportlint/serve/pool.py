"""A bounded pool of check processes: at most ``workers`` checks run at once, at most ``pending``
uploads wait in memory, and a worker that dies (a loader crashing on a hostile file) is replaced.

Processes rather than threads: checks are CPU-bound Python (threads would share one core), the
PDF library is not thread-safe, and a crash or a runaway allocation stays in its process. The
pool starts its workers with ``spawn``, never ``fork``: the server has threads of its own.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

from reportlint.serve import worker

if TYPE_CHECKING:
    from reportlint.config import Config

T = TypeVar("T")


class WorkerCrashed(Exception):
    """A check process ended while working on a task; the pool has been replaced."""


class CheckPool:
    """Runs worker functions in processes that hold a ready Linter; ``slot()`` bounds how many
    uploads are held at once, so memory stays under ``pending`` × the upload size limit."""

    def __init__(self, config: Config, workers: int = 2, pending: int | None = None) -> None:
        self.config = config
        self.workers = max(1, workers)
        self.pending = max(self.workers, pending or 4 * self.workers)
        self._slots = asyncio.Semaphore(self.pending)
        self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker.start,
            initargs=(self.config,),
        )

    def warm_up(self) -> None:
        """Start every worker now (each builds its Linter), without waiting for them."""
        for _ in range(self.workers):
            self._executor.submit(worker.ready)

    def slot(self) -> asyncio.Semaphore:
        """Held while an upload is read and checked."""
        return self._slots

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker process; WorkerCrashed if the process died."""
        executor = self._executor
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(executor, function, *args)
        except BrokenProcessPool:
            if executor is self._executor:  # the first to notice replaces it
                executor.shutdown(wait=False, cancel_futures=True)
                self._executor = self._new_executor()
            raise WorkerCrashed from None

    def close(self) -> None:
        """Stop the workers (queued tasks are dropped)."""
        self._executor.shutdown(wait=True, cancel_futures=True)
