"""The local web page: ``create_app()`` builds the Starlette application that
``conformed serve`` runs under uvicorn.

The page is a thin layer: each form's files go to the request's own folder, the work
runs in a worker process (``runner``) through the library functions the command line
uses (``work``, ``work_draft``), and the result is rendered with Jinja2.  An error the
library raises on purpose is shown in its own words; anything else is an error page
that says nothing of the server's insides.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import ConformedError
from ..io.files import MAX_INPUT_MB
from . import pages, pages_draft
from .limit import MAX_UPLOAD_MB, BodyLimit
from .render import page
from .runner import Runner
from .store import Store

HERE = Path(__file__).parent
LOG = logging.getLogger("conformed.web")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    upload_mb: int = MAX_UPLOAD_MB  # one request, all its files
    input_mb: int = MAX_INPUT_MB  # one file, as the command line's --max-input-mb
    timeout: float = 120.0  # seconds of work for one request
    workers: int = max(2, os.cpu_count() or 1)  # requests worked at once


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    middleware = [Middleware(BodyLimit, megabytes=settings.upload_mb)]
    if settings.host in LOOPBACK:  # a page on another site cannot reach it by a DNS alias
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(LOOPBACK)))
    app = Starlette(
        routes=[
            Route("/", lambda request: RedirectResponse("/conform", status_code=303)),
            *pages.ROUTES,
            *pages_draft.ROUTES,
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        middleware=middleware,
        exception_handlers={
            ConformedError: _refused,
            HTTPException: _http_error,
            Exception: _crashed,
        },
    )
    app.state.settings = settings
    app.state.runner = Runner(settings.workers, settings.timeout, input_mb=settings.input_mb)
    app.state.store = Store()
    app.state.tasks = set()  # a batch's background work, kept until it ends
    return app


async def _refused(request: Request, exc: Exception) -> Response:
    return page(request, "error.html", 400, title="Not done", message=str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: "There is no such page, or its results have expired."}
    message = messages.get(exc.status_code, str(exc.detail))
    return page(request, "error.html", exc.status_code, title="Not done", message=message)


async def _crashed(request: Request, exc: Exception) -> Response:
    LOG.exception("request failed: %s %s", request.method, request.url.path)
    message = "Something went wrong on the server. Nothing you sent was kept."
    return page(request, "error.html", 500, title="Error", message=message)
