"""Command line: ``conformed apply``, ``parse`` and ``history`` (``outline``, ``draft``,
``redline`` and ``batch`` in their own modules).

Exit codes: 0 every operative item applied; 1 some item failed (nothing is
written unless --allow-partial); 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_batch import add_batch_parser
from .cli_draft import add_draft_parser
from .cli_outline import add_outline_parser
from .cli_redline import add_redline_parser, redline_format
from .cli_serve import add_serve_parser
from .errors import InputError, UsageError
from .io import FORMATS, read_document
from .io.files import MAX_INPUT_MB, check_outputs, read_text, set_input_limit, write_all

if TYPE_CHECKING:  # the engine is imported by the commands that use it: --help loads none
    from .amendment import Amendment
    from .report import AmendmentReport, Report

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _terminated)  # unwind, so no temporary file is left behind
    parser = build_parser()
    args = parser.parse_args(argv)
    set_input_limit(args.max_input_mb)
    try:
        code: int = args.run(args)
        return code
    except (InputError, UsageError) as exc:
        print(f"conformed: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conformed", description="Conformed copies of agreements from their amendments."
    )
    parser.add_argument(
        "--max-input-mb",
        type=int,
        default=MAX_INPUT_MB,
        metavar="N",
        help=f"refuse any input file larger than N MB (default {MAX_INPUT_MB})",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ap = sub.add_parser("apply", help="apply amendments to a base agreement")
    ap.add_argument("base", type=Path)
    ap.add_argument("amendments", type=Path, nargs="+")
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--format", choices=sorted(FORMATS), help="default: from the suffix")
    ap.add_argument("--report", type=Path, help="write the JSON report here")
    ap.add_argument("--annotate", action="store_true", help="add provenance notes")
    ap.add_argument(
        "--redline",
        type=Path,
        metavar="OUT",
        help="also write a blackline of the base against the conformed copy (.docx/.html/.pdf/.md)",
    )
    ap.add_argument("--allow-partial", action="store_true", help="write even if items failed")
    ap.add_argument(
        "--update-references", action="store_true", help="rewrite stale cross-references"
    )
    ap.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar='"Exhibit 6.11=FILE"',
        help="the form an exhibit is amended and restated in (repeatable)",
    )
    ap.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="apply only the amendments in effect on this date",
    )
    ap.add_argument(
        "--omitted-text",
        default="[Intentionally Omitted]",
        help="text left in a provision deleted without renumbering",
    )
    ap.set_defaults(run=run_apply)

    hp = sub.add_parser("history", help="which amendment item changed each provision, and when")
    hp.add_argument("base", type=Path)
    hp.add_argument("amendments", type=Path, nargs="+")
    hp.add_argument("--attach", action="append", default=[], metavar='"Exhibit 6.11=FILE"')
    hp.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD")
    hp.add_argument("--json", action="store_true")
    hp.set_defaults(run=run_history)

    pp = sub.add_parser("parse", help="list an amendment's items and their operations")
    pp.add_argument("amendments", type=Path, nargs="+")
    pp.add_argument("--json", action="store_true", help="print the report structure as JSON")
    pp.set_defaults(run=run_parse)
    add_outline_parser(sub)
    add_draft_parser(sub)
    add_redline_parser(sub)
    add_batch_parser(sub)
    add_serve_parser(sub)
    return parser


def run_apply(args: argparse.Namespace) -> int:
    from .conform import Job, conform

    fmt = args.format or FORMATS.get(args.output.suffix.lower().lstrip("."))
    if fmt is None:
        raise UsageError(f"cannot tell the output format from {args.output}; use --format")
    blackline = redline_format(args.redline) if args.redline else None  # usage error first
    job = Job(
        base=args.base,
        amendments=tuple(args.amendments),
        output=args.output,
        fmt=fmt,
        report=args.report,
        redline=args.redline,
        redline_fmt=blackline,
        attachments=parse_attachments(args.attach),
        as_of=args.as_of,
        annotate=args.annotate,
        allow_partial=args.allow_partial,
        update_references=args.update_references,
        omitted_text=args.omitted_text,
    )
    check_outputs(job.inputs, job.outputs)
    done = conform(job)
    print_summary(done.report)
    write_all(done.outputs)  # all of them or none; the report alone when items failed
    if not done.report.ok and not args.allow_partial:
        print("conformed: nothing written (use --allow-partial to write anyway)", file=sys.stderr)
        return EXIT_FAILED
    if done.redline is not None:
        from .redline.summary import summary_line

        print(f"{args.redline}: {summary_line(done.redline)}", file=sys.stderr)
    return EXIT_OK if done.report.ok else EXIT_FAILED


def run_history(args: argparse.Namespace) -> int:
    from .amendment import read_amendments
    from .consolidator import consolidate
    from .history import history

    result = consolidate(
        read_document(args.base),
        [a for path in args.amendments for a in read_amendments(path)],
        attachments={name: read_text(path) for name, path in parse_attachments(args.attach)},
        as_of=args.as_of,
    )
    entries = history(result.document)
    if args.json:
        print(json.dumps(entries, indent=2))
    else:
        for entry in entries:
            print(entry["provision"])
            for change in entry["changes"]:
                print(f"    {change['detail']}: {change['amendment']}, item {change['item']}")
    print_summary(result.report)
    return EXIT_OK if result.report.ok else EXIT_FAILED


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parse_attachments(specs: list[str]) -> tuple[tuple[str, Path], ...]:
    """ "Exhibit 6.11=FILE" options as (name, file) pairs; the files are read with the rest."""
    out: dict[str, Path] = {}
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise UsageError(f'--attach takes "Exhibit 6.11=FILE", not {spec!r}')
        out[name.strip()] = Path(path.strip())
    return tuple(out.items())


def run_parse(args: argparse.Namespace) -> int:
    from .amendment import read_amendments
    from .report import Report

    report = Report()
    for path in args.amendments:
        report.amendments += [parse_report(a) for a in read_amendments(path)]
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        for amendment in report.amendments:
            print(f"{amendment.source}: {amendment.title}")
            for warning in amendment.warnings:
                print(f"  warning: {warning}")
            for item in amendment.items:
                ops = "; ".join(f"{o['kind']} {o['target']}" for o in item.operations)
                print(f"  {item.number:>6}  {item.status:<15} {ops or item.message}")
                if item.read:  # what the failed item's other sentences were read as
                    read = "; ".join(f"{o['kind']} {o['target']}" for o in item.read)
                    print(f"  {'':>6}  {'(read)':<15} {read}")
    return EXIT_OK if report.ok else EXIT_FAILED


def parse_report(amendment: Amendment) -> AmendmentReport:
    """The report ``conformed parse`` prints: every item parsed, nothing applied."""
    from .operations import NoTextChange, describe
    from .parsed import amendment_report, failed_item, parse_instructions
    from .report import PARSED, ItemReport

    areport = amendment_report(amendment)
    for problem in amendment.problems:
        areport.items.append(failed_item(problem, amendment))
    for parsed in parse_instructions(amendment).items:
        item, op = parsed.item, parsed.operation
        ireport = ItemReport(number=item.number, line=item.line, end_line=item.end_line)
        ireport.warnings = list(parsed.warnings)
        if parsed.error is not None:
            ireport.fail(parsed.error, amendment.label)
        elif op is not None:
            ireport.operations = describe(op)
            ireport.status = PARSED
            ireport.message = op.reason if isinstance(op, NoTextChange) else ""
        areport.items.append(ireport)
    return areport


def print_summary(report: Report) -> None:
    from .report import FAILED

    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if report.not_yet_effective:
        print(f"not yet in effect on {report.as_of}: " + ", ".join(report.not_yet_effective),
              file=sys.stderr)  # fmt: skip
    for amendment in report.amendments:
        for warning in amendment.warnings:
            print(f"warning: {amendment.label}: {warning}", file=sys.stderr)
        for item in amendment.items:
            if item.status == FAILED:
                print(f"FAILED  {item.message}", file=sys.stderr)
            for warning in item.warnings:
                print(f"warning: {amendment.label}, item {item.number}: {warning}", file=sys.stderr)
    for ref in report.stale_references:
        verb = "updated" if report.references_updated else "stale reference"
        print(
            f'{verb}: {ref["provision"]}: "{ref["reference"]}" -> "{ref["now"]}"',
            file=sys.stderr,
        )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
