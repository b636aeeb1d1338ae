"""The words and shapes the item reader looks for around new text: where a quotation
closes, what follows an item, what reads as an instruction rather than as text.
Kept apart from the reader (item_text.py) so that each stays readable."""

from __future__ import annotations

import re

from ..citation import label_candidates
from ..lazy_re import lazy_re
from .convention import CONVENTION, NAMING_WORDS
from .sequence import follows

_CLOSER = lazy_re(r"[\"\u201d]")
_END_TAIL = lazy_re(r"[.;,]?[^\S\n]*\d{0,3}\s*$")
_NOW_TAIL = lazy_re(
    r"[^\S\n]*\d{0,3}\s*(?:\[\*\]\s*)?(?:it\s+|and\s+)?(?:now\s+reads|shall\s+now\s+read|is\s+now\s+required\s+to)\b",
    re.I,
)
_FOLLOW = lazy_re(r"[.;,]?\)?[^\S\n]*(?:\d{1,3}[^\S\n]*)?(?:[;,]?\s*(?:and|or)\b)?\s+")
# Lines a page break leaves between a quotation's end and the next item: a page number ("1",
# "- 2 -"), a document number ("ATL 4471023v3", "4871-2204-6915.3"), a signature-page footer
# (a law firm's document number: "ATL 4471023v3", "HOU03:1123457.6", "4871-2204-6915.3",
# "US_ACTIVE-123456789.4")
DOC_NUMBER = (
    r"[A-Z][A-Z0-9_\-]{1,12}[\\/:\s\-]+\d{5,10}(?:[v.]\d{1,3})?|\d{4}-\d{4}-\d{4}(?:\.\d{1,3})?"
)
# A page's foot alone on a line: a page number ("12", "- 3 -", "Page 2", "Page 2 of 9") or a
# document number
PAGE_FOOT_LINE = (
    rf"(?:-[^\S\n]*)?\d{{1,3}}(?:[^\S\n]*-)?|(?i:page)[^\S\n]+\d{{1,3}}"
    rf"(?:[^\S\n]+of[^\S\n]+\d{{1,3}})?|{DOC_NUMBER}"
)
# ... or a line in brackets that names a page or the instrument, as footers print the
# amendment's title on every page ("[Signature Page Follows]", "[Second Amendment to Lease]";
# never "[Reserved]", which is a provision's text)
_BRACKETED_FOOT = rf"\[[^\]\n]{{0,80}}\b(?:Page|{NAMING_WORDS})\b[^\]\n]{{0,80}}\]"
PAGE_FURNITURE = lazy_re(
    rf"[.;,]?(?:[^\S\n]*\n[^\S\n]*(?:{PAGE_FOOT_LINE}|{_BRACKETED_FOOT})?[^\S\n]*)+\n\s*"
)
_NON_SPACE = lazy_re(r"\S")
# A citation alone on its line, and the lower-case words that carry it on the next.
_CITATION_LINE = lazy_re(rf"^(?:{CONVENTION.lead_unit})[\w.]+(?:\([A-Za-z0-9]{{1,6}}\))*[^\S\n]*$")
_CONTINUES = lazy_re(r"(?:of|in|to|is|are|shall|hereof|thereof|as)\b")
_BLANK_LINE = lazy_re(r"\n[^\S\n]*\n")
# A blank line after a line that ends in a mark (a stop, a colon, a bracket, a quotation
# mark), not in words that run on: where a paragraph ends.
_BLANK_AFTER_STOP = lazy_re(r"(?<=[^\w,\-\s])[^\S\n]*\n[^\S\n]*\n")


# The end of a line inside its sentence: a comma, or a word no sentence ends on (in lower case,
# never a title's "... TO THE PLAN")
RUNS_ON = lazy_re(
    r"(?:,|\b(?:after|before|of|in|to|under|by|with|from|within|the|and|or|than|on|at|for))"
    r"\s*$"
)


