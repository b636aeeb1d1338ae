"""Where an amendment's operative part begins and ends.

It begins at the lead into the items ("... agree as follows:"), or at item 1 where the lead
is an item's own, or at the paragraph of a sentence that is itself the one instruction; it
skips recitals, numbered or not.  It ends at "IN WITNESS WHEREOF", an English execution
clause, or the first signature block, unless words that amend come after them.
"""

from __future__ import annotations

import re

from .errors import InputError
from .grammar.no_text_change import IMPERATIVE, OPERATIVE
from .layout.convention import OPERATIVE_HEADING
from .layout.lines import LEAD
from .layout.payload import AMENDING
from .layout.rules.signature_block import EXECUTION
from .layout.says import says_of_any
from .lazy_re import lazy_re

_OPERATIVE = lazy_re(
    r"(?:amend(?:ed)?|modif(?:y|ied)|agree[sd]?)\b[^.:;]{0,80}?\bas\s+follows\s*[:.]"
    # an English amendment agreement's "AGREED TERMS" over its clauses, after its parties
    # "(1) ... (2) ..." and background "(A) ... (B) ...", which are no items
    rf"|(?m:^[ \t]*{OPERATIVE_HEADING}[ \t]*$)",
    re.IGNORECASE,
)
_FIRST_ITEM = lazy_re(
    r"(?m)^[ \t]*(?:(?:1\.|\(1\)|1\)|(?:Section|SECTION)\s+1\.?)[ \t]+\S|1\.(?=[A-Z][a-z]))"
)
_START = lazy_re(r"")
# Recitals: a heading of their own, or "WHEREAS" (never operative, however they are lettered).
_RECITALS = lazy_re(
    r"(?m)^[ \t]*(?:RECITALS|Recitals|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|BACKGROUND"
    r"|PRELIMINARY\s+STATEMENTS?|Preliminary\s+Statements?)[ \t]*:?[ \t]*$"
    r"|\bWHEREAS\b"
)


def _past_recitals(text: str, op: re.Match[str] | None) -> re.Match[str] | None:
    """A letter amendment's opening "... agrees with each of you as follows:", then its
    recitals ("RECITALS: A. The Company ... B. ..."), then "NOW, THEREFORE, ... agree as
    follows:": the operative part begins at the second, and the recitals are no items."""
    if op is None:
        return None
    now = _NOW_THEREFORE.search(text, op.end())
    if now is None or _RECITALS.search(text, op.end(), now.start()) is None:
        return op
    if _FIRST_ITEM.search(text, op.end(), now.start()):
        return op  # an item 1 first: recitals it restates are its new text, never skipped
    return _OPERATIVE.search(text, now.start()) or op


# "agree that Section 7.6 of the Credit Agreement is hereby amended and restated as follows:":
# the words before "as follows" amend a provision they name, so the sentence is an instruction
# with its new text after it, never the lead into numbered items
_NAMES_ITS_PROVISION = lazy_re(
    r"\b(?:Section|Article|Paragraph|Subsection|Clause|Schedule|Exhibit|Annex)s?\s+[\dIVXA-Z(]"
    r"[^:]*?\b(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?(?:further\s+)?"
    r"(?:amended|restated|deleted|replaced|modified)\b"
)
_NOW_THEREFORE = lazy_re(r"\bNOW,?\s+THEREFORE\b", re.IGNORECASE)
# Items that begin past 1 (a page lost from the filing): read from there, and the reader
# reports the items missing before it.
_AMENDMENTS_HEADING = lazy_re(
    r"(?m)^[ \t]*(?:(?:ARTICLE|Article|SECTION|Section)[ \t]+)?(?:[IVX]{1,5}|\d{1,2})\.?[ \t]+"
    r"(?:AMENDMENTS?|MODIFICATIONS?|Amendments?|Modifications?)\b[^\n]{0,80}(?<![.\s]\d)(?<![.\s]\d\d)$"
)  # not a table of contents entry ("2.   AMENDMENT     4")
_LATER_ITEM = lazy_re(r"(?m)^[ \t]*\d{1,2}\.[ \t]+[A-Z][a-z]")
# "IN WITNESS WHEREOF", any case: its first letter as the class of what folds to "i" (the
# dotted and dotless i too), so that a search over the whole text skips to the next one.
_WITNESS = lazy_re(r"[Ii\u0130\u0131](?i:N\s+WITNESS\s+WHEREOF)")
# "Signed as a deed by the parties." opening a paragraph: where an English amendment's
# operative part ends (layout/rules/signature_block.py says what such a line is); never a
# line that only continues a sentence
_EXECUTION = lazy_re(rf"(?i)(?:\A|\n[ \t]*\n)[ \t]*(?P<clause>{EXECUTION})")
_NUMBERED_PARAGRAPH = lazy_re(r"(?m)^[ \t]*(?:\d{1,2}\.|\(?[a-z0-9]{1,3}\))[ \t]+(?=[A-Z\"\u201c])")


