"""Markdown output: each provision a paragraph with its label and heading in bold."""

from __future__ import annotations

from ..document import Document
from .heads import head_string, iter_groups
from .text import provenance_notes


def write_markdown(doc: Document, *, annotate: bool = False) -> str:
    out: list[str] = []
    front = " ".join(" ".join(doc.front).split())
    if doc.front:
        out.append("\n".join(line.strip() for line in doc.front if line.strip()))
    for group in iter_groups(doc.body):
        if group.trailing:
            out.append(group.printed)
        else:
            parts = []
            for member in group.members:
                lead = " ".join(x for x in (member.label_text, member.heading) if x)
                body = member.text
                escaped_lead = lead.replace("*", r"\*")
                parts.append(f"**{escaped_lead}** {body}".strip() if lead else body)
            indent = "  " * 0
            out.append(indent + " ".join(p for p in parts if p))
            del head_string
        if annotate:
            notes = provenance_notes(group)
            if notes:
                out.append("*" + " ".join(notes) + "*")
    if doc.back:
        out.append("\n".join(line.strip() for line in doc.back if line.strip()))
    del front
    return "\n\n".join(out) + "\n"
