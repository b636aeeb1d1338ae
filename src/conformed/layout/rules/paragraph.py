"""Everything else: a paragraph of the provision that owns it, or a line that continues one."""

from __future__ import annotations

from ..state import HARD, State


def paragraph(state: State, i: int) -> int:
    line = state.lines[i]
    if state.strength(i) == HARD or state.tree.sink is None:
        state.tree.paragraph(line)
    else:
        state.tree.continue_line(line)
    return i + 1