# "By: /s/ Ada Morrow", "By: ____________": a party's signature line
_SIGNED_BY = lazy_re(r"(?m)^[ \t]*By[ \t]*:?[ \t]*(?:/s/|_{3,})")
# what stands over it in the block: blank lines and short lines (the party's name, "Executive")
_OVER_SIGNATURE = lazy_re(r"[ \t]*(?:[^\s.;:][^\n]{0,58})?")


def _signatures(text: str, start: int, end: int) -> int | None:
    """Where an amendment that closes with its signature blocks and no "IN WITNESS WHEREOF"
    stops: the start of the first block, the party's name over its "By:" line.  Never a
    block inside quoted new text (a form of certificate the amendment inserts), nor one with
    words that amend after it."""
    m = _SIGNED_BY.search(text, start, end)
    if m is None or AMENDING.search(text, m.end(), end) or _amends_after(text, m.end()):
        # words that amend after it, or a numbered paragraph in the imperative ("2. Delete
        # Section 5"): a signature line inside the items, not their end
        return None
    opened = text[start : m.start()]
    if opened.count('"') % 2 or opened.count("\u201c") != opened.count("\u201d"):
        return None
    at = text.rfind("\n", 0, m.start()) + 1
    for _ in range(6):  # the name over the line, and the blank lines around it
        prev = text.rfind("\n", 0, max(at - 1, 0)) + 1
        line = text[prev : at - 1] if at else ""
        if at <= start or not _OVER_SIGNATURE.fullmatch(line) or line[:20].strip():
            break  # (a name over a signature is set far to the right)
        at = prev
    return _complimentary_close(text, start, at)


# A letter's complimentary close over its signature block: "Very truly yours," / "ORCHARD
# ROW LLC" / "By: ____"
_COMPLIMENTARY = lazy_re(
    r"(?im)^[ \t]*(?:very\s+truly\s+yours|yours\s+(?:very\s+)?truly|(?:yours\s+)?sincerely"
    r"(?:\s+yours)?|(?:best|kind)\s+regards|respectfully(?:\s+(?:yours|submitted))?|cordially)"
    r"[ \t]*,?[ \t]*$"
)


def _complimentary_close(text: str, start: int, at: int) -> int:
    """Where a letter's block begins: at its complimentary close, where only short lines
    (the party's name) stand between it and the block found at ``at``."""
    last = None
    for m in _COMPLIMENTARY.finditer(text, max(start, at - 300), at):
        last = m
    if last is None:
        return at
    between = text[last.end() : at].splitlines()
    if any(len(line.strip()) > 60 or line.strip().endswith(".") for line in between):
        return at
    return text.rfind("\n", 0, last.start()) + 1


def _amends_after(text: str, at: int) -> bool:
    """A numbered paragraph that amends after ``at``: what looked like an execution clause
    is not where the items end (it was, say, new text of an execution block)."""
    later = _NUMBERED_PARAGRAPH.search(text, at)
    if later is None:
        return False
    said = text[later.end() : later.end() + 400]
    return bool(AMENDING.search(said) or IMPERATIVE.match(said))


