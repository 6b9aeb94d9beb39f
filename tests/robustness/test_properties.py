"""Property tests: arbitrary text and mutated seed reports never raise, give the same diagnostics
twice, and every diagnostic points inside the file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.api import FileResult, lint_bytes
from reportlint.config import Config
from reportlint.plugins.host import create_host
from reportlint.rules.engine import Linter

SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
SEED_LINES = [path.read_text(encoding="utf-8").split("\n") for path in SEEDS]
HOST = create_host(load_entry_points=False)
LINTER = Linter(HOST, Config())
PROPERTY = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REPORT_WORDS = st.sampled_from(
    ["一、总体情况", "（一）", "表三", "总计", "| 1 | 2 |", "0", "-1", "１２", "2023年", "　", "\t", "……"]
)


def _check(data: bytes) -> FileResult:
    return lint_bytes("fuzz.txt", data, HOST, LINTER.config)


def _assert_sound(data: bytes) -> None:
    first, second = _check(data), _check(data)
    assert first.diagnostics == second.diagnostics
    count = max(1, len(first.lines))
    for found in first.diagnostics:
        assert 1 <= found.line <= count, found
        assert found.column >= 1, found
        assert (found.end_line, found.end_column) >= (found.line, found.column), found
        assert found.end_line <= count, found


@PROPERTY
@given(st.lists(st.one_of(st.text(max_size=20), REPORT_WORDS, st.just("\n")), max_size=40).map("".join))
def test_arbitrary_text(text: str) -> None:
    _assert_sound(text.encode("utf-8", errors="surrogatepass"))


@PROPERTY
@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    _assert_sound(data)


def _mutate(lines: list[str], data: st.DataObject) -> list[str]:
    lines = list(lines)
    for _ in range(data.draw(st.integers(1, 6))):
        if not lines:
            break
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "number", "noise"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "number":
            lines[index] = "".join(
                str(data.draw(st.integers(-5, 99999))) if ch.isdigit() else ch for ch in lines[index]
            )
        else:
            lines.insert(index, data.draw(st.text(max_size=40)) + data.draw(REPORT_WORDS))
    return lines


@PROPERTY
@given(st.sampled_from(range(len(SEED_LINES))), st.data())
def test_mutated_seed_reports(seed: int, data: st.DataObject) -> None:
    _assert_sound("\n".join(_mutate(SEED_LINES[seed], data)).encode("utf-8", errors="surrogatepass"))
