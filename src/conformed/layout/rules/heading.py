"""Headings printed on their own line with no number: structure, never text.

A caption over a numbered paragraph that has none of its own ("Termination" /
"5. The Company may ...") is that provision's heading, as Word and Markdown
print it.  A heading in capitals over a numbered paragraph that has its own
caption ("NEGATIVE COVENANTS" / "7.1 Liens. ...") is a node of its own beside
the provisions, so that restating the provision before it cannot delete it.
"""

from __future__ import annotations

from ...definitions import definition_term
from ..heads import split_heading
from ..lines import LEAD
from ..state import HARD, State
from .article_heading import is_title


def heading(state: State, i: int) -> int | None:
    line = state.lines[i]
    if state.strength(i) != HARD:
        return None
    text = line.text
    if text[-1:] in ".;," or LEAD.match(text) or definition_term(text) or not is_title(text):
        return None
    j = state.next_paragraph(i)
    if j < len(state.lines) and state.lines[j].brk == "none":
        return None  # the line runs on: a short first line of a paragraph
    if j >= len(state.lines):
        return None
    nxt = state.lines[j]
    strength = state.strength(j)
    if not strength or not state.tree.accepts(nxt.text, strength):
        return None
    raw = [state.lines[k].raw for k in range(i, j)]
    if _own_caption(nxt.text):
        if not text.isupper():
            return None
        state.tree.open_heading(line, text, raw)
        return i + 1 + (len(raw) - 1)
    gap = [""] if nxt.brk == HARD else []
    state.tree.open_labels(nxt, strength, heading_lines=(*raw, *gap), heading=text)
    return j + 1


def _own_caption(text: str) -> bool:
    """Does the labelled paragraph print a caption after its label ("7.1 Liens. ...")?"""
    rest = text
    while m := LEAD.match(rest):
        rest = rest[m.end() :].lstrip()
    caption, _ = split_heading(rest)
    return bool(caption)
