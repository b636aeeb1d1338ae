"""Draft one amendment per executive: render, check against the base, write; never stop early.

A batch is a paralegal's morning: one bad row must not cost the other
ninety-nine drafts, and the summary must say which row failed and why.  Each
row's outcome is recorded; only drafts that rendered and passed their check
are written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import jinja2

from ..document import Document
from ..errors import ConformedError, UsageError
from ..io import read_document
from ..io.files import atomic_write
from . import pdf
from .check import check_draft
from .data import Row
from .drafting import DRAFT_FORMATS, Draft, render, render_draft, template_for


@dataclass
class Outcome:
    """What became of one row: the file written, or the problems that stopped it."""

    row: Row
    path: Path | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: str = ""  # the base the draft was checked against

    @property
    def ok(self) -> bool:
        return not self.problems


class Drafter:
    """Templates and base agreements are loaded once and shared by every row."""

    def __init__(self, template: str, *, check: bool = True, base: Path | None = None) -> None:
        self.template, self.check, self.base = template, check, base
        self._templates: dict[str, jinja2.Template] = {}
        self._bases: dict[Path, Document] = {}
        if template != "auto":
            self._templates[template] = template_for(template)  # a bad template stops the run

    def draft(self, row: Row) -> tuple[Draft | None, Outcome]:
        outcome = Outcome(row)
        if row.executive is None:
            assert row.error is not None
            outcome.problems = list(row.error.problems)
            return None, outcome
        spec = row.executive.template if self.template == "auto" else self.template
        try:
            if not spec:
                raise UsageError("no template: give TEMPLATE, or a template field in the data")
            if spec not in self._templates:
                self._templates[spec] = template_for(spec)
            result = render(self._templates[spec], row.executive)
        except ConformedError as exc:
            outcome.problems = [str(exc).removeprefix(f"{row.source}: ")]
            return None, outcome
        base = self.base or row.executive.base
        if self.check and base is not None:
            try:
                checked = check_draft(result, self._base(base), base_name=str(base))
            except ConformedError as exc:
                outcome.problems = [f"cannot check against {base}: {exc}"]
                return result, outcome
            outcome.problems, outcome.warnings = checked.problems, checked.warnings
            outcome.checked = str(base)
        return result, outcome

    def _base(self, path: Path) -> Document:
        if path not in self._bases:
            self._bases[path] = read_document(path)
        return self._bases[path]


_WORKER: Drafter | None = None  # a pool worker's own Drafter (templates do not pickle)


def _start_worker(template: str, check: bool, base: Path | None) -> None:
    global _WORKER
    _WORKER = Drafter(template, check=check, base=base)


def _draft_in_worker(row: Row) -> tuple[Draft | None, Outcome]:
    assert _WORKER is not None
    return _WORKER.draft(row)


def _drafted(
    rows: list[Row], drafter: Drafter, jobs: int
) -> Iterator[tuple[Draft | None, Outcome]]:
    """Each row drafted and checked, in order: here, or by ``jobs`` worker processes (the
    round-trip check is most of the time, and rows are independent)."""
    if jobs <= 1 or len(rows) < 2 * jobs:
        yield from (drafter.draft(row) for row in rows)
        return
    args = (drafter.template, drafter.check, drafter.base)
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=args) as pool:
        yield from pool.map(_draft_in_worker, rows, chunksize=max(1, len(rows) // (jobs * 8)))


def draft_all(
    rows: list[Row],
    drafter: Drafter,
    folder: Path,
    fmt: str,
    stream: TextIO | None = None,
    *,
    jobs: int = 1,
) -> list[Outcome]:
    """Draft every row into ``folder`` as ``<id>.txt`` (.md, .docx, .pdf), reporting progress.

    PDFs are converted together at the end: one LibreOffice start, not one per row.
    """
    stream = stream or sys.stderr
    if fmt == "pdf":
        pdf.require()  # before an hour of drafting, not after
    progress = Progress(len(rows), stream)
    outcomes: list[Outcome] = []
    pdfs: dict[Path, bytes] = {}
    for n, (row, (result, outcome)) in enumerate(
        zip(rows, _drafted(rows, drafter, jobs), strict=True), start=1
    ):
        if result is not None and outcome.ok:
            outcome.path = folder / f"{row.id}{DRAFT_FORMATS[fmt]}"
            if fmt == "pdf":
                pdfs[outcome.path] = render_draft(result.text, "docx")
            else:
                try:
                    atomic_write(outcome.path, render_draft(result.text, fmt))
                except ConformedError as exc:  # this row's file only; the batch goes on
                    outcome.problems.append(str(exc))
                    outcome.path = None
        outcomes.append(outcome)
        progress.step(n, row.id)
    progress.done()
    if pdfs:
        stream.write(f"converting {len(pdfs)} drafts to PDF with LibreOffice\n")
        pdf.write_pdfs(pdfs)
    return outcomes


def summary(outcomes: list[Outcome], folder: Path) -> str:
    failed = [o for o in outcomes if not o.ok]
    lines = [f"drafted {len(outcomes) - len(failed)} of {len(outcomes)} into {folder}/"]
    if failed:
        lines.append(f"{len(failed)} failed:")
        for o in failed:
            lines.append(f"  {o.row.source} ({o.row.id}): " + "; ".join(o.problems[:3]))
            lines += [f"      {p}" for p in o.problems[3:]]
    return "\n".join(lines)


class Progress:
    """A bar redrawn in place on a terminal; on a pipe, a line at every tenth of the way."""

    def __init__(self, total: int, stream: TextIO, width: int = 30) -> None:
        self.total, self.stream, self.width = total, stream, width
        self.tty = stream.isatty()
        self.every = max(1, total // 10)

    def step(self, n: int, label: str) -> None:
        filled = self.width * n // max(self.total, 1)
        bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {n}/{self.total}"
        if self.tty:
            self.stream.write(f"\r{bar} {label[:30]:<30}")
        elif n % self.every == 0 or n == self.total:
            self.stream.write(f"{bar}\n")
        self.stream.flush()

    def done(self) -> None:
        if self.tty:
            self.stream.write("\n")
