"""Command line: ``conformed outline FILE [--json]``: how a document was read.

Exit codes: 0 printed; 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from .io import read_document
from .io.files import read_text
from .lazy_re import lazy_re

# The opening names the document an amendment: 'This Fifth Amendment (this "Amendment")'.
_DEFINES_ITSELF = lazy_re(
    r"\b(?:this|the)\s+[\"\u201c]\s*(?:[\w\-]+\s+){0,3}Amendment\s*[\"\u201d]"
    r"|\bTHIS\s+(?:[A-Z\-]+\s+){0,4}AMENDMENT\b|\bThis\s+(?:[A-Z][\w\-]*\s+){0,4}Amendment\b",
)
_AMENDMENT_TITLE = lazy_re(r"\bAMENDMENT\b|\bAMENDING\s+AGREEMENT\b", re.IGNORECASE)


def _kind_of(path: Path) -> str:
    """An amendment when its title says so; otherwise an agreement.  The title is the first
    lines in capitals, after any bracketed note and EDGAR header."""
    if path.suffix.lower() not in (".txt", ".text", ""):
        return "agreement"
    from .amendment import strip_debris

    text = strip_debris(re.sub(r"^\s*\[[^\]]*\]", "", read_text(path)))
    title: list[str] = []
    for word in text.split()[:60]:
        if word.isupper() or not any(c.isalpha() for c in word):
            title.append(word)
        elif title:
            break
    if _AMENDMENT_TITLE.search(" ".join(title)):
        return "amendment"
    opening = " ".join(text.split()[:200])
    return "amendment" if _DEFINES_ITSELF.search(opening) else "agreement"


def add_outline_parser(sub: Any) -> None:
    op = sub.add_parser(
        "outline",
        help="print the provision tree as conformed read it, to check before trusting a copy",
    )
    op.add_argument("file", type=Path, help="a base agreement (.txt, .md or .docx) or an amendment")
    op.add_argument("--json", action="store_true", help="print it as JSON")
    op.add_argument(
        "--as",
        dest="kind",
        choices=["agreement", "amendment"],
        help="how to read FILE (default: an amendment if its title says so)",
    )
    op.set_defaults(run=run_outline)


def run_outline(args: argparse.Namespace) -> int:
    from .amendment import read_amendments
    from .layout.outline import (
        amendment_outline_json,
        amendment_outline_text,
        outline_json,
        outline_text,
    )

    if (args.kind or _kind_of(args.file)) == "amendment":
        first, *later = read_amendments(args.file)  # a filing may print several, in order
        if args.json:
            data = amendment_outline_json(first)
            if later:
                data["later_amendments"] = [amendment_outline_json(a) for a in later]
            _print(True, data)
        else:
            _print(False, "\n".join(amendment_outline_text(a) for a in (first, *later)))
    else:
        doc = read_document(args.file)
        _print(args.json, outline_json(doc) if args.json else outline_text(doc))
    return 0


def _print(as_json: bool, value: object) -> None:
    print(
        json.dumps(value, indent=2, ensure_ascii=False) if as_json else value,
        end="" if not as_json else "\n",
    )
