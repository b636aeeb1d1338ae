"""Filling a paragraph to a width: ``textwrap.wrap``'s lines, found a line at a time.

The text writer wraps every changed paragraph of a conformed copy, and textwrap steps
through a paragraph word by word in Python (most of the writer's time).  Here the
words' running widths are summed once and each line's end is found by bisection.  The
lines are textwrap's own for the options the writer uses -- tabs expanded, each white
space character made a space, no word broken (at a hyphen or otherwise), white space
dropped at the lines' edges (a chunk of other white space, "\xa0", too, as textwrap
drops it) -- and tests compare the two.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..lazy_re import lazy_re

# textwrap's white space: these six characters only ("\xa0" stays inside a word).
_SPACES = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r", " "))
_CHUNKS = lazy_re(r"( +)")


def fill_lines(text: str, width: int, initial_indent: str, subsequent_indent: str) -> list[str]:
    """``textwrap.wrap(text, width, initial_indent=..., subsequent_indent=...,
    break_long_words=False, break_on_hyphens=False)``."""
    if width <= 0:
        raise ValueError(f"invalid width {width!r} (must be > 0)")
    chunks = [c for c in _CHUNKS.split(text.expandtabs().translate(_SPACES)) if c]
    ends = [0, *accumulate(map(len, chunks))]  # ends[k]: the width of chunks[:k]
    lines: list[str] = []
    at, count = 0, len(chunks)
    while at < count:
        indent = subsequent_indent if lines else initial_indent
        room = width - len(indent)
        if lines and chunks[at].isspace():
            at += 1  # a line never starts with the space that ended the last one
            if at == count:
                break
        stop = bisect_right(ends, ends[at] + room, at) - 1  # the chunks that fit
        if stop <= at:
            stop = at + 1  # a word wider than the line: alone on its line, unbroken
        last = stop
        if chunks[last - 1].isspace():
            last -= 1  # nor ends with a space
        if last > at:
            lines.append(indent + "".join(chunks[at:last]))
        at = stop
    return lines
