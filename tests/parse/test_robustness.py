"""Any text parses; any bytes either parse or are refused with InputError, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.load import InputError, load_bytes
from reportlint.parse.document import parse_document, parse_text
from reportlint.plugins.host import create_host
from reportlint.store.serialize import report_to_dict, report_to_tree

# Pieces that drive the lexer into every branch: headings, table rows, dates, noise, titles.
_PIECES = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "5、 存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "三、本年度办理结果",
    "（一）予以公开",
    "1.属于国家秘密",
    "\t0",
    "规章 | 0 | 0 | 0 |",
    "|||",
    "工作年度报告",
    "XX县2023年政府信息公开",
    "2024年1月18日",
    "2024-01-26   XX县人民政府办公室",
    "XX县人民政府办公室",
    "[bookmark: _GoBack]",
    "登录| 注册",
    "本报告中所列数据统计期限为20231月1日至12月31日。",
    "2023年，我县……",
    "",
    " ",
]
_lines = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_any_arrangement_of_report_lines_parses(lines: list[str]) -> None:
    text = "\n".join(lines)
    report = parse_text(text)
    assert report.lines == tuple(text.split("\n"))
    report_to_dict(report)
    report_to_tree(report)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_parses(text: str) -> None:
    parse_text(text)


_HOST = create_host()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_load_and_parse_or_raise_input_error(data: bytes) -> None:
    try:
        document = load_bytes("random.txt", data, _HOST)
    except InputError as error:
        assert error.code.startswith("IO") and error.message
        return
    parse_document(document)
