"""The content-hash result cache: hits give the same diagnostics; any input change misses."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from reportlint.api import FileResult, _linter, lint_paths, open_cache
from reportlint.config import Config
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.plugins.host import PluginHost, create_host
from reportlint.rules.engine import Linter
from reportlint.store.cache import ResultCache, fingerprint

SEED = next((Path(__file__).parents[1] / "fixtures" / "seeds").glob("000_*.txt"))
NEW_REQUESTS = "一、本年新收政府信息公开申请数量\n\t0\n"
# Seed 000 with 5 new requests from natural persons but a total of 0: row 一 (NU002) and the
# 自然人 column (NU001) no longer add up. The seed's own defects (EXPECTED.md: a 2022 period in a
# 2023 report, a title without body and year, a misquoted format notice) stay found as well.
FOUND = {"NU001", "NU002", "PD001", "CP002", "WD002"}
BROKEN = SEED.read_text(encoding="utf-8").replace(NEW_REQUESTS, "一、本年新收政府信息公开申请数量\n\t5\n")


@pytest.fixture(scope="module")
def host() -> PluginHost:
    return create_host()


@pytest.fixture(scope="module")
def linter(host: PluginHost) -> Linter:
    return _linter(host, None)


def _check(path: Path, host: PluginHost, linter: Linter, cache: ResultCache) -> FileResult:
    return lint_paths([str(path)], host, None, linter=linter, cache=cache)[0]


def _report(tmp_path: Path, text: str = BROKEN) -> Path:
    path = tmp_path / "2022.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_hit_returns_the_same_diagnostics_without_running_the_rules(
    tmp_path: Path, host: PluginHost, linter: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _report(tmp_path)
    cache = open_cache(tmp_path / "cache", host, None)
    first = _check(path, host, linter, cache)
    assert {d.code for d in first.diagnostics} == FOUND

    def no_rules(*args: object) -> list[Diagnostic]:
        raise AssertionError("the rules ran on an unchanged file")

    monkeypatch.setattr(linter, "lint", no_rules)
    again = _check(path, host, linter, cache)
    assert again.diagnostics == first.diagnostics
    for diagnostic in again.diagnostics:  # the text output still shows the source line
        assert again.lines[diagnostic.line - 1] == first.lines[diagnostic.line - 1]


def test_changing_the_file_misses(tmp_path: Path, host: PluginHost, linter: Linter) -> None:
    path = _report(tmp_path)
    cache = open_cache(tmp_path / "cache", host, None)
    assert _check(path, host, linter, cache).diagnostics
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")  # the identities hold again
    assert {d.code for d in _check(path, host, linter, cache).diagnostics} == FOUND - {"NU001", "NU002"}


def test_the_same_bytes_at_another_path_are_another_entry(
    tmp_path: Path, host: PluginHost, linter: Linter
) -> None:
    cache = open_cache(tmp_path / "cache", host, None)
    first = _check(_report(tmp_path), host, linter, cache)
    copy = tmp_path / "copy.txt"
    copy.write_text(BROKEN, encoding="utf-8")
    assert {d.path for d in _check(copy, host, linter, cache).diagnostics} == {str(copy)}
    assert {d.path for d in first.diagnostics} == {str(tmp_path / "2022.txt")}


def test_the_configuration_and_plugins_are_part_of_the_key(
    tmp_path: Path, host: PluginHost, linter: Linter
) -> None:
    plain = open_cache(tmp_path, host, Config())
    ignoring = open_cache(tmp_path, host, Config(ignore=("NU002",)))
    warning = open_cache(tmp_path, host, Config(severity={"NU001": Severity.WARNING}))
    assert len({plain.run_fingerprint, ignoring.run_fingerprint, warning.run_fingerprint}) == 3
    other_plugin = fingerprint("0.1.0", Config(), {"reportlint-xj": "1.1"}, [])
    assert other_plugin != fingerprint("0.1.0", Config(), {"reportlint-xj": "1.0"}, [])
    assert fingerprint("0.1.0", Config(), {}, []) != fingerprint("0.2.0", Config(), {}, [])


def test_editing_a_rule_file_changes_the_key(tmp_path: Path) -> None:
    rule = tmp_path / "LC001.yaml"
    rule.write_text("code: LC001\nseverity: error\n", encoding="utf-8")
    before = fingerprint("0.1.0", Config(), {}, [rule])
    rule.write_text("code: LC001\nseverity: warning\n", encoding="utf-8")
    assert fingerprint("0.1.0", Config(), {}, [rule]) != before


def test_the_national_rule_files_are_hashed(linter: Linter) -> None:
    """Editing a national YAML rule must invalidate: their paths are what the fingerprint reads."""
    assert any(info.path is not None and info.code.startswith("NU") for info in linter.rules.values())


def test_a_corrupt_or_truncated_entry_is_ignored_and_rewritten(
    tmp_path: Path, host: PluginHost, linter: Linter
) -> None:
    path = _report(tmp_path)
    cache = open_cache(tmp_path / "cache", host, None)
    expected = _check(path, host, linter, cache).diagnostics
    data = path.read_bytes()
    entry = cache.folder / cache.key(str(path), data)[:2] / f"{cache.key(str(path), data)}.json"
    whole = entry.read_text(encoding="utf-8")
    for damaged in (whole[: len(whole) // 2], "", "[1, 2]", '{"layout": 1, "diagnostics": [{"code": 1}]}'):
        entry.write_text(damaged, encoding="utf-8")
        assert cache.get(str(path), data) is None
        assert _check(path, host, linter, cache).diagnostics == expected
    assert cache.get(str(path), data) is not None


def _hammer(folder: str, rounds: int) -> int:
    """Write one entry over and over while reading it; count reads that were not whole."""
    cache = ResultCache(Path(folder), "shared")
    diagnostic = Diagnostic("a.txt", "NU001", "n", Severity.ERROR, "总计不符" * 200, 2, 1, 2, 3)
    broken = 0
    for _ in range(rounds):
        cache.put("a.txt", b"report", [diagnostic], ["第一行", "第二行"])
        hit = cache.get("a.txt", b"report")
        if hit is None or hit.diagnostics != (diagnostic,) or hit.lines != ("", "第二行"):
            broken += 1
    return broken


def test_two_processes_writing_the_same_entry_never_see_half_of_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        broken = pool.starmap(_hammer, [(str(tmp_path), 300), (str(tmp_path), 300)])
    assert broken == [0, 0]
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def test_an_unwritable_cache_folder_only_loses_the_speed_up(
    tmp_path: Path, host: PluginHost, linter: Linter
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _check(_report(tmp_path), host, linter, open_cache(blocker, host, None))
    assert {d.code for d in result.diagnostics} == FOUND


def test_callers_that_need_the_report_get_it_on_a_hit(
    tmp_path: Path, host: PluginHost, linter: Linter
) -> None:
    path = _report(tmp_path)
    cache = open_cache(tmp_path / "cache", host, None)
    first = lint_paths([str(path)], host, None, linter=linter, cache=cache, keep_reports=True)[0]
    again = lint_paths([str(path)], host, None, linter=linter, cache=cache, keep_reports=True)[0]
    # The seed is 伽师县's report on 2023 ("2023年，伽师县坚持…" opens section 一).
    assert first.report is not None and first.report.year == 2023
    assert again.report is not None and again.report.year == 2023
    assert again.diagnostics == first.diagnostics
