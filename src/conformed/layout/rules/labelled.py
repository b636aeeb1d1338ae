"""A paragraph that starts with labels the numbering accepts: shared by the label rules."""

from __future__ import annotations

from ..state import State


def open_if_accepted(state: State, i: int) -> int | None:
    strength = state.strength(i)
    line = state.lines[i]
    if not strength or not state.tree.accepts(line.text, strength):
        return None
    return i + 1 if state.tree.open_labels(line, strength) else None
