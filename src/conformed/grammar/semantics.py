"""What a clause's predicate does to its subject: the semantics of instruction.lark.

A predicate ("deleted", "amended by (A) ... and (B) ...", "added as a new Section 4.10")
said of a subject ("the definition of "Total Debt"") becomes the changes it makes: each
edit tied to the subject ("deleting clause (iv) thereof" deletes that definition's clause
(iv)), a new provision's label read from its text, definitions from theirs.  The tree's
rules, in clauses.py, only find the subject and the predicate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..change import ANY_DEFINITIONS, Change, Payload, Selector
from ..definitions import (
    ENUMERATOR,
    definition_term,
    split_definitions,
    words_before_definitions,
)
from ..errors import ConformedError, InstructionParseError, PayloadError
from ..layout.engine import read_new_text
from ..lazy_re import lazy_re
from .edits import merged, or_replacing, renumbered_after, term_renamed, term_words
from .parts import Edit
from .resolve import resolve, words_within
from .verbs import NewThing, Position, Predicate


class Semantics:
    """The changes a predicate makes; ``subject`` is what "thereof" means, ``text`` the
    item's block of new text."""

    subject: Selector
    text: str

    def _apply(self, subject: Selector, p: Predicate) -> list[Change]:
        if p.verb == "refer":  # 'All references to "X" shall be deemed references to "Y"'
            if subject.kind != "words":
                raise ValueError(f"{subject.printed} is not words, so it cannot refer to others")
            p = replace(p, verb="replace")
        if p.verb == "figure":  # "The amount $500,000 ... is changed to $750,000"
            if subject.kind != "words":  # "The annual fee is increased to $9,000": described
                return [Change("describe", subject)]
            p = replace(p, verb="replace")
        if p.verb == "umbrella":
            return [Change("umbrella", subject)]
        if p.verb == "renumber":
            return [Change("renumber", subject, new_label=p.new.printed if p.new else "")]
        if p.verb == "insert":  # "Section 11.19 is hereby added": the subject is the new provision
            where = p.position.cited
            if subject.kind in ("sentence", "words", "mark"):  # "The following sentence is added"
                anchor = where or p.position.anchor or self.subject
                payload = p.payload
                if payload.kind == "none" and subject.kind == "words" and len(subject.words) == 1:
                    payload = Payload("quoted", subject.words[0])  # 'the words "X" are inserted'
                if p.position.instead is not None and payload.kind != "none":
                    return self._in_place_of(p, payload)
                added = new_definitions(anchor, payload, p.position)
                if added is not None:
                    return [added]
                return [Change("insert", anchor, payload, p.position, words_edit=True)]
            new = (
                resolve(subject, where)
                if where is not None and subject.kind == "relative"
                else subject
            )
            return [Change("insert", _as_new(new), p.payload, p.position)]
        if p.verb == "delete" and p.position.cited is not None:
            subject = words_within(subject, p.position.cited)
        if p.verb == "delete" and p.remainder:  # "... and the remainder is renumbered accordingly"
            return [Change("delete", subject, p.payload), renumbered_after(subject, p.within)]
        if p.verb == "append":  # "Exhibit A is supplemented with the following"
            return self._insert(subject, NewThing(""), p.payload, p.position)
        renamed = _term_renamed(subject, p)
        if renamed is not None:
            return [Change("replace", renamed, p.payload, words_edit=True)]
        if p.verb != "edits":
            words = subject.kind == "words"
            if p.each_in is not None and words:  # "... each place they appear in Section 4(c)"
                subject = words_within(subject, p.each_in)
            return [Change(p.verb, subject, p.payload, words_edit=words, every=p.every and words)]
        out: list[Change] = []
        edits = merged(p.edits)
        renumbers = any(e.verb == "renumber" for e in edits)
        for edit in edits:
            if edit.verb == "within":  # "amending the definition of "X" by ...": its edits
                place = resolve(edit.obj, subject) if edit.obj is not None else subject
                out += self._apply(place, Predicate("edits", edits=edit.inner))
                continue
            if edit.verb == "references":
                # "and by modifying all cross-references accordingly": beside a renumbering,
                # the references it leaves stale are reported when applied; alone, it is a
                # change described, not worded, and is refused when applied
                out += [] if renumbers else [Change("describe", subject)]
                continue
            out += self._edit(subject, edit)
        return out

    def _in_place_of(
        self, p: Predicate, payload: Payload, place: Selector | None = None
    ) -> list[Change]:
        """ "The following sentence is inserted in lieu of (substituted for) the first
        sentence of Section 10.1": that sentence, replaced by the new words."""
        assert p.position.instead is not None
        whole = replace(p, verb="replace", payload=payload, position=Position(""))
        return self._apply(resolve(p.position.instead, place or self.subject), whole)

    def _edit(self, subject: Selector, e: Edit) -> list[Change]:
        if e.verb == "insert":
            where = (
                e.position.cited
                if isinstance(e.position, Position) and e.position.cited
                else subject
            )
            if where is not subject:
                where = resolve(where, subject)
            changes = self._insert(where, NewThing(e.noun, e.new), e.payload, e.position)
            if e.first or e.every:  # "where it first appears", "in each place ...": of words
                changes = [
                    replace(c, first=e.first and c.words_edit, every=e.every and c.words_edit)
                    for c in changes
                ]
            return or_replacing(changes) if e.or_replace else changes
        obj = resolve(e.obj or subject, subject)
        if obj.terms == (ANY_DEFINITIONS,) and e.payload.kind == "text":
            terms = terms_of(e.payload.text)  # "substituting the following new definitions"
            if not terms:
                raise InstructionParseError(
                    "the definitions it names are not in the text it carries"
                )
            obj = replace(obj, terms=terms)
        # 'replacing the term "Expiry" with "Expiration"': its words
        if term_renamed(obj, e.verb, e.payload):
            obj = term_words(obj)
        words = obj.kind in ("words", "mark", "sentence")
        if e.verb == "renumber" and e.noun == "accordingly":  # "(renumbering each subsequent ...)"
            return [renumbered_after(obj, e.position)]
        new = e.new.printed if e.new else ""
        return [
            Change(
                e.verb,
                obj,
                e.payload,
                new_label=new,
                words_edit=words,
                every=e.every and words,
                first=(e.first or obj.first) and words,
            )
        ]

    def _insert(
        self, where: Selector, thing: NewThing, payload: Payload, position: str
    ) -> list[Change]:
        """A new provision, new definitions, or new words in ``where``."""
        noun = thing.noun
        text = payload.text if payload.kind == "text" else (payload.text if not noun else "")
        if thing.selector is None and isinstance(position, Position) and position.new is not None:
            if position.new.kind in ("sentence", "words"):  # "as a new second sentence thereof"
                return [Change("insert", where, payload, position, words_edit=True)]
            thing = NewThing(thing.noun, position.new)
        if thing.selector is None and payload.named:  # "... the following new Section 6(g):"
            unit, label = payload.named.split(" ", 1)
            thing = NewThing(thing.noun, Selector("provision", payload.named, (label,), unit))
        if thing.selector is not None and thing.selector.kind != "here":
            sel = (
                resolve(thing.selector, where)
                if thing.selector.kind == "relative"
                else thing.selector
            )
            if not sel.documents:  # "The Pledge Agreement is amended by adding a new Section
                sel = replace(sel, documents=where.documents)  # 7.2": the Pledge Agreement's
            return [Change("insert", _as_new(_lettered_in_article(sel, where)), payload, position)]
        defined = [t for t, _ in split_definitions(text)] if text and payload.kind == "text" else []
        said_definitions = "defin" in noun or "term" in noun
        if (
            said_definitions
            or (defined and re.match(r'\s*["\u201c]', text) is not None)
            # "(i) "Crop Year" means ...": definitions the amendment lists as its clauses
            or (defined and ENUMERATOR.match(text.lstrip()) is not None)
            or (not _WORDY.search(noun) and defined and not _LABEL.match(text))
        ):
            # ("The Agreement is amended by adding ...": its definitions wherever they are; the
            # instrument is kept, so another one named is refused)
            lead = words_before_definitions(text) if defined and said_definitions else ""
            if lead[:1] in ('"', "\u201c"):  # new definitions that open '"Account", "Goods" and
                # "Inventory" have the meanings ...': terms no one definition names would be in
                # no report, and lost when applied
                raise PayloadError(
                    f'the new text begins with words that are no definition: "{lead[:60]}"'
                )
            scope = "" if where.kind in ("here", "document") else where.printed
            sel = Selector(
                "definition",
                "definitions",
                terms=tuple(defined) or (ANY_DEFINITIONS,),
                qualifiers=where.qualifiers,
                named=where.named,
                scope=scope,
                documents=where.documents,
            )
            return [Change("insert", sel, payload, position)]
        labels = _labels(text) if payload.kind == "text" and not _WORDY.search(noun) else ()
        if labels or re.search(r"\b(?:section|article|exhibit|schedule|annex)", noun):
            scope = "" if where.kind == "here" else where.printed
            printed = f"{' and '.join(labels)} of {scope}" if scope else " and ".join(labels)
            sel = Selector(
                "provision",
                printed.strip() or noun,
                labels,
                qualifiers=where.qualifiers,
                named=where.named,
                scope=scope,
                documents=where.documents,
            )
            return [Change("insert", sel, payload, position)]
        paragraph = "paragraph" in noun  # "adding a new paragraph at the end thereof"
        return [Change("insert", where, payload, position, words_edit=True, paragraph=paragraph)]


