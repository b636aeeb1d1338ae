"""Markdown output: each paragraph a paragraph, labels and headings in bold.

Markdown has no indentation for paragraphs (four spaces make a code block),
but it ignores up to three leading spaces; those carry the provision's depth
(one more than the depth for a provision's own paragraphs, the depth for
text after its children) so that md_reader.py gives back the same tree.
Everything Markdown would read as structure -- "*", "`", "<", a "1." or
"-" at the start of a line, a line of dashes -- is escaped.
"""

from __future__ import annotations

from ..document import Document
from ..layout.heads import iter_groups
from ..lazy_re import lazy_re
from .paragraphs import HEADING, LABEL, Run, group_runs
from .text import provenance_notes

MAX_SPACES = 3  # more would be a code block


def write_markdown(doc: Document, *, annotate: bool = False) -> str:
    out: list[str] = []
    if doc.front:
        out.append(_matter(doc.front))
    for group in iter_groups(doc.body):
        spaces = " " * min(group.depth + (0 if group.trailing else 1), MAX_SPACES)
        out += [spaces + _paragraph(runs) for runs in group_runs(group)]
        notes = provenance_notes(group) if annotate else []
        if notes:
            out.append("*" + _escape(" ".join(notes)) + "*")
    if doc.back:
        out.append(_matter(doc.back))
    return "\n\n".join(out) + "\n"


def _paragraph(runs: list[Run]) -> str:
    """Labels and headings bold ("**5. Termination.**"), the rest escaped."""
    out: list[str] = []
    bold: list[str] = []

    def flush() -> None:
        if bold:
            core = "".join(bold)
            out.append(f"**{_escape(core.strip())}**" + (" " if core.endswith(" ") else ""))
            bold.clear()

    for run in runs:
        if run.kind in (LABEL, HEADING):
            bold.append(run.text)
        elif run.text == " " and bold:
            bold.append(" ")
        else:
            flush()
            out.append(_escape(run.text))
    flush()
    return _escape_start("".join(out))


def _matter(lines: tuple[str, ...]) -> str:
    """Raw matter: paragraphs kept, lines joined with hard breaks so layout survives."""
    paragraphs = "\n".join(lines).split("\n\n")
    return "\n\n".join(
        "  \n".join(_escape_start(_escape(x.strip())) for x in p.splitlines() if x.strip())
        for p in paragraphs
    )


_ENTITY = lazy_re(r"&(?=#?\w+;)")
_LIST_START = lazy_re(r"^(\d{1,9})([.)])(?=\s|$)")


def _escape(text: str) -> str:
    for ch in "\\*_[]#`<":
        text = text.replace(ch, "\\" + ch)
    return _ENTITY.sub(r"\\&", text)


def _escape_start(line: str) -> str:
    """A line Markdown would take for a list item, quote, rule or heading underline."""
    if line[:1] in ("-", "+", "=", ">", "|", "~"):
        return "\\" + line
    return _LIST_START.sub(r"\1\\\2", line)
