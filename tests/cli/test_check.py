"""What ``reportlint check`` prints and how it finds files, reads stdin and writes output."""

from __future__ import annotations

import json
from pathlib import Path

from cli.runner import BAD_REPORT, GOOD_REPORT, WARNING_REPORT, run_reportlint, write


def test_text_output_marks_the_words_by_display_width(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", BAD_REPORT)
    lines = run_reportlint("check", "bad.txt", cwd=tmp_path).stdout.splitlines()
    # Source line 3 is "\t本年【错】数据有误。": the tab expands to 4 columns and 本年 takes 4 more,
    # so the marker starts 8 columns in; 【错】 is three wide characters, 6 carets.
    assert lines[0] == "bad.txt:3:4: TP001 error 发现标记 【错】：本年【错】数据有误。"
    assert lines[1] == " 3 |     本年【错】数据有误。"
    assert lines[2] == "   |         ^^^^^^"
    assert lines[3] == "   位置：表三 › （七）总计 › 自然人"
    assert lines[4] == "   期望 10，实际 12"
    assert lines[-1] == "发现 1 个问题（1 个错误，0 个警告，0 个提示），检查了 1 个文件"


def test_quiet_drops_the_summary(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_REPORT)
    assert run_reportlint("check", "-q", "good.txt", cwd=tmp_path).stdout == ""


def test_folders_are_walked_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    write(tmp_path, "reports/b.txt", BAD_REPORT)
    write(tmp_path, "reports/a/z.txt", BAD_REPORT)
    write(tmp_path, "reports/a.htm", "不是报告【错】")
    write(tmp_path, "reports/.git/x.txt", BAD_REPORT)
    write(tmp_path, "reports/.hidden.txt", BAD_REPORT)
    write(tmp_path, "reports/notes.rtf", BAD_REPORT)
    write(tmp_path, "reports/c.md", BAD_REPORT)  # Markdown is read (as OCR tools write reports)
    write(tmp_path, "reports/README.md", "# 报告仓库\n\n每年的报告放在这里。\n")  # not a report
    result = run_reportlint("check", "--format", "json", "reports", cwd=tmp_path)
    paths = [Path(d["path"]).as_posix() for d in json.loads(result.stdout)]
    assert paths == ["reports/a/z.txt", "reports/a.htm", "reports/b.txt", "reports/c.md"]


def test_a_markdown_file_named_on_the_command_line_is_always_checked(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# 说明\n一、总体情况\n\t本年【错】数据有误。\n")  # skipped in a folder
    result = run_reportlint("check", "--format", "json", "README.md", cwd=tmp_path)
    assert {d["path"] for d in json.loads(result.stdout)} == {"README.md"}


def test_stdin_uses_the_stdin_filename(tmp_path: Path) -> None:
    result = run_reportlint("check", "--stdin-filename", "報告.txt", "-", cwd=tmp_path, stdin=BAD_REPORT)
    assert result.returncode == 1
    assert result.stdout.startswith("報告.txt:3:4: TP001 error")


def test_output_file_is_written_whole_and_nothing_else_is_left(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", BAD_REPORT)
    write(tmp_path, "out/result.json", "old content")
    result = run_reportlint("check", "--format", "json", "-o", "out/result.json", "bad.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert [d["code"] for d in json.loads((tmp_path / "out/result.json").read_text("utf-8"))] == ["TP001"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["result.json"]


def test_output_file_in_a_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", BAD_REPORT)
    result = run_reportlint("check", "-o", "no/such/dir/out.txt", "bad.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "--output-file" in result.stderr and "Traceback" not in result.stderr


def test_checked_files_are_never_written(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", BAD_REPORT)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    run_reportlint("check", "bad.txt", cwd=tmp_path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_statistics_count_per_code(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BAD_REPORT)
    write(tmp_path, "b.txt", BAD_REPORT + "【警】\n")
    result = run_reportlint("check", "--statistics", "a.txt", "b.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "    2  TP001   test.error-marker",
        "    1  TP002   test.warning-marker",
    ]
    as_json = run_reportlint("check", "--statistics", "--format", "json", "a.txt", "b.txt", cwd=tmp_path)
    assert json.loads(as_json.stdout)[0] == {"code": "TP001", "name": "test.error-marker", "count": 2}


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    for index in range(6):
        write(tmp_path, f"r/{index}.txt", BAD_REPORT if index % 2 else WARNING_REPORT)
    single = run_reportlint("check", "--format", "json", "r", cwd=tmp_path)
    parallel = run_reportlint("check", "--format", "json", "--jobs", "2", "r", cwd=tmp_path)
    assert parallel.returncode == single.returncode == 1
    assert parallel.stdout == single.stdout
    assert len(json.loads(single.stdout)) == 6


def test_colour_only_when_asked(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", BAD_REPORT)
    assert "\x1b[" not in run_reportlint("check", "bad.txt", cwd=tmp_path).stdout  # not a terminal
    forced = run_reportlint("check", "bad.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert "\x1b[31mTP001\x1b[0m" in forced.stdout
    both = run_reportlint("check", "bad.txt", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.stdout


def test_rules_lists_every_rule_with_its_selection(tmp_path: Path) -> None:
    result = run_reportlint("rules", "--ignore", "TP003", cwd=tmp_path)
    assert result.returncode == 0
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:-1]}
    assert rows["TP001"] == ["TP001", "test.error-marker", "error", "testrules", "是"]
    assert rows["TP003"] == ["TP003", "test.info-marker", "info", "testrules", "否"]


def test_rule_shows_its_documentation_and_examples(tmp_path: Path) -> None:
    result = run_reportlint("rule", "tp001", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("TP001  test.error-marker\n级别：error")
    assert "测试用规则" in result.stdout and "依据：测试依据" in result.stdout
    assert "不合规示例（应报告 TP001:2）：\n    第一行\n    这里有【错】" in result.stdout
    assert "合规示例：\n    没有标记" in result.stdout


def test_unknown_rule_code_exits_2(tmp_path: Path) -> None:
    result = run_reportlint("rule", "ZZ999", cwd=tmp_path)
    assert result.returncode == 2
    assert "ZZ999" in result.stderr and "reportlint rules" in result.stderr


def test_version_lists_plugins(tmp_path: Path) -> None:
    result = run_reportlint("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("reportlint ")
    assert "testrules: reportlint-testrules 0.1" in result.stdout