def new_definitions(anchor: Selector, payload: Payload, position: str) -> Change | None:
    """ "The following text is inserted into Section 1.1 between the definitions of "A" and
    "B":" or "The following sentence shall be inserted in Section 1.01 in alphabetical
    order:", where what is inserted is definitions and nothing else: new definitions, each
    placed as definitions are (checked against the alphabet); None for any other text."""
    text = payload.text
    if payload.kind not in ("text", "quoted") or not _OPENS_QUOTED.match(text):
        return None
    split = split_definitions(text)
    if not split or not _definitions_only(payload.paragraphs()):
        return None
    defined = [term for term, _ in split]
    # (each definition as a paragraph of its own, without marks that quote the whole text)
    payload = Payload("text", "\n\n".join(paragraph for _, paragraph in split))
    between = _BETWEEN_DEFINITIONS.fullmatch(anchor.printed)
    if between is not None:  # 'Section 1.1 ... between definition "A" and "B"'
        scope, position = (
            between["scope"],
            f'between definition "{between["a"]}" and "{between["b"]}"',
        )
    elif anchor.kind == "provision" and len(anchor.labels) == 1:
        scope = anchor.printed
    else:
        return None
    for document in anchor.documents:  # "Section 1.1 of the Loan Agreement": the instrument
        scope = re.sub(rf"\s+of\s+(?:the\s+)?{re.escape(document)}$", "", scope)  # kept apart
    sel = Selector(
        "definition",
        "definitions",
        terms=tuple(defined),
        qualifiers=anchor.qualifiers,
        named=anchor.named,
        scope=scope,
        documents=anchor.documents,
    )
    return Change("insert", sel, payload, position)


