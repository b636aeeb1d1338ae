"""Underlining: a line of dashes under a heading, as EDGAR text renders it.  No words."""

from __future__ import annotations

from ..state import State


def underline(state: State, i: int) -> int | None:
    line = state.lines[i]
    if line.brk != "rule":
        return None
    state.tree.raw_line(line)
    return i + 1
