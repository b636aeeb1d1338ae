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

import re

from ..document import Provision

# The titles leases give the summary before their Articles
_SUMMARY = re.compile(
    r"(?i)^(?:summary\s+of\s+)?(?:the\s+)?basic\s+(?:lease\s+)?(?:information|provisions|terms)"
    r"|^(?:lease\s+summary|reference\s+(?:pages|provisions|data))\b"
)


def nest_summary(body: tuple[Provision, ...]) -> tuple[Provision, ...]:
    """The body with its summary's numbered items under the summary's title; as it was
    where there is no such title, or fewer than two items numbered from 1 follow it."""
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
