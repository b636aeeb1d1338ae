"""Readings refused because applying them would lose text without a word.

A reading may parse and still be wrong in a way that applying would hide: a whole
provision replaced where the item names only a part of it, or with "new text" that
itself says how to amend, or an item applied while an edit it carries sits unread in
its new text.  Each of these is refused with what the item says, so that the conformed
copy is exactly right or loudly incomplete.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..change import Change
from ..errors import InstructionParseError
from ..layout.convention import CONVENTION, INSTRUMENT_NOUNS
from ..layout.item_patterns import GERUNDS, INSTRUCTION_PARAGRAPH
from ..layout.items import Item
from ..layout.payload import NEVER_CLOSES, opens_quotation
from ..layout.says import part_said_of, says_of
from ..lazy_re import lazy_re
from ..operations import (
    DeleteProvision,
    NoTextChange,
    Operation,
    ReplaceProvision,
    ReplaceProvisions,
    Steps,
    describe,
)

UNITS = CONVENTION.unit_pattern("section", "article")  # interpret.py uses it too


def nothing_hidden(op: Operation, item: Item) -> Operation:
    """New text whose later paragraph reads as an instruction of its own ("(ii) deleting
    the period at the end of clause (xiii) ...", "All references ... to the term "Deposit"
    are deleted.") is where the reader took an edit for text: applying the item would lose
    that edit without a word, so the item is refused and the paragraph named."""
    if isinstance(op, NoTextChange) or not item.payload:
        return op
    found = None
    paragraphs = re.split(r"\n[^\S\n]*\n", item.payload.strip())[1:]
    # a converted filing runs its sub-items on in one paragraph: "... August 18, 2026. (b) The
    # table in Schedule 2 ... is deleted ...": each labelled sentence is read as a paragraph
    inline = _INLINE_LABEL.split(" ".join(item.payload.split()))[1:]
    after_quotation = set(_after_a_quotation(item.payload))
    for paragraph in (*paragraphs, *inline):
        text = " ".join(paragraph.split())
        body = _LABELS_FIRST.sub("", text)
        if (
            INSTRUCTION_PARAGRAPH.match(body)
            or (paragraph in after_quotation and says_of(body))
            or (not item.quoted and part_said_of(body) and _OF_THE_INSTRUMENT.search(body, 0, 160))
            or INSTRUCTION_PARAGRAPH.match(_HEADING_FIRST.sub("", body, count=1))
            or _EDIT_NAMING_ITS_OBJECT.match(body)
            or _LOCATED_IMPERATIVE.match(body)
        ):
            found = text
            break
    if found is None:  # a double-spaced filing: sentences run over lines
        found = _hereby_amended(" ".join(item.payload.split()))
    closed = _closed_early(item)
    if closed is not None:
        raise InstructionParseError(
            f'the quotation of this item\'s new text closes before "{closed[:60]}", words the '
            "item goes on with; the item is refused rather than applied with them as new text"
        )
    signed = _SIGNED.search(item.payload)
    if signed is not None:  # "By /s/ Dana Vale": the amendment's own signature block
        raise InstructionParseError(
            f'the new text of this item runs into a signature ("{signed.group(0)[:60]}"), which '
            "no agreement's text holds; the item is refused rather than applied with it"
        )
    if found is not None:
        raise InstructionParseError(
            f'the new text of this item holds what reads as another instruction ("{found[:80]}"); '
            "the item is refused rather than applied without it"
        )
    return op


def _closed_early(item: Item) -> str | None:
    """Where new text was read to the item's end because its quotation seemed never to close,
    the words after a closing mark that closes it after all: on its line ('roof and gutters"
    in lieu thereof.'), or a sentence or heading on the lines after ('... Termination Date."'
    / "The Borrower has executed ..."). The quotation ended there, and what follows is not
    new text."""
    if not item.payload or not any(note.startswith(NEVER_CLOSES) for note in item.notes):
        return None
    depth = 1
    for m in _MARK.finditer(item.payload):
        # (the new text's first mark opens its defined term: '" Rent " means ...')
        opening = m.start() == 0 or opens_quotation(item.payload, m.start())
        depth += 1 if opening else -1
        if depth == 0:
            line, _, later = item.payload[m.end() :].partition("\n")
            rest = " ".join(f"{line}\n{later}".split())
            if _WORDS_AFTER.match(line.strip()) or _CAPITAL_AFTER.match(later):
                return rest  # words on its line, or a sentence or heading after it
            return None  # ('... 4.00 to 1"' / 'on or after ...': a table's row, wrapped)
    return None


_MARK = lazy_re(r'["\u201c\u201d]')
_WORDS_AFTER = lazy_re(r"[.,;:]?\s*[A-Za-z]")
_CAPITAL_AFTER = lazy_re(r"\s*[A-Z]")


# A signature as a filing prints one that was signed ("/s/ Dana Vale"): an amendment's or a
# certificate's, never words of an agreement (a form of one, restated, leaves its lines blank)
_SIGNED = lazy_re(r"/s/[^\S\n]*[A-Z][^\n]{0,60}")


# "Section 1 of the Agreement": a provision named as the amendment names it; the agreement's
# own text says "this Agreement" (a paragraph of unquoted new text that says something of
# such a provision is the amendment speaking, not the new text)
_OF_THE_INSTRUMENT = lazy_re(
    rf"\bof\s+the\s+(?:[A-Z][\w\-]*\s+){{0,4}}(?:{'|'.join(INSTRUMENT_NOUNS)})\b"
)


def _after_a_quotation(payload: str) -> list[str]:
    """The unquoted paragraphs that follow a paragraph ending on a closing quotation mark
    ('"1. Term. ... Date."' then 'Section 2 of the Agreement shall no longer apply.'): the
    quotation had ended there, and such a paragraph is the item's words, never its text."""
    paragraphs = re.split(r"\n[^\S\n]*\n", payload.strip())
    return [
        p
        for before, p in pairwise(paragraphs)
        if before.rstrip().endswith(('"', "\u201d")) and not p.lstrip().startswith(('"', "\u201c"))
    ]


_HEREBY_AMENDED = lazy_re(
    r"[^.;:]{0,80}\b(?:is|are)\s+(?:each\s+|also\s+)?hereby\s+(?:further\s+)?"
    r"(?:amended|deleted|replaced|added|inserted|restated)\b",  # "are each hereby amended"
    re.IGNORECASE,
)
# The verb alone, found in one pass: the full pattern, tried at every character of a long
# payload, backtracks over its 80-character lead each time (most of a corpus pair's time).
_HEREBY_VERB = lazy_re(
    r"(?=\b[ai])" + _HEREBY_AMENDED.pattern.removeprefix(r"[^.;:]{0,80}"), re.IGNORECASE
)


def _hereby_amended(text: str) -> str | None:
    """``_HEREBY_AMENDED``'s leftmost match in ``text``: any match holds the verb at most 80
    characters after its start, so the search may begin 80 before the first verb.  Every
    match says "hereby", whose letters fold to their ASCII forms only: a text without it in
    lower case is not searched at all (most new text is not)."""
    if "hereby" not in text.lower():
        return None
    verb = _HEREBY_VERB.search(text)
    if verb is None:
        return None
    hereby = _HEREBY_AMENDED.search(text, max(0, verb.start() - 80))
    return hereby.group(0) if hereby else None


# A label opening a sentence inside a paragraph, after the one before it ends: "... 2026. (b) The"
_INLINE_LABEL = lazy_re(r"(?<=[.;:\"\u201d])\s+(?=\([a-zA-Z0-9]{1,4}\)\s+[A-Z])")
# An edit said in the imperative after where it is made: "In the definition of "Revolving
# Commitment" in Section 1.01, replace the last sentence ..."
_LOCATED_IMPERATIVE = lazy_re(
    r"In\s+(?:the\s+definition\s+of\s+|(?:Sub)?(?:[Ss]ection|[Cc]lause|[Pp]aragraph|Article|Schedule|Exhibit)\s)"
    r"(?:[^.;:]|\.(?=\d)){1,200}?,\s+(?:replace|delete|insert|add|substitute|strike|amend)\b"
)
# "(iii) ", "and (iii) ", "and by ": what opens the next edit of a list, before its verb
# An item's heading before its instruction ("1.5 Milestone Payments. Section 4.3 of the
# License Agreement shall be amended ..."): the next item, run into the new text before it
_HEADING_FIRST = lazy_re(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?[A-Z][^.;:\n\"\u201c]{0,60}\.\s+(?=[A-Z])"
)
_LABELS_FIRST = lazy_re(r"^(?:(?:and|or)\s+(?=\(|by\b))?(?:\(?[A-Za-z0-9]{1,5}[.)]\s*)*")
# A gerund edit anywhere in new text that names what it edits ("... by deleting clause (iv)")
# ("(ii) to add the following to the end of such Section before the period:" too)
_EDIT_NAMING_ITS_OBJECT = lazy_re(
    rf"(?:by\s+)?(?:{GERUNDS}|to\s+(?:add|delete|insert|replace|substitute|strike|amend|restate))\b"
    r"[^.;:]{0,200}?\b(?:clause|section|subsection|paragraph|sentence|word|words|text|period|comma|"
    r"thereof|therein|definitions?\s+of|\")",  # ('amending the definition of "U.S. Rate"')
    re.IGNORECASE,
)


def checked(op: Operation, item: Item) -> Operation:
    """A provision replaced or deleted whole where the item says less: by "new text" that
    itself says how to amend ("Section 1.1 shall be amended as follows: "X" shall be
    amended by deleting ..."), or where the item names only a part of it ("the proviso set
    forth in Section 7.9").  Either would lose the rest of the provision: refused."""
    if not _whole(op):
        return op
    given = " ".join(
        t for t in (item.payload, getattr(getattr(op, "payload", None), "text", None)) if t
    )
    if _INSTRUCTS.search(given):
        raise InstructionParseError(
            'the text this item gives says how to amend ("... shall be amended by ..."); '
            "it is not the provision's new words, so the provision is not replaced with it"
        )
    named = part_named(op, item)
    if named is not None:
        target, part, action = named
        raise InstructionParseError(
            f'the item names a part of {target} ("{part[:60]}"), '
            f"not the whole of it; {target} is not {action}{'d' if action.endswith('e') else 'ed'}"
            " whole"
        )
    return op


def part_named(op: Operation, item: Item) -> tuple[str, str, str] | None:
    """(target, the words naming a part of it, action) when ``op`` changes a plain
    "Section 7.9" whole and the item names only a part of it; else None."""
    if not _whole(op):
        return None
    for entry in describe(op):
        label = re.fullmatch(  # a plain "Section 7.9": not "Clause (d) of Section 6.3"
            r"(?:Section|Subsection|Article|Paragraph)\s+(\S+)", entry["target"]
        )
        part = label and re.search(
            rf"\b{_PARTS}\b{_NO_VERB}{{0,60}}?\b(?:{UNITS})\s+{re.escape(label.group(1))}(?![\w.(])",
            item.instruction,
            re.IGNORECASE,
        )
        if part:
            return entry["target"], part.group(0), entry["action"]
    return None


# What an instruction may name inside a provision: changing it is never the whole provision.
_PARTS = (
    r"(?:provisos?|sentences?|definitions?|clauses?|paragraphs?|tables?|lead-in|parentheticals?"
    r"|words?|phrases?|language|columns?|rows?|lines?|captions?|headings?|titles?)"
)


# Between a part and the provision it is part of, no verb: "Paragraph 4(b) ... is hereby
# deleted and Paragraph 4(c) is redesignated ..." names two provisions, not a part of one
_NO_VERB = r"(?:(?!\b(?:is|are|shall|hereby)\b)[^.;:])"


_INSTRUCTS = lazy_re(
    r"\b(?:is|are|shall(?:\s+hereby)?\s+be)\s+(?:hereby\s+)?(?:further\s+)?amended\s+(?:by|to\s+(?:add|delete|insert))\b"
    r"|\bby\s+(?:deleting|inserting|striking)\b[^.]{0,200}\b(?:and|in\s+lieu|with)\b",
    re.IGNORECASE,
)


def _whole(op: Operation) -> bool:
    """Does ``op`` replace or delete whole provisions?"""
    if isinstance(op, Change):
        whole = op.selector.kind in ("provision", "range", "attachment") and not op.words_edit
        return whole and op.verb in ("replace", "delete")
    if isinstance(op, Steps):
        return any(_whole(step) for step in op.steps)
    return isinstance(op, ReplaceProvision | DeleteProvision | ReplaceProvisions)
