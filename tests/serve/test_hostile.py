"""Hostile and broken uploads get a clear message and a 4xx answer, and the server goes on:
the same input handling as ``check`` (zip bomb, broken .docx, encrypted PDF, empty file), plus
the limits of an upload (size, file name, form)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from tests.robustness.hostile_inputs import zip_bomb, zip_with
from tests.serve.conftest import BASE_URL, FIXTURES, SEED_FILES, cli_output, upload

from reportlint.config import Config
from reportlint.serve.app import create_app


def multipart(name: bytes, data: bytes, field: bytes = b"file") -> tuple[bytes, str]:
    """A multipart body built by hand, so the file name can be any bytes."""
    boundary = "reportlint-test-boundary"
    body = (
        f"--{boundary}\r\n".encode()
        + b'Content-Disposition: form-data; name="'
        + field
        + b'"; filename="'
        + name
        + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def assert_still_serving(client: TestClient) -> None:
    response = upload(client, SEED_FILES[0])
    assert response.status_code == 200 and response.json()


@pytest.mark.parametrize(
    ("name", "make", "code", "words"),
    [
        ("bomb.docx", lambda: zip_bomb(201), "IO005", "压缩炸弹"),  # 201 MB of zeros in about 200 KB
        ("broken.docx", lambda: b"PK\x03\x04" + b"\x00" * 200, "IO005", ".docx"),
        ("notes.docx", lambda: zip_with({"a.txt": b"x"}), "IO005", ""),
        ("empty.txt", lambda: b"", "IO003", "为空"),
        ("blank.txt", lambda: "\u3000\n  \n".encode(), "IO003", "为空"),
    ],
    ids=["zip-bomb", "broken-docx", "zip-without-document", "empty", "blank"],
)
def test_unreadable_file_is_422_with_the_json_of_check(
    client: TestClient, tmp_path: Path, name: str, make: Callable[[], bytes], code: str, words: str
) -> None:
    data = make()
    response = client.post("/api/check", files={"file": (name, data)})
    assert response.status_code == 422
    findings = response.json()
    assert [item["code"] for item in findings] == [code]
    assert words in findings[0]["message"] and name in findings[0]["message"]
    source = tmp_path / name
    source.write_bytes(data)
    assert response.text == cli_output(source, tmp_path, "--format", "json")
    view = client.post("/api/view", files={"file": (name, data)})
    assert view.status_code == 422 and view.json()["error"] == findings[0]["message"]
    assert_still_serving(client)


def test_encrypted_pdf_is_422_with_its_message(client: TestClient) -> None:
    response = upload(client, FIXTURES / "formats" / "encrypted.pdf", "/api/view")
    assert response.status_code == 422
    assert response.json()["error"]
    assert_still_serving(client)


def test_upload_over_the_size_limit_is_413_before_it_is_read(client: TestClient) -> None:
    too_big = b"0" * (50 * 1024 * 1024 + 100 * 1024)
    response = client.post("/api/check", files={"file": ("big.txt", too_big)})
    assert response.status_code == 413
    assert "50 MB" in response.json()["error"] and "max-file-size" in response.json()["error"]
    assert_still_serving(client)


@pytest.fixture(scope="module")
def small_limit() -> Iterator[TestClient]:
    """An app whose configuration says ``max-file-size = 4 KiB``."""
    with TestClient(create_app(Config(max_file_size=4096), workers=1), base_url=BASE_URL) as client:
        yield client


def test_size_limit_is_the_max_file_size_setting(small_limit: TestClient) -> None:
    response = small_limit.post("/api/check", files={"file": ("a.txt", b"x" * 5000)})
    assert response.status_code == 413
    assert small_limit.post("/api/check", files={"file": ("a.txt", "某县报告\n".encode())}).status_code == 200


def test_size_limit_holds_without_a_content_length(small_limit: TestClient) -> None:
    body, content_type = multipart(b"a.txt", b"x" * 5000)

    def chunks() -> Iterator[bytes]:  # a chunked body: no Content-Length to refuse it by
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    response = small_limit.post("/api/check", content=chunks(), headers={"content-type": content_type})
    assert response.status_code == 413


def test_file_name_that_is_not_utf8_is_400(client: TestClient) -> None:
    body, content_type = multipart("报告.txt".encode("gbk"), SEED_FILES[0].read_bytes())
    response = client.post("/api/check", content=body, headers={"content-type": content_type})
    assert response.status_code == 400
    assert "UTF-8" in response.json()["error"]
    assert_still_serving(client)


def test_file_name_is_only_a_label(client: TestClient) -> None:
    body, content_type = multipart(b"../../etc/\x01passwd.txt", SEED_FILES[0].read_bytes())
    response = client.post("/api/check", content=body, headers={"content-type": content_type})
    assert response.status_code == 200
    assert {item["path"] for item in response.json()} == {"passwd.txt"}


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b"just text", "text/plain", 415),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x", 400),
        (*multipart(b"a.txt", b"text", field=b"other"), 400),
    ],
    ids=["not-multipart", "truncated-form", "no-file-field"],
)
def test_malformed_requests_are_refused(
    client: TestClient, content: bytes, content_type: str, status: int
) -> None:
    response = client.post("/api/check", content=content, headers={"content-type": content_type})
    assert response.status_code == status
    assert response.json()["error"]


def test_messages_and_source_lines_are_escaped(client: TestClient) -> None:
    text = "<script>window.pwned=1</script>2023年政府信息公开工作年度报告\n一、总体情况\n<img src=x>\n"
    files = {"file": ("<i>报告.txt", text.encode())}
    page = client.post("/api/check?format=html", files=files)
    assert page.status_code == 200
    assert "<script>window.pwned" not in page.text and "<img src=x" not in page.text
    assert "<i>报告" not in page.text and "&lt;i&gt;报告.txt" in page.text
    view = client.post("/api/view", files=files).json()  # data, put in the page as text nodes
    assert view["lines"][0].startswith("<script>") and view["path"] == "<i>报告.txt"


def test_other_host_names_are_refused_on_loopback(client: TestClient) -> None:
    # A page elsewhere cannot reach the server through a DNS name that rebinds to 127.0.0.1.
    response = client.get("/api/info", headers={"host": "attacker.example"})
    assert response.status_code == 400
