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
from .convention import CONVENTION, MONTHS

# A sentence whose subject is a provision ("Section 2 of the Agreement shall be of no further
# force or effect.", "Clause 4 is rendered void."), that defines a term ('"Crate" means a case
# of twelve.', 'The definition of "Crate" shall mean ...') or gives a named term its value
# ("The Purchase Price shall be fifty dollars ($50).", "The Maturity Date is March 31, 2027."):
# it changes the agreement, in words the grammar may not know, and is never set aside as
# freestanding (the change would vanish from the report)
_PART = rf"{CONVENTION.unit_pattern(plural=True)}\s*[\w(][^.;:]{{0,200}}?"  # "Section 2 of the ..."
_PART_SUBJECT = lazy_re(
    r"(?i)^(?:the\s+provisions?\s+of\s+|the\s+(?:first|second|third|fourth|fifth|last|final)\s+"
    rf"(?:sentence|paragraph|proviso)\s+of\s+)?{_PART}\b(?:is|are|shall|will)\b"
)
# A provision said to read in new words ("Section 12 of the Agreement now provides: "..."",
# "Clause 4 shall henceforth read "..."")
_PART_READS = lazy_re(
    rf"(?i)^{_PART}\b(?:now|henceforth|hereafter)\s+(?:reads?|provides?|states?|says?)\b"
)
# A value: money, a percentage or a date
_VALUE = rf"(?:\$\s?\d|\d[\d,.]*\s?(?:%|percent)|(?:{MONTHS})\s+\d{{1,2}},\s+\d{{4}})"
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
# ("Crate Price: fifty dollars ($50).", "Expiration Date: June 30, 2031."): never a quotation,
# nor the amendment's own execution ("Dated: March 14, 2025")
_CAPTION_VALUED = lazy_re(
    r"^(?!(?:Dated|Date|Signed|Executed|Name|Title|By|Witness|Attest)\s*:)"
    r"(?:[A-Z][\w'\-]*\s+){0,5}[A-Z][\w'\-]*\s*:\s+(?:(?:[a-z\-]+\s+){1,4}\(\$\s?\d|"
    rf"{_VALUE})"
)
# A part of the agreement named by its title ("The Pricing Schedule shall no longer apply.",
# "The Parking Addendum is terminated."), said to be something it was not
_TITLED_PART = lazy_re(
    r"^[Tt]he\s+(?:[A-Z][\w'\-]*\s+){1,4}(?:Schedule|Exhibit|Annex|Appendix|Addendum|Rider)s?"
    r"\s+(?:(?:of|to)\s+the\s+(?:[A-Z][\w'\-]*\s+){0,3}[A-Z][\w'\-]*\s+)?(?:is|are|shall|will)\b"
)
# A named term given its value ("The Crate Price shall be fifty dollars ($50).", "Base Rent
# for the Extension Term shall be $5,000 per month.", "Tenant's Share shall be 12.5%.", "The
# term of the Agreement shall end on June 30, 2030."): never the amendment's own ("This
# Amendment shall be effective on ...", "The Amendment Fee shall be $5,000"), nor the change
# it makes ("Such deletion shall be effective as of ...")
_TERM_VALUED = lazy_re(
    r"^(?P<subject>(?!Th(?:is|ese|at)\b|Such\b|Said\b|The\s+(?:foregoing|above|preceding)\b)"
    r"(?:[Tt]he\s+)?[A-Z][\w'\-]*"
    r"(?:\s+(?!(?:shall|will|is|are|means|equals)\b)[\w'\-]+){0,7}?)\s+"
    r"(?:shall\s+(?:be|mean|equal|end|expire|terminate|commence|begin)|will\s+be|is|are|means|equals)\s+"
    r"(?:hereby\s+)?(?:changed\s+to\s+)?(?:on\s+)?"
    rf"(?:[a-z\-]+\s+){{0,4}}\(?{_VALUE}"
)
# the amendment's own term: "Amendment", "hereof" ..., "this Letter", "the Consent Fee";
# never the agreement's "Letter of Credit Fee" or "Required Consent Threshold"
_ITSELF = lazy_re(
    r"\bAmendment\b|\bhere(?:of|in|under|to|by)\b"
    r"|\bthis\s+(?:[A-Z][\w'\-]*\s+){0,3}(?:Waiver|Consent|Letter)\b"
    r"|\b(?:Waiver|Consent)\s+(?:Fee|Effective\s+Date|Date)\b",
    re.IGNORECASE,
)
# who agrees, before what is agreed ("Landlord and Tenant agree that the Expiration Date is
# June 30, 2030."): what is agreed is said of the agreement as any sentence is
_AGREED_THAT = lazy_re(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w'\-]*\s+){1,4}(?:(?:and|&)\s+(?:[A-Z][\w'\-]*\s+){1,4})?"
    r"(?:hereby\s+)?(?:further\s+)?(?:agree|acknowledge|confirm|stipulate)s?"
    r"(?:\s+and\s+(?:agree|acknowledge|confirm)s?)?\s+that\s+"
)


