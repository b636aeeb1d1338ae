"""Command line: ``conformed redline OLD NEW -o OUT.{docx,html,pdf,md}``.

The format comes from OUT's suffix.  Word output has real tracked changes by
``--author`` on ``--date`` (default: now, UTC), so accepting them all gives
NEW and rejecting them all gives OLD.  Exit codes: 0 written; 2 usage error
or unreadable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .io import read_document
from .io.files import atomic_write, check_outputs

if TYPE_CHECKING:
    from .redline import Redline

EXIT_OK = 0
REDLINE_FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md",
                   ".markdown": "md", ".pdf": "pdf"}  # fmt: skip


def add_redline_parser(sub: Any) -> None:
    rp = sub.add_parser(
        "redline",
        help="compare two versions of an agreement, provision by provision, then word by word",
    )
    rp.add_argument("old", type=Path, help="the earlier version (.txt, .md or .docx)")
    rp.add_argument("new", type=Path, help="the later version, e.g. a conformed copy")
    rp.add_argument("-o", "--output", type=Path, required=True, help="OUT.docx, OUT.html or OUT.md")
    rp.add_argument(
        "--format", choices=["docx", "html", "pdf", "md"], help="default: from OUT's suffix"
    )
    rp.add_argument(
        "--author", default=None, help='author of the tracked changes (default "conformed")'
    )
    rp.add_argument(
        "--date",
        type=_date,
        help="date of the tracked changes (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; default now, UTC)",
    )
    rp.set_defaults(run=run_redline)


def run_redline(args: argparse.Namespace) -> int:
    from .redline.docx import DEFAULT_AUTHOR

    fmt = redline_format(args.output, args.format)
    args.author = DEFAULT_AUTHOR if args.author is None else args.author
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", args.author) or len(args.author) > 255:
        raise UsageError(
            "--author must be a name of at most 255 characters, without control characters"
        )
    check_outputs([args.old, args.new], [args.output])
    from .redline import compare

    old, new = read_document(args.old), read_document(args.new)
    redline = compare(old, new, old_name=args.old.name, new_name=args.new.name)
    write_redline(redline, args.output, fmt, author=args.author, date=args.date)
    return EXIT_OK


def redline_format(output: Path, given: str | None = None) -> str:
    fmt = given or REDLINE_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the redline format from {output}; use .docx, .html, .pdf or .md"
        )
    return fmt


def write_redline(
    redline: Redline,
    output: Path,
    fmt: str,
    *,
    author: str | None = None,
    date: str | None = None,
) -> None:
    """Render in one format and write atomically; used by ``redline``."""
    from .redline.summary import summary_line

    atomic_write(output, render_redline(redline, fmt, author=author, date=date))
    print(f"{output}: {summary_line(redline)}", file=sys.stderr)


def render_redline(
    redline: Redline, fmt: str, *, author: str | None = None, date: str | None = None
) -> str | bytes:
    from .redline.docx import DEFAULT_AUTHOR, now

    author = DEFAULT_AUTHOR if author is None else author

    when = date or now()
    if fmt == "docx":
        from .redline.docx import write_docx

        return write_docx(redline, author=author, date=when)
    if fmt == "html":
        from .redline.html import write_html

        return write_html(redline, date=when)
    if fmt == "pdf":
        from .redline.pdf import write_pdf

        return write_pdf(redline, date=when)
    from .redline.markdown import write_markdown

    return write_markdown(redline)


def _date(text: str) -> str:
    """An ISO date or UTC time, normalised to Word's form (2024-05-01T00:00:00Z)."""
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD[THH:MM:SSZ]): {text!r}") from None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.replace(tzinfo=None, microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
