"""A title's year written in Chinese numerals ("二〇二三年…年度报告") is the report's year.

Real titles write it so (e.g. "XX区人民政府二〇二三年政府信息公开工作年度报告"); without it the
year falls back to prose and the period rules judge the wrong year.
"""

from __future__ import annotations

import pytest

from reportlint.parse.document import parse_text

BODY = "一、总体情况\n2022年，本县对上一年度的工作进行了回顾。\n"


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("某某县人民政府二〇二三年政府信息公开工作年度报告", 2023),
        ("某某县人民政府二○二四年政府信息公开工作年度报告", 2024),
        ("某某县人民政府二零二一年度政府信息公开工作年度报告", 2021),
    ],
)
def test_year_in_chinese_numerals(title: str, year: int) -> None:
    report = parse_text(f"{title}\n{BODY}")
    assert report.title is not None
    assert report.title.text == title  # the text stays as written
    assert (report.title.year, report.year, report.year_source) == (year, year, "title")
    assert report.title.body == "某某县人民政府"
