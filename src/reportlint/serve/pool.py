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
#: Seconds a check may take (a real report takes well under one; a 50 MB PDF some seconds).
TIMEOUT = 300.0


class WorkerCrashed(Exception):
    """A check process ended while working on a task; the pool has been replaced."""


class CheckTimedOut(Exception):
    """A task ran past the time limit; its process was stopped and the pool replaced."""


class CheckPool:
    """Runs worker functions in processes that hold a ready Linter; ``slot()`` bounds how many
    uploads are held at once, so memory stays under ``pending`` × the upload size limit."""

    def __init__(
        self, config: Config, workers: int = 2, pending: int | None = None, timeout: float = TIMEOUT
    ) -> None:
        self.config = config
        self.timeout = timeout
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

    async def run(self, function: Callable[..., T], *args: Any, again: bool = True) -> T:
        """``function(*args)`` in a worker process; WorkerCrashed if the process died,
        CheckTimedOut if it ran past the time limit (the process is then stopped). A task
        caught in a pool that another task broke, and replaced already, runs once more."""
        executor = self._executor
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(executor, function, *args), self.timeout)
        except BrokenProcessPool:
            if again and executor is not self._executor:
                return await self.run(function, *args, again=False)
            self._replace(executor)
            raise WorkerCrashed from None
        except TimeoutError:
            self._replace(executor, stop=True)
            raise CheckTimedOut from None

    def _replace(self, executor: ProcessPoolExecutor, *, stop: bool = False) -> None:
        """A new pool instead of a broken one (the first to notice replaces it); with ``stop``
        its processes are killed, since a runaway check never returns on its own."""
        if executor is not self._executor:
            return
        self._executor = self._new_executor()
        if stop:
            for process in list(executor._processes.values()):
                process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers (queued tasks are dropped)."""
        self._executor.shutdown(wait=True, cancel_futures=True)