def operative_part(text: str, source: str = "") -> tuple[int, int, int]:
    """(start, end, head_end): where an amendment's items begin and end in ``text``, and where
    the words before its lead (title, parties, recitals) end."""
    op = _past_recitals(text, _OPERATIVE.search(text))
    said = _instruction_lead(text, op)
    first = _first_item(text)
    if (
        op is not None
        and first is not None
        and first.start() < op.start()
        and (AMENDING.search(text, first.start(), op.start()) or _in_later_item(text, first, op))
        and not _numbered_recitals(text, first, op)
    ):
        op = said = None  # "as follows:" is only met inside a later item: the items begin at 1
    if op is None:
        op = first or _NOW_THEREFORE.search(text)
        if op is None:
            if not AMENDING.search(text):
                raise InputError(f"{source}: not an amendment: no instruction amends anything")
            op = _START.match(text)  # no lead, no numbered items: read it all, item by item
            assert op is not None
        start = _past_salutation(text, op.start())
    else:
        start = op.end()
        line_start = text.rfind("\n", 0, op.start()) + 1
        if _FIRST_ITEM.match(text, line_start):
            start = line_start  # "(1) Amendment. The parties agree ... as follows:" is item 1
        elif said is not None:
            start = said  # "... agree that Section 7.6 ... is restated as follows:": its item
            start = _changes_before(text, start)
    now = _NOW_THEREFORE.search(text, 0, op.start())
    if now is not None:
        start = min(start, now.start())  # the operative paragraph
    heading = _AMENDMENTS_HEADING.search(text, 0, op.start())
    if heading is not None:
        start = min(start, heading.start())  # "III. MODIFICATIONS." over the items
    # (the signatures are looked for from where the items begin: a "1." met first in an
    # exhibit after them, where no lead says "as follows", must not hide them)
    witness, execution = _WITNESS.search(text, start), _EXECUTION.search(text, start)
    while execution is not None and _amends_after(text, execution.end()):
        # "Signed for and on behalf of" in an item's new text: items follow; the next one
        execution = _EXECUTION.search(text, execution.end())
    ends = [m.start() for m in (witness,) if m] + [m.start("clause") for m in (execution,) if m]
    signed = _signatures(text, start, min(ends, default=len(text)))
    if signed is not None:
        ends.append(signed)
    end = min(ends, default=len(text))
    return start, end, op.start()


# A letter's salutation on a line of its own ("Ladies and Gentlemen:", "Dear Ms. Vance:").
_SALUTATION = lazy_re(
    r"(?m)^[ \t]*(?:Ladies\s+and\s+Gentlemen|Gentlemen|Dear\s+[^\n:,]{1,60}"
    r"|To\s+[Ww]hom\s+[Ii]t\s+[Mm]ay\s+[Cc]oncern)[ \t]*[:,][ \t]*$"
)


def _past_salutation(text: str, start: int) -> int:
    """A letter with no lead into its items: what stands over its salutation (the date, the
    addressee, "2210 Quarry Lane, Suite 40") is its head, never an item numbered 2210: the
    items begin after the salutation."""
    salutation = _SALUTATION.search(text, start, start + 3000)
    if salutation is None or AMENDING.search(text, start, salutation.start()):
        return start
    return salutation.end()


def lead_of(text: str, head_end: int) -> tuple[str, int] | None:
    """The sentence that leads into the items ("... agree to amend the Agreement as
    follows:") and where it begins, where the amendment has one."""
    m = _OPERATIVE.match(text, head_end)
    if m is None or _names_its_provision(text, m):
        return None  # "... agree that Section 7.6 ... is hereby amended as follows:": an item
    begin = _sentence_begin(text, m.start())
    return text[begin : m.end()], begin


# recitals numbered in parentheses: "(1) The Borrower ... (2) ..."
_BRACKETED_ONE = lazy_re(r"\(1\)|1\)")


