"""Items that change no text: a closed list of forms, and the words that amend.

An amendment's items that ratify, represent, set conditions, pay costs or choose the
governing law change no text of the agreement; they are ``no_text_change``.  The list is
closed: an item that matches neither the grammar nor one of these forms fails, and an
item whose words (or whose new text) amend is never on it.  Forms named by words the
agreement's own provisions also use (costs, notices, guaranties ...) count only in a
sentence about the amendment itself, or as the first word of the item's heading when
the item's words are about the amendment too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..layout.convention import MONTHS
from ..layout.heads import split_heading
from ..layout.says import says_of, without_captions
from ..lazy_re import lazy_re
from ..sentences import split_sentences

# Words that, applied to the agreement or one of its parts, change its text.  (Each form
# starts a word with one of the letters looked ahead for: most places are turned away at once.)
OPERATIVE = lazy_re(
    # (a circumstance between commas after the verb too: "is, effective as of the Fourth
    # Amendment Effective Date, hereby amended ...", "is, from the date hereof, deleted")
    r"(?=\b[abhirstw])(?:\b(?:is|are|(?:shall|will)(?:\s+hereby)?\s+be)(?:,\s*[^,;:.]{1,120}?,)?,?\s+"
    r"(?:(?:hereby|each|also)\s+){0,2}(?:deemed\s+(?:to\s+be\s+)?)?(?:further\s+)?"
    r"(?:amended|deleted|restated|replaced|added|inserted|modified|supplemented|revised|"
    r"substituted|renumbered|redesignated|relettered|struck|stricken|attached|removed|cancell?ed)\b"
    r"|\bby\s+(?:deleting|striking|inserting|adding|replacing|substituting)\b"
    r"|\bin\s+lieu\s+thereof\b|\bshall\s+(?:hereafter\s+|now\s+|henceforth\s+)?read\b|\bto\s+read\s+as\s+follows\b"
    r"|\b(?:is|are|shall(?:\s+hereby)?\s+be),?\s+(?:hereby\s+)?(?:superseded|changed|increased|decreased|reduced|extended|expanded|shortened|"
    r"terminated|repealed|rescinded|revoked)\b|\b(?:it|they)\s+now\s+reads?\b"
    r"|\b(?:hereby\s+)?amends?\b[^.]{0,80}\bas\s+follows\b|\bagree[sd]?\s+to\s+amend\b"
    # 'references to "X" shall be deemed to be references to "Y"' (quoted words for quoted
    # words; never "... references to the Agreement as amended hereby", which changes none)
    r'|\b(?:refer|be\s+(?:a\s+)?references?)\s+to\s+(?:the\s+)?["\u201c])',
    re.IGNORECASE,
)
# The imperative many drafters use ("In clause 4.2, delete ...", "Insert the following new
# clause 6.4 ...", "At the end of clause 5.1, add ..."): a sentence that begins so amends.
IMPERATIVE = lazy_re(
    # (after "With effect from 1 January 2025," and "In Schedule 2, paragraph 2," too)
    r"(?:(?:with\s+effect\s+from|effective\s+(?:as\s+of|from|on))\s+[^,]{1,60},\s*)?"
    r"(?:In\s+[^,]{1,120},\s*(?:(?:paragraph|clause|part|item|line)\s+[^,]{1,30},\s*)?)?(?:(?:immediately\s+)?(?:after|before|following)\s+[^,]{1,120}?\s+"
    r"|at\s+the\s+end\s+of\s+[^,]{1,120},\s*)?"
    r"(?:(?:delete|strike|insert|add|substitute|replace|amend|restate)\s"
    # "change" only before the words it changes ("Change fee." is a heading of fees)
    r"|change\s+(?=[\"\u201c]|the\s+(?:words?|references?|date|amount|figure|number)\b))",
    re.IGNORECASE,
)
_OF_AMENDMENT = lazy_re(
    r"\b(?:this|the)\s+amendment\s+(?:may|shall|will)\s+not\s+be\s+"
    r"(?:amended|modified|waived|changed|terminated)\b"
    r"|\bno\s+(?:amendment|modification|waiver)\s+(?:of|to|in\s+respect\s+of)\s+this\b",
    re.IGNORECASE,
)
_CATEGORIES = [
    (
        "ratification",
        r"ratif|in full force and effect|remains? unchanged|confirm(?:s|ed)? and agree",
    ),
    ("representations", r"represent|warrant"),
    # "Section 2. [Reserved].", "4. Intentionally Omitted.": an item kept only for its number,
    # all its words that one (never "... shall be reserved for Tenant's use")
    (
        "reserved",
        r"^\[?\s*(?:reserved|intentionally\s+(?:omitted|left\s+blank|deleted))\s*\]?\s*\.?\s*$",
    ),
    (
        "conditions",
        r"conditions? (?:precedent|to effectiveness)|shall become effective|effectiveness"
        # "Conditions to Amendment." over "(a) The Lender shall have received this Amendment,
        # duly executed ...": what must happen first, in the words conditions are written in
        r"|conditions? to (?:(?:this|the) )?(?:amendment|closing)\b"
        r"|\bshall have (?:received|been (?:received|paid|delivered|satisfied))\b"
        r"|\bshall have occurred and be continuing\b",
    ),
    ("effectiveness", r"\beffective\b|\btake\s+effect\b"),
    # "This Amendment shall be submitted to the Company's stockholders for approval ..."
    (
        "stockholder approval",
        r"\b(?:stockholder|shareholder)s?['\u2019]?\s+approval\b"
        r"|submitted\s+to\s+the\s+(?:\w+['\u2019]s\s+)?(?:stockholders|shareholders)\b",
    ),
    # "The amendments made by paragraphs 1 and 2 of this Amendment shall apply only to Awards
    # granted on or after ...": to what the changes apply, not a change -- never where they
    # are said to apply to a part of the agreement ("... shall also apply to Section 7.4"),
    # which asks for the same change there
    (
        "applicability",
        r"(?:\bamendments?\s+(?:made|set\s+forth|effected|contained)\s+(?:by|in)\b[^.]{0,80}?"
        # "This Amendment shall not apply to any Participant whose ..."
        r"|\bthis\s+amendment(?:\s+(?:no\.|number)\s*\w+)?\s+)"
        r"\bshall\s+(?:not\s+|only\s+|also\s+)?(?:apply|be\s+applicable)\b"
        r"(?![^.]{0,80}\b(?:sections?|subsections?|articles?|paragraphs?|clauses?|rules?"
        r"|exhibits?|schedules?)\s+[\w(])",
    ),
    # "Nothing in this Amendment shall reduce the benefit of any Participant accrued ...": what
    # the amendment does not do
    ("savings", r"\bnothing\s+in\s+this\s+amendment\b[^.]{0,40}?\bshall\b"),
    ("costs", r"\bcosts?\b|expenses|attorneys'? fees"),
    ("governing law", r"governed by|governing law"),
    ("severability", r"severab|invalidity or unenforceability"),
    ("counterparts", r"counterparts"),
    ("modification of the amendment", r"this amendment may not be"),
    (
        # references to the agreement read as references to it as amended: no words change
        "references",
        r"references? (?:in|to) the (?:loan )?agreement|reference to the agreement"
        r"|references?\b[^.]{0,200}\bas (?:amended|modified|supplemented) (?:hereby|by this)\b",
    ),
    (
        # and as English amendment agreements say it: "Words and expressions defined in the
        # Agreement have the same meanings when used in this amendment agreement"
        "defined terms",
        r"capitali[sz]ed terms|\bdefined in\b[^.]{0,120}\bha(?:s|ve) the same meanings?\b"
        # the amendment's own terms ("used herein", "not otherwise defined herein") take the
        # meanings the agreement gives them; never "Loan, as defined in the Credit Agreement,
        # shall have the meaning given to such term in ...", which changes what "Loan" means
        r"|\b(?:herein|in\s+this\s+(?:[A-Z][\w-]*\s+){0,3}?(?:amendment|agreement|deed))\b"
        r"[^.]{0,200}\bha(?:s|ve) the meanings?\s+(?:given|assigned|ascribed)\b"
        # the amending instrument's own: 'In this deed, "Variation Date" means ...' ("this"
        # is the document that prints the words; a definition of the agreement names it)
        r"|^in\s+this\s+(?:[A-Z][\w-]*\s+){0,3}?(?:agreement|amendment|deed)\s*,\s*"
        r"[\"\u201c][^\"\u201d]{1,80}[\"\u201d]\s+(?:means|shall\s+mean)\b",
    ),
    ("entire agreement", r"entire agreement"),
    # "A person who is not a party to this Variation Agreement shall not have any rights
    # under the Contracts (Rights of Third Parties) Act 1999 ...", "No third party shall
    # have any right to enforce ...": who may enforce the amendment, not a change
    (
        "third party rights",
        r"Contracts\s+\(Rights\s+of\s+Third\s+Parties\)\s+Act"
        r"|\bno\s+(?:person|third\s+party)\b[^.]{0,80}\b(?:any\s+)?rights?\s+to\s+enforce\b",
    ),
    ("headings", r"\bheadings\b"),
    ("waiver or consent", r"\bwaive[sdr]?\b|\bwaiver\b|\bconsents?\b|\bconsented\b"),
    ("release", r"\breleases?\b|\bdischarges?\b"),
    (
        "limited effect",
        r"except as (?:expressly |specifically )?(?:amended|modified|provided|set forth)|no other (?:amendment|change|modification)|limited effect|no novation",
    ),
    ("binding effect", r"successors and (?:permitted )?assigns|binding (?:up)?on|binding effect"),
    ("further assurances", r"further assurances"),
    # the amendment's own assignment ("This First Amendment shall not be assignable ...")
    ("assignment", r"\bassign(?:able|ed|ment)\b|\bassign\s+(?:it|this)\b"),
    # a resolution's officers empowered to carry the amendment out
    ("authorization", r"\bauthori[sz]ed\s+and\s+(?:directed|empowered)\b"),
    ("acknowledgment", r"reaffirm|acknowledg|confirms? (?:that|its)"),
    ("guaranty", r"guarant(?:or|ee|y)"),
    ("loan document", r"(?:loan|credit|financing|transaction) documents?|constitutes? a"),
    ("notices", r"\bnotices?\b"),
    ("signatures", r"facsimile|electronic(?:ally)? (?:signature|delivery|transmission)|\.pdf"),
    ("construction", r"\bconstru|interpret|jury trial|jurisdiction|venue"),
    ("fees", r"\bfees?\b"),
    (
        "covenants",
        r"\bcovenants?\b|\bagrees? (?:to|that)\b|\bshall (?:pay|deliver|cause|provide)\b",
    ),
]


# A term of the agreement given a new figure, whatever else the item says (its effectiveness,
# its conditions): "the Rent shall be $50,000 per annum", "the Margin shall equal 2.25%"
_SETS_A_TERM = lazy_re(
    r"\b\w+\s+shall\s+(?:be|equal|mean|increase\s+to|decrease\s+to)\s+(?:[$\u00a3\u20ac]\s?\d|\d)",
    re.IGNORECASE,
)
# "..., and the Term shall end on June 30, 2027": the agreement's end moved -- unless what ends
# is the amendment itself ("This Second Amendment ... shall expire on December 31, 2021")
_ENDS_A_TERM = lazy_re(
    r"\bshall\s+(?:end|expire|terminate|be\s+extended)\s+(?:(?:on|until|through|to)\s+)?"
    rf"(?:\d|(?-i:{MONTHS})\s+\d)",
    re.IGNORECASE,
)
_THIS_AMENDMENT_SHALL = lazy_re(
    r"\bthis\s+(?:[A-Z][\w-]*\s+){0,4}Amendment\b[^.;]*\bshall\s+(?:end|expire|terminate)",
    re.IGNORECASE,
)


def _sets_a_term(text: str) -> bool:
    ends = _ENDS_A_TERM.search(text) is not None and not _THIS_AMENDMENT_SHALL.search(text)
    return ends or _SETS_A_TERM.search(text) is not None


@cache
def _compiled() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """Each category's pattern, as a search and as a heading's first words, compiled once
    (on first use, not at import): built at every call, each was hashed again for re's
    cache."""
    return [
        (kind, re.compile(pattern, re.IGNORECASE), re.compile(rf"\W*(?:{pattern})", re.IGNORECASE))
        for kind, pattern in _CATEGORIES
    ]


def non_textual(instruction: str, context: str = "") -> tuple[str, str] | None:
    """(kind, reason) for an item that changes no text, else None."""
    heading, rest = split_heading(instruction)
    text = instruction if not heading else f"{heading} {rest}"
    imperative = any(IMPERATIVE.match(sentence) for sentence in split_sentences(rest))
    if (OPERATIVE.search(text) or imperative) and not _OF_AMENDMENT.search(text):
        return None
    if _sets_a_term(text):
        return None  # "..., and from that date the Base Rent shall be $5,000 per month": amends
    # The item's own heading says most, then its container's, then its words.  In its
    # words, the broad forms (costs, fees, notices, covenants ...) count only in a sentence
    # about the amendment itself: "Tenant shall pay the cost of electricity" may be new
    # text of the lease; "the Borrower shall pay the costs of this Amendment" is not.
    # A heading names a broad form only by its first word ("Costs and Expenses.", not
    # "Utility Costs.").
    # A broad heading also needs words about the amendment: "Notices. The Tenant's address
    # for notices is 12 Quarry Lane." changes the lease, in words the grammar must read.
    places = [(heading, "heading"), (context, "heading")]
    places += [(s, "about" if _ABOUT_ITSELF.search(s) else "words") for s in split_sentences(text)]
    about = any(how == "about" for _, how in places)
    for where, how in places:
        for kind, anywhere, first in _compiled():
            if not where or (kind in _BROAD and how == "words"):
                continue
            if kind in _BROAD and how == "heading":
                if not about:
                    continue
                found = first.match(where)
            else:
                found = anywhere.search(where)
            if found:
                return kind, f"{kind}: changes no text of the agreement"
    return None  # neither an instruction nor a known form that changes no text: it fails


# Forms named by words that an agreement's own provisions use as well.
_BROAD = (
    "costs", "fees", "notices", "covenants", "guaranty", "loan document", "construction",
    "release", "waiver or consent", "binding effect", "signatures", "effectiveness",
    "assignment",
)  # fmt: skip
_ABOUT_ITSELF = lazy_re(
    r"\bthis\s+(?:[A-Z][\w-]*\s+){0,4}(?:Amendment|Waiver|Consent|Letter|Supplement|Modification)\b"
    r"|\b(?:hereof|hereto|hereunder|herein|hereby)\b|\b(?:the|this)\s+amendments?\b"
    # an English deed of variation: "The variations set out in this agreement ..."
    r"|\bthe\s+variations\s+(?:set\s+out|made|effected|contained)\s+(?:in|by)\s+this\b"
    r"|\bthis\s+(?:deed|variation)\b",
    re.IGNORECASE,
)


# where a clause of a sentence begins ("..., provided that Section 9 shall be of no further
# force or effect", "The parties acknowledge that the Final Delivery Date is ...")
_CLAUSE = lazy_re(
    r"(?:[,;]\s*|\s+)(?:and|but|provided(?:,?\s+however,?)?\s+that|except\s+that|that|whereupon)\s+"
)


def changing_clause(text: str, *, umbrella: bool = False) -> str | None:
    """The first clause of ``text`` that says something of a provision, a term or a named
    value in words of no form of the closed list: of a lead into the items ("NOW, THEREFORE,
    the parties agree that the Crate Price shall be $40, and further agree to amend the
    Agreement as follows:"), or, with ``umbrella``, of an item whose sub-items amend ("Section
    2 ... is hereby amended as follows, and Section 1 of the Agreement shall be of no further
    force or effect:"): a change in no item."""
    clause = next(_changing_clauses(text, umbrella=umbrella), None)
    return None if clause is None else clause.rstrip(" :.")


def changes_said(text: str) -> bool:
    """Does a clause of the item say something of a provision, a term or a named value, in
    words that are no form of the closed list?  Then the item is no "no change", even where
    its heading or first sentence is ("Ratification. ... Section 9 of the Agreement shall be
    of no further force or effect.")."""
    return changing_clause(text) is not None


def _changing_clauses(text: str, *, umbrella: bool) -> Iterator[str]:
    """The clauses of ``text`` that say something of a provision, a term or a named value in
    words of no form of the closed list: each sentence and each clause after a conjunction;
    for an umbrella, whose own sentence says its provision is amended, only the clauses after
    it, each after a verb ("The second sentence of paragraph 1 and paragraph 3 ... are" is
    one subject)."""
    for sentence in split_sentences(text):
        starts = [] if umbrella else [0]
        starts += [
            m.end()
            for m in _CLAUSE.finditer(sentence)
            if not umbrella or _A_VERB.search(sentence, 0, m.start())
        ]
        for start in starts:
            clause = sentence[start:]
            # (a provision's caption is no form of the list: "Section 7 (Representations) of
            # the Agreement shall be of no further force or effect" changes the agreement)
            if says_of(clause) and non_textual(without_captions(clause), "") is None:
                yield clause


_A_VERB = lazy_re(r"\b(?:is|are|shall|will|be)\b")
