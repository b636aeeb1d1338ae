"""Command line: ``conformed batch MANIFEST -o OUTDIR [--jobs N] [--format F] [--redline F]``.

Exit codes: 0 every agreement conformed; 1 some agreement failed (its items, or its
files); 2 usage error or unreadable manifest.  See ``conformed.batch``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .cli_redline import redline_format
from .io import FORMATS  # the formats and their names, as for apply --format
from .io.files import write_all

if TYPE_CHECKING:
    from .batch import Outcome


def add_batch_parser(sub: Any) -> None:
    bp = sub.add_parser(
        "batch",
        help="conform many agreements: a manifest (.csv, .yaml or a folder) in, a folder out",
    )
    bp.add_argument("manifest", type=Path, help="a .csv or .yaml manifest, or a folder")
    bp.add_argument("-o", "--output", type=Path, required=True, help="the output folder")
    bp.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    bp.add_argument(
        "--format", choices=sorted(FORMATS), default="txt", help="the conformed copies' format"
    )
    bp.add_argument("--redline", choices=["docx", "html", "pdf", "md"], help="also write a redline")
    bp.add_argument("--allow-partial", action="store_true", help="write even if items failed")
    bp.add_argument("--annotate", action="store_true", help="add provenance notes")
    bp.add_argument("--force", action="store_true", help="conform again agreements already done")
    bp.set_defaults(run=run_batch_command)


def run_batch_command(args: argparse.Namespace) -> int:
    from . import __version__
    from .batch import Options, read_manifest, run_batch
    from .errors import UsageError

    if args.jobs < 0:
        raise UsageError("--jobs is a number of processes (0: all cores)")
    if args.redline:
        redline_format(Path(f"x.{args.redline}"))
    entries = read_manifest(args.manifest, besides=args.output)
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output} is not a folder")
    options = Options(
        fmt=FORMATS[args.format],
        redline_fmt=args.redline,
        allow_partial=args.allow_partial,
        annotate=args.annotate,
        version=__version__,
    )
    jobs = args.jobs or os.cpu_count() or 1
    jobs = min(jobs, len(entries))
    bar = _bar(len(entries), sys.stderr)
    start = time.perf_counter()
    try:
        outcomes = run_batch(
            entries, args.output, options, jobs=jobs, force=args.force, progress=bar.step
        )
    except KeyboardInterrupt:
        bar.close()
        print(
            f"conformed: interrupted after {bar.done} of {len(entries)} agreements; every "
            "file written is whole, and running the same command again finishes the rest",
            file=sys.stderr,
        )
        return 130
    bar.close()
    elapsed = time.perf_counter() - start
    report = _report(outcomes, elapsed, jobs)
    write_all([(args.output / "batch-report.json", json.dumps(report, indent=2) + "\n")])
    _print_table(outcomes, report, sys.stderr)
    return 0 if report["summary"]["ok"] else 1


class _bar:
    """tqdm's bar (rate and time left) on a terminal; on a pipe, a line per agreement
    that did not apply, so logs show what needs attention."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from tqdm import tqdm

        self.stream, self.done = stream, 0
        self.tqdm = tqdm(
            total=total, unit="agreement", file=stream, disable=not stream.isatty(), leave=False
        )

    def step(self, outcome: Outcome) -> None:
        self.done += 1
        self.tqdm.update(1)
        if self.tqdm.disable and outcome.status in ("failed", "error"):
            print(f"{outcome.status.upper():7} {outcome.id}: {_why(outcome)}", file=self.stream)

    def close(self) -> None:
        self.tqdm.close()


def _why(outcome: Outcome) -> str:
    if outcome.failed_items:
        first = outcome.failed_items[0]["message"]
        more = len(outcome.failed_items) - 1
        return first + (f" (and {more} more failed items)" if more else "")
    return outcome.message


def _report(outcomes: list[Outcome], elapsed: float, jobs: int) -> dict[str, Any]:
    counts = {s: sum(o.status == s for o in outcomes) for s in ("applied", "failed", "error")}
    counts["unchanged"] = sum(o.status == "unchanged" for o in outcomes)
    bad = [o for o in outcomes if o.status in ("failed", "error") or o.before in ("failed",)]
    return {
        "summary": {
            **counts,
            "agreements": len(outcomes),
            "ok": not bad,
            "seconds": round(elapsed, 3),
            "agreements_per_second": round(len(outcomes) / elapsed, 2) if elapsed else 0.0,
            "jobs": jobs,
            "peak_memory_mb_per_worker": max((o.peak_memory_mb for o in outcomes), default=0.0),
        },
        "agreements": [o.to_json() for o in outcomes],
    }


def _print_table(outcomes: list[Outcome], report: dict[str, Any], stream: TextIO) -> None:
    rows = [o for o in outcomes if o.status in ("failed", "error") or o.before == "failed"][:50]
    if rows:
        print(f"{'agreement':<32} {'status':<10} reason", file=stream)
        for o in rows:
            status = f"{o.status} ({o.before})" if o.before else o.status
            print(f"{o.id[:32]:<32} {status:<10} {_why(o)[:120]}", file=stream)
    s = report["summary"]
    print(
        f"{s['agreements']} agreements: {s['applied']} applied, {s['failed']} failed, "
        f"{s['error']} could not be read, {s['unchanged']} unchanged since the last run; "
        f"{s['seconds']:.1f} s ({s['agreements_per_second']:.1f}/s on {s['jobs']} processes), "
        f"peak memory {s['peak_memory_mb_per_worker']:.0f} MB per process",
        file=stream,
    )
