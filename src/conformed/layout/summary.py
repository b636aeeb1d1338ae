"""A lease's Basic Lease Information: numbered items under their own title, before the
lease's Articles ("BASIC LEASE INFORMATION" / "1. Date: ..." ... "16. Parking: ..." /
"ARTICLE 1").

The items are read as provisions, but they are the summary's, not the lease's Sections 1
to 16: an amendment cites them as "Item 6 of the Basic Lease Information", and "Section
1.4" of the lease must never be looked for under the summary's item 1.  So the run of
items that follows the title, numbered 1, 2, 3 ... without a break, becomes the children
of the title, a part of its own (kind "summary") that citations of the lease do not pass
through.
"""

from __future__ import annotations

from ..document import Provision
from ..lazy_re import lazy_re
from .convention import CONVENTION

# The titles leases give the summary before their Articles (the drafting convention's)
_SUMMARY = lazy_re("^" + CONVENTION.summary_title())


def is_summary_title(text: str) -> bool:
    """ "BASIC LEASE PROVISIONS", "Summary of Basic Terms": the title of a lease's summary."""
    return _SUMMARY.match(" ".join(text.split())) is not None


def nest_summary(body: tuple[Provision, ...], front: tuple[str, ...] = ()) -> tuple[Provision, ...]:
    """The body with its summary's numbered items under the summary's title; as it was
    where there is no such title, or fewer than two items numbered from 1 follow it.  The
    title may be the front matter's (the body beginning at the summary's item 1, with the
    title and an introductory paragraph before it): the items are then nested under a part
    with no words of its own, the title staying where it was printed."""
    titled = [line.strip() for line in front if line.strip()][-3:]
    if body and any(_SUMMARY.match(line) and line.isupper() for line in titled):
        j = 0
        while j < len(body) and _continues(body[j], j + 1):
            j += 1
        if j >= 2:
            return (Provision(label=None, kind="summary", children=body[:j]), *body[j:])
    for i, node in enumerate(body):
        if node.kind != "heading" or node.children or not _SUMMARY.match(node.heading.strip()):
            continue
        j = i + 1
        while j < len(body) and _continues(body[j], j - i):
            j += 1
        if j - i - 1 < 2:
            return body
        return (*body[:i], node.evolve(kind="summary", children=body[i + 1 : j]), *body[j:])
    return body


def _continues(node: Provision, value: int) -> bool:
    """The summary's next item: "1.", "2.", ... in turn, never an Article."""
    label = node.label
    return node.kind == "" and label is not None and label.value == value and not label.prefix