def _definitions_only(paragraphs: list[str]) -> bool:
    """Every paragraph a definition, or the rest of one a blank line broke in mid-sentence
    (double-spaced filings); a paragraph of its own that defines nothing is no definition's,
    and would be joined to the one before it."""
    for before, paragraph in pairwise(paragraphs):
        ends = before.rstrip(" \"\u201d'").endswith((".", ";", ":"))
        if (
            ends
            and definition_term(paragraph.lstrip('"\u201c ')) is None
            and not _OPENS_QUOTED.match(paragraph)
        ):
            return False
    return True


_OPENS_QUOTED = lazy_re(r'\s*["\u201c]')
_BETWEEN_DEFINITIONS = lazy_re(
    r'(?P<scope>.+?)\s+between\s+definitions?\s+"(?P<a>[^"]+)"\s+and\s+"(?P<b>[^"]+)"'
)


def _lettered_in_article(new: Selector, where: Selector) -> Selector:
    """ "Article III is amended by adding the following new Section D at the end thereof": in
    an agreement whose Roman Articles hold lettered Sections, cited "Section III.D", the new
    Section is Article III's, never a "Section D" of the whole agreement."""
    article = where.labels[0] if where.kind == "provision" and len(where.labels) == 1 else ""
    if (
        where.unit.lower() != "article"
        or not re.fullmatch(r"[IVXLC]{1,7}", article)
        or len(new.labels) != 1
        or not re.fullmatch(r"[A-Z]", new.labels[0])
    ):
        return new
    label = f"{article}.{new.labels[0]}"
    return replace(new, printed=f"{new.unit} {label}", labels=(label,))