def _first_item(text: str) -> re.Match[str] | None:
    """Where item 1 is.  "PRELIMINARY STATEMENTS: (1) The Borrower has entered into ...
    (2) ..." then "SECTION 1. Amendment. ...": paragraphs numbered in parentheses just under a
    recitals heading, before an item 1 numbered as sections are, are recitals -- never when
    they amend ("(1) Section 5 of the Lease is hereby deleted."), whatever heads them: then
    they are the items, and a "Section 1." further on is their new text."""
    first = _FIRST_ITEM.search(text) or _LATER_ITEM.search(text)
    if first is None or not _BRACKETED_ONE.match(first.group(0).strip()):
        return first
    headings = list(_RECITALS_HEADING.finditer(text, 0, first.start()))
    if not headings or text[headings[-1].end() : first.start()].strip():
        return first
    later = _FIRST_ITEM.search(text, first.end())  # the next item 1: "(1)" again is the items'
    if (
        later is None
        or _BRACKETED_ONE.match(later.group(0).strip())
        or AMENDING.search(text, first.start(), later.start())
    ):
        return first
    return later


# a recitals heading on a line of its own (never "WHEREAS", which opens a recital's sentence)
_RECITALS_HEADING = lazy_re(
    r"(?m)^[ \t]*(?:RECITALS|Recitals|BACKGROUND|Background|PRELIMINARY\s+STATEMENTS?"
    r"|Preliminary\s+Statements?)[ \t]*:?[ \t]*$"
)


def _numbered_recitals(text: str, first: re.Match[str], op: re.Match[str]) -> bool:
    """ "RECITALS" (or "BACKGROUND:", "WHEREAS") over "1. ... 2. ...", then "NOW, THEREFORE,
    ... agree as follows:" and items numbered from 1 again: what comes first is recitals,
    whatever words they use ("desires to amend", "a copy of which is attached")."""
    return (
        _RECITALS.search(text, 0, first.start()) is not None
        and _NOW_THEREFORE.search(text, first.end(), op.start()) is not None
    )


def _instruction_lead(text: str, op: re.Match[str] | None) -> int | None:
    """Where the paragraph begins whose sentence ending "as follows:" names the provision it
    amends: an instruction with its new text after it (an item, "¶1"), not the lead into
    numbered items; None for a lead."""
    if op is None or not _names_its_provision(text, op):
        return None
    return text.rfind("\n\n", 0, op.start()) + 2 if "\n\n" in text[: op.start()] else 0


def _sentence_begin(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n\n", 0, at)) + 1


def _names_its_provision(text: str, lead: re.Match[str]) -> bool:
    """Does the sentence ending in ``lead`` ("... as follows:") name the provision it amends?"""
    begin = _sentence_begin(text, lead.start())
    return _NAMES_ITS_PROVISION.search(text, begin, lead.end()) is not None


def _changes_before(text: str, start: int) -> int:
    """A letter's paragraphs just before its instruction paragraph that amend, or say
    something of a provision, a term or a named value ("Section 2 of the Agreement shall be
    of no further force or effect."), are items of it too: never words of its head, where
    the change they make would be in no item."""
    while start > 0:
        begin = text.rfind("\n\n", 0, max(start - 2, 0))
        begin = 0 if begin < 0 else begin + 2
        paragraph = " ".join(text[begin:start].split())
        if not paragraph or not (OPERATIVE.search(paragraph) or says_of_any(paragraph)):
            return start
        start = begin
    return start


def _in_later_item(text: str, first: re.Match[str], op: re.Match[str]) -> bool:
    """ "Section 1. Defined Terms. ..." then "Section 2. Amendments. Section 7.8 ... is amended
    as follows:": the lead is a later item's own, and item 1 comes before it."""
    line_start = text.rfind("\n", 0, op.start()) + 1
    return (
        first.start() < line_start
        and LEAD.match(text[line_start : op.start()].lstrip()) is not None
    )
