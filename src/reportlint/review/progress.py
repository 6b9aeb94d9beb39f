"""A progress bar on standard error for long batch runs.

Shown only when more than a few files are checked and the stream is a terminal, so that logs,
pipes and CI output stay clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

MIN_FILES = 5
BAR_WIDTH = 24
REDRAW_SECONDS = 0.1


class Progress:
    """``with Progress(len(paths)) as bar: ... bar.advance()`` — a count, a bar and time left."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        *,
        min_files: int = MIN_FILES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = max(total, 0)
        self.done = 0
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._started = clock()
        self._last_drawn: float | None = None
        self._drawn = False
        self.enabled = self.total > min_files and _is_terminal(self._stream)

    def advance(self, count: int = 1) -> None:
        """Record ``count`` more files done and redraw (at most ten times a second)."""
        self.done = min(self.done + count, self.total)
        if not self.enabled:
            return
        now = self._clock()
        finished = self.done >= self.total
        if finished or self._last_drawn is None or now - self._last_drawn >= REDRAW_SECONDS:
            self._last_drawn = now
            self._stream.write("\r" + self.line(now))
            self._stream.flush()
            self._drawn = True

    def line(self, now: float | None = None) -> str:
        """The bar as text, e.g. ``检查进度 [######------] 12/40 剩余约 0:07``."""
        now = self._clock() if now is None else now
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"检查进度 [{bar}] {self.done}/{self.total} {self._remaining(now)}"

    def close(self) -> None:
        """End the bar's line so that later output starts on a fresh line."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _remaining(self, now: float) -> str:
        if self.done >= self.total:
            return "已完成"
        if self.done == 0:
            return "剩余时间估算中"
        elapsed = max(now - self._started, 0.0)
        seconds = round(elapsed / self.done * (self.total - self.done))
        minutes, seconds = divmod(seconds, 60)
        return f"剩余约 {minutes}:{seconds:02d}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
