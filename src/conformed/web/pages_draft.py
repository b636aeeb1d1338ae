"""The drafting pages: one executive from a form, or a CSV of many with a progress page.

The form's fields are the data file's fields (see README, "Drafting"), validated by
the same reader as ``conformed draft``; each problem is shown beside the field it names.
A CSV batch runs in the background: its page refreshes itself until the drafts are
ready (no script on the page).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..errors import ConformedError, InputError
from ..templates.data import FORM_FIELDS, OPTIONAL, REQUIRED
from ..templates.names import FORMS
from . import work_draft
from .common import parse_form, run_work, runner, shown, store
from .render import page
from .uploads import (
    DOCUMENTS,
    new_folder,
    remove_folder,
    request_folder,
    save_many,
    save_one,
    text_field,
    uploads,
)

SECTIONS = {
    "Executive": ("name", "possessive", "role", "pronouns"),
    "The agreement": ("company", "agreement_title", "agreement_date", "agreement_short_name",
                      "employment_agreement", "label_style", "sections", "subsections"),
    "The amendment": ("amendment_number", "amendment_date", "effective_date", "payment_term",
                      "signatory_name", "signatory_title", "signed"),
}  # fmt: skip
CITED: dict[str, list[str]] = {}  # each provision field, and the forms that cite it
for _name in FORMS:
    for _cited in FORM_FIELDS[_name]:
        CITED.setdefault(_cited, []).append(_name)
FIELDS = [*REQUIRED, *OPTIONAL, *CITED]
CUSTOM = "custom"  # the template is uploaded


async def draft_page(request: Request) -> Response:
    if request.method == "GET":
        return _form(request, {}, "termination_benefits_409a")
    async with parse_form(request) as form:
        template = text_field(form, "template")
        if template not in (*FORMS, CUSTOM):
            raise InputError("choose a form")
        values = {f: text_field(form, f, 400) for f in FIELDS if f not in ("id", "base")}
        chosen = FORM_FIELDS.get(template, ())
        fields = {  # the other forms' provisions are left out, as the data file would
            f: v for f, v in values.items() if f in chosen or f in REQUIRED + OPTIONAL
        }
        with request_folder() as folder:
            base, saved = None, []
            if uploads(form, "base"):
                base = await save_one(form, "base", folder, "base", DOCUMENTS, "the base")
                saved.append(base)
            spec_template = template
            if template == CUSTOM:
                template_file = await save_one(form, "template_file", folder, "template",
                                               (".j2",), "the template")  # fmt: skip
                spec_template = str(Path(folder) / template_file.file)
                saved.append(template_file)
            spec = {"folder": str(folder), "fields": {**fields, "template": spec_template},
                    "template": spec_template, "base": base.file if base else "",
                    "base_name": base.name if base else ""}  # fmt: skip
            result = await run_work(request, work_draft.draft_one, spec, *saved)
            for key in ("problems", "warnings"):
                result[key] = [shown(p, str(folder), tuple(saved)) for p in result[key]]
    token = store(request).put(result.pop("downloads")) if not result["problems"] else ""
    files = sorted(store(request).get(token).files) if token else []  # type: ignore[union-attr]
    return _form(request, values, template, result=result, token=token, files=files)


def _form(request: Request, values: dict[str, str], template: str, **more: Any) -> Response:
    problems = more.get("result", {}).get("problems", [])
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        for name in FIELDS:
            if re.search(rf"(^|')({re.escape(name)})('|:)", problem):
                by_field.setdefault(name, []).append(problem)
                break
    status = 422 if problems else 200
    return page(request, "draft.html", status, values=values, template=template, forms=FORMS,
                sections=SECTIONS, cited=CITED, by_field=by_field,
                custom=CUSTOM, **more)  # fmt: skip


async def draft_batch(request: Request) -> Response:
    """Start a CSV's drafts in the background; the page that shows them refreshes itself."""
    folder = new_folder()  # the background work owns it, and removes it when it ends
    async with parse_form(request) as form:
        try:
            csv = await save_one(form, "csv", folder, "executives", (".csv",), "the CSV")
            bases = await save_many(form, "bases", folder, "base", DOCUMENTS, "a base")
        except BaseException:
            remove_folder(folder)
            raise
    spec = {"folder": str(folder), "csv": csv.file, "csv_name": csv.name,
            "bases": {b.name: b.file for b in bases}}  # fmt: skip
    kept = store(request)
    token = kept.put([], {"state": "running", "done": 0, "total": 0, "csv": csv.name})

    def progress(done: int, total: int) -> None:
        kept.update(token, [], {"done": done, "total": total})

    async def run() -> None:
        try:
            result = await runner(request).run(work_draft.draft_many, spec, on_progress=progress)
            for outcome in result["outcomes"]:
                for key in ("problems", "warnings"):
                    outcome[key] = [shown(p, str(folder), (csv, *bases)) for p in outcome[key]]
            kept.update(token, result.pop("downloads"), {"state": "done", **result})
        except ConformedError as exc:
            message = shown(str(exc), str(folder), (csv, *bases))
            kept.update(token, [], {"state": "failed", "message": message})
        finally:
            remove_folder(folder)

    task = asyncio.create_task(run())
    request.app.state.tasks.add(task)
    task.add_done_callback(request.app.state.tasks.discard)
    return RedirectResponse(f"/draft/batch/{token}", status_code=303)


async def draft_batch_status(request: Request) -> Response:
    token = request.path_params["token"]
    entry = store(request).get(token)
    if entry is None:
        raise HTTPException(404)
    return page(request, "draft_batch.html", job=entry.page, token=token,
                files=sorted(entry.files))  # fmt: skip


ROUTES = [
    Route("/draft", draft_page, methods=["GET", "POST"]),
    Route("/draft/batch", draft_batch, methods=["POST"]),
    Route("/draft/batch/{token}", draft_batch_status),
]
