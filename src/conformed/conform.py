"""One agreement conformed, from its files to the outputs to write: what ``conformed apply``
and each agreement of ``conformed batch`` do, so that the two write the same bytes.

Nothing is written here: the caller checks the output paths first and writes the outputs
all or none (``io.files.write_all``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .io import read_document, render_document
from .io.files import read_text

if TYPE_CHECKING:
    from .document import Document
    from .redline import Redline
    from .report import Report


@dataclass(frozen=True)
class Job:
    """One agreement: its files, where its outputs go, and how to write them."""

    base: Path
    amendments: tuple[Path, ...]
    output: Path
    fmt: str  # text, md, json, docx
    report: Path | None = None
    redline: Path | None = None
    redline_fmt: str | None = None  # docx, html, pdf, md
    attachments: tuple[tuple[str, Path], ...] = ()  # ("Exhibit 6.11", file)
    as_of: dt.date | None = None
    annotate: bool = False
    allow_partial: bool = False
    update_references: bool = False
    omitted_text: str = "[Intentionally Omitted]"
    # The names the report and redline give the base and each amendment, where they are
    # not the files' paths (the web page keeps uploads under names of its own).
    names: tuple[str, ...] = ()

    def name_of(self, index: int, path: Path) -> str:
        return self.names[index] if index < len(self.names) else str(path)

    @property
    def inputs(self) -> list[Path]:
        return [self.base, *self.amendments, *(path for _, path in self.attachments)]

    @property
    def outputs(self) -> list[Path | None]:
        return [self.output, self.report, self.redline]


@dataclass
class Conformed:
    """The report, and the outputs to write: the report alone when items failed and no
    partial copy was asked for."""

    report: Report
    outputs: list[tuple[Path, str | bytes]] = field(default_factory=list)
    redline: Redline | None = None
    document: Document | None = None  # the conformed copy, for other renderings
    base: Document | None = None
    seconds: dict[str, float] = field(default_factory=dict)


def conform(job: Job) -> Conformed:
    """Read, consolidate and render one agreement (see ``conformed apply``)."""
    from time import perf_counter

    from .amendment import parse_amendments
    from .consolidator import consolidate

    start = perf_counter()
    base = read_document(job.base)
    amendments = [
        amendment
        for n, path in enumerate(job.amendments, start=1)
        for amendment in parse_amendments(read_text(path), source=job.name_of(n, path))
    ]
    attachments = {name: read_text(path) for name, path in job.attachments}
    read = perf_counter()
    result = consolidate(
        base,
        amendments,
        omitted_text=job.omitted_text,
        rewrite_references=job.update_references,
        base_name=job.name_of(0, job.base),
        attachments=attachments,
        as_of=job.as_of,
    )
    applied = perf_counter()
    done = Conformed(result.report, document=result.document, base=base)
    if job.report:
        done.outputs.append((job.report, json.dumps(result.report.to_json(), indent=2) + "\n"))
    if result.report.ok or job.allow_partial:
        rendered = render_document(result.document, job.fmt, annotate=job.annotate)
        done.outputs.append((job.output, rendered))
        if job.redline and job.redline_fmt:
            from .cli_redline import render_redline
            from .redline import compare

            done.redline = compare(
                base,
                result.document,
                old_name=Path(job.name_of(0, job.base)).name,
                new_name=job.output.name,
            )
            done.outputs.append((job.redline, render_redline(done.redline, job.redline_fmt)))
    done.seconds = {
        "read": read - start,
        "apply": applied - read,
        "render": perf_counter() - applied,
    }
    return done
