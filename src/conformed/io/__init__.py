"""Readers and writers, chosen by file suffix.

Each reader and writer is imported when its format is used: python-docx, the
layout engine and markdown-it are not loaded by a command that never needs them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from ..errors import InputError
from .files import read_bytes, read_text

if TYPE_CHECKING:
    from ..document import Document

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
        from .text import read_text_document

        doc = read_text_document(read_text(path), name=path.name)
    elif suffix in (".md", ".markdown"):
        from .md_reader import read_markdown_document

        doc = read_markdown_document(read_text(path), name=path.name)
    elif suffix == ".docx":
        from .docx_reader import read_docx_document

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
        from .text import write_text

        return write_text(doc, annotate=annotate)
    if fmt == "md":
        from .markdown import write_markdown

        return write_markdown(doc, annotate=annotate)
    if fmt == "json":
        from .jsontree import write_json

        return write_json(doc)
    if fmt == "docx":
        from .docx_writer import write_docx

        return write_docx(doc, annotate=annotate)
    raise InputError(f"unknown output format {fmt!r}")
