"""The edits of one item, tied together before they meet the item's subject.

"... by inserting the following new clause (c) and relettering the existing clauses (c)
and (d) as clauses (d) and (e): «TEXT»": the block printed after the last edit is the new
text of the one edit that announced it, and the clauses that make room move before the
new one goes in, whatever order the sentence gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..change import Change, Payload
from ..lazy_re import lazy_re
from .parts import Edit

_GIVES_TEXT = ("insert", "replace")


@dataclass(frozen=True)
class LateText:
    """The block of new text printed after all of an item's edits."""

    payload: Payload


def tied(edits: tuple[Edit, ...], late: LateText | None) -> tuple[Edit, ...]:
    """The edits, the late block given to its edit (the order they can be made in is
    ``make_room``'s to settle, on the changes)."""
    if late is None:
        return edits
    # the new text printed after the last edit belongs to the one edit that announced
    # new text and has none; any other count is no reading
    waiting = [k for k, e in enumerate(edits) if e.verb in _GIVES_TEXT and e.payload.kind == "none"]
    if len(waiting) != 1:
        raise ValueError(
            "the new text printed after the edits belongs to none of them, or to several"
        )
    k = waiting[0]
    return (*edits[:k], replace(edits[k], payload=late.payload), *edits[k + 1 :])


def make_room(changes: list[Change]) -> list[Change]:
    """Existing provisions renumbered to make room for new ones are renumbered first,
    whatever order the item names them in: "inserting the following new Section 8
    immediately after Section 7, and the existing Sections 8 through 11 are renumbered as
    Sections 9 through 12"; "inserting a new clause (c) and relettering the existing clauses
    (c) and (d)"; "inserting the words ", and (v) rent" immediately after ... and relettering
    the existing clause (v) as clause (vi)" (done on the changes, once long quotations are
    back)."""
    out = list(changes)
    for c in changes:
        if c.verb != "renumber" or not c.selector.labels:
            continue
        moved = {end for label in c.selector.labels for end in _RANGE.split(label)}
        for j in range(out.index(c)):
            e = out[j]
            if e.verb != "insert":
                continue
            if e.words_edit:
                clash = any(label.startswith("(") and label in e.payload.text for label in moved)
            else:
                clash = bool(moved & set(e.selector.labels))
            if clash:
                out.remove(c)
                out.insert(j, c)
                break
    return out


_RANGE = lazy_re(r"\s+(?:through|to)\s+")
