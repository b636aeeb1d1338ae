"""Sections printed with a unit word or a decimal number.

``Section 2.5``, ``SECTION 2.01.``, ``Sec. 3``, ``§ 4``, ``Part 1.``, and
``2.5 Fees.`` under ``ARTICLE 2``: the unit word is the convention's; whether
the label opens a provision is the tree's sequence rule.
"""

from __future__ import annotations

from ...lazy_re import lazy_re
from ..convention import CONVENTION
from ..state import State
from .labelled import open_if_accepted

_SECTION = lazy_re(rf"^(?:{CONVENTION.lead_unit}\S|\d+\.\d)")


def section_heading(state: State, i: int) -> int | None:
    if not _SECTION.match(state.lines[i].text):
        return None
    return open_if_accepted(state, i)
