"""Markdown output: each paragraph group a paragraph, labels and headings in bold.

Nested provisions are not indented: four leading spaces would turn them into
code blocks, and the labels already carry the structure.
"""

from __future__ import annotations

from ..document import Document, Provision
from .heads import iter_groups
from .text import provenance_notes


def write_markdown(doc: Document, *, annotate: bool = False) -> str:
    out: list[str] = []
    if doc.front:
        out.append(_matter(doc.front))
    for group in iter_groups(doc.body):
        if group.trailing:
            out.append(_escape(group.printed))
        else:
            out.append(" ".join(_member(m) for m in group.members if _member(m)))
        notes = provenance_notes(group) if annotate else []
        if notes:
            out.append("*" + _escape(" ".join(notes)) + "*")
    if doc.back:
        out.append(_matter(doc.back))
    return "\n\n".join(out) + "\n"


def _member(p: Provision) -> str:
    lead = " ".join(x for x in (p.label_text, p.heading) if x)
    body = _escape(p.text)
    return f"**{_escape(lead)}** {body}".strip() if lead else body


def _matter(lines: tuple[str, ...]) -> str:
    """Raw matter: paragraphs kept, lines joined with hard breaks so layout survives."""
    paragraphs = "\n".join(lines).split("\n\n")
    return "\n\n".join(
        "  \n".join(_escape(x.strip()) for x in p.splitlines() if x.strip()) for p in paragraphs
    )


def _escape(text: str) -> str:
    for ch in "\\*_[]#":
        text = text.replace(ch, "\\" + ch)
    return text
