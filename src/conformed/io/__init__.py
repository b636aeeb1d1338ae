"""Readers and writers, chosen by file suffix."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import InputError
from .files import read_text
from .jsontree import write_json
from .markdown import write_markdown
from .text import read_text_document, write_text

FORMATS = {"txt": "text", "text": "text", "md": "md", "markdown": "md", "json": "json"}


def read_document(path: str | Path) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text", ""):
        doc = read_text_document(read_text(path), name=path.name)
    else:
        raise InputError(f"{path}: cannot read {suffix or 'this'} files (use .txt)")
    if not doc.body:
        raise InputError(f"{path}: no numbered provisions found (is this an agreement?)")
    return doc


def render_document(doc: Document, fmt: str, *, annotate: bool = False) -> str:
    if fmt == "text":
        return write_text(doc, annotate=annotate)
    if fmt == "md":
        return write_markdown(doc, annotate=annotate)
    if fmt == "json":
        return write_json(doc)
    raise InputError(f"unknown output format {fmt!r}")
