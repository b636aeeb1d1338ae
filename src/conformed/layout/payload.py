"""Quoted and unquoted new text in an amendment: where it opens and where it closes.

An instruction carries its new text after a lead ("... to read as follows:",
"... replaced with the following:", "... is amended by adding: "..."").  The
text is quoted (straight or curly quotes, possibly over several paragraphs,
with inner quotes such as ``"key employee"`` of its own) or unquoted, running
to the next item.  Whatever it contains -- numbered paragraphs, definitions,
lists, even sentences that say "is amended" -- is payload: content of the one
instruction that introduces it, never items of the amendment.
"""

from __future__ import annotations

import re

from ..lazy_re import lazy_re
from .convention import INSTRUMENT_NOUNS

PAYLOAD_MARK = "\u00abTEXT\u00bb"
PAYLOAD2_MARK = "\u00abTEXT2\u00bb"
QUOTES = '"\u201c'
CLOSERS = '"\u201d'


def opens_quotation(text: str, at: int) -> bool:
    """Does the quotation mark at ``at`` open a quotation, by its shape?  A curly opening
    mark always; a straight one where it stands after a space, a line break or a bracket and
    before a letter or digit ('the "Expansion Space." Landlord').  Any other mark closes one."""
    if text[at] == "\u201c":
        return True
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    return text[at] == '"' and before in ("", " ", "\n", "(", "[") and after.isalnum()


