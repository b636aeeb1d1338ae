"""Which instrument an item amends, where the amendment cannot say.

An amendment that gives its agreement a short name (`(the "Agreement")`) lets the
grammar tell "Section 2 of the Pledge Agreement" from the agreement conformed.  One
that gives none cannot; then the agreement's own title and opening decide: an
instrument they never name is another one, and its provisions are not this
agreement's.  The instruments are named by the item ("Section 5.2 of the Pledge
Agreement") or by the heading item over it ("The Pledge Agreement is hereby amended
as follows:").
"""

from __future__ import annotations

import re

from ..document import Document
from ..layout.convention import NAME_QUALIFIERS, SHORT_NAME, TITLE_LINE, initials
from ..lazy_re import lazy_re


def instruments_named(instruction: str) -> list[str]:
    """The instruments an instruction cites a provision of by a name of their own ("Section
    5.2 of the Pledge Agreement"); never a name inside quoted words."""
    return _INSTRUMENT.findall(re.sub(r'"[^"]*"|\u201c[^\u201d]*\u201d', '""', instruction))


# The nouns an instrument's name ends in ("the Pledge Agreement", "the Ground Lease").
_NOUN = r"(?:Agreement|Lease|Plan|Indenture|Guaranty|Guarantee|Note|Contract|Mortgage|Deed)"
# ... or a short name in capitals ("Section 4 of the SPA")
_INSTRUMENT = lazy_re(
    r"\b(?:Sections?|Articles?|Paragraphs?|Clauses?|Exhibits?|Schedules?|Annex|Part)\s+"
    r"[\w.()\-]+\s+(?:of|to|in|under)\s+(?:the|such|said)\s+((?:[A-Z][\w\-']*\s+){1,5}"
    rf"{_NOUN}|{SHORT_NAME}(?![\w-]))"
)


def heading_instruments(headings: list[str]) -> list[str]:
    """The instruments heading items amend by name ("The Pledge Agreement is hereby amended
    as follows:"): their sub-items' provisions are that instrument's."""
    return [m.group(1) for h in headings if (m := _AMENDED_AS_FOLLOWS.search(h))]


# (after any heading of the item's own: "Amendments to the Pledge Agreement. The Pledge ...")
_AMENDED_AS_FOLLOWS = lazy_re(
    r"\b(?:The|the)\s+((?:[A-Z][\w\-']*\s+){1,5}"
    rf"{_NOUN})\s+"
    r"(?:is|shall\s+be)\s+(?:hereby\s+)?(?:further\s+)?(?:amended|modified)"
    r"(?:\s+as\s+follows|,?\s+effective\b[^.:]{0,80}?,?\s+as\s+follows|\s+in\s+the\s+following\s+respects)"
)


def named_elsewhere(documents: list[str], front: frozenset[str]) -> str:
    """An instrument the item names that the agreement's front matter never names ("the
    Pledge Agreement" beside a HAULING AGREEMENT), or "".  Used where the amendment defines
    no short name for the agreement, so the grammar could not tell them apart."""
    if not front:  # the amendment names the agreement, or the agreement has no front matter
        return ""
    for name in documents:
        words = {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _NOT_A_NAME}
        if words and not words <= front:
            return name
    return ""


# Words of a name that do not tell instruments apart: its version, articles, joining words.
_NOT_A_NAME = NAME_QUALIFIERS | {"the", "this", "such", "of", "to", "for", "agreement"}


def front_words(doc: Document) -> frozenset[str]:
    """The words of the agreement's title and opening, lower-cased, and the initials of its
    title lines ("msa" for MASTER SERVICES AGREEMENT: "the MSA" names it)."""
    front = list(doc.front) or _title_headings(doc)
    words = re.findall(r"[a-z0-9]+", " ".join(front).lower())
    titles = (initials(line).lower() for line in front[:4] if TITLE_LINE.fullmatch(line.strip()))
    return frozenset(words).union(t for t in titles if len(t) > 1)


def _title_headings(doc: Document) -> list[str]:
    """An agreement read with no front matter, whose title is the unlabelled heading its
    body opens with ("SUPPLY AGREEMENT" over "1. Definitions."): that title is what it is
    called (without it, an item naming "the Pledge Agreement" could not be told apart)."""
    out: list[str] = []
    for node in doc.body[:2]:
        if node.label is not None or not node.heading:
            break
        if TITLE_LINE.fullmatch(node.heading.strip()):
            out.append(node.heading)
    return out
