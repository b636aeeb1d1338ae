"""Where a new provision goes: after the sibling the item names, or where its label falls
among its siblings when the item names its parent or no place ("at the end thereof", "a new
Section 4.5 at the end of Section 4") or the order of the labels ("a new clause (k) in the
appropriate alphabetical order").  Any other place is refused, never guessed."""

from __future__ import annotations

import re

from ..change import Change
from ..citation import parse_citation
from ..document import Document
from ..errors import ConformedError, PayloadError
from ..lazy_re import lazy_re
from ..operations import InsertProvision, Position, Target
from .apply import apply_insert_provision
from .cited import side_of, target_of
from .context import Context


def insert_provision(doc: Document, c: Change, ctx: Context) -> Document:
    """ "adding a new subparagraph (f) immediately after subparagraph (e) thereof": the new
    provision after the sibling named, or where its label falls among its siblings when no
    place is named.  Any other place ("in the Agreement following ...") is refused."""
    if c.payload.kind != "text":
        raise PayloadError("the new provision's text is not in the item; nothing was applied")
    target = target_of(c)
    position = None
    scope = c.selector.scope
    # at the end of its parent, or "in the appropriate alphabetical order": where its label falls
    at_end = ("", "in", "in thereof", "at the end", f"in {scope}", f"at the end of {scope}",
              "in alphabetical order")  # fmt: skip
    # "added to the Agreement immediately after Section 2.2": "the Agreement" is this one (any
    # other instrument named there is kept, and the place refused)
    place = c.position
    for named in ("Agreement", *c.selector.documents):  # the instrument the item amends
        place = place.removeprefix(f"in {named} ")
    place = _after_sibling(place, target)
    if _in_parent(place, target):  # "a new Section 4.5 at the end of Section 4"
        place = ""
    if place not in at_end:  # at the end of its parent: where its label falls
        m = _AFTER.fullmatch(place)
        if m is None:
            raise PayloadError(
                f"understood as a new {target.printed} {place}, but conformed places a new "
                "provision only after or before a sibling it names; nothing was applied"
            )
        anchor = m.group("anchor")
        if anchor.startswith("(") and scope:  # "after subparagraph (e)" of Section 5
            anchor = f"{scope}{anchor}"
        position = Position(side_of(m), parse_citation(anchor))
    return apply_insert_provision(doc, InsertProvision(target, c.payload.text, position), ctx)


def _in_parent(place: str, target: Target) -> bool:
    """ "in Section 4" or "at the end of Section 4" for a new Section 4.5: its parent, where
    its label falls among its siblings."""
    m = re.fullmatch(r"(?:in|at the end of)\s+(?P<cite>(?:Section|Article)\s+[\w.()]+)", place)
    if m is None:
        return False
    try:
        return parse_citation(m["cite"]).keys == target.citation.parent_keys
    except ConformedError:
        return False


def _after_sibling(place: str, target: Target) -> str:
    """ "at the end of Section 6(f)" (or "in" it) for a new Section 6(g): after 6(f), its
    sibling (the new provision's own citation says it is not inside 6(f)); at the end of
    Section 6 for a new 6(g): where its label falls, "" (as "at the end thereof")."""
    anchor = place.removeprefix("at the end of ").removeprefix("in ")
    if anchor == place:
        return place
    keys = parse_citation(anchor).keys
    new = target.citation.keys
    if keys == new[:-1]:
        return ""  # "at the end of Section 7 the following new Section 7(a)": its parent
    same_parent = len(keys) == len(new) > 1 and keys[:-1] == new[:-1] and keys != new
    return f"after {anchor}" if same_parent else place


_AFTER = lazy_re(
    r"(?:immediately\s+)?(?P<side>after|following|before|preceding|prior\s+to)\s+"
    r"(?:(?:sub)?(?:sections?|paragraphs?|clauses?|subparagraphs?|subclauses?)\s+(?=\())?"
    r"(?P<anchor>(?:(?:Section|Clause|Paragraph|Article|Rule)\s+(?=\d))?[\w.]*(?:\([A-Za-z0-9]{1,5}\))*)",
    re.IGNORECASE,
)
