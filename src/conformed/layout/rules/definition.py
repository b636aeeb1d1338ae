"""Definitions: ``"Term" means ...``, ``Term - text.``: addressable paragraphs of a section."""

from __future__ import annotations

from ...definitions import definition_term
from ..state import HARD, State


def definition(state: State, i: int) -> int | None:
    line = state.lines[i]
    if state.strength(i) != HARD or not definition_term(line.text):
        return None
    return i + 1 if state.tree.start_definition(line) else None
