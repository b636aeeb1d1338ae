"""Command line: ``conformed draft --from-diff BASE EDITED -o OUT``.

Writes the amendment that turns BASE into EDITED, in the house style of the
drafting templates, and only once our own parser and consolidator have
applied it to BASE and produced EDITED: the same rule as ``conformed apply``,
exit 1 and nothing written when they do not.  Exit 2 for usage errors and
unreadable inputs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import UsageError
from ..io import read_document
from ..io.files import atomic_write, check_outputs

EXIT_OK, EXIT_FAILED = 0, 1
FORMATS = {".txt": "text", ".text": "text", ".md": "md", ".markdown": "md", ".docx": "docx"}
FORMATS |= {".pdf": "pdf"}


def add_reverse_arguments(dp: Any) -> None:
    group = dp.add_argument_group("reverse drafting (--from-diff)")
    group.add_argument(
        "--from-diff",
        nargs=2,
        metavar=("BASE", "EDITED"),
        help="draft the amendment that turns BASE into EDITED (no TEMPLATE or DATA)",
    )
    group.add_argument(
        "--agreement",
        default="Agreement",
        help='the short name the amendment gives the agreement (default "Agreement")',
    )
    group.add_argument("--number", type=int, default=1, help="the amendment's number")
    group.add_argument("--date", default="", help="the amendment's date (default today)")
    group.add_argument("--title", default="", help="the agreement's title, if BASE does not say")
    group.add_argument(
        "--agreement-date", default="", help="the agreement's date, if BASE does not say"
    )


def run_reverse(args: argparse.Namespace) -> int:
    from . import pdf
    from .align import ReverseError
    from .drafting import render_draft
    from .reverse_check import Options, draft_from_diff

    if args.template or args.data:
        raise UsageError("--from-diff takes BASE and EDITED, not a TEMPLATE or DATA")
    fmt = args.format or FORMATS.get(args.output.suffix.lower())
    if fmt is None:
        raise UsageError(f"cannot tell the output format from {args.output}; use --format")
    if fmt == "pdf":
        pdf.require()  # before drafting: say how to install LibreOffice, write nothing
    if args.number < 1:
        raise UsageError("--number must be 1 or more")
    check_outputs(args.from_diff, [args.output])
    base, edited = (read_document(path) for path in args.from_diff)
    options = Options(
        agreement=args.agreement,
        number=args.number,
        date=args.date,
        title=args.title,
        agreement_date=args.agreement_date,
    )
    try:
        draft = draft_from_diff(base, edited, options)
    except ReverseError as exc:
        print(f"conformed: {exc}", file=sys.stderr)
        print("conformed: nothing written", file=sys.stderr)
        return EXIT_FAILED
    for warning in draft.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    atomic_write(args.output, render_draft(draft.text, fmt))
    items = len(draft.steps)
    print(
        f"drafted {args.output}: {items} item{'s' * (items != 1)} turning {args.from_diff[0]} "
        f"into {args.from_diff[1]}; checked by round trip",
        file=sys.stderr,
    )
    return EXIT_OK
