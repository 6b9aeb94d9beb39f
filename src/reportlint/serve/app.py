"""The Starlette application of ``reportlint serve``: the page, its script, and the API.

``POST /api/check`` (multipart field ``file``) answers exactly what ``check --format json``
prints for that file (``?format=html``: the review page); ``POST /api/view`` adds the source
lines and the parsed model for the page; ``POST /api/annotate`` the commented .docx;
``GET /api/rules`` and ``/api/rules/CODE`` the rules' documentation; ``GET /api/info`` what the
page needs to know (limit, version).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from reportlint import __version__
from reportlint.serve import worker
from reportlint.serve.pool import CheckPool, CheckTimedOut, WorkerCrashed
from reportlint.serve.upload import UploadError, drain, read_upload

if TYPE_CHECKING:
    from reportlint.config import Config

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
STATIC = {
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}
# Nothing but this origin: no inline script, no other site, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _static(name: str) -> bytes:
    return resources.files("reportlint.serve").joinpath("static", name).read_bytes()


def _error(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status, headers=SECURITY_HEADERS)


def _answer(answer: worker.Answer, download: str | None = None) -> Response:
    headers = dict(SECURITY_HEADERS)
    if download is not None and answer.status == 200:
        headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quoted(download)}"
    return Response(answer.body, answer.status, headers=headers, media_type=answer.media_type)


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


class Handlers:
    """The request handlers, sharing one pool of check processes."""

    def __init__(self, config: Config, pool: Callable[[], CheckPool]) -> None:
        self.config = config
        self._pool = pool
        self._rules: list[dict[str, Any]] | None = None

    async def page(self, request: Request) -> Response:
        return Response(
            _static("index.html"), headers=SECURITY_HEADERS, media_type="text/html; charset=utf-8"
        )

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return _error(404, "没有这个文件")
        return Response(_static(name), headers=SECURITY_HEADERS, media_type=STATIC[name])

    async def info(self, request: Request) -> Response:
        return JSONResponse(
            {
                "version": __version__,
                "max_file_size": self.config.max_file_size,
            },
            headers=SECURITY_HEADERS,
        )

    async def _checked(
        self, request: Request, job: Callable[[str, bytes], worker.Answer]
    ) -> tuple[str, worker.Answer | Response]:
        """The upload read (within the limits) and ``job`` run on it in a check process: the
        worker's answer, or the refusal of an upload that was never checked."""
        pool = self._pool()
        headers = request.headers
        async with pool.slot():
            try:
                upload = await read_upload(
                    headers.get("content-type", ""),
                    headers.get("content-length"),
                    request.stream(),
                    self.config.max_file_size,
                )
            except UploadError as error:
                return "", _error(error.status, error.message)
            try:
                return upload.name, await pool.run(job, upload.name, upload.data)
            except WorkerCrashed:
                message = f"{upload.name}：读取该文件时检查进程意外退出，文件可能已损坏"
                return upload.name, _error(422, message)
            except CheckTimedOut:
                message = f"{upload.name}：检查超过 {pool.timeout:.0f} 秒仍未完成，已停止；文件可能异常"
                return upload.name, _error(422, message)

    async def check(self, request: Request) -> Response:
        wanted = request.query_params.get("format", "json")
        if wanted not in ("json", "html"):
            await _discard(request)
            return _error(400, f"未知的格式 {wanted!r}（format 可选 json、html）")
        name, answer = await self._checked(
            request, worker.check_json if wanted == "json" else worker.check_html
        )
        if isinstance(answer, Response):
            return answer
        # The review page is a download (never shown under this origin); JSON is the API's answer.
        return _answer(answer, f"{_stem(name)}.reportlint.html" if wanted == "html" else None)

    async def view(self, request: Request) -> Response:
        _, answer = await self._checked(request, worker.view)
        return answer if isinstance(answer, Response) else _answer(answer)

    async def annotate(self, request: Request) -> Response:
        name, answer = await self._checked(request, worker.annotate)
        if isinstance(answer, Response):
            return answer
        return _answer(answer, f"{_stem(name)}-批注.docx")

    async def _catalogue(self) -> list[dict[str, Any]]:
        if self._rules is None:
            self._rules = await self._pool().run(worker.rules)
        return self._rules

    async def rules(self, request: Request) -> Response:
        try:
            return JSONResponse(await self._catalogue(), headers=SECURITY_HEADERS)
        except WorkerCrashed:
            return _error(503, "检查进程意外退出，请重试")

    async def rule(self, request: Request) -> Response:
        code = str(request.path_params["code"]).strip().upper()
        try:
            catalogue = await self._catalogue()
        except WorkerCrashed:
            return _error(503, "检查进程意外退出，请重试")
        found = next((rule for rule in catalogue if rule["code"] == code), None)
        if found is None:
            return _error(404, f"没有规则 {code}")
        return JSONResponse(found, headers=SECURITY_HEADERS)


async def _discard(request: Request) -> None:
    """Read an unwanted body (bounded), so the client reads the answer rather than a reset."""
    await drain(request.stream(), 256 * 1024 * 1024)


def allowed_hosts(host: str) -> Sequence[str]:
    """Host headers accepted: on the loopback address only loopback names (a web page elsewhere
    cannot reach the server through a rebinding DNS name); on another address, any."""
    loopback = host in LOOPBACK_NAMES or host.startswith("127.")
    return sorted({*LOOPBACK_NAMES, host.strip("[]")}) if loopback else ["*"]


def create_app(
    config: Config,
    *,
    host: str = "127.0.0.1",
    workers: int = 2,
    pending: int | None = None,
    on_ready: Callable[[], None] | None = None,
) -> Starlette:
    """The application; its check processes start with it and stop with it (the lifespan)."""
    pools: list[CheckPool] = []

    def pool() -> CheckPool:
        return pools[0]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pools.append(CheckPool(config, workers, pending))
        pools[0].warm_up()
        if on_ready is not None:
            on_ready()
        try:
            yield
        finally:
            pools.pop().close()

    handlers = Handlers(config, pool)
    routes = [
        Route("/", handlers.page),
        Route("/static/{name}", handlers.asset),
        Route("/api/info", handlers.info),
        Route("/api/check", handlers.check, methods=["POST"]),
        Route("/api/view", handlers.view, methods=["POST"]),
        Route("/api/annotate", handlers.annotate, methods=["POST"]),
        Route("/api/rules", handlers.rules),
        Route("/api/rules/{code}", handlers.rule),
    ]
    hosts = allowed_hosts(host)
    middleware = [] if "*" in hosts else [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