# a phrase before the subject, closed by its comma ("In addition, ", "Further, ", "With
# effect from June 1, 2025, "): never a quotation's words
_OPENING = lazy_re(r"[A-Z](?:[^,.;:\"\u201c]|,\s+(?=\d{4}\b)){0,70}?,\s+(?!\d{4}\b)")


def says_of(sentence: str) -> bool:
    """Does the sentence say something of a provision, a term or a named value?"""
    opening = _OPENING.match(sentence)
    if opening is not None and _THIS_AMENDMENT.search(opening.group(0)):
        opening = None  # 'As used herein, "Amendment Date" means ...': the amendment's own term
    if _said_of(sentence) or (opening is not None and _said_of(sentence[opening.end() :])):
        return True
    agreed = _AGREED_THAT.match(sentence)
    return agreed is not None and _said_of(sentence[agreed.end() :])


_THIS_AMENDMENT = lazy_re(r"\b(?:herein|hereunder|hereby|in\s+this\s+Amendment)\b", re.IGNORECASE)


def _said_of(sentence: str) -> bool:
    return bool(
        part_said_of(sentence)
        or _TERM_SUBJECT_DEFINED.match(sentence)
        or _valued(sentence)
        or _CAPTION_VALUED.match(sentence)
    )


def _valued(sentence: str) -> bool:
    m = _TERM_VALUED.match(sentence)
    # "..., which change shall be effective on June 1, 2025": when a change takes effect
    return m is not None and not _ITSELF.search(m["subject"]) and "effective" not in m.group(0)


def part_said_of(sentence: str) -> bool:
    """Is the sentence's subject a provision, said to be something it was not?"""
    if _PART_READS.match(sentence):
        return True
    part = _PART_SUBJECT.match(sentence) or _TITLED_PART.match(sentence)
    # "Section 5-1401 of the General Obligations Law shall apply": a statute's; "Exhibit A
    # attached hereto is ...": the amendment's own; "Articles VIII and IX shall survive ...",
    # "Section 4 is not affected hereby": the provision stays as it reads
    return part is not None and not (
        _A_LAW.search(without_captions(part.group(0)))
        or _ITS_OWN.search(part.group(0))
        or _STAYS.match(sentence, part.end())
    )


# A provision's caption in parentheses after its label ("Section 14 (Governing Law)"; also
# with spaces inside them, "Section 14 ( Governing Law )", as conversions of a filing print it)
_CAPTION = lazy_re(r"(?<=[\w)])\s+\(\s*[A-Z][^()]{0,60}\)")


def without_captions(text: str) -> str:
    """``text`` without the captions printed after labels: "Section 14 (Governing Law) of
    the Agreement is void" names no statute, and is no governing-law clause."""
    return _CAPTION.sub("", text) if "(" in text else text


def says_of_any(text: str) -> bool:
    """Does a sentence of ``text`` say something of a provision, a term or a named value?"""
    from ..sentences import split_sentences  # it reads the convention this package holds

    return any(says_of(sentence) for sentence in split_sentences(text))
