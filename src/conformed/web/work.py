"""The page's work, run in a worker process (see ``runner``): the library's own functions,
called as the command line calls them, returning plain values the page can show.

Every function takes the request's folder of uploads (files under names the page chose,
never the user's) and the names to show for them, and returns dicts of strings and
bytes: nothing of the engine crosses back to the server process.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..amendment import parse_amendments
from ..conform import Job, conform
from ..consolidator import consolidate
from ..consolidator.references import printed_cite
from ..document import Document
from ..history import history
from ..io import read_document, render_document
from ..io.files import read_text
from ..io.text import render_group
from ..layout.heads import iter_groups
from ..redline import Redline, compare
from ..redline.summary import summary_line, summary_rows
from ..report import Report

Progress = Callable[[int, int], None]
Download = tuple[str, str, bytes]  # file name, media type, content

MEDIA = {
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".zip": "application/zip",
}


def download(name: str, data: str | bytes) -> Download:
    content = data.encode("utf-8") if isinstance(data, str) else data
    return name, MEDIA[Path(name).suffix], content


def conform_files(spec: dict[str, Any], *, progress: Progress) -> dict[str, Any]:
    """``conformed apply``: the report first; the copy and its redline only when every
    item applied, or when a partial copy was asked for (and then marked partial)."""
    folder = Path(spec["folder"])
    job = Job(
        base=folder / spec["base"],
        amendments=tuple(folder / a for a in spec["amendments"]),
        output=folder / "conformed.txt",
        fmt="text",
        attachments=tuple((name, folder / f) for name, f in spec["attachments"]),
        as_of=dt.date.fromisoformat(spec["as_of"]) if spec["as_of"] else None,
        allow_partial=spec["allow_partial"],
        names=tuple(spec["names"]),
    )
    done = conform(job)
    report = done.report
    stem = _stem(spec["names"][0])
    result: dict[str, Any] = {
        "report": report.to_json(),
        "ok": report.ok,
        "partial": not report.ok,
        "downloads": [download(f"{stem}.report.json", _json(report.to_json()))],
        "blocks": [],
        "summary": [],
    }
    if done.document is None or done.base is None or not (report.ok or job.allow_partial):
        return result
    mark = "" if report.ok else ".PARTIAL"
    redline = compare(done.base, done.document, old_name=spec["names"][0], new_name="conformed")
    result["blocks"] = blocks(done.document, report)
    result["summary"], result["summary_line"] = _summary(redline)
    result["downloads"] = [
        download(f"{stem}.conformed{mark}.docx", render_document(done.document, "docx")),
        download(f"{stem}.conformed{mark}.txt", render_document(done.document, "text")),
        download(f"{stem}.conformed{mark}.md", render_document(done.document, "md")),
        *result["downloads"],
        *redlines(redline, f"{stem}.redline{mark}"),
    ]
    return result


def redline_files(spec: dict[str, Any], *, progress: Progress) -> dict[str, Any]:
    """``conformed redline OLD NEW``: the blackline in every format, and its summary."""
    folder = Path(spec["folder"])
    old_name, new_name = spec["names"]
    redline = compare(
        read_document(folder / spec["old"]),
        read_document(folder / spec["new"]),
        old_name=old_name,
        new_name=new_name,
    )
    rows, line = _summary(redline)
    stem = f"{_stem(new_name)}.redline"
    return {"summary": rows, "summary_line": line, "downloads": redlines(redline, stem)}


def redlines(redline: Redline, stem: str) -> list[Download]:
    """The blackline as Word tracked changes and HTML; its PDF is made from that HTML when
    it is first downloaded (``pdf_of``): laying it out is most of a request's work."""
    from ..cli_redline import render_redline

    return [download(f"{stem}.{fmt}", render_redline(redline, fmt)) for fmt in ("docx", "html")]


def pdf_of(html: bytes, name: str, *, progress: Progress) -> Download:
    from ..redline.pdf import pdf_from_html

    return download(name, pdf_from_html(html.decode("utf-8")))


def outline_file(spec: dict[str, Any], *, progress: Progress) -> dict[str, Any]:
    """``conformed outline``: the tree of provisions as read, with the reader's doubts."""
    from ..cli_outline import _kind_of
    from ..layout.outline import amendment_outline_text, outline_text

    path = Path(spec["folder"]) / spec["file"]
    kind = spec["kind"] or _kind_of(path)
    if kind == "amendment":
        parts = parse_amendments(read_text(path), source=spec["name"])
        text = "\n".join(amendment_outline_text(a) for a in parts)
    else:
        doc = read_document(path)
        text = outline_text(doc.evolve(name=spec["name"]))
    return {"kind": kind, "outline": text}


def history_files(spec: dict[str, Any], *, progress: Progress) -> dict[str, Any]:
    """``conformed history``: which item changed each provision; the agreement as of a date."""
    folder = Path(spec["folder"])
    names = spec["names"]
    as_of = dt.date.fromisoformat(spec["as_of"]) if spec["as_of"] else None
    result = consolidate(
        read_document(folder / spec["base"]),
        [
            amendment
            for a, n in zip(spec["amendments"], names[1:], strict=True)
            for amendment in parse_amendments(read_text(folder / a), source=n)
        ],
        base_name=names[0],
        attachments={name: read_text(folder / f) for name, f in spec["attachments"]},
        as_of=as_of,
    )
    report = result.report
    return {
        "entries": history(result.document),
        "report": report.to_json(),
        "ok": report.ok,
        "blocks": blocks(result.document, report) if report.ok else [],
    }


def blocks(doc: Document, report: Report) -> list[dict[str, Any]]:
    """The copy as printed, paragraph run by paragraph run, each with where its changes
    came from (amendment, item, date) and any stale cross-reference in it."""
    dates = {a.label or a.source: a.effective_date or a.date or "" for a in report.amendments}
    cites = {node.uid: printed_cite(doc.cite(path)) for path, node in doc.walk()}
    stale: dict[str, list[dict[str, str]]] = {}
    for ref in report.stale_references:
        stale.setdefault(ref["provision"], []).append(ref)
    out: list[dict[str, Any]] = []
    if doc.front:
        out.append({"text": "\n".join(doc.front), "changes": [], "stale": []})
    for group in iter_groups(doc.body):
        changes = [
            {**c.to_json(), "date": dates.get(c.amendment, "")}
            for member in group.members
            for c in member.changes
        ]
        refs = [r for m in group.members for r in stale.get(cites.get(m.uid, ""), [])]
        text = "\n".join(render_group(group, doc.layout))
        out.append({"text": text, "changes": _unique(changes), "stale": _unique(refs)})
    for name, change in doc.matter_changes:
        out.append({"text": "", "matter": name, "changes": [change.to_json()], "stale": []})
    if doc.back:
        out.append({"text": "\n".join(doc.back), "changes": [], "stale": []})
    return out


def _summary(redline: Redline) -> tuple[list[dict[str, Any]], str]:
    rows = [{"text": r.text, "depth": r.depth} for r in summary_rows(redline)]
    return rows, summary_line(redline)


def _unique(values: list[dict[str, str]]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _stem(name: str) -> str:
    """A download's name from the user's file name: letters, digits, '-', '_' only."""
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(name).stem)
    return stem.strip("_")[:60] or "agreement"


def _json(value: object) -> str:
    return json.dumps(value, indent=2) + "\n"
