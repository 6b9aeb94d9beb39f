"""What a check process does with one upload: everything that touches reportlint's pipeline.

The web application only speaks HTTP; each upload's bytes are sent to a worker process of the
pool (see ``pool.py``), which loads, parses and lints them with the plugin host and Linter it
built once, and answers with the finished HTTP body. Loading a hostile file therefore happens
away from the server's event loop, and a loader that crashes takes only its worker down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.diagnostics import FileResult
    from reportlint.plugins.host import PluginHost
    from reportlint.rules.engine import Linter, RuleInfo

JSON_TYPE = "application/json"
HTML_TYPE = "text/html; charset=utf-8"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Answer:
    """A finished HTTP answer, small enough to send back from a worker process."""

    status: int
    body: bytes
    media_type: str = JSON_TYPE


def error_answer(status: int, message: str) -> Answer:
    """``{"error": message}`` with the given status."""
    return Answer(status, _json({"error": message}))


_state: dict[str, Any] = {}


def start(config: Config) -> None:
    """Pool initializer: the plugin host and the Linter, built once per worker process."""
    from reportlint.plugins.host import create_host
    from reportlint.rules.engine import Linter

    host = create_host()
    _state.update(host=host, config=config, linter=Linter(host, config))


def _host() -> PluginHost:
    host: PluginHost = _state["host"]
    return host


def _linter() -> Linter:
    linter: Linter = _state["linter"]
    return linter


def ready() -> bool:
    """A no-op task: sent once per worker at start-up, so the first upload finds it warm."""
    return bool(_state)


def _check(name: str, data: bytes) -> tuple[FileResult, bool]:
    """The upload checked as ``reportlint check`` checks a file; True when it could not be read
    (the result then holds only the input diagnostic, filtered by the configuration)."""
    from reportlint.api import input_diagnostic, lint_document
    from reportlint.diagnostics import FileResult
    from reportlint.load import InputError, load_bytes

    try:
        if len(data) > _state["config"].max_file_size:
            raise InputError("IO004", _too_large(name, len(data), _state["config"].max_file_size))
        document = load_bytes(name, data, _host())
    except InputError as error:
        return FileResult(name, tuple(_linter().admit([input_diagnostic(name, error)]))), True
    return lint_document(document, _host(), linter=_linter()), False


def _too_large(name: str, size: int, limit: int) -> str:
    return (
        f"{name}：文件大小 {size // (1024 * 1024)} MB 超过上限 {limit // (1024 * 1024)} MB"
        "（可用 max-file-size 配置项调整）"
    )


def _run(result: FileResult) -> Any:
    from reportlint import __version__
    from reportlint.formatters.base import LintRun

    return LintRun([result], version=__version__)


def check_json(name: str, data: bytes) -> Answer:
    """``check --format json``'s exact output; 422 when the file could not be read as a report."""
    from reportlint.formatters.json_format import JsonFormatter

    result, unreadable = _check(name, data)
    return Answer(422 if unreadable else 200, JsonFormatter().format(_run(result)).encode())


def check_html(name: str, data: bytes) -> Answer:
    """The review page of ``check --format html`` for this one report."""
    from reportlint.review.formatter import HtmlReviewFormatter

    result, unreadable = _check(name, data)
    if unreadable:
        return error_answer(422, _messages(result))
    return Answer(200, HtmlReviewFormatter().format([result]).encode(), HTML_TYPE)


def view(name: str, data: bytes) -> Answer:
    """What the page shows: the findings (as in the JSON output), the source lines, and the
    model as the parser read it (sections, tables with every cell's value and place)."""
    from reportlint.formatters.json_format import diagnostic_to_dict
    from reportlint.store.serialize import report_to_dict

    result, unreadable = _check(name, data)
    body: dict[str, Any] = {
        "path": name,
        "diagnostics": [diagnostic_to_dict(d) for d in result.diagnostics],
        "lines": list(result.lines),
        "model": report_to_dict(result.report) if result.report is not None else None,
        "groups": _groups(),
    }
    if unreadable:
        body["error"] = _messages(result)
    return Answer(422 if unreadable else 200, _json(body))


def _groups() -> dict[str, str]:
    """The template's names of row and column groups, which keys like ``withheld.state_secret``
    (（三）不予公开 › 1.属于国家秘密) and table 四's ``review.total`` (行政复议 › 总计) begin with."""
    from reportlint.parse.template import load_template

    template = load_template()
    return {group.key: group.label for group in (*template.table3_groups, *template.table4_column_groups)}


def _messages(result: FileResult) -> str:
    return "；".join(d.message for d in result.diagnostics) or f"{result.path}：无法读取"


def annotate(name: str, data: bytes) -> Answer:
    """The .docx with every finding as a Word comment (``reportlint.annotate``)."""
    from reportlint.annotate import AnnotateError, annotate_docx

    try:
        annotated = annotate_docx(name, data, _host(), _state["config"])
    except AnnotateError as error:
        return error_answer(422, error.message)
    return Answer(200, annotated, DOCX_TYPE)


def _rule(info: RuleInfo, selected: set[str]) -> dict[str, Any]:
    return {
        "code": info.code,
        "name": info.name,
        "severity": info.severity.value,
        "default_severity": info.default_severity.value,
        "selected": info.code in selected,
        "source": info.source,
        "kind": info.kind,
        "sets": list(info.sets),
        "message": info.message,
        "description": info.description.strip(),
        "basis": info.basis,
        "examples": [
            {"passes": case.passes, "text": case.text, "expect": list(case.expect)}
            for case in sorted(info.tests, key=lambda case: case.passes)
        ],
    }


def rules() -> list[dict[str, Any]]:
    """Every known rule with its documentation, as ``reportlint rules`` and ``rule CODE`` show."""
    linter = _linter()
    selected = {info.code for info in linter.selected()}
    return [_rule(info, selected) for _, info in sorted(linter.rules.items())]


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()
