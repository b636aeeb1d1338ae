"""Lay out a rendered draft as EDGAR-style text: paragraphs wrapped, quotations indented.

Templates write each paragraph on one line and leave the wrapping here, so a
form reads like the amendment it produces.  The rules are few and fixed:

- blocks are separated by blank lines;
- a block whose lines all fit the width is kept as written (titles, signatures);
- any other block is re-wrapped; its first line keeps its indentation, and the
  lines after it are indented by 8 in quoted text (a first line that opens the
  quotation, or a later paragraph of it, indented 16), else not at all;
- a line never starts with a bare label ("(ii)", "b.", "9."), which a reader
  could take for the start of a new item or provision: the word before it
  goes down with it.
"""

from __future__ import annotations

import re

from ..lazy_re import lazy_re

WIDTH = 78
QUOTE_INDENT = 8
_LABEL = lazy_re(r"^(?:\d{1,3}\.|\([a-z0-9]{1,5}\)|[a-z]{1,4}\.)$")


def layout(text: str, width: int = WIDTH) -> str:
    blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    out = []
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if all(len(line) <= width for line in lines):
            out.append("\n".join(lines))
            continue
        first = len(lines[0]) - len(lines[0].lstrip())
        quoted = lines[0].lstrip().startswith('"') or first >= 2 * QUOTE_INDENT
        rest = QUOTE_INDENT if quoted else 0
        out.append("\n".join(wrap(" ".join(block.split()), first, rest, width)))
    return "\n\n".join(out) + "\n"


def wrap(text: str, first: int, rest: int, width: int = WIDTH) -> list[str]:
    """Greedy wrap that never starts a line with a bare label: the word before it comes too."""
    lines: list[str] = []
    words: list[str] = []
    indent, size = first, first - 1
    for word in text.split():
        if words and size + 1 + len(word) > width:
            carried = [words.pop()] if _LABEL.match(word) and len(words) > 1 else []
            lines.append(" " * indent + " ".join(words))
            words, indent = carried, rest
            size = rest + sum(len(w) + 1 for w in carried) - 1
        words.append(word)
        size += 1 + len(word)
    lines.append(" " * indent + " ".join(words))
    return lines


def center(text: str, width: int = WIDTH, measure: int = 60) -> str:
    """A title: wrapped to ``measure`` and each line centred in ``width``."""
    lines = wrap(" ".join(text.split()), 0, 0, measure)
    return "\n".join(line.center(width).rstrip() for line in lines)


def join_and(items: list[str], last: str = "and") -> str:
    """ "5(a), (b) and (c)": a list as drafters write it, without the serial comma."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def quote(body: str, label: str = "", indent: int = QUOTE_INDENT) -> str:
    """New text in quotation marks: its label first, later paragraphs indented further."""
    paras = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", body) if p.strip()]
    if not paras:
        return ""
    head = f"{label} {paras[0]}" if label else paras[0]
    lines = [" " * indent + '"' + head] + [" " * (2 * indent) + p for p in paras[1:]]
    lines[-1] += '"'
    return "\n\n".join(lines)
