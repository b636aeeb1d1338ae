"""Enumerated provisions: ``(a)``, ``a.``, ``(i)``, ``i.``, ``(A)``, ``(1)``, ``1.``, ``b)``.

Whether ``(i)`` is a letter or a roman numeral is decided by the sequence it
continues (the tree); a label that continues nothing is text, so "(3) years"
at the start of a wrapped line stays where it is.
"""

from __future__ import annotations

from ..state import State
from .labelled import open_if_accepted


def enumeration(state: State, i: int) -> int | None:
    return open_if_accepted(state, i)
