"""Drafting for the page, in a worker process: one executive from the form's fields, or
many from a CSV, each rendered and checked by round trip exactly as ``conformed draft``
does (the same ``Drafter``), the files returned as bytes for the page to offer.

A row's ``base`` names a file; on the page it must be one of the uploaded base
agreements, found by its file name alone.  A path in the data never reaches the disk:
a CSV cannot make the server read one of its own files.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path, PurePath
from typing import Any

from ..templates import pdf
from ..templates.batch import Drafter, Outcome
from ..templates.data import Row, load_rows, read_row
from ..templates.drafting import Draft, render_draft
from .work import Download, Progress, download


def draft_one(spec: dict[str, Any], *, progress: Progress) -> dict[str, Any]:
    """One executive from the form: every problem named by field, or the draft, checked."""
    folder = Path(spec["folder"])
    base = folder / spec["base"] if spec["base"] else None
    row = read_row(spec["fields"], "the form", folder, spec["template"], "")
    if row.executive is not None:
        row = dataclasses.replace(row, executive=dataclasses.replace(row.executive, base=base))
    drafter = Drafter(spec["template"], check=base is not None, base=base)
    result, outcome = drafter.draft(row)
    return {
        "problems": outcome.problems,
        "warnings": outcome.warnings,
        "checked": spec["base_name"] if outcome.checked else "",
        "text": result.text if result is not None else "",
        "downloads": _files(result, row.id) if result is not None and outcome.ok else [],
    }


def draft_many(spec: dict[str, Any], *, progress: Progress) -> dict[str, Any]:
    """A CSV of executives: each row drafted and checked against its uploaded base; the
    drafts that passed in one zip, every row's outcome listed."""
    folder = Path(spec["folder"])
    bases: dict[str, str] = spec["bases"]  # the user's file name -> the file kept here
    rows = [_with_base(row, bases, folder) for row in load_rows(folder / spec["csv"])]
    drafter = Drafter("auto", check=True)
    outcomes: list[dict[str, Any]] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for n, row in enumerate(rows, start=1):
            result, outcome = _draft(drafter, row)
            if result is not None and outcome.ok:
                for name, _, data in _files(result, row.id):
                    bundle.writestr(name, data)
            outcomes.append(_outcome(outcome, spec["csv"], spec["csv_name"]))
            progress(n, len(rows))
    drafted = sum(1 for o in outcomes if o["ok"])
    files = [download("drafts.zip", buffer.getvalue())] if drafted else []
    return {"outcomes": outcomes, "drafted": drafted, "downloads": files}


def _draft(drafter: Drafter, row: Row) -> tuple[Draft | None, Outcome]:
    if row.executive is not None and row.executive.base is None:
        outcome = Outcome(row, problems=["no base agreement to check the draft against (base)"])
        return None, outcome
    return drafter.draft(row)


def _with_base(row: Row, bases: dict[str, str], folder: Path) -> Row:
    """The row's base, looked up by file name among the uploads (never opened as a path)."""
    if row.executive is None or row.executive.base is None:
        return row
    name = PurePath(str(row.executive.base).replace("\\", "/")).name
    if name not in bases:
        problem = f"base: {name!r} was not uploaded with the CSV"
        return dataclasses.replace(row, executive=None, error=_error(row, problem))
    executive = dataclasses.replace(row.executive, base=folder / bases[name])
    return dataclasses.replace(row, executive=executive)


def _error(row: Row, problem: str) -> Any:
    from ..templates.data import DraftDataError

    return DraftDataError(row.source, [problem])


def _outcome(outcome: Outcome, stored: str, shown: str) -> dict[str, Any]:
    return {
        "source": outcome.row.source.replace(stored, shown, 1),
        "id": outcome.row.id,
        "ok": outcome.ok,
        "problems": outcome.problems,
        "warnings": outcome.warnings,
    }


def _files(result: Draft, ident: str) -> list[Download]:
    """The draft as Word, Markdown and text, and PDF where LibreOffice is installed."""
    docx = render_draft(result.text, "docx")
    out = [
        download(f"{ident}.docx", docx),
        download(f"{ident}.md", render_draft(result.text, "md")),
        download(f"{ident}.txt", result.text),
    ]
    if pdf.soffice():
        out.append(download(f"{ident}.pdf", pdf.docx_to_pdf(docx, ident)))
    return out