# A quote that opens new text: after the lead of an instruction.  Written to start with
# one class of first characters (case-sensitive; f, h and r fold to no other character),
# each form's first letter checked again behind it, so that a search skips from one of
# those characters to the next instead of trying the forms at every place.
# ("the following "...": new text; "immediately following "STX"": a place, words to find)
OPEN = lazy_re(
    r"[fFhHrR:](?:(?:(?<=[fF])(?i:ollows|(?<=[Tt][Hh][Ee]\s[fF])ollowing)|(?<=[hH])(?i:ereto)|(?<=[rR])(?i:ead|eads))"
    r"\s*[:,]?[^\S\n]*(?::[^\S\n]*)?\s*(?P<q>[\"\u201c])"
    r"|(?<=:)[^\S\n]*-*\s*(?P<c>[\"\u201c]))"
)
# A quote that is a defined term's own ('"Loan Agreement" means ...'), not new text's.
# (Never '"1.41 "Mill Cap" means ...': a curly mark opening after a label is the term's own,
# and the first is the new text's.)
TERM_FIRST = lazy_re(
    r"[^\S\n]*\u201c?[^\"\u201c\u201d\n]{1,80}(?:\n[^\"\u201c\u201d\n]{1,80})?[\"\u201d]"  # (a term may wrap)
    r"(?:\s+(?:means|shall\s+mean|has\s+the|shall\s+have|"
    r"is\s+defined|as\s+defined)\b|:\s+\S)",  # or '"Available Commitment": as to any Lender'
    re.IGNORECASE,
)
# A paragraph that opens '"Margin" shall be amended by ...': a term an instruction names,
# not new text.
TERM_AMENDED = lazy_re(
    r"[^\S\n]*[^\"\u201c\u201d\n]{1,80}[\"\u201d]\s+(?:shall\s+be|is|are)\s+(?:hereby\s+)?"
    r"(?:further\s+)?(?:amended|deleted|restated|replaced)\b",
    re.IGNORECASE,
)
# The lead of unquoted new text, at the end of what the instruction says.
UNQUOTED = lazy_re(
    r"\b(?:as\s+follows?|the\s+following(?!\s+example)(?:\s+[\w\-().]+){0,6}?|as\s+set\s+forth\s+below"
    r"|to\s+read|reads?|thereof)\s*[:\-]+\s*-*\s*$"
    r"|\b(?:as\s+follows?|the\s+following(?!\s+example))\s*[.:;]?\s*$",
    re.IGNORECASE,
)
# An instruction that asks for text: what follows it is that text, never a sub-list.
# Every form starts a word with t, r, s, a or i: the look-ahead turns most places away at
# once (the search is twice as fast on long instructions).
WANTS_TEXT = lazy_re(
    r"\b(?=[tarsi])(?:to\s+read\b|read\s+in\s+(?:its|their)\s+entirety\b|shall\s+(?:now\s+)?read\b"
    r"|(?:replac|substitut|restat)\w*\b(?:[^.:]|(?<=\d)\.(?=\d)){0,120}?\b(?:with|by)\s+the\s+following\b"
    r"|restated\b(?:[^.:]|(?<=\d)\.(?=\d)){0,80}\bas\s+follows\b"
    r"|(?:add|adding|added|insert|inserting|inserted|include|including)\b(?:[^.:]|(?<=\d)\.(?=\d)){0,100}\bthe\s+following\b"
    r"|the\s+following\s+(?:new\s+|additional\s+|revised\s+|amended\s+)?(?:defined\s+terms?|"
    r"definitions?|paragraphs?|sections?|subsections?|clauses?|sentences?|provisions?|language|words|text)\b"
    r"|substitut\w*\b(?:[^.:]|(?<=\d)\.(?=\d)){0,100}\bthe\s+following\b"
    r"|the\s+following\s+(?:\w+\s+){0,3}(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?"
    r"(?:substituted|inserted|added|attached|incorporated)\b"
    r"|in\s+lieu\s+thereof\b(?:[^.:]|(?<=\d)\.(?=\d)){0,40}\bthe\s+following\b)",
    re.IGNORECASE,
)
# "... whereas it previously read: "old" ... it now reads: "new"".
NOW = r"now\s+reads|shall\s+now\s+read|is\s+now\s+required\s+to"
NOW_READS = lazy_re(
    rf"[^\S\n]*\d{{0,3}}\s*(?:\[\*\]\s*)?(?:it\s+|and\s+)?(?:{NOW}|shall\s+read)\s*:?\s*(?P<q>[\"\u201c])",
    re.IGNORECASE,
)
REDACTED_READING = lazy_re(
    r"(?P<head>.*?\bpreviously\s+read\s*:?)\s*\[\*\]\s*"
    r"(?P<mid>(?:it\s+)?(?:now\s+reads|shall\s+now\s+read)\s*:?)\s*\[\*\]\s*(?P<tail>.*)",
    re.IGNORECASE | re.DOTALL,
)
# "... shall be amended, effective as of the Effective Date, as follows:" and then, instead
# of text, the instruction itself: "Subsection 6(a)(xvi) ... shall be amended to read ...".
GENERIC_LEAD = lazy_re(
    r"\bamend(?:s|ed)?\b[^:]{0,120}\b(?:as\s+follows|in\s+(?:each\s+of\s+)?the\s+following\s+respects)"
    r"(?:,\s*(?:effective|with\s+effect)\b[^:]{0,80})?"  # "as follows, effective January 1, 2026:"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# The whole instrument amended "as set forth below", as a board resolution adopts the
# amendment printed after it ("RESOLVED, that the Plan be, and it hereby is, amended as set
# forth in Amendment No. 2 to the Plan in the form set forth below"): the items below amend.
BELOW_LEAD = lazy_re(
    rf"\bthe\s+(?:[A-Z][\w&'-]*\s+){{0,8}}(?:{'|'.join(INSTRUMENT_NOUNS)})\b[^.;:]{{0,40}}?"
    r"\bamended\s+(?:and\s+restated\s+)?as\s+(?:set\s+forth|provided|hereinafter\s+set\s+forth)\s+"
    r"(?:below|hereinafter|in\s+the\s+following\s+(?:resolutions|paragraphs|sections|items)"
    r"|in\s+(?:[^.;:]|(?<=No)\.|(?<=NO)\.){0,160}?\bbelow)\b"  # "Amendment No. 2"
)
# An item that says the amendment's own items below amend a part ("Article I of the Mill
# Lease is hereby amended in accordance with Sections 2.1.1 through 2.1.3." / "... as set
# forth in this Section 2.2." / "... in accordance with the terms of this Article."): like
# "amended as follows:", it heads those items, and says nothing of its own.
OWN_ITEMS_LEAD = lazy_re(
    r"\bamended\s+(?:in\s+accordance\s+with|as\s+(?:set\s+(?:forth|out)|provided|described|specified)\s+in)"
    r"\s+(?:the\s+(?:terms|provisions)\s+of\s+)?(?:this\s+(?:Article|Section|Part|Paragraph)"
    r"(?:\s+(?:\d+(?:\.\d+)*|[IVXLC]+))?|(?:Sections|Paragraphs)\s+\d+(?:\.\d+)+\s+(?:through|to|and)"
    r"\s+\d+(?:\.\d+)+)\s*[.:]?\s*$",
    re.IGNORECASE,
)
EMBEDDED = lazy_re(
    r"\s*(?:[\"\u201c][^\"\u201d\n]{1,80}[\"\u201d]\s+|[A-Z])[^\n:\"\u201c]{0,100}?"
    r"\b(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?"
    r"(?:amended|deleted|restated|replaced)\b",
    re.IGNORECASE,
)
# The note the reader leaves on an item whose quoted new text it read to the item's end; the
# guard on words after a closing mark asks for it (grammar/guards.py)
NEVER_CLOSES = "the quotation never closes"
# Amending language: what makes a sentence change the agreement's text.
AMENDING = lazy_re(  # each form starts a word with a letter looked ahead for (faster)
    r"(?=\b[abhisw])(?:\b(?:is|are|(?:shall|will)(?:\s+hereby)?\s+be)\s*,?\s+(?:hereby\s+)?(?:further\s+)?(?:each\s+)?"
    r"(?:amended|deleted|restated|replaced|added|inserted|modified|supplemented|substituted|"
    r"renumbered|relettered|redesignated|struck|stricken|superseded|changed|revised|attached)\b"
    r"|\bin\s+lieu\s+thereof\b|\bshall\s+(?:hereafter\s+|now\s+)?read\b|\bhereby\s+amends?\b"
    r"|\bby\s+(?:deleting|striking|inserting|adding|replacing|substituting|amending)\b"
    # "The following new paragraph shall restate in its entirety paragraph 3 of the Agreement:"
    r"|\b(?:shall|will)\s+(?:hereby\s+)?(?:restate|replace|supersede)\s+(?:in\s+its\s+entirety\s+)?"
    r"(?:section|paragraph|subsection|article|clause|exhibit|schedule|annex)s?\b)",
    re.IGNORECASE,
)


def wants_text(instruction: str) -> bool:
    return bool(WANTS_TEXT.search(instruction))


def amends(text: str) -> bool:
    return bool(AMENDING.search(text))


def only_leads(text: str) -> bool:
    """The paragraph only leads into the items after it ("NOW, THEREFORE, the Plan is hereby
    amended, effective January 1, 2020, as follows:"): nothing before its lead amends ("...
    Section 2.6 is hereby deleted, and the Plan is further amended as follows:" is an item)."""
    return GENERIC_LEAD.search(text) is not None and not amends_before_lead(text)


def amends_before_lead(text: str) -> bool:
    """Words before the paragraph's lead into the items ("... as follows:") that amend."""
    lead = GENERIC_LEAD.search(text)
    return lead is not None and amends(text[: lead.start()])


def introduces_below(text: str) -> bool:
    """The paragraph only says the items below amend ("... the Plan be, and it hereby is,
    amended as set forth ... below"): nothing else in it amends, or it is an item of its own
    ("... below, and that Section 9 of the Plan is hereby deleted" must not be lost)."""
    m = BELOW_LEAD.search(text) or OWN_ITEMS_LEAD.search(text)
    return m is not None and not amends(text[: m.start()] + text[m.end() :])


def close_after(source: str, pos: int, end: int, follows: re.Pattern[str]) -> int | None:
    """The closing quote of text opened before ``pos``: the first quote followed by
    ``follows`` (the next item, the end, or "it now reads")."""
    at = pos
    while True:
        m = _CLOSE.search(source, at, end)
        if m is None:
            return None
        if follows.match(source, m.end(), end):
            return m.start()
        at = m.end()


_CLOSE = lazy_re(r"[\"\u201d]")


def fold(text: str) -> str:
    return " ".join(text.split())


_PARAGRAPHS = lazy_re(r"(\n[^\S\n]*\n\s*)")


def reopened_paragraphs(text: str) -> str:
    """A quotation of several paragraphs opens each paragraph with a quotation mark and
    closes only the last (American usage): those opening marks are the quotation's, not the
    new text's.  A paragraph's opening mark is dropped where the paragraph leaves it open
    (an odd number of straight marks, or more opening than closing curly ones) and does not
    define a term in quotation marks ('"Agent" means ...': those marks are the term's)."""
    parts = _PARAGRAPHS.split(text)
    for k in range(2, len(parts), 2):  # the paragraphs after the first
        para = parts[k]
        straight = para[:1] == '"' and para.count('"') % 2 == 1
        curly = para[:1] == "\u201c" and para.count("\u201c") > para.count("\u201d")
        if (straight or curly) and not _DEFINES.match(para):
            parts[k] = para[1:]
    return "".join(parts)


# A paragraph that opens with a term in quotation marks and defines it.
_DEFINES = lazy_re(
    r'["\u201c][^"\u201c\u201d\n]{1,80}["\u201d]\s*(?:shall\s+mean|means|shall\s+have|has|:)',
    re.IGNORECASE,
)
