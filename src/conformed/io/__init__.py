"""Readers and writers, chosen by file suffix."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, overload

from ..document import Document
from ..errors import InputError
from .docx_reader import read_docx_document
from .docx_writer import write_docx
from .files import read_bytes, read_text
from .jsontree import write_json
from .markdown import write_markdown
from .md_reader import read_markdown_document
from .text import read_text_document, write_text

FORMATS = {
    "txt": "text",
    "text": "text",
    "md": "md",
    "markdown": "md",
    "json": "json",
    "docx": "docx",
}


def read_document(path: str | Path) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text", ""):
        doc = read_text_document(read_text(path), name=path.name)
    elif suffix in (".md", ".markdown"):
        doc = read_markdown_document(read_text(path), name=path.name)
    elif suffix == ".docx":
        doc = read_docx_document(_read_bytes(path), name=path.name)
    else:
        raise InputError(f"{path}: cannot read {suffix or 'this'} files (use .txt, .md or .docx)")
    if not doc.body:
        raise InputError(f"{path}: no numbered provisions found (is this an agreement?)")
    return doc


def _read_bytes(path: Path) -> bytes:
    data = read_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data


@overload
def render_document(
    doc: Document, fmt: Literal["text", "md", "json"], *, annotate: bool = False
) -> str: ...
@overload
def render_document(doc: Document, fmt: Literal["docx"], *, annotate: bool = False) -> bytes: ...
@overload
def render_document(doc: Document, fmt: str, *, annotate: bool = False) -> str | bytes: ...
def render_document(doc: Document, fmt: str, *, annotate: bool = False) -> str | bytes:
    """The document in ``fmt``: text for text, md and json, the file's bytes for docx."""
    if fmt == "text":
        return write_text(doc, annotate=annotate)
    if fmt == "md":
        return write_markdown(doc, annotate=annotate)
    if fmt == "json":
        return write_json(doc)
    if fmt == "docx":
        return write_docx(doc, annotate=annotate)
    raise InputError(f"unknown output format {fmt!r}")
