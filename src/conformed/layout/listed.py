"""Changes listed in an attachment, read as the sub-items of the item that refers to it.

"Schedule C is hereby amended as set forth in Attachment A hereto": Attachment A,
printed after the signatures, lists the changes as items of its own ("The following
changes are hereby made to Schedule C: 1) Section 4.2.1 is amended by ...").  Read
as the referring item's sub-items, each change is parsed and reported under its
printed number and the attachment's name ("3.(a) of Attachment A"), and each amends
the part the referring item names (Schedule C), never the agreement's own provision
of that number (grammar/in_part.py).

Only "amended as set forth in" an attachment lists changes; "amended to read as set
forth in" or "amended and restated in the form of" an attachment replaces the part,
and an attachment with no instruction in it (the part as amended) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lazy_re import lazy_re
from ..sentences import split_sentences
from .convention import ATTACHMENT, CONVENTION
from .item import Item
from .items import read_items
from .payload import AMENDING
from .row_heads import with_row_heads

_ATTACHMENT = CONVENTION.unit_pattern(ATTACHMENT)  # Attachment, Annex, Schedule, Rider ...
LISTED_IN = lazy_re(
    r"\b(?:amended|modified|supplemented)\s+(?:as\s+)?(?:set\s+(?:forth|out)|described|provided"
    rf"|specified)\s+(?:in|on)\s+(?:the\s+)?(?P<name>{_ATTACHMENT}\s+(?:of\s+(?:Amendments|Changes|"
    r"Modifications)\b|[A-Z0-9][\w\-]*))",
    re.IGNORECASE,
)
_FIRST = lazy_re(r"(?m)^[ \t]*(?:1[.)]|\(1\)|\(a\)|\(i\)|A\.)[ \t]+\S")
_NEXT_ATTACHMENT = lazy_re(rf"(?m)^[ \t]*(?i:{_ATTACHMENT})[ \t]+[A-Z0-9][\w\-]*[ \t]*\.?[ \t]*$")


def with_listed_changes(
    items: tuple[Item, ...], text: str, end: int
) -> tuple[tuple[Item, ...], list[Exception]]:
    """``items`` with the changes each one's attachment lists (printed after ``end``, where
    the signatures begin) as its sub-items; and the problems met reading them."""
    problems: list[Exception] = []
    if end >= len(text) or LISTED_IN.search(text, 0, end) is None:
        return items, problems
    return tuple(_with_listed(item, text, end, problems) for item in items), problems


def _with_listed(item: Item, text: str, end: int, problems: list[Exception]) -> Item:
    if item.children:
        children = tuple(_with_listed(c, text, end, problems) for c in item.children)
        return replace(item, children=children)
    m = LISTED_IN.search(item.instruction)
    if m is None:
        return item
    span = _attachment(text, end, m.group("name"))
    if span is None:
        return item
    first = _FIRST.search(text, *span)
    if first is None or not AMENDING.search(text, first.start(), span[1]):
        return item  # the attachment prints the part as amended, not a list of changes
    lead = split_sentences(" ".join(text[span[0] : first.start()].split()))
    if any(AMENDING.search(s) and not s.rstrip().endswith(":") for s in lead):
        return item  # words before its first item amend too: never dropped from the report
    read = read_items(text, first.start(), span[1])
    name = " ".join(m.group("name").split())
    for problem in read.problems:
        if problem.item:
            problem.item = f"{problem.item} of {name}"
    problems.extend(read.problems)
    if not read.items:
        return item
    # the item's own words that amend beside its reference to the attachment are kept as an
    # item of their own (standalone), so that the report never loses them
    about = re.compile(rf"(?i)(?:each\s+(?:\w+\s+){{0,2}}of\s+)?(?:the\s+)?{re.escape(name)}\b")
    own = any(_own_change(s, about) for s in split_sentences(item.instruction))
    children = tuple(_of(c, name) for c in with_row_heads(read.items, text))
    return replace(item, children=children, standalone=own)


_CITES = lazy_re(rf"\b(?i:{CONVENTION.unit_pattern('section', 'article')})\s+[\dA-Z(]")


def _own_change(sentence: str, about: re.Pattern[str]) -> bool:
    """Does a sentence of the item that refers to an attachment of changes make a change of
    its own?  Its reference ("... is hereby amended as set forth in the Schedule of
    Amendments attached hereto") is the umbrella, and a sentence whose subject is the
    attachment ("Each numbered item of the Schedule of Amendments identifies the provision
    that is amended") speaks of it; but either may go on to change a provision it names ("...,
    and Section 3.1 of the Agreement is hereby deleted"), and that change is the item's own."""
    rest = LISTED_IN.sub(" ", sentence)
    if not AMENDING.search(rest):
        return False
    return (rest == sentence and about.match(sentence) is None) or _CITES.search(rest) is not None


def _of(item: Item, name: str) -> Item:
    """ "3.(a)" of Attachment A is item "3.(a) of Attachment A": the attachment numbers its
    changes afresh, and the amendment's own item 3 is another item."""
    children = tuple(_of(c, name) for c in item.children)
    return replace(item, number=f"{item.number} of {name}", children=children)


def _attachment(text: str, end: int, name: str) -> tuple[int, int] | None:
    """Where the attachment headed ``name`` is printed after the signatures: from its
    heading to the next attachment's heading, or to the end."""
    words = r"[ \t]+".join(re.escape(w) for w in name.split())
    m = re.compile(rf"(?im)^[ \t]*{words}[ \t]*\.?[ \t]*$").search(text, end)
    if m is None:
        return None
    nxt = _NEXT_ATTACHMENT.search(text, m.end())
    return m.end(), nxt.start() if nxt else len(text)
