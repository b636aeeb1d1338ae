"""How the gerund edits of one clause combine, before each becomes a ``Change``.

"deleting X and inserting Y in lieu thereof" is one replacement, not a deletion and an
insertion; "replacing the term "X" with "Y"" renames words, not a definition; "... and
the remainder of Section 5 is renumbered accordingly" renumbers what follows a deletion.
Kept apart from the clauses transformer (clauses.py), which ties edits to subjects.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..change import REMAINDER_OF, Change, Payload, Selector
from ..lazy_re import lazy_re
from .parts import Edit


def renumbered_after(deleted: Selector, within: str) -> Change:
    """ "... and the remainder of Section 5 is renumbered accordingly": the provisions after
    the deleted one, in what the drafter named (``within``) or else its own parent."""
    return Change(
        "renumber", deleted, position=f"{REMAINDER_OF}{within}" if within else "",
        new_label="accordingly",
    )  # fmt: skip


def merged(edits: tuple[Edit, ...]) -> list[Edit]:
    """ "deleting X and inserting [in lieu thereof] Y": an insertion with no place of its
    own, right after a deletion, takes the deleted thing's place -- one replacement."""
    out: list[Edit] = []
    for e in edits:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.verb == "delete" and e.verb == "insert"
            and (e.new is None or (prev.obj is not None and e.new.labels == prev.obj.labels))
            and (not e.position or e.position in ("in", "in lieu"))
        ):  # fmt: skip
            out[-1] = Edit("replace", prev.obj, e.payload, every=prev.every or e.every)
            continue
        if (
            prev is not None and prev.verb == "delete" and e.verb == "replace"
            and e.payload.kind in ("text", "attachment") and e.obj is not None
            and (e.obj.printed == "thereof" or (prev.obj is not None and e.obj == prev.obj))
        ):  # fmt: skip
            # "deleting such provision in its entirety and replacing such provision with
            # the following:", "deleting Schedule 4 and replacing it with the new Schedule 4
            # annexed hereto": the same thing, deleted and replaced -- one replacement
            out[-1] = Edit("replace", prev.obj, e.payload)
            continue
        out.append(e)
    return out


def or_replacing(changes: list[Change]) -> list[Change]:
    """New definitions that each replace any definition of the same term."""
    return [replace(c, or_replace=True) for c in changes]


def term_renamed(obj: Selector, verb: str, payload: Payload) -> bool:
    """A term replaced by quoted words that define nothing: the term's words, renamed
    ('replacing the term "Expiry" with "Expiration"', 'The term "Depot" is deleted and
    replaced with "Terminal"'); a bare word is never a definition's new text."""
    return (
        obj.kind == "definition"
        and verb == "replace"
        and payload.kind == "quoted"
        and len(obj.terms) == 1
        and _DEFINES.search(payload.text) is None
    )


def term_words(obj: Selector) -> Selector:
    """The words of a term named as a definition ('the term "Expiry"'), in the place the
    definition's selector names; everything else it carries (instrument, qualifiers) kept."""
    term = obj.terms[0]
    printed = f'"{term}" of {obj.scope}' if obj.scope else f'"{term}"'
    return replace(obj, kind="words", printed=printed, words=(term,), terms=())


_DEFINES = lazy_re(r"\b(?:means?|shall\s+mean|shall\s+have|has\s+the\s+meaning)\b", re.I)
