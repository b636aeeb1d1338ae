"""The pages that read agreements: conform, history, outline and redline, and the
downloads of what they produced."""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import InputError
from . import work
from .common import ATTACHMENT_ROWS, keep, parse_form, run_work, runner, store
from .render import page
from .uploads import (
    DOCUMENTS,
    TEXTS,
    Saved,
    request_folder,
    save,
    save_many,
    save_one,
    text_field,
    uploads,
)


async def conform_page(request: Request) -> Response:
    if request.method == "GET":
        return page(request, "conform.html", rows=ATTACHMENT_ROWS)
    async with parse_form(request) as form:
        with request_folder() as folder:
            spec, saved = await _chain(form, folder)
            spec["allow_partial"] = form.get("allow_partial") == "yes"
            result = await run_work(request, work.conform_files, spec, *saved)
    token, files = keep(request, result.pop("downloads"))
    return page(request, "conform.html", rows=ATTACHMENT_ROWS, result=result, token=token,
                files=files, names=spec["names"])  # fmt: skip


async def history_page(request: Request) -> Response:
    if request.method == "GET":
        return page(request, "history.html", rows=ATTACHMENT_ROWS)
    async with parse_form(request) as form:
        with request_folder() as folder:
            spec, saved = await _chain(form, folder)
            result = await run_work(request, work.history_files, spec, *saved)
    return page(request, "history.html", rows=ATTACHMENT_ROWS, result=result,
                names=spec["names"], as_of=spec["as_of"])  # fmt: skip


async def _chain(form: FormData, folder: Any) -> tuple[dict[str, Any], list[Saved]]:
    """A base agreement, its amendments in the order chosen, and any attachments."""
    base = await save_one(form, "base", folder, "base", DOCUMENTS, "the base agreement")
    amendments = await save_many(form, "amendments", folder, "amendment", TEXTS, "an amendment")
    if not amendments:
        raise InputError("choose at least one amendment (.txt or .md)")
    attachments: list[tuple[str, str]] = []
    saved = [base, *amendments]
    for n in range(1, ATTACHMENT_ROWS + 1):
        files, name = uploads(form, f"attachment_{n}"), text_field(form, f"attachment_name_{n}")
        if files and not name:
            raise InputError(f'attachment {n}: say what it is, e.g. "Exhibit 6.11"')
        if files:
            kept = await save(files[0], folder, f"attachment-{n}", TEXTS, "an attachment")
            attachments.append((name, kept.file))
            saved.append(kept)
    spec = {
        "folder": str(folder),
        "base": base.file,
        "amendments": [a.file for a in amendments],
        "names": [base.name, *(a.name for a in amendments)],
        "attachments": attachments,
        "as_of": _date(text_field(form, "as_of")),
    }
    return spec, saved


def _date(text: str) -> str:
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(f"as of: not a date (YYYY-MM-DD): {text!r}") from None


async def outline_page(request: Request) -> Response:
    if request.method == "GET":
        return page(request, "outline.html")
    async with parse_form(request) as form:
        kind = text_field(form, "kind")
        if kind not in ("", "agreement", "amendment"):
            raise InputError("read it as an agreement or an amendment")
        with request_folder() as folder:
            saved: Saved = await save_one(form, "file", folder, "document", DOCUMENTS, "the file")
            spec = {"folder": str(folder), "file": saved.file, "name": saved.name, "kind": kind}
            result = await run_work(request, work.outline_file, spec, saved)
    return page(request, "outline.html", result=result, name=saved.name)


async def redline_page(request: Request) -> Response:
    if request.method == "GET":
        return page(request, "redline.html")
    async with parse_form(request) as form:
        with request_folder() as folder:
            old = await save_one(form, "old", folder, "old", DOCUMENTS, "the earlier version")
            new = await save_one(form, "new", folder, "new", DOCUMENTS, "the later version")
            spec = {"folder": str(folder), "old": old.file, "new": new.file,
                    "names": [old.name, new.name]}  # fmt: skip
            result = await run_work(request, work.redline_files, spec, old, new)
    token, files = keep(request, result.pop("downloads"))
    return page(request, "redline.html", result=result, token=token, files=files,
                names=spec["names"])  # fmt: skip


async def download_file(request: Request) -> Response:
    """A produced file: as an attachment, or an HTML blackline shown inside the page (in a
    sandbox: it runs nothing)."""
    token, wanted = request.path_params["token"], request.path_params["name"]
    entry = store(request).get(token)
    if entry is not None and wanted in entry.later and entry.later[wanted] in entry.files:
        html = entry.files[entry.later[wanted]][2]
        made = await runner(request).run(work.pdf_of, html, wanted)
        store(request).update(token, [made], {})
    found = entry.files.get(wanted) if entry else None
    if found is None:
        raise HTTPException(404)
    name, media, data = found
    inline = request.query_params.get("inline") == "1" and name.endswith(".html")
    disposition = "inline" if inline else f'attachment; filename="{name}"'
    headers = {
        "Content-Disposition": disposition,
        "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
    return Response(data, media_type=media, headers=headers)


ROUTES = [
    Route("/conform", conform_page, methods=["GET", "POST"]),
    Route("/history", history_page, methods=["GET", "POST"]),
    Route("/outline", outline_page, methods=["GET", "POST"]),
    Route("/redline", redline_page, methods=["GET", "POST"]),
    Route("/download/{token}/{name}", download_file),
]
