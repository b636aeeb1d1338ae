"""Sentences that say something of a provision, a term or a named value.

"Section 2 of the Agreement shall be of no further force or effect.", '"Crate" means a case
of twelve bottles.', "The Crate Price shall be fifty dollars ($50).": none uses a verb that
amends, yet each changes the agreement.  The layout asks this before it leaves a paragraph
out of every item, and the grammar before it sets a sentence aside as freestanding, so that
such a change is never lost from the report (where its words are not read, the item fails).
"""

from __future__ import annotations

import re

from ..lazy_re import lazy_re
from .convention import CONVENTION

# A sentence whose subject is a provision ("Section 2 of the Agreement shall be of no further
# force or effect.", "Clause 4 is rendered void."), that defines a term ('"Crate" means a case
# of twelve.', 'The definition of "Crate" shall mean ...') or gives a named term its value
# ("The Purchase Price shall be fifty dollars ($50).", "The Maturity Date is March 31, 2027."):
# it changes the agreement, in words the grammar may not know, and is never set aside as
# freestanding (the change would vanish from the report)
_PART_SUBJECT = lazy_re(
    rf"(?i)^(?:the\s+provisions?\s+of\s+)?{CONVENTION.unit_pattern(plural=True)}\s*[\w(]"
    r"[^.;:]{0,200}?\b(?:is|are|shall|will)\b"
)
_STAYS = lazy_re(
    r"\s+(?:hereby\s+)?(?:(?:survive|remain|continue)s?\b|(?:not\s+(?:be\s+)?)?"
    r"(?:affected|unaffected|unchanged|unmodified)\b)"
)
# the amendment's own attachment ("Exhibit A attached hereto is incorporated herein by
# reference"): no provision of the agreement
_ITS_OWN = lazy_re(
    r"\b(?:attached|annexed|appended)\s+(?:hereto|to\s+this)|\bhereto\b", re.IGNORECASE
)
_A_LAW = lazy_re(r"\b(?:Law|Code|Act|Regulations?|Rules|Statutes?|U\.\s?S\.\s?C)\b")
_TERM_SUBJECT_DEFINED = lazy_re(
    r"^(?:the\s+(?:term|definition\s+of(?:\s+the\s+term)?)\s+)?[\"\u201c][^\"\u201d]{1,80}[\"\u201d]"
    r"\s+(?:(?:shall|will)\s+)?(?:means?|include|includes|is\s+defined|(?:shall\s+)?have\s+the\s+meaning)\b",
    re.IGNORECASE,
)
# A named term given its value after a caption's colon, as a summary of terms prints it
# ("Crate Price: fifty dollars ($50).", "Expiration Date: June 30, 2031."): never a quotation
_CAPTION_VALUED = lazy_re(
    r"^(?:[A-Z][\w'\-]*\s+){0,5}[A-Z][\w'\-]*\s*:\s+(?:\$\s?\d|(?:[a-z\-]+\s+){1,4}\(\$\s?\d"
    r"|\d[\d,.]*\s?(?:%|percent)|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{1,2},\s+\d{4})"
)
# A part of the agreement named by its title ("The Pricing Schedule shall no longer apply.",
# "The Parking Addendum is terminated."), said to be something it was not
_TITLED_PART = lazy_re(
    r"^[Tt]he\s+(?:[A-Z][\w'\-]*\s+){1,4}(?:Schedule|Exhibit|Annex|Appendix|Addendum|Rider)s?"
    r"\s+(?:(?:of|to)\s+the\s+(?:[A-Z][\w'\-]*\s+){0,3}[A-Z][\w'\-]*\s+)?(?:is|are|shall|will)\b"
)
_TERM_VALUED = lazy_re(
    r"^[Tt]he\s+(?:[A-Z][\w'\-]*\s+){1,5}(?:shall\s+be|will\s+be|is|are)\s+(?:hereby\s+)?(?:changed\s+to\s+)?"
    r"(?:[a-z\-]+\s+){0,4}\(?(?:\$\s?\d|\d[\d,.]*\s?(?:%|percent)|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{1,2},\s+\d{4})"
)


# a phrase before the subject, closed by its comma ("In addition, ", "Further, ", "With
# effect from June 1, 2025, "): never a quotation's words
_OPENING = lazy_re(r"[A-Z](?:[^,.;:\"\u201c]|,\s+(?=\d{4}\b)){0,70}?,\s+(?!\d{4}\b)")


def says_of(sentence: str) -> bool:
    """Does the sentence say something of a provision, a term or a named value?"""
    opening = _OPENING.match(sentence)
    if opening is not None and _THIS_AMENDMENT.search(opening.group(0)):
        opening = None  # 'As used herein, "Amendment Date" means ...': the amendment's own term
    return _said_of(sentence) or (opening is not None and _said_of(sentence[opening.end() :]))


_THIS_AMENDMENT = lazy_re(r"\b(?:herein|hereunder|hereby|in\s+this\s+Amendment)\b", re.IGNORECASE)


def _said_of(sentence: str) -> bool:
    return bool(
        part_said_of(sentence)
        or _TERM_SUBJECT_DEFINED.match(sentence)
        or _TERM_VALUED.match(sentence)
        or _CAPTION_VALUED.match(sentence)
    )


def part_said_of(sentence: str) -> bool:
    """Is the sentence's subject a provision, said to be something it was not?"""
    part = _PART_SUBJECT.match(sentence) or _TITLED_PART.match(sentence)
    # "Section 5-1401 of the General Obligations Law shall apply": a statute's; "Exhibit A
    # attached hereto is ...": the amendment's own; "Articles VIII and IX shall survive ...",
    # "Section 4 is not affected hereby": the provision stays as it reads
    return part is not None and not (
        _A_LAW.search(part.group(0))
        or _ITS_OWN.search(part.group(0))
        or _STAYS.match(sentence, part.end())
    )


def says_of_any(text: str) -> bool:
    """Does a sentence of ``text`` say something of a provision, a term or a named value?"""
    from ..sentences import split_sentences  # it reads the convention this package holds

    return any(says_of(sentence) for sentence in split_sentences(text))