def _term_renamed(subject: Selector, p: Predicate) -> Selector | None:
    """'The term "Depot" is deleted and replaced with "Terminal" in each place it appears':
    the term's words wherever the agreement prints them (no Section named)."""
    if subject.scope or not term_renamed(subject, p.verb, p.payload):
        return None
    return replace(term_words(subject), every=p.every)


_WORDY = lazy_re(
    r"sentence|text|language|word|phrase|proviso|parenthetical|row|line|column|punct|comma|semicolon|period"
)
_LABEL = lazy_re(
    r"^\s*(?:Section\s+|SECTION\s+)?"
    r"(\(?(?:\d{1,4}[A-Za-z]?(?:\.\d{1,4}[A-Za-z]?)*\.?|[A-Za-z]{1,4}[.)]|\([A-Za-z0-9]{1,5}\)))\s"
)


def sibling_of(c: Change, prev: Change | None) -> Change:
    """ "Section 4(b) is deleted and clause (c) is relettered as clause (b)": a bare lettered
    provision in a clause after one that cites a lettered provision in full is its sibling,
    as a bare label in a list shares the stem of the full one before it."""
    sel = c.selector
    if prev is None or sel.kind not in ("provision", "relative") or sel.scope or not sel.labels:
        return c
    if not all(label.startswith("(") for label in sel.labels):
        return c  # ("subsections (d) and (e) are relettered": each a sibling)
    parent = _parent_of(prev.selector)
    if parent is None:
        return c
    sibling = replace(sel, kind="provision", printed=f"{sel.printed} of {parent}", scope=parent)
    return replace(c, selector=sibling)


def _parent_of(before: Selector) -> str | None:
    """The provision whose lettered parts a clause cited in full is one of: "Section 4(b)" is
    Section 4's, "Clause (b) of Section 5.1" Section 5.1's; None for anything else."""
    if before.kind != "provision" or len(before.labels) != 1:
        return None
    stem = re.fullmatch(r"(\d[\w.]*?)\([^()]*\)", before.labels[0])
    if stem is not None:
        return f"{before.unit} {stem.group(1)}"
    return before.scope if before.labels[0].startswith("(") and before.scope else None


def _labels(text: str) -> tuple[str, ...]:
    """The labels of the provisions a block of new text adds, at its top level."""
    if not _LABEL.match(text):
        return ()
    try:
        found = read_new_text(text)
    except ConformedError:
        return ()
    return tuple(str(p.label).strip().rstrip(".") for p in found if p.label is not None)


def _as_new(sel: Selector) -> Selector:
    return (
        sel
        if sel.kind in ("provision", "definition", "attachment", "definition_clause")
        else Selector("provision", sel.printed, sel.labels, sel.unit, scope=sel.scope)
    )


def terms_of(text: str) -> tuple[str, ...]:
    """The terms a block defines, or, for a bare list of terms, the terms listed."""
    defined = tuple(t for t, _ in split_definitions(text))
    if not re.match(r'\s*["\u201c]', text) and re.search(
        r'[,;]["\u201d]\s+(?:and\s+)?["\u201c]', text
    ):
        text = f'"{text.strip()}"'  # 'A," "B," and "C.' -- a list quoted whole lost its ends
    listed = (q.strip(" ,;.") for q in re.findall(r'["\u201c]([^"\u201d]{1,80})["\u201d]', text))
    # a term begins with a letter or digit: '," "' between two quoted terms is no term
    return defined or tuple(q for q in listed if q[:1].isalnum())
