"""A thing cited inside a clause's subject, read against it: "clause (iv) thereof",
"the words "X" in the first sentence", "clauses (b) through (d) thereof"."""

from __future__ import annotations

import re
from dataclasses import replace

from ..change import Selector
from ..errors import InstructionParseError
from ..lazy_re import lazy_re
from .parts import _relative


def resolve(obj: Selector, subject: Selector) -> Selector:
    """An edit's object read against the clause's subject ("clause (iv) thereof").  The
    instruments the subject names stay named, and so do its qualifiers: "the words "X"" of
    "Paragraph 4 of the Second Amendment" are never the agreement's words, nor those of "Part
    3(b) as it applies to Party B" all of Part 3(b)'s."""
    found = _such(_resolve(obj, subject), subject)
    if obj.every and not found.every:
        found = replace(found, every=True)
    if obj.first and not found.first:
        found = replace(found, first=True)
    documents = tuple(dict.fromkeys((*found.documents, *subject.documents)))
    # (the object's own too: "the second sentence thereof, which reads "X"")
    qualifiers = tuple(dict.fromkeys((*found.qualifiers, *obj.qualifiers, *subject.qualifiers)))
    named = tuple(dict.fromkeys((*found.named, *obj.named, *subject.named)))  # and captions
    if (documents, qualifiers, named) == (found.documents, found.qualifiers, found.named):
        return found
    return replace(found, documents=documents, qualifiers=qualifiers, named=named)


def _such(found: Selector, subject: Selector) -> Selector:
    """ "The third sentence of Section 5 is amended by deleting the period at the end of such
    sentence": the sentence the subject is.  "Section 5 is amended by ... at the end of such
    sentence" names no sentence the item cites (a sentence an earlier edit named is not
    taken for it), and is refused."""
    m = _SUCH.search(found.printed)
    if m is None:
        return found
    if subject.kind != "sentence" or m["part"] not in subject.printed.lower():
        raise InstructionParseError(
            f'"such {m["part"]}" names no {m["part"]} the item cites ({subject.printed})'
        )
    printed = found.printed.replace(m.group(0), "", 1) if found.printed != m.group(0) else ""
    return replace(found, printed=printed or subject.printed, kind=found.kind)


_SUCH = lazy_re(r"such (?P<part>sentence|proviso)(?: of |$)")


def words_within(obj: Selector, place: Selector) -> Selector:
    """Quoted words looked for in the place named ("deleted from Section 4.2", "each place
    they appear in Section 4(c)"), never wherever else the agreement prints them; the
    instrument named is kept, so another one is refused."""
    if place.kind == "here":
        return obj
    if place.kind == "document":
        return replace(obj, documents=tuple(dict.fromkeys((*obj.documents, *place.documents))))
    if obj.kind == "words" and obj.words and place.printed.startswith("end of "):
        # "The word "and" is deleted from the end of clause (c) thereof": the words at its
        # end, as "the word "and" at the end of clause (c)" says it
        edge = f"at the {place.printed}"
        if obj.scope and not _absolute(place.printed.removeprefix("end of ")):
            edge = f"{edge} of {obj.scope}"
        said = " and ".join(f'"{w}"' for w in obj.words)
        documents = tuple(dict.fromkeys((*obj.documents, *place.documents)))
        return replace(obj, printed=f"{said} {edge}", scope=edge, documents=documents)
    found = resolve(obj, place)
    if obj.kind == "words" and not obj.scope:
        found = replace(found, printed=f"{obj.printed} of {place.printed}")
    return found


def within(obj: Selector, place: Selector) -> Selector:
    """A thing named after "In Exhibit B,": read inside that place.  A provision with a label
    of its own ("In Exhibit B, Paragraph 1 ...") is the attachment's Paragraph 1, never the
    agreement's, as "Paragraph 1 of Exhibit B" is.  (A place that is an instrument, "In the
    Pledge Agreement,", is kept by ``resolve`` among the instruments named.)"""
    found = resolve(obj, place)
    if place.kind != "attachment" or place.printed in (found.printed, ""):
        return found
    if f" of {place.printed}" in found.printed or found.kind == "here":
        return found
    scope = f"{found.scope} of {place.printed}" if found.scope else place.printed
    return replace(found, printed=f"{found.printed} of {place.printed}", scope=scope)


def _resolve(obj: Selector, subject: Selector) -> Selector:
    if obj.kind == "here":
        return subject
    if subject.kind == "here":
        return obj
    if obj.kind in ("words", "mark", "sentence", "line"):
        inner = obj.scope
        if obj.kind == "words" and inner and _absolute(inner):
            return obj  # 'deleting "$340,000" in Section 4(a)': that provision's words
        printed = obj.printed if inner else subject.printed
        if obj.kind in ("sentence", "line") and not inner:
            printed = _of(obj.printed, subject.printed)
        if inner and not _absolute(inner):
            printed = _of(printed, subject.printed)
        return Selector(
            obj.kind,
            printed,
            subject.labels,
            subject.unit,
            subject.terms,
            obj.words,
            scope=subject.printed,
            every=obj.every,
            span=obj.span,
            to_end=obj.to_end,
        )
    if obj.kind == "range" and not obj.scope and obj.labels and _relative(obj.labels[0]):
        # "clauses (b) through (d) thereof": a range inside the subject
        return replace(obj, printed=_of(obj.printed, subject.printed), scope=subject.printed)
    if obj.kind == "relative":
        kind = (
            "definition_clause"
            if subject.kind in ("definition", "definition_clause")
            else "provision"
        )
        return Selector(
            kind,
            f"{obj.printed} of {subject.printed}",
            obj.labels,
            obj.unit,
            subject.terms,
            scope=subject.printed,
        )
    if obj.kind == "definition" and not obj.scope and subject.kind == "provision":
        return Selector(
            "definition",
            f"{obj.printed} in {subject.printed}",
            terms=obj.terms,
            scope=subject.printed,
        )
    return obj


def _of(part: str, whole: str) -> str:
    """ "clause (x) of Section 5", or "the word "and" at the end of Section 5" when the
    part already ends in its link ("at the end of" + "thereof")."""
    return f"{part} {whole}" if part.endswith(" of") else f"{part} of {whole}"


def _absolute(printed: str) -> bool:
    return bool(
        re.search(
            # ("Paragraph 3(b)" capitalised cites a Paragraph in full; "paragraph 1 thereof" is
            # a part of what the item amends)
            # (and a numbered clause or paragraph of English drafting: "clause 7.4")
            r"\b(?:(?i:section|subsection|article|exhibit|schedule|annex|appendix)|Paragraph)\s+\d"
            r"|\b(?i:clause|paragraph)\s+\d{1,3}\.\d",
            printed,
        )
    )