def first_paragraph(text: str) -> str:
    """The first paragraph of ``text``, to see whether it reads as an item.  A blank line
    after words that run on ("(c) Amendment" / "of Section 7.2. Section 7.2 ... is hereby"
    / "deleted.") is a double-spaced filing's spacing, not the paragraph's end."""
    return _BLANK_AFTER_STOP.split(text, maxsplit=1)[0]


# "ARTICLE II OF THE AGREEMENT": a heading over the edits to one article, in capitals.
_CAPS_UNIT_LINE = lazy_re(r"(?:ARTICLE|SECTION|PART)\s+[IVXLC\d][\w.]*(?:\s+[A-Z][A-Z,'&]*)*$")
# The verbs of an edit in a list of edits ("(ii) deleting ...", "(c) inserting the ...").
GERUNDS = "amending|deleting|inserting|adding|replacing|substituting|striking|restating|renumbering|relettering|re-lettering|redesignating"
_EDIT_LABEL = r"\(?(?:[ivx]{1,5}|[a-zA-Z]|\d{1,2})\)\s+"
# The item's next edit, after a block of its new text: "(ii) deleting the period ...", "and
# (iii) adding the following sentence at the end of said Section:", "and by inserting ..."
_NEXT_EDIT = lazy_re(
    rf"(?:(?P<joined>(?:and|or)\s+)(?:{_EDIT_LABEL})?|{_EDIT_LABEL})(?:by\s+)?(?:{GERUNDS})\b"
)
# An edit of the item's own enumerated list: "(i) deleting the table ...", "(ii) amending ..."
_OWN_EDIT = lazy_re(rf"\((?P<label>[ivx]{{1,5}}|[a-z]|\d{{1,2}})\)\s+(?:by\s+)?(?:{GERUNDS})\b")


def continues_own_list(said: str, paragraph: str) -> bool:
    """Does ``paragraph`` open with the next edit of the list the item's own words number
    ("by (i) deleting the table ... and substituting the following:", a table, then "(ii)
    amending the definition of ...")?  New text's own list would have begun at its own "(i)"."""
    own = [m["label"] for m in _OWN_EDIT.finditer(said)]
    first = _OWN_EDIT.match(paragraph)
    if not own or first is None:
        return False
    before, after = label_candidates(f"({own[-1]})"), label_candidates(f"({first['label']})")
    return any(follows(b, a) for b in before for a in after)  # "(i)" -> "(ii)" or "(j)"


