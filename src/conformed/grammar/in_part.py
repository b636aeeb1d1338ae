"""Sub-items of a heading item that amends a part other than the agreement's body.

"Schedule C is hereby amended as follows: (a) Section 4.2.1 is amended by ...": that
Section 4.2.1 is the schedule's, never the agreement's own Section 4.2.1, which may well
exist too.  The same holds under "The Pledge Agreement is hereby amended as follows:"
and for the items an attachment lists ("amended as set forth in Attachment A").  Such a
sub-item is understood, its target names the part, and it is refused when applied.
"""

from __future__ import annotations

import re

from ..change import Selector
from ..errors import InstructionParseError
from ..layout.convention import ATTACHMENT, CONVENTION
from ..layout.items import Item
from ..layout.listed import LISTED_IN
from ..lazy_re import lazy_re
from ..operations import InPart, NoTextChange, Operation, describe
from .parser import names_the_agreement

# A heading item that may amend a part other than the agreement's body: an attachment, or an
# instrument named by its own name.  (Checked first: the grammar's reading costs more.)
_PART_NAMED = lazy_re(
    rf"\b{CONVENTION.attachment_unit}\s+[A-Z0-9]"
    r"|\b[A-Z][\w\-']*\s+(?:Agreement|Plan|Lease|Indenture|Guaranty|Guarantee|Note|Annex)\b"
)

# A heading alone over sub-items that names what they amend: "Amendments to Section 1.1 of
# the Security Agreement.", "Modifications to Schedule 2 to the Pledge Agreement:"
_HEADING_NAMES = lazy_re(r"(?:[A-Z][\w\-]*\s+){1,3}(?:to|of|in)\s+(?P<cite>[A-Z].{2,150}?)\s*[.:]?")


def in_part(op: Operation, ancestors: tuple[Item, ...], agreement: str) -> Operation:
    """A sub-item of "Schedule C is hereby amended as follows:" amends Schedule C: its
    "Section 4.2.1" is the schedule's, never the agreement's own Section 4.2.1."""
    if isinstance(op, NoTextChange) or not ancestors:
        return op
    part = _part_amended(ancestors, agreement)
    if part is None:
        return op
    targets = [entry["target"].lower() for entry in describe(op)]
    if all(part.lower() in target for target in targets):
        return op  # it names the part itself ("Schedule C is amended by adding ...")
    return InPart(op, part)


def _part_amended(ancestors: tuple[Item, ...], agreement: str) -> str | None:
    """What the nearest heading item amends, when that is not the agreement's body."""
    from .instruction import umbrella_subject

    for ancestor in reversed(ancestors):
        if not _PART_NAMED.search(ancestor.instruction):
            continue
        subject = umbrella_subject(ancestor.instruction)
        heading = _HEADING_NAMES.fullmatch(ancestor.instruction.strip())
        if subject is None and heading is not None:
            # "Modifications to Section 1.1 of the Security Agreement.": the umbrella sentence
            # the heading says in short ("... is hereby amended as follows:")
            subject = umbrella_subject(f"{heading['cite']} is hereby amended as follows:")
        listed = LISTED_IN.search(ancestor.instruction)
        if subject is None and listed is not None:
            # "Schedule C is amended as set forth in Attachment A": the attachment's items
            subject = _listed_subject(ancestor.instruction[: listed.end()] + ".")
            if subject is None:
                return f"what {listed.group('name')} amends"
        if subject is None:
            continue
        named = [d for d in subject.documents if d]
        if agreement and named and not names_the_agreement(named[-1], agreement):
            other = f"the {named[-1]}"  # another instrument: "Annex I to the Security Agreement"
            return other if subject.kind == "document" else f"{subject.printed} of {other}"
        if subject.kind == "attachment" and not subject.scope:
            return subject.printed
        return subject.scope if _ATTACHMENT.match(subject.scope) else None
    return None


def _listed_subject(sentence: str) -> Selector | None:
    """What "... is hereby amended as set forth in Attachment A" amends."""
    from .instruction import parse_changes

    try:
        found = parse_changes(sentence)
    except InstructionParseError:
        return None
    return next((c.selector for c in found if c.verb == "describe"), None)


_ATTACHMENT = lazy_re(rf"{CONVENTION.unit_pattern(ATTACHMENT)}\s+\S+$", re.I)
