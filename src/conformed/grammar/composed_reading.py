"""The compositional grammar's reading of an item, where the sentence forms gave none.

The whole item, else each of its sentences, else a sub-item's edits read against the
provision its umbrella names; an item that names another instrument is understood and
refused when applied.  (grammar/instruction.lark is loaded here, when needed, not on every
start.)
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..change import Change
from ..errors import InstructionParseError
from ..layout.items import PAYLOAD_MARK, Item
from ..lazy_re import lazy_re
from ..operations import DescribedChange, Operation, Steps
from ..sentences import split_sentences
from .amends import CITED_HEAD, amends, beside
from .no_text_change import non_textual
from .parser import _check_agreement, is_an_amendment, names_the_agreement

# a description that names the attachment the part becomes ("to be in the form of Schedule 2
# attached hereto"): the slow reader reads it as restated
_IN_FORM_OF = lazy_re(r"(?i)in\s+the\s+forms?\s+of\s")


def worded(
    op: Operation, item: Item, original: str, ancestors: tuple[Item, ...], agreement: str
) -> Operation:
    """ "amended by deleting the second sentence thereof and replacing it with the following:
    <text>": the words are given, so it is no change described; the slow reader says what is
    replaced, else the description stands (and is refused).  Any reading the sentence forms
    make -- the item as written, or without its heading ("Forecasts. Section 3 ...")."""
    if not isinstance(op, DescribedChange):
        return op
    if not (item.payload or _IN_FORM_OF.match(op.description)):
        return op  # ("amended to be in the form of Schedule 2 attached hereto": restated)
    composed = read_composed(replace(item, instruction=original), ancestors, agreement)
    if composed is None or getattr(composed, "verb", "") == "describe":
        return op
    return composed


def read_composed(item: Item, ancestors: tuple[Item, ...], agreement: str) -> Operation | None:
    """The compositional grammar's reading (grammar/instruction.lark): the whole item,
    else each of its sentences, else a sub-item's edits ("(b) deleting clause (iv)
    thereof") read against the provision its parent amends.  None if not read.  (Its
    grammar is loaded here, when the sentence forms have failed, not on every start.)"""
    from .instruction import umbrella_subject

    subject = next(
        (s for a in reversed(ancestors) if (s := umbrella_subject(a.instruction)) is not None),
        None,
    )
    head = CITED_HEAD.match(item.instruction) if subject is None else None
    if head is not None and head.group(0).rstrip().endswith(":"):
        # "Section 3(a): The amount ... appearing in the first sentence is changed to ...": an
        # item headed by the provision it amends; what it says without naming one is said
        # of that provision, as a sub-item's of the provision its umbrella names
        subject = umbrella_subject(f"{head['cite'].rstrip('.')} is hereby amended as follows:")
    changes = _changes(item.instruction, item, subject=subject)
    if changes is None and subject is not None:
        changes = _changes(item.instruction, item, start="start_edits", subject=subject)
    if not changes:
        return None
    try:
        _check_agreement(
            [d for c in changes for d in c.selector.documents], agreement, item.instruction
        )
    except InstructionParseError:
        # An amendment of several instruments ("... and Section 4 of the Trust Agreement"):
        # understood, and refused when applied to this agreement.
        changes = [_elsewhere(c, agreement) for c in changes]
    if any(c.verb == "umbrella" for c in changes):
        raise InstructionParseError(
            f"the item says {changes[0].selector.printed} is amended, but no change follows it",
            span=item.instruction,
        )
    return changes[0] if len(changes) == 1 else Steps(tuple(changes))


def _elsewhere(change: Change, agreement: str) -> Change:
    names = [
        d
        for d in change.selector.documents
        if is_an_amendment(d) or not names_the_agreement(d, agreement)
    ]
    return replace(change, other_document=names[0]) if names else change


_DEFERRED_TEXT = lazy_re(
    rf"(?P<head>.*?\bas\s+follows)\s*,\s*(?P<rest>(?:and\s+)?(?:by|the\s+(?:existing|current))\s+[^«:]+?)"
    rf"\s*:\s*{PAYLOAD_MARK}\s*\.?",
    re.DOTALL,
)


_AFTER_QUOTED_TEXT = lazy_re(rf"{PAYLOAD_MARK}\s+(?=[A-Z][a-z])")


def _ended_after_text(text: str, quoted: bool) -> str:
    """The item's words with a sentence ended after its new text, where one goes on there.

    New text quoted whole ends its sentence: '... at the end thereof: "(d) ..." The Borrower
    shall pay ...' goes on in a sentence of its own -- one that must then be known to change
    no text, or the item fails.  Block text, unquoted, gives no such end; but the item's words
    that go on after it, where they amend, are a sentence of their own: "... in alphabetical
    order: «TEXT» The definition of "Code" in Section 1 is amended by ..." (the layout ended
    the block at that paragraph because it instructs).  Only where the first sentence after
    it amends: a closing there ("Except as modified above, ..."), then words that amend,
    keeps the item failing loudly."""
    if quoted:
        return _AFTER_QUOTED_TEXT.sub(f"{PAYLOAD_MARK}. ", text)
    after = _AFTER_QUOTED_TEXT.search(text)
    if after is None or not amends(split_sentences(text[after.end() :])[0]):
        return text
    return f"{text[: after.start()]}{PAYLOAD_MARK}. {text[after.end() :]}"


def _changes(text: str, item: Item, **how: Any) -> list[Change] | None:
    from .instruction import parse_changes

    try:
        return parse_changes(text, item.payload, item.payload2, **how)
    except InstructionParseError:
        pass
    moved = _DEFERRED_TEXT.fullmatch(text)
    if moved and text.count(PAYLOAD_MARK) == 1:
        # "adding a new Section 3.3 ... to read as follows, and by redesignating current
        # Section 3.3 as Section 3.4: «TEXT»": the new text belongs to the edit that says so
        said = f"{moved['head']}: {PAYLOAD_MARK}, {moved['rest']}."
        try:
            return parse_changes(said, item.payload, item.payload2, **how)
        except InstructionParseError:
            pass
    split = _ended_after_text(text, item.quoted)
    sentences = split_sentences(split)
    if len(sentences) < 2:
        return None
    found: list[Change] = []
    after_text = False  # a sentence after the quoted new text's
    for sentence in sentences:
        try:
            found += parse_changes(sentence, item.payload, item.payload2, **how)
        except InstructionParseError:
            if PAYLOAD_MARK in sentence or not beside(sentence):
                return None  # a sentence that may change the agreement, not read: the item fails
            if after_text and split != text and non_textual(sentence) is None:
                return None
        after_text = after_text or PAYLOAD_MARK in sentence
    return found or None
