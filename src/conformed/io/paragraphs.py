"""Paragraphs as the text reader's lines: the meeting point of the Word and Markdown readers.

Both readers turn their format into paragraphs of text lines -- one line per
paragraph unless it has line breaks, a blank line between paragraphs,
indentation in columns, list numbers written out -- and hand the result to
``read_text_document``.  One tree builder for every format keeps the trees
equal: a base read from .docx or .md gives what its text twin gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from ..document import Provision
from ..layout.heads import Group, head_string, standalone_heading
from ..layout.lines import LEAD
from ..lazy_re import lazy_re

UNWRAPPED = 100_000  # a paragraph read from Word or Markdown prints as one line in text output


@dataclass
class Block:
    """One paragraph or table row as text lines, and the element it came from."""

    lines: list[str]
    element: Any = None
    label: str = ""  # the number a list draws before the text, if any
    heading: bool = False  # a heading (style or Markdown heading)


def blocks_text(blocks: list[Block]) -> str:
    return "\n\n".join("\n".join(b.lines) for b in blocks)


def heading_labels(blocks: list[Block]) -> list[Block]:
    """An unnumbered heading paragraph over a numbered one heads that provision:
    "Termination" / "5. The Company may ..." reads as "5. Termination" and its text."""
    out: list[Block] = []
    seen_label = False
    i = 0
    while i < len(blocks):
        block, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
        first = block.lines[0].strip()
        lead = LEAD.match(nxt.lines[0].strip()) if nxt else None
        if (
            nxt is not None
            and lead
            and seen_label
            and block.heading
            and len(block.lines) == 1
            and not LEAD.match(first)
            and standalone_heading(first)
        ):
            indent = nxt.lines[0][: len(nxt.lines[0]) - len(nxt.lines[0].lstrip())]
            rest = nxt.lines[0].strip()[lead.end() :].lstrip()
            head = Block([f"{indent}{lead.group(0)} {first}"], block.element, heading=True)
            out.append(head)
            if rest or len(nxt.lines) > 1:
                out.append(Block([indent + rest, *nxt.lines[1:]], nxt.element, nxt.label))
            i += 2
            continue
        seen_label = seen_label or bool(LEAD.match(first))
        out.append(block)
        i += 1
    return out


# --- the writers' side: a group's paragraphs as runs ---------------------------
# Word and Markdown print a label as its own run (Word may leave it to list
# numbering) and the heading bold; joined, the runs are ``group.printed``.

LABEL, HEADING, TEXT = "label", "heading", "text"
BARE_LABEL = lazy_re(r"(?:\([A-Za-z0-9]{1,6}\))+")


class Run(NamedTuple):
    text: str
    kind: str = TEXT


def group_runs(group: Group) -> list[list[Run]]:
    """The group's paragraphs as runs; joined, they are ``group.printed``."""
    if group.trailing:
        return [[Run(t)] for t in group.leader.trailing.split("\n\n")]
    out: list[list[Run]] = []
    for member in group.members:
        paras = _member_runs(member)
        if not paras:
            continue
        if not out:
            out = paras
            continue
        printed = "\n\n".join("".join(r.text for r in para) for para in out)
        tight = BARE_LABEL.fullmatch(printed.rsplit(" ", 1)[-1]) and head_string(member).startswith(
            "("
        )
        out[-1] += ([] if tight else [Run(" ")]) + paras[0]
        out += paras[1:]
    return out


def _member_runs(p: Provision) -> list[list[Run]]:
    head: list[Run] = []
    for text, kind in ((p.label_text, LABEL), (p.heading, HEADING)):
        if text:
            head += [Run(" "), Run(text, kind)] if head else [Run(text, kind)]
    texts = p.text.split("\n\n") if p.text else []
    if p.heading and p.heading[-1] not in ".:" and texts:  # a heading on its own line
        return [head] + [[Run(t)] for t in texts]
    if texts:
        head += [Run(" "), Run(texts[0])] if head else [Run(texts[0])]
        return [head] + [[Run(t)] for t in texts[1:]]
    return [head] if head else []
