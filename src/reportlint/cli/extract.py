"""``reportlint extract PATH... --format csv|json [--output-file F]``: every table cell as a record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlint.model import Report


def add_parser(subparsers: Any) -> None:
    """Add ``extract`` to the sub-commands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract",
        help="把报告的表二、表三、表四导出为 CSV 或 JSON 数据",
        description="逐个单元格导出统计表：发布机关、年度、表、行、列、数值及其在原文中的位置。",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="报告文件或目录")
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="输出格式（默认 csv）")
    parser.add_argument("--output-file", "-o", metavar="F", help="写入文件而不是标准输出")


def run(args: argparse.Namespace) -> int:
    """Parse every report, write the records; 2 when an input could not be read."""
    from reportlint.api import collect_paths, parse_path
    from reportlint.load import InputError
    from reportlint.plugins.host import create_host
    from reportlint.review.extract import extract_records, to_csv, to_json
    from reportlint.store.atomic import OutputError, is_same_file, write_atomically

    try:
        paths = collect_paths(args.paths)
    except InputError as error:
        print(f"reportlint: {error.message}", file=sys.stderr)
        return 2
    output: str | None = args.output_file
    if output is not None and any(is_same_file(output, path) for path in paths):
        print(f"reportlint: 输出文件 {output} 是被检查的报告之一，拒绝覆盖", file=sys.stderr)
        return 2
    host = create_host()
    reports: list[Report] = []
    status = 0
    for path in paths:
        try:
            reports.append(parse_path(path, host))
        except InputError as error:
            print(f"reportlint: {error.message}", file=sys.stderr)
            status = 2
    records = extract_records(reports)
    text = to_csv(records) if args.format == "csv" else to_json(records)
    if output is None:
        sys.stdout.write(text)
        return status
    try:
        write_atomically(text, Path(output))
    except OutputError as error:
        print(f"reportlint: {error.message}", file=sys.stderr)
        return 2
    return status
