"""Command line: ``conformed serve [--host 127.0.0.1] [--port 8000]``: the local web page.

It binds to this computer only unless ``--host`` says otherwise; uploads are bounded by
``--max-upload-mb`` for a request and by ``--max-input-mb`` for each file, as the other
commands' inputs are.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .errors import UsageError

DEFAULT_PORT = 8000


def add_serve_parser(sub: Any) -> None:
    sp = sub.add_parser("serve", help="a local web page to conform, redline and draft")
    sp.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    sp.add_argument("--port", type=int, default=DEFAULT_PORT, help="default: 8000")
    sp.add_argument(
        "--max-upload-mb", type=int, default=50, metavar="N", help="one request's files together"
    )
    sp.add_argument(
        "--timeout", type=float, default=120.0, metavar="S", help="seconds of work per request"
    )
    sp.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .web.app import Settings, create_app
    except ImportError as exc:  # pragma: no cover - the web extra is a dependency
        raise UsageError(
            f"the web page needs its libraries ({exc.name}): pip install conformed"
        ) from None
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    settings = Settings(
        host=args.host,
        upload_mb=args.max_upload_mb,
        input_mb=args.max_input_mb,
        timeout=args.timeout,
    )
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {args.host}: other computers can reach it", file=sys.stderr)
    print(f"conformed: open http://{_shown(args.host)}:{args.port}/ (Ctrl-C stops it)",
          file=sys.stderr)  # fmt: skip
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
