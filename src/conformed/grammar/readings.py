"""Other texts of an instruction the sentence forms refused, in the order a reader tries them.

Without the item's heading ("AMENDMENT OF SECTIONS 3.1 AND 3.2."), without a circumstance
before it ("Consistent with Paragraph 1(a)(ii), ..."), without the caption that names its
provision ("The Payee Representations in Part 2(b) ..."; the reading then claims that
caption, checked when applied), or its first sentence alone where the rest is freestanding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..layout.convention import CONVENTION, INSTRUMENT_NOUNS
from ..layout.heads import split_heading
from ..lazy_re import lazy_re
from ..operations import DeleteProvision, Operation, ReplaceProvision
from .amends import amends, first_sentence
from .guards import UNITS

_CAPS_HEADING = lazy_re(
    r"^(?:(?:[A-Z0-9][A-Z0-9 ,;&'()/.\-]{2,100}?|[\"\u201c][^\"\u201d]{1,60}[\"\u201d])[.:]\s+(?=[A-Z\"\u201c])"
    # or a heading in capitals with no stop, alone on its line over the item's words
    # ("EXTENSION OF THE TERM" / "The definition of ..."): capitals, then a capitalised word
    r"|(?=[A-Z]{3})(?:[A-Z][A-Z0-9&'/\-]*\s+){1,8}(?=[A-Z][a-z]))"
)


# A provision's caption before its citation, and the words that join them ("The Payee
# Representations in Part 2(b)"): shared by the reading without them and the claim it makes
_CAPTION_WORDS = r"[A-Z][\w\-']*(?:\s+[A-Z][\w\-']*){0,5}"


_CAPTION_LINK = r"(?:(?:listed|set\s+forth|contained|described|specified)\s+)?in\s+"


_LEAD = lazy_re(
    # "The provisions set forth in Section 5.2 ...", "The Payee Representations in Part 2(b)":
    # the provision, named by words that mean all of it or by its caption.  Never a
    # description ("the address for notices set forth in Section 1.1(k)"): that is a part
    r"^(?:Subject\s+to\s+[^,]{1,80},\s*)?(?:the\s+(?:provisions?|terms?(?:\s+and\s+(?:provisions|conditions))?|text|language"
    rf"|(?-i:{_CAPTION_WORDS}))\s+{_CAPTION_LINK})"
    rf"(?={UNITS}\s+\d)",
    re.IGNORECASE,
)


# A circumstance before the instruction proper: "Consistent with Paragraph 1(a)(ii), ...";
# two joined by "and": "In reliance on the Hirer's warranties below, and subject to ...,".
_PREAMBLE = lazy_re(
    r"^(?:(?:and\s+)?(?:Consistent\s+with|Subject\s+(?:only\s+)?to|Pursuant\s+to|Solely\s+with\s+respect\s+to|"
    r"Effective\s+as\s+of|With\s+effect\s+from|Notwithstanding|In\s+reliance\s+(?:up)?on|"
    r"On\s+and\s+as\s+of|On\s+and\s+after|From\s+and\s+after)"
    r"\s[^,]{1,160},\s*)+(?=[A-Z]|the\s)",
    re.IGNORECASE,
)


# "Amendment of Section 1.1. The reference in ...": a heading that cites a provision, the
# stops inside its label not its end (the reading without it is the one whose error is told)
_CITING_HEADING = lazy_re(
    rf"^(?:[A-Z][\w\-]*\s+){{1,4}}(?:of|to)\s+(?:the\s+)?(?:{UNITS})\s+\d[\w.()]*?\.\s+(?=[A-Z\"\u201c])"
)


_BARE_HEADING = lazy_re(rf"^(?:[A-Z][\w\-]*\s+){{1,6}}(?={UNITS}\s+\d)")


# A provision named by capitalised words before its citation ("The Payee Representations in
# Part 2(b)"): its caption, if the heading it has says so (checked when applied)
_LEAD_NAME = lazy_re(
    rf"^(?:Subject\s+to\s+[^,]{{1,80}},\s*)?[Tt]he\s+(?P<name>{_CAPTION_WORDS})\s+{_CAPTION_LINK}$"
)


_WHOLE = (ReplaceProvision, DeleteProvision)


def captioned(op: Operation, instruction: str, reading: str) -> Operation:
    """A reading that left out the capitalised words naming the provision: the op claims
    them as its caption, so that a heading that is not that caption refuses it ("The Base
    Rent set forth in Section 4.1 is hereby deleted" must not delete all of Section 4.1)."""
    if not instruction.endswith(reading):
        return op
    m = _LEAD_NAME.match(instruction[: len(instruction) - len(reading)])
    if m is None or not isinstance(op, _WHOLE):
        return op
    return replace(op, target=replace(op.target, caption=m["name"]))


# When a change takes effect, between commas after its verb
_VERB_CIRCUMSTANCE = lazy_re(
    r"\b(?P<verb>is|are|shall\s+be|will\s+be),\s*(?:effective|with\s+effect|as\s+of|from|on\s+and\s+after|commencing|beginning)\b[^,;:]{1,120}?,\s*"
    r"(?=(?:hereby\s+)?(?:further\s+)?(?:amended|deleted|restated|replaced|modified|supplemented)\b)",
    re.IGNORECASE,
)


def without_circumstance(instruction: str) -> str:
    """ "Section 6.15(a) ... is, effective as of the Fourth Amendment Effective Date, hereby
    amended and restated ...": the instruction without when it takes effect, between the
    verb's parts (every reading starts from it)."""
    if "," not in instruction:
        return instruction
    return _VERB_CIRCUMSTANCE.sub(r"\g<verb> ", instruction)


def readings(original: str, instruction: str) -> Iterator[tuple[str, bool]]:
    """Alternative texts for an instruction the grammar refused, in the order tried;
    the flag says whether a failure of that reading is the one to report."""
    first = first_sentence(original)
    if first is not None:
        yield first, False  # "... incorporated therein by reference. The parties acknowledge"
    bare = _BARE_HEADING.match(instruction) or _LEAD.match(instruction)
    if bare:
        yield instruction[bare.end() :], False  # "Additional Termination Event Part 1(i) ..."
    yield from _without_preamble(instruction)
    yield from _without_umbrella(instruction)
    heading, rest = split_heading(original)
    caps = _CAPS_HEADING.match(original) or _CITING_HEADING.match(original)
    if caps and (not heading or len(caps.group(0)) > len(heading)):
        rest = original[caps.end() :]  # "AMENDMENT OF SECTIONS 3.1 AND 3.2."
    elif not heading:
        return
    if rest:
        yield rest, True
        # "IDIOCRACY": Consistent with Paragraph 1(a)(ii), Exhibit A is ...
        yield from ((t, False) for t, _ in _without_preamble(rest))


# An umbrella sentence that amends the agreement as a whole, then on the same line the one
# change it announces: "The parties hereby agree to amend the Lease as follows: The
# definition of ..." (a flattened filing, or a drafter who wrote no list).  Only where the
# umbrella names no provision: the change after it then says all of where it applies
# ("Section 2 is amended as follows: the words ..." would lose its Section).
_UMBRELLA = lazy_re(
    r"^(?P<lead>[^:\"\u201c\u00ab]{10,240}?\bamend(?:ed|s)?\b[^:\"\u201c\u00ab]{0,120}?)"
    r"\b(?:as\s+follows|in\s+the\s+following\s+(?:respects?|manner))\s*:\s+(?=[A-Z\"\u201c])"
)
_READ_AS = lazy_re(r"\b(?:read|reads|restated|replaced|substituted)\b", re.IGNORECASE)
# An instrument the umbrella names by a name of its own ("the Security Agreement"): the change
# after it must name it too
_NAMED_INSTRUMENT = lazy_re(rf"\b(?:[A-Z][\w\-]*\s+){{1,5}}(?:{'|'.join(INSTRUMENT_NOUNS)})\b")
_THE = lazy_re(r"^(?:The|This|Such)\s+")


def _names_again(before: str, rest: str) -> bool:
    """Does ``rest`` name every instrument that the words set aside before it name by a name
    of its own?  "The Security Agreement is amended as follows: Section 4 of the Agreement
    ...": read alone, the change would fall on the agreement the amendment amends."""
    return all(_THE.sub("", named.group(0)) in rest for named in _NAMED_INSTRUMENT.finditer(before))


# Whoever agrees, before what they agree ("Each Lender listed on Schedule 1 (the "Extending
# Lenders") and each Issuing Bank agrees that, on and as of the Amendment Date, Section 4 ...
# is amended ..."): a subject the lead-ins' own list of parties cannot spell out.  The
# instruction is what follows "that".
_AGREES_THAT = lazy_re(
    r"^(?:[^\u00ab.;:]|\.(?=\S)){1,400}?\b(?:hereby\s+)?(?:(?:acknowledges?|confirms?)\s+and\s+)?"
    r"agrees?\s+that,?\s+(?=[A-Z]|the\s|on\s|effective\s|as\s+of\s)"
)


def without_agreeing(instruction: str) -> str:
    """ "Each Lender ... agrees that, ..., Section 4 is amended ...": what is agreed, where
    the words before it amend nothing (every reading starts from it, the composed
    grammar's too)."""
    if "agree" not in instruction:
        return instruction  # (most instructions: no heading split, no pattern tried)
    heading, text = split_heading(instruction)  # "Maturity Extension. Each Lender agrees ..."
    m = _AGREES_THAT.match(text)
    if m is None or amends(text[: m.end()]) or _cites_a_part(text[: m.end()]):
        return instruction
    rest = text[m.end() :]
    if not amends(rest) or not _names_again(text[: m.end()], rest):
        return instruction
    return f"{heading} {rest[:1].upper()}{rest[1:]}".lstrip()


# A part cited in the words before "agrees that" ("Each Lender consents to the deletion of
# Section 5 and agrees that ..."): set aside, a change in them would vanish.  Only the
# amendment's own attachments may be cited there ("Each Person listed on Schedule 2.01 set
# forth on Annex A hereto ..."): they say who agrees.
_PART_CITED = lazy_re(rf"\b{CONVENTION.unit_pattern(plural=True)}\s*[\dA-Z(]", re.IGNORECASE)
_OWN_ATTACHMENT = lazy_re(r"[^,;()]{0,60}?\b(?:hereto|to\s+this\s+Amendment)\b", re.IGNORECASE)


def _cites_a_part(words: str) -> bool:
    return any(_OWN_ATTACHMENT.match(words, m.end()) is None for m in _PART_CITED.finditer(words))


def _without_umbrella(text: str) -> Iterator[tuple[str, bool]]:
    """ "The Lease is hereby amended as follows: Section 4 ... is deleted.": the change
    after the umbrella, and the readings of that."""
    m = _UMBRELLA.match(text)
    if m is None or _READ_AS.search(m["lead"]) or re.search(rf"\b(?:{UNITS})\s+\d", m["lead"]):
        return
    rest = text[m.end() :]
    if not _names_again(m["lead"], rest):
        return
    yield rest, False
    yield from readings(rest, rest)


def _without_preamble(text: str) -> Iterator[tuple[str, bool]]:
    """ "Consistent with Paragraph 1(a)(ii), Exhibit A is ...": the instruction after the
    circumstance, and the readings of that."""
    preamble = _PREAMBLE.match(text)
    if preamble:
        stripped = text[preamble.end() :]
        yield stripped, False
        yield from readings(stripped, stripped)
