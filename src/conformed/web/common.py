"""What every page's handler does with a request: the runner and the store of the
application, the form with its bounds, the work run with errors in the user's words, and
the files kept for download."""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request

from ..errors import ConformedError
from . import work
from .runner import Runner
from .store import Store
from .uploads import MAX_FILES, Saved

ATTACHMENT_ROWS = 3  # exhibits restated in a form attached to an amendment


def runner(request: Request) -> Runner:
    runner: Runner = request.app.state.runner
    return runner


async def run_work(request: Request, fn: Any, spec: dict[str, Any], *saved: Saved) -> Any:
    """Run ``fn(spec)`` in a worker; an error names the user's files, not the page's."""
    try:
        return await runner(request).run(fn, spec)
    except ConformedError as exc:
        raise ConformedError(shown(str(exc), spec["folder"], saved)) from None


def shown(message: str, folder: str, saved: tuple[Saved, ...]) -> str:
    message = message.replace(folder.rstrip("/") + "/", "")
    for upload in saved:
        message = re.sub(rf"(?<![\w.\-]){re.escape(upload.file)}(?![\w\-])", upload.name, message)
    return message


def store(request: Request) -> Store:
    kept: Store = request.app.state.store
    return kept


def parse_form(request: Request) -> Any:
    return request.form(max_files=MAX_FILES * 2 + ATTACHMENT_ROWS, max_fields=200)


def keep(request: Request, files: list[work.Download]) -> tuple[str, list[str]]:
    """Keep a page's files for download; each HTML blackline's PDF is offered too, and
    made when it is first asked for."""
    pdfs = {n.removesuffix(".html") + ".pdf": n for n, _, _ in files if n.endswith(".html")}
    token = store(request).put(files, later=pdfs)
    return token, sorted({*(n for n, _, _ in files), *pdfs})
