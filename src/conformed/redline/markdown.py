"""Markdown output: the blackline as Markdown with inline ``<ins>`` / ``<del>``.

``**`` and ``~~`` would collide with the bold labels and with text that
contains them; the HTML tags pass through every CommonMark renderer and keep
the meaning.  The summary comes first, as a list.
"""

from __future__ import annotations

import re

from .edits import BACK, FRONT, Entry, Redline, separator
from .summary import summary_rows
from .words import DELETE, INSERT, Segment


def write_markdown(redline: Redline) -> str:
    title = f"Blackline of {redline.new_name} against {redline.old_name}"
    out = [f"# {_escape(title)}", "Changes: <ins>inserted</ins>, <del>deleted</del>."]
    rows = summary_rows(redline)
    out.append("\n".join(f"- {_escape(r.text)}" for r in rows) or "No changes.")
    out.append("---")
    out += [_paragraph(e) for e in redline.entries]
    return "\n\n".join(out) + "\n"


def _paragraph(entry: Entry) -> str:
    matter = entry.part in (FRONT, BACK)
    done: list[Segment] = []
    html: list[str] = []
    for segs, bold in ((entry.label, True), (entry.heading, True), (entry.text, False)):
        if not segs:
            continue
        if done:
            html.append(_segment(separator(done, segs), matter))
        inner = "".join(_segment(s, matter) for s in segs)
        html.append(f"**{inner}**" if bold and inner.strip() else inner)
        done += segs
    text = "".join(html)
    # Indented matter lines would read as code blocks: layout is not kept in Markdown.
    return re.sub(r"(^|\n)[ \t]+", r"\1", text) if matter else text


def _segment(seg: Segment, matter: bool) -> str:
    text = _escape(seg.text)
    text = text.replace("\n", "  \n") if matter else " ".join(text.split("\n"))
    if seg.op == INSERT:
        return f"<ins>{text}</ins>"
    if seg.op == DELETE:
        return f"<del>{text}</del>"
    return text


def _escape(text: str) -> str:
    for ch in "\\*_[]#<>":
        text = text.replace(ch, "\\" + ch)
    return text
