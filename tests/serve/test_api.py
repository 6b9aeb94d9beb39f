"""The API answers what the command line prints: ``POST /api/check`` is ``check --format json``
byte for byte, for every seed in every input format; the page's view adds the model as
``reportlint parse`` reads it; the rules' documentation is ``reportlint rules`` / ``rule CODE``."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from tests.serve.conftest import FORMAT_FILES, SEED_FILES, cli_output, upload

from reportlint import __version__
from reportlint.api import parse_path
from reportlint.store.serialize import report_to_dict

ALL_SEEDS = SEED_FILES + FORMAT_FILES


@pytest.mark.parametrize("path", ALL_SEEDS, ids=[p.name for p in ALL_SEEDS])
def test_check_answers_exactly_what_check_format_json_prints(
    client: TestClient, path: Path, tmp_path: Path
) -> None:
    response = upload(client, path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    expected = cli_output(path, tmp_path, "--format", "json")
    assert response.text == expected
    findings = json.loads(response.text)
    assert findings, f"{path.name}: the seeds all have findings (tests/fixtures/seeds/EXPECTED.md)"
    assert {item["path"] for item in findings} == {path.name}


def test_seed_001_reports_its_missing_row_at_the_cell(client: TestClient) -> None:
    # Seed 001's table 三 lacks the row 1.属于国家秘密 (README, "Output formats"): line 127.
    findings = upload(client, SEED_FILES[1]).json()
    missing = [item for item in findings if item["code"] == "CP010"]
    assert [(item["line"], item["locator"][-1]) for item in missing] == [(127, "1.属于国家秘密")]


def test_view_adds_the_lines_and_the_model_as_the_parser_read_it(client: TestClient, tmp_path: Path) -> None:
    path = SEED_FILES[1]
    response = upload(client, path, "/api/view")
    assert response.status_code == 200
    view = response.json()
    assert view["diagnostics"] == json.loads(cli_output(path, tmp_path, "--format", "json"))
    report = parse_path(str(path))
    assert view["lines"] == list(report.lines)
    expected_model = json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))
    assert {**view["model"], "path": None} == {**expected_model, "path": None}
    cells = {
        (row["key"], cell["column"]): cell["raw"]
        for row in view["model"]["tables"]["三"]["rows"]
        for cell in row["cells"]
    }
    assert cells  # the drafter sees table 三's values as read


def test_html_format_is_the_review_page_of_check(client: TestClient, tmp_path: Path) -> None:
    path = SEED_FILES[0]
    response = client.post("/api/check?format=html", files={"file": (path.name, path.read_bytes())})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.text.strip() == cli_output(path, tmp_path, "--format", "html").strip()


def test_unknown_format_is_refused(client: TestClient) -> None:
    response = client.post("/api/check?format=xml", files={"file": ("a.txt", b"x")})
    assert response.status_code == 400
    assert "format" in response.json()["error"]


def test_rules_list_every_rule_with_its_documentation(client: TestClient) -> None:
    from reportlint.config import Config
    from reportlint.plugins.host import create_host
    from reportlint.rules.engine import Linter

    linter = Linter(create_host(), Config())
    rules = client.get("/api/rules").json()
    assert [rule["code"] for rule in rules] == sorted(linter.rules)
    one = client.get("/api/rules/nu001").json()
    info = linter.rules["NU001"]
    assert one["code"] == "NU001" and one["name"] == info.name
    assert one["description"] == info.description.strip() and one["basis"] == info.basis
    assert len(one["examples"]) == len(info.tests) > 0
    missing = client.get("/api/rules/XX999")
    assert missing.status_code == 404 and "XX999" in missing.json()["error"]


def test_info_gives_the_upload_limit_and_version(client: TestClient) -> None:
    info = client.get("/api/info").json()
    assert info["max_file_size"] == 50 * 1024 * 1024
    assert info["version"] == __version__


def test_annotate_answers_the_docx_with_comments(client: TestClient) -> None:
    path = next(p for p in FORMAT_FILES if p.suffix == ".docx")
    response = upload(client, path, "/api/annotate")
    assert response.status_code == 200
    assert "attachment;" in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "word/comments.xml" in archive.namelist()
    broken = client.post("/api/annotate", files={"file": ("x.docx", b"PK\x03\x04broken")})
    assert 400 <= broken.status_code < 500 and broken.json()["error"]


def test_page_and_its_assets_come_from_the_app_with_no_other_origin(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/app.css"):
        text = client.get(asset).text
        assert "http://" not in text and "https://" not in text and "//cdn" not in text
    assert "http" not in page.text.replace("http-equiv", "")
    script = client.get("/static/app.js").text
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert client.get("/static/other.js").status_code == 404
