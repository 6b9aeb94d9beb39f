"""``reportlint serve``: the local web page for drafters (the optional ``serve`` extra)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reportlint.cli.common import EXIT_CLEAN, UsageError

if TYPE_CHECKING:
    import socket

    from reportlint.config import Config

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``serve`` and its options."""
    serve = commands.add_parser("serve", parents=[common], help="启动本机网页：拖入报告即可查看问题")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"监听地址（默认 {DEFAULT_HOST}，仅本机可访问）")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}；0 = 任选空闲端口）"
    )
    serve.add_argument("--open", action="store_true", help="启动后在浏览器中打开页面")
    serve.add_argument("--workers", type=int, default=2, help="同时检查的进程数（默认 2）")


def require_extra() -> None:
    """Stop with the install command when the ``serve`` extra is missing."""
    from reportlint.serve import missing

    absent = missing()
    if absent:
        raise UsageError(
            f"reportlint serve 需要可选依赖 {'、'.join(absent)}，请先安装：pip install 'reportlint[serve]'"
        )


def _bind(host: str, port: int) -> socket.socket:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as error:
        sock.close()
        raise UsageError(
            f"无法在 {host}:{port} 上监听（{error.strerror or error}）；可用 --port 换一个端口"
        ) from None
    return sock


def run(args: argparse.Namespace, config: Config) -> int:
    """Serve the page until interrupted."""
    if not 0 <= args.port <= 65535:
        raise UsageError("--port 应在 0 到 65535 之间")
    if args.workers < 1:
        raise UsageError("--workers 至少为 1")
    import uvicorn

    from reportlint.serve.app import LOOPBACK_NAMES, create_app

    sock = _bind(args.host, args.port)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{sock.getsockname()[1]}/"

    def ready() -> None:
        print(f"reportlint serve：请在浏览器中打开 {url}（按 Ctrl+C 停止）", flush=True)
        if args.host not in LOOPBACK_NAMES and not args.host.startswith("127."):
            print(f"reportlint: 警告：监听 {args.host}，本机以外也能访问此页面", file=sys.stderr, flush=True)
        if args.open:
            import webbrowser

            webbrowser.open(url)

    app = create_app(config, host=args.host, workers=args.workers, on_ready=ready)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    server.run(sockets=[sock])
    return EXIT_CLEAN
