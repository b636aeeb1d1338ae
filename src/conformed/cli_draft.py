"""Command line: ``conformed draft TEMPLATE DATA -o OUT [--check BASE]``.

One executive writes one file; several (a CSV, or OUT a folder) write one
draft per row with a progress bar and a summary of the rows that failed.  A
draft that would not apply to its base agreement, or whose result differs
from what the data says, is not written.  Exit codes: 0 every draft written;
1 some row's data was invalid or its draft failed the check; 2 usage error or
unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .io import read_document
from .io.files import atomic_write, check_outputs
from .templates.cli_reverse import add_reverse_arguments, run_reverse
from .templates.names import FORMS

if TYPE_CHECKING:
    from .templates.batch import Outcome

EXIT_OK, EXIT_FAILED = 0, 1
DRAFT_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".pdf": "pdf",
}


def add_draft_parser(sub: Any) -> None:
    dp = sub.add_parser(
        "draft",
        help="draft amendments from a template and executive data, checked by round trip",
    )
    dp.add_argument(
        "template",
        nargs="?",
        help=f"a built-in form ({', '.join(FORMS)}), a .j2 file, or 'auto' (each row's template)",
    )
    dp.add_argument(
        "data", type=Path, nargs="?", help="a .yaml file, or a .csv with one row per executive"
    )
    dp.add_argument(
        "-o", "--output", type=Path, required=True, help="a file for one executive, else a folder"
    )
    dp.add_argument(
        "--check",
        type=Path,
        metavar="BASE",
        help="apply the draft to this base agreement and check the result (one executive)",
    )
    dp.add_argument(
        "--no-check", action="store_true", help="do not check, even where the data names a base"
    )
    dp.add_argument(
        "--format",
        choices=["text", "md", "docx", "pdf"],
        help="default: from OUT's suffix, or text (pdf needs LibreOffice)",
    )
    dp.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes for many executives (default: all cores; 1: this one)",
    )
    add_reverse_arguments(dp)
    dp.set_defaults(run=run_draft)


def run_draft(args: argparse.Namespace) -> int:
    if args.from_diff:
        return run_reverse(args)
    if args.template is None or args.data is None:
        raise UsageError("give a TEMPLATE and DATA, or --from-diff BASE EDITED")
    from .templates import pdf
    from .templates.batch import Drafter, draft_all, summary
    from .templates.data import load_rows
    from .templates.drafting import render_draft

    if not (args.output.is_dir() or str(args.output).endswith(("/", "\\"))):
        check_outputs(
            [args.template, args.data, *([args.check] if args.check else [])], [args.output]
        )
    rows = load_rows(args.data, args.template)
    batch = len(rows) > 1 or args.output.is_dir() or str(args.output).endswith(("/", "\\"))
    if batch and args.check:
        raise UsageError("--check BASE takes one executive; give each row a base field instead")
    if args.check and not args.no_check:
        read_document(args.check)  # an unreadable base is a usage error, before any drafting
    drafter = Drafter(args.template, check=not args.no_check, base=args.check)
    if batch:
        fmt = args.format or "text"
        jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
        outcomes = draft_all(rows, drafter, args.output, fmt, jobs=jobs)
        for outcome in outcomes:
            _warn(outcome)
        print(summary(outcomes, args.output), file=sys.stderr)
        return EXIT_OK if all(o.ok for o in outcomes) else EXIT_FAILED
    fmt = args.format or DRAFT_FORMATS.get(args.output.suffix.lower())
    if fmt is None:
        raise UsageError(f"cannot tell the output format from {args.output}; use --format")
    if fmt == "pdf":
        pdf.require()  # before drafting: say how to install LibreOffice, write nothing
    result, outcome = drafter.draft(rows[0])
    _warn(outcome)
    if result is None or not outcome.ok:
        for problem in outcome.problems:
            print(f"FAILED  {outcome.row.source}: {problem}", file=sys.stderr)
        print("conformed: nothing written", file=sys.stderr)
        return EXIT_FAILED
    atomic_write(args.output, render_draft(result.text, fmt))
    checked = f"; checked against {outcome.checked}" if outcome.checked else " (not checked)"
    print(f"drafted {args.output}{checked}", file=sys.stderr)
    return EXIT_OK


def _warn(outcome: Outcome) -> None:
    for warning in outcome.warnings:
        print(f"warning: {outcome.row.source}: {warning}", file=sys.stderr)