# A quotation closed and the item's list of edits going on in the same line: '... $15,000,000"
# and (iii) deleting "$75,000,000" ...' (the next edit's label and gerund)
INLINE_NEXT_EDIT = lazy_re(
    rf"[.;,]?\s*(?:and\s+|or\s+)?{_EDIT_LABEL}(?:by\s+)?(?:{GERUNDS})\b", re.IGNORECASE
)
_PARAGRAPH_GAP = lazy_re(r"[.;,]?\)?[^\S\n]*\n[^\S\n]*\n\s*")
# How an amendment's own closing paragraph opens, and what it says of the agreement: "Except
# as modified above, the terms of the Agreement are hereby ratified", "In all other respects
# the Lease remains in full force and effect" (never new text of a provision)
CLOSES_AMENDMENT = lazy_re(
    r"(?:Except\s+as\s+(?:(?:expressly|specifically|otherwise)\s+)?(?:(?:modified|amended|supplemented"
    r"|changed|provided|set\s+forth)\s+(?:above|hereby|herein|in\s+this|by\s+this)|(?:herein|hereby"
    r"|above)\s+(?:modified|amended|provided|set\s+forth))|In\s+all\s+other\s+respects"
    r"|All\s+other\s+(?:terms|provisions))\b[^.]{0,200}?"
    # the agreement by its name, or this amendment: never a provision's own words
    r"(?:\bthe\s+(?:[A-Z][\w\-]*\s+){0,4}(?:Agreement|Lease|Plan|Contract|Note|Indenture|Guaranty)\b"
    r"|\bthis\s+(?:[A-Z][\w\-]*\s+){0,3}Amendment\b)"
    r"[^.]{0,200}\b(?:ratif|affirm|confirm|remain|continue|full\s+force|unchanged|unmodified)",
)
INSTRUCTION_PARAGRAPH = lazy_re(
    r"(?:(?:and|or|further,?)\s+(?:\(?[a-zA-Z0-9]{1,5}\)\s+)?)?"  # "and (ii) Section 27.6 of ..."
    r"(?:(?:This|That|Such)\s+(?:[Ss]ub)?(?:[Ss]ection|[Pp]aragraph|[Aa]rticle|[Cc]lause)\s+(?=(?:is|are|shall)\s)"
    r"|[\"\u201c][^\"\u201d]{1,80}[\"\u201d]\s+(?=(?:shall\s+be|is|are)\s)"  # '"Margin" shall be'
    r"|(?:The|Each|All|Any)\b(?:[^;:.]|\.(?=\S)){0,160}?"
    r"(?:\b(?:definitions?|defined\s+terms?|following|sentences?|provisos?|words?|references?"
    r"|headings?|paragraphs?|phrases?)\b"
    rf"|\b{CONVENTION.lead_unit}\(?\w)"
    rf"|(?:{CONVENTION.lead_unit}|{CONVENTION.citation_unit}[^\S\n]*)\(?\w[\w.()]*"
    r"(?:\s?\(\s*[A-Za-z0-9]{1,6}\s*\))*(?::?\s+(?=[A-Z])|(?=[\s,]))"  # "Subsection 3 (c ),"
    r"(?!\s*[A-Z][a-z]+\.\s))"  # not "Section 5.2 Rent. The rent ...": a heading and its text
    r"(?:[^;:.]|\.(?=\S)){0,160}?\b(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?(?:further\s+)?(?:each\s+)?"
    r"(?:amended|deleted|added|inserted|replaced|restated|modified|supplemented|struck)\b"
)
# An unnumbered paragraph headed by the change it makes, then saying it: "Amendment of Section
# 4.1 of the Lease. Effective upon ..., Section 4.1 is hereby amended ..." (a filing whose item
# numbers were lost in conversion reads as a run of these).
HEADED_INSTRUCTION = lazy_re(
    r"(?:Amendments?|Additions?|Deletions?|Restatements?|Modifications?|Changes?)\s+(?:of|to)\s"
    r"(?:[^.\n]|\.(?=\d)){1,120}\.\s+(?:[^;:.]|\.(?=\S)){0,400}?\b(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?"
    r"(?:further\s+)?(?:amended|deleted|added|inserted|replaced|restated|modified|supplemented)\b"
)
# A paragraph headed by the provision it amends, as plan amendments print their changes:
# "Section 4.2:  The first sentence of this Section is amended ...", "Subsection 7(b): This
# Subsection is deleted."  Where an amendment's changes are a run of these, each is an item
# and its printed number is the citation's label ("4.2", "7(b)").
_HEAD_UNIT = rf"(?:{CONVENTION.lead_unit}|(?:SUB-?SECTION|Sub-?[Ss]ection)[^\S\n]*)"
CITED_HEAD = lazy_re(
    rf"(?:{_HEAD_UNIT}[IVXLC\d][\w.]*,[^\S\n]*)?{_HEAD_UNIT}"
    r"(?P<label>\d[\w.]*?(?:\([A-Za-z0-9]{1,6}\))*)[^\S\n]*"
    r"(?:\((?-i:[A-Z])[^()\n]{1,60}\)[^\S\n]*)?:"  # "Section 11 (Notices):", its caption
)
_CAPS_HEADING = lazy_re(r"^(?:\d+\s+)?[A-Z][A-Z&,'/\-]+(?:\s+[A-Z&,'/\-]+)*[.:]?(?:\s|$)")
_ANY_LABEL = lazy_re(
    rf"(?<=\s)(?P<unit>{CONVENTION.lead_unit})?(?P<token>{CONVENTION.token})(?=\s+[A-Z\"\u201c(\[])"
)
# A parenthesised label and a capitalised word: a provision's first words after "as follows",
# the colon left out.  New text only where the label is the cited provision's own (item_text).
_LABEL_THEN_TEXT = r"\((?:[ivxlc]{1,6}|[a-zA-Z]{1,2}|\d{1,3})\)[^\S\n]+[A-Z]"
# "as follows:" / "the following:" / "as set forth below:" before new text on the same
# line.  Its first letter is one class (a and t fold to no other character), the word start
# and each form's first letter checked behind it: a search skips to the next a or t.
_SAME_LINE_LEAD = lazy_re(
    r"[aAtT](?<!\w.)(?i:(?:(?<=a)s\s+follows?|(?<=t)he\s+following(?!\s+example)(?:\s+[\w\-().]+){0,6}?"
    r"|(?<=a)s\s+set\s+forth\s+below)\s*:[^\S\n]*(?=\S)"
    r"|(?<=a)s\s+follows?[^\S\n]+(?=[A-Z])"  # "replaced as follows Revolving Credit ..."
    r"|(?<=a)s\s+follows?\s+(?=" + _LABEL_THEN_TEXT + '|["\u201c]))'
    # "... as follows (iii) Sales", '... as follows "Maturity Date" means' (item_text)
)
_NON_OPERATIVE = lazy_re(
    r"ratif|represent|warrant|condition|effective|counterpart|governing|law|expense|cost|fee"
    r"|reference|miscellaneous|entire|severab|headings|successors|amendment|waiver|consent"
    r"|release|acknowledg|confirm|no\s+other|continuing|full\s+force",
    re.IGNORECASE,
)


