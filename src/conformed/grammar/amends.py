"""Which words of an item amend, and which an item may carry beside its instruction.

An item's sentences are read one by one only where they amend; a sentence set aside as
freestanding must amend nothing and say nothing of a provision, a term or a named value
(layout/says.py), or a change would vanish from the report.
"""

from __future__ import annotations

import re

from ..layout.items import PAYLOAD_MARK
from ..layout.says import says_of
from ..lazy_re import lazy_re
from ..sentences import split_sentences
from .guards import UNITS
from .no_text_change import IMPERATIVE, OPERATIVE

# Amending in the active voice: "Exhibit D-1 replaces Exhibit D", "... supersedes Section 4".
ACTIVE = lazy_re(
    r"\b(?=[adirs])(?:replaces?|supersedes?|amends?|deletes?|inserts?|adds?|substitutes?|restates?)\b"
    r"[^.]{0,80}\b(?:sub-?)?(?:section|exhibit|schedule|annex|paragraph|clause|article|definition)",
    re.IGNORECASE,
)


def amends(text: str) -> bool:
    """Words that amend, in the passive ("is hereby deleted"), the active voice or the
    imperative ("In Section 3.2, delete ...", also after the item's heading: "Reporting. In
    Section 5(a), replace ...")."""
    if OPERATIVE.search(text) or ACTIVE.search(text) or IMPERATIVE.match(text):
        return True
    head = CITED_HEAD.match(text)  # "Clause 9.2: Delete "thirty" and substitute "sixty"."
    if head and head.group(0).rstrip().endswith(":") and IMPERATIVE.match(text[head.end() :]):
        return True
    return any(IMPERATIVE.match(sentence) for sentence in split_sentences(text)[1:])


def first_sentence(instruction: str) -> str | None:
    """An instruction followed by freestanding sentences ("... by reference. The parties
    acknowledge ..."): its first sentence, provided the rest amends nothing and says
    nothing of a provision."""
    m = re.match(r"(.+?[.])\s+(?=[A-Z])", instruction)
    if not m or PAYLOAD_MARK in instruction[m.end() :]:
        return None
    rest = instruction[m.end() :]
    if amends(rest) or any(says_of(s) for s in split_sentences(rest)):
        return None
    return m.group(1)


def beside(sentence: str) -> bool:
    """Words an item may carry beside its instruction: a sentence that amends nothing and
    says nothing of a provision, a term or a named value."""
    return not amends(sentence) and not says_of(sentence)


CITED_HEAD = lazy_re(
    rf"^(?P<cite>(?i:{UNITS})\s*\d[\w.]*(?:\s?\((?:[a-z]{{1,5}}|[0-9]{{1,3}}|[A-Z]{{1,2}})\))*)"
    r"(?:\s*\([A-Z][^()]{1,60}\))?\s*:?\s+(?=[A-Z])"  # "Section 11 (Notices):", its caption
)
