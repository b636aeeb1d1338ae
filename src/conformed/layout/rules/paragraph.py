"""Everything else: a paragraph of the provision that owns it, or a line that continues one."""

from __future__ import annotations

from ..lines import LEAD
from ..state import HARD, State


def paragraph(state: State, i: int) -> int:
    line = state.lines[i]
    if state.strength(i) == HARD or state.tree.sink is None:
        state.tree.paragraph(line, keep=_list_goes_on(state, i))
    else:
        state.tree.continue_line(line)
    return i + 1


def _list_goes_on(state: State, i: int) -> bool:
    """A paragraph printed flush left between "2.2.1.2" and "2.2.1.3" is 2.2.1.2's own,
    however little it is indented: the next labelled paragraph continues the open list."""
    for j in range(i + 1, min(len(state.lines), i + 60)):
        strength = state.strength(j)
        if strength and LEAD.match(state.lines[j].text):
            return state.tree.continues_here(state.lines[j].text, strength)
    return False