def _cites_own_label(said: str, rest: str) -> bool:
    """Does the paragraph after the lead begin with a section number the instruction
    cites ("Section 4.22 is restated ...", then "4.22 Title. ..."), or with the last label
    of the provision it cites ("Section 9.01(b) is restated ...", then "(b) if to ...";
    "Sections 9.01(c) and (d) are ...", then "(c) ...")?"""
    paren = _PAREN_LEAD.match(rest)
    if paren is not None:
        label = re.escape(paren.group(1))
        before = rf"(?:\d|\)|\band|(?i:{CONVENTION.unit_pattern()})[^\S\n])"  # "clause (iii)"
        return re.search(rf"{before}[^\S\n]?{label}(?![^\S\n]?\()", said) is not None
    lead = re.match(r"\s*(\d{1,3}(?:\.\d{1,3})*[A-Z]?)\.?\s", rest)
    return lead is not None and _cites_number(said, lead.group(1))


def _cites_number(said: str, number: str) -> bool:
    """Does ``said`` cite the provision numbered ``number`` ("Section 4.22", "Article 7",
    "Sections 4.3A and 4.3B"), not one that only begins with it ("Section 4.221")?"""
    if re.search(rf"\b(?:{CONVENTION.lead_unit}){re.escape(number)}(?![\d.(]*\d)", said):
        return True
    return any(
        number in _LISTED_LABEL.findall(m.group("list")) for m in _PLURAL_CITED.finditer(said)
    )


# "Sections 4.3A, 4.3B and 4.3C": the labels a plural unit word lists
_PLURAL_CITED = lazy_re(
    r"\b(?:Sections|SECTIONS|Articles|ARTICLES|Paragraphs|PARAGRAPHS|Clauses|CLAUSES)[^\S\n]+"
    r"(?P<list>\d[\w.]*(?:(?:,|,?[^\S\n]+(?:and|or))[^\S\n]+\d[\w.]*)*)"
)
_LISTED_LABEL = lazy_re(r"\d[\w]*(?:\.\w+)*")


_PAREN_LEAD = lazy_re(r"\s*(\([A-Za-z0-9]{1,5}\))[^\S\n]")


