"""The edits of one item, tied together before they meet the item's subject.

"... by inserting the following new clause (c) and relettering the existing clauses (c)
and (d) as clauses (d) and (e): «TEXT»": the block printed after the last edit is the new
text of the one edit that announced it, and the clauses that make room move before the
new one goes in, whatever order the sentence gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..change import Change, Payload
from .parts import Edit

_GIVES_TEXT = ("insert", "replace")


@dataclass(frozen=True)
class LateText:
    """The block of new text printed after all of an item's edits."""

    payload: Payload


def tied(edits: tuple[Edit, ...], late: LateText | None) -> tuple[Edit, ...]:
    """The edits in the order they can be made, the late block given to its edit."""
    found = _renumbered_first(edits)
    if late is None:
        return found
    # the new text printed after the last edit belongs to the one edit that announced
    # new text and has none; any other count is no reading
    waiting = [k for k, e in enumerate(found) if e.verb in _GIVES_TEXT and e.payload.kind == "none"]
    if len(waiting) != 1:
        raise ValueError(
            "the new text printed after the edits belongs to none of them, or to several"
        )
    k = waiting[0]
    return (*found[:k], replace(found[k], payload=late.payload), *found[k + 1 :])


def _renumbered_first(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """ "inserting a new clause (c) and relettering the existing clauses (c) and (d) as
    clauses (d) and (e)": the existing ones make room first, whatever the order said."""
    out = list(edits)
    for e in edits:
        if e.verb != "renumber" or e.obj is None:
            continue
        for j in range(out.index(e)):
            new = out[j].new
            if out[j].verb == "insert" and new is not None and set(new.labels) & set(e.obj.labels):
                out.remove(e)
                out.insert(j, e)
                break
    return tuple(out)


def words_make_room(changes: list[Change]) -> list[Change]:
    """ "inserting the words ", and (v) rent" immediately after ... and relettering the
    existing clause (v) as clause (vi)": the existing clause is relettered before the new
    words print its label again (done on the changes, once long quotations are back)."""
    out = list(changes)
    for c in changes:
        labels = [label for label in c.selector.labels if label.startswith("(")]
        if c.verb != "renumber" or not labels:
            continue
        for j in range(out.index(c)):
            words = out[j].payload.text if out[j].words_edit else ""
            if out[j].verb == "insert" and any(label in words for label in labels):
                out.remove(c)
                out.insert(j, c)
                break
    return out
