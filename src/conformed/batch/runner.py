"""Running a batch: each agreement conformed as ``conformed apply`` would, in a pool.

Each agreement writes into ``OUTDIR/<id>/`` (``conformed.<ext>``, ``report.json`` and
the redline if asked) through the same all-or-none writer as ``apply``, then records a
fingerprint of its inputs and options.  A re-run skips an agreement whose fingerprint
is unchanged and whose outputs are all there; an interrupted run leaves whole files or
none, and at worst an agreement done again.  One agreement that fails -- items that do
not apply, a missing or unreadable file, anything else -- is reported with its reason
and never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..conform import Job, conform
from ..errors import ConformedError, UsageError
from ..io.files import check_outputs, write_all
from ..report import plain
from .manifest import Entry

SUFFIX = {"text": ".txt", "md": ".md", "json": ".json", "docx": ".docx"}
RECORD = ".conformed-batch.json"  # the fingerprint of a finished agreement


@dataclass(frozen=True)
class Options:
    """What every agreement of the batch is written with."""

    fmt: str = "text"
    redline_fmt: str | None = None
    allow_partial: bool = False
    annotate: bool = False
    version: str = ""  # of conformed: a new version conforms everything again


@dataclass
class Outcome:
    """What happened to one agreement, as batch-report.json records it."""

    id: str
    status: str  # applied | failed | error | unchanged
    exit: int = 0
    message: str = ""
    failed_items: list[dict[str, str]] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    peak_memory_mb: float = 0.0
    worker: int = 0
    before: str = ""  # for "unchanged": the status it had when it was done

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = plain(self)
        return result


def job_for(entry: Entry, outdir: Path, options: Options) -> Job:
    """The ``conformed apply`` this agreement amounts to."""
    home = outdir / entry.id
    return Job(
        base=entry.base,
        amendments=entry.amendments,
        output=home / f"conformed{SUFFIX[options.fmt]}",
        fmt=options.fmt,
        report=home / "report.json",
        redline=home / f"redline.{options.redline_fmt}" if options.redline_fmt else None,
        redline_fmt=options.redline_fmt,
        attachments=entry.attachments,
        as_of=entry.as_of,
        annotate=options.annotate,
        allow_partial=options.allow_partial,
    )


def run_one(entry: Entry, outdir: Path, options: Options, force: bool = False) -> Outcome:
    """Conform one agreement and write its outputs; never raises for the agreement's own
    problems (they are its outcome)."""
    start = time.perf_counter()
    outcome = Outcome(entry.id, "error", exit=2)
    try:
        job = job_for(entry, outdir, options)
        fingerprint = _fingerprint(job, options)
        previous = _previous(job, fingerprint)
        if previous is not None and not force:
            outcome = replace(previous, status="unchanged", before=previous.status)
        else:
            outcome = _conform(job, entry, fingerprint)
    except ConformedError as exc:
        outcome.message = str(exc)
    except Exception as exc:  # one agreement's bug is its own outcome, never the batch's end
        outcome.message = f"{type(exc).__name__}: {exc}"
    outcome.seconds["total"] = round(time.perf_counter() - start, 4)
    outcome.peak_memory_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    outcome.worker = os.getpid()
    return outcome


def _conform(job: Job, entry: Entry, fingerprint: str) -> Outcome:
    home = job.output.parent
    if home.is_symlink() or (home.exists() and not home.is_dir()):
        raise UsageError(
            f"{home} is not a folder of this batch (a link or a file); nothing written"
        )
    home.mkdir(parents=True, exist_ok=True)
    check_outputs(job.inputs, job.outputs)
    done = conform(job)
    write_start = time.perf_counter()
    write_all(done.outputs)
    report = done.report
    outcome = Outcome(
        entry.id,
        "applied" if report.ok else "failed",
        exit=0 if report.ok else 1,
        outputs=[str(path) for path, _ in done.outputs],
        failed_items=[
            {"amendment": a.label, "item": i.number, "reason": i.reason, "message": i.message}
            for a in report.amendments
            for i in a.items
            if i.status == "failed"
        ],
    )
    if not report.ok and not job.allow_partial:
        outcome.message = "items failed: only the report was written"
    outcome.seconds = {k: round(v, 4) for k, v in done.seconds.items()}
    outcome.seconds["write"] = round(time.perf_counter() - write_start, 4)
    record = {"fingerprint": fingerprint, "outcome": outcome.to_json()}
    write_all([(home / RECORD, json.dumps(record, indent=2) + "\n")])
    return outcome


def _fingerprint(job: Job, options: Options) -> str:
    """The inputs' bytes and the options: what decides the outputs."""
    digest = hashlib.sha256(json.dumps(asdict(options), sort_keys=True).encode())
    digest.update(str(job.as_of).encode())
    for role, path in [
        ("base", job.base),
        *(("amendment", p) for p in job.amendments),
        *((f"attachment {name}", p) for name, p in job.attachments),
    ]:
        digest.update(f"\0{role}\0{path.name}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    return digest.hexdigest()


def _previous(job: Job, fingerprint: str) -> Outcome | None:
    record = job.output.parent / RECORD
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        if data.get("fingerprint") != fingerprint:
            return None
        outcome = Outcome(**data["outcome"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not all(Path(p).is_file() for p in outcome.outputs):
        return None
    return outcome


def _warm() -> None:
    """A worker loads the grammars once, before its first agreement, and leaves Ctrl-C to
    the batch: it finishes the agreement in hand (whole files) and takes no other."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _load()


def _load() -> None:
    """The code an agreement runs and both grammars, loaded (a no-op once done)."""
    from ..amendment import parse_amendments  # noqa: F401
    from ..consolidator import consolidate  # noqa: F401
    from ..grammar.instruction import _lark as composed
    from ..grammar.parser import _lark as forms

    forms()
    composed()


def run_batch(
    entries: list[Entry],
    outdir: Path,
    options: Options,
    *,
    jobs: int = 1,
    force: bool = False,
    executor: Executor | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Every agreement, in manifest order in the result; ``jobs`` processes (1: this one)."""
    outdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Outcome] = {}
    for outcome in _outcomes(entries, outdir, options, jobs, force, executor):
        results[outcome.id] = outcome
        if progress is not None:
            progress(outcome)
    return [results[e.id] for e in entries]


def _outcomes(
    entries: list[Entry],
    outdir: Path,
    options: Options,
    jobs: int,
    force: bool,
    executor: Executor | None,
) -> Iterator[Outcome]:
    if executor is None and jobs <= 1:
        for entry in entries:
            yield run_one(entry, outdir, options, force)
        return
    if executor is None and multiprocessing.get_start_method() == "fork":
        _load()  # once, here: each worker forked from this process has it already
    pool = executor or ProcessPoolExecutor(max_workers=jobs, initializer=_warm)
    futures: list[Future[Outcome]] = []
    try:
        futures = [pool.submit(run_one, e, outdir, options, force) for e in entries]
        for future in as_completed(futures):
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)