def _inside_cited(said: str, rest: str) -> bool:
    """Does the paragraph begin with the label of a part of the provision the instruction
    cites ("Article 7 ... is replaced with the following:", then "7.2 Standby Fee. ...")?
    Such a paragraph is the new text's own, whatever its heading says."""
    lead = re.match(r"\s*(\d{1,3}(?:\.\d{1,3})*)\.\d{1,3}\.?\s", rest)
    return lead is not None and _cites_number(said, lead.group(1))


def _labels(token: str) -> list:  # type: ignore[type-arg]
    from ..citation import label_candidates

    return label_candidates(token.strip())


_OWN_DOCUMENT = lazy_re(r"\bthis\s+(?:Amendment|Agreement|Waiver|Consent)\b", re.IGNORECASE)
# A lead that only announces changes: what follows says them, it is not new text.
# ("The following definitions shall be modified as follows, effective June 30, 2024:" too)
_UMBRELLA_END = lazy_re(
    r"\b(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?(?:further\s+)?(?:amended|modified|supplemented|changed)"
    r"(?:\s+as\s+follows)?(?:,\s*(?:effective|with\s+effect)\b[^:.]{0,80})?\s*[:.]?\s*$",
    re.IGNORECASE,
)
# A sub-item that opens with an edit of its parent's "amended by:" ("(c) inserting the following")
_OPENS_WITH_EDIT = lazy_re(
    rf"(?:{GERUNDS})"
    r"\s+(?:and\s+\w+\s+)?(?:the|a|an|clause|section|subsection|paragraph|each|all|in|at|it|such)\b",
    re.IGNORECASE,
)
_HEADED = lazy_re(r"^[A-Z][A-Za-z0-9,;&'/\- ]{1,80}[.:]\s")
# A labelled paragraph that is only the heading of the changes under it: "(e) Modifications to
# Sections 4A.", "(c) Amendments to Article VI": an item, whose sub-items follow.
_CHANGES_HEADING = lazy_re(
    r"(?:Amendments?|Modifications?|Additions?|Deletions?|Changes?|Restatements?|Revisions?)\s+"
    r"(?:of|to)\s+(?:the\s+)?(?:(?:Sub)?[Ss]ections?|Articles?|Schedules?|Exhibits?|Annex|Appendix"
    r"|Definitions?|Clauses?|Paragraphs?|[A-Z][\w\- ]{0,60}Agreement)\b[^.\n]{0,60}\.?"
)

# A labelled paragraph that only says where the edits under it are made, as English deeds of
# variation list them: "3.1 in clause 1.1 (Definitions):" over "(a) by inserting ...", "(b)
# in the definition of "Territory", by deleting ...": an item, whose sub-items follow.
_LOCATED_LEAD = lazy_re(
    rf"(?i:in|to)\s+(?:the\s+definition\s+of\s+[\"\u201c][^\"\u201d]{{1,80}}[\"\u201d]"
    rf"|(?i:{CONVENTION.citation_unit})[^\S\n]*\(?\w[\w.()]*(?:\s+\([A-Z][^()\n]{{0,60}}\))?)"
    r"(?:\s+of\s+the\s+[A-Z][\w ]{0,60})?\s*:"
)


# An item's heading printed as a paragraph of its own, without a stop:
# "VIII. Gearing Ratio" / "Clause 19.1 (Gearing Ratio) of the Facility Agreement is ...".
# Short, no stop, and not ending in a word that carries a sentence on ("of", "the"): a
# double-spaced filing's wrapped first line goes on, "Section 4.2 of the Credit" / "Agreement";
# nor a sentence's start a page break left alone ("In the definition of "Revolving Credit").
HEADING_LINE = lazy_re(
    r"\s*(?!(?:In|The|Each|All|Any|By|With|As|At|On|For|If|Upon|From)\s+[a-z])"
    r"(?P<head>[A-Z][^\n.:;,\"\u201c\u201d]{1,38}?(?<![\s(-]))\s*"
)
CARRIES_ON = frozenset(
    {"of", "the", "to", "and", "or", "in", "for", "by", "a", "an", "its", "with", "on", "under"}
    | {"as", "at", "from", "this", "that", "such", "which"}
)
