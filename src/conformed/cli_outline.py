"""Command line: ``conformed outline FILE [--json]``: how a document was read.

Exit codes: 0 printed; 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .io import read_document
from .layout.outline import outline_json, outline_text


def add_outline_parser(sub: Any) -> None:
    op = sub.add_parser(
        "outline",
        help="print the provision tree as conformed read it, to check before trusting a copy",
    )
    op.add_argument("file", type=Path, help="a base agreement (.txt, .md or .docx)")
    op.add_argument("--json", action="store_true", help="print it as JSON")
    op.set_defaults(run=run_outline)


def run_outline(args: argparse.Namespace) -> int:
    doc = read_document(args.file)
    if args.json:
        print(json.dumps(outline_json(doc), indent=2, ensure_ascii=False))
    else:
        print(outline_text(doc), end="")
    return 0
