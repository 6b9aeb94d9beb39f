"""The progress bar: drawn on a terminal for big runs, silent otherwise."""

from __future__ import annotations

import io

from reportlint.review.progress import Progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bar_shows_count_and_time_left_on_a_terminal() -> None:
    stream, clock = Terminal(), Clock()
    with Progress(10, stream, clock=clock) as bar:
        clock.now += 4.0
        bar.advance(2)  # 2 files in 4 s → 8 files left ≈ 16 s
        assert stream.getvalue().endswith("\r检查进度 [####--------------------] 2/10 剩余约 0:16")
        for _ in range(8):
            clock.now += 1.0
            bar.advance()
    text = stream.getvalue()
    assert text.endswith("\r检查进度 [########################] 10/10 已完成\n")


def test_redraws_are_limited_to_ten_a_second() -> None:
    stream, clock = Terminal(), Clock()
    bar = Progress(100, stream, clock=clock)
    for _ in range(50):
        bar.advance()  # the clock does not move: only the first draw happens
    assert stream.getvalue().count("\r") == 1
    assert bar.done == 50


def test_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(100, stream) as bar:
        for _ in range(100):
            bar.advance()
    assert stream.getvalue() == ""
    assert bar.done == 100


def test_silent_for_a_few_files() -> None:
    stream = Terminal()
    with Progress(5, stream) as bar:
        for _ in range(5):
            bar.advance()
    assert stream.getvalue() == ""


def test_never_counts_past_the_total_and_estimates_before_the_first_file() -> None:
    bar = Progress(8, Terminal(), clock=Clock())
    assert bar.line().endswith("0/8 剩余时间估算中")
    bar.advance(20)
    assert bar.done == 8
