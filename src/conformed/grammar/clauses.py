"""The clauses of an instruction, each predicate applied to its subject.

instruction.lark reads "X is hereby amended by (A) deleting ... and (B) inserting ...";
this transformer ties each edit to its clause's subject ("deleting clause (iv) thereof"
in an item about the definition of "Total Debt" deletes a clause of that definition),
reads a position or a new provision's label, and makes one ``Change`` per target.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lark import Token, Transformer

from ..change import ANY_DEFINITIONS, Change, Payload, Selector
from ..definitions import ENUMERATOR, split_definitions
from ..errors import ConformedError, InstructionParseError
from ..layout.engine import read_new_text
from .edits import merged, or_replacing, renumbered_after, term_renamed
from .parts import Edit, _relative
from .resolve import resolve, within
from .verbs import NewThing, Position, Predicate, position_of


class Clauses(Transformer[Token, Any]):
    """instruction.lark: each clause's predicate applied to its subject."""

    def __init__(self, payload: str | None, subject: Selector | None) -> None:
        super().__init__()
        self.text = payload or ""
        self.subject = subject or Selector("here", "thereof")

    def closing(self, children: list[Any]) -> None:
        """What follows the instruction ("(redesignating each subsequent subsection
        accordingly)"): kept only if it changes nothing."""
        text = " ".join(str(c) for c in children)
        if _CHANGING.search(text):
            raise InstructionParseError(
                f'the item goes on after its instruction ("{text[:80]}"), and that part is not read'
            )

    def start(self, children: list[Any]) -> list[Change]:
        """ "X is deleted and the following is substituted in its place": one replacement."""
        out: list[Change] = []
        for c in (c for group in children if isinstance(group, list) for c in group):
            prev = out[-1] if out else None
            c = _sibling_of(c, prev)
            if (
                prev is not None and prev.verb == "delete" and c.verb == "insert"
                and (
                    c.selector.kind == "here" or c.position == "in lieu"
                    or (bool(c.selector.labels) and c.selector.labels == prev.selector.labels)
                )
            ):  # fmt: skip
                payload = c.payload
                if payload.kind == "none" and c.selector.kind == "attachment":
                    # "... and Schedule 1 attached to this Amendment is substituted therefor"
                    payload = Payload("attachment", c.selector.printed)
                out[-1] = replace(prev, verb="replace", payload=payload)
                continue
            out.append(c)
        return out

    def start_umbrella(self, children: list[Any]) -> Any:
        subject = next(c for c in children if isinstance(c, Selector))
        predicate = next(c for c in children if isinstance(c, Predicate))
        return subject if predicate.verb in ("umbrella", "edits") else []

    def passive(self, children: list[Any]) -> list[Change]:
        subject = resolve(next(c for c in children if isinstance(c, Selector)), self.subject)
        predicate = next(c for c in children if isinstance(c, Predicate))
        words = subject.kind == "words" and predicate.verb in ("replace", "insert")
        if words and predicate.payload.kind == "none":
            return self._words_added(subject, predicate)
        return self._apply(subject, predicate)

    def _words_added(self, words: Selector, p: Predicate) -> list[Change]:
        """Quoted words as the subject of "inserted" or "substituted": they are the new text.
        '... is deleted and the number "$158,175" is hereby substituted therefor' puts them
        in place of what the clause before deleted (start() joins the two); 'The words "and
        gravel" are hereby inserted after the words "stone" in Section 2.2' where it says."""
        new = Payload("quoted", words.words[0])
        if p.verb == "replace" or not p.position or p.position.startswith("in lieu"):
            return [Change("insert", Selector("here", "thereof"), new, "in lieu")]
        anchor = p.position.cited or self.subject
        return [Change("insert", anchor, new, p.position, words_edit=True)]

    def references_deleted(self, children: list[Any]) -> list[Change]:
        """ "..., and each reference in the Agreement thereto shall be deleted": a change
        described, never a change of words (what is left where a reference stood is the
        drafter's to word): understood, refused when applied."""
        said = " ".join(str(children[0]).split())
        said = re.sub(r"(?i)\s+(?:shall\s+be|is|are)\s+(?:hereby\s+)?\w+$", "", said)
        return [Change("describe", Selector("sentence", said))]

    def passive_list(self, children: list[Any]) -> list[Change]:
        """ "Clause (5) ... and the word "and" immediately preceding such clause are hereby
        deleted": the predicate, once for each thing named."""
        cited = [c for c in children if isinstance(c, Selector)]
        return self._each(
            cited, self.subject, next(c for c in children if isinstance(c, Predicate))
        )

    def located(self, children: list[Any]) -> list[Change]:
        """ "In Section 4.2 of the Escrow Agreement, the reference therein to "Agent" is
        replaced ...": the subject is read inside the place named first."""
        place, subject = [c for c in children if isinstance(c, Selector)][:2]
        place = resolve(place, self.subject)
        predicate = next(c for c in children if isinstance(c, Predicate))
        return self._apply(within(subject, place), predicate)

    def located_list(self, children: list[Any]) -> list[Change]:
        """ "In the definition of "X", clause (5) thereof and the word "and" immediately
        preceding such clause are hereby deleted": each thing read inside the place."""
        place, *cited = [c for c in children if isinstance(c, Selector)]
        predicate = next(c for c in children if isinstance(c, Predicate))
        return self._each(cited, resolve(place, self.subject), predicate)

    def _each(self, cited: list[Selector], place: Selector, p: Predicate) -> list[Change]:
        """One predicate said of several things, each read inside ``place``."""
        return [c for one in cited for c in self._apply(within(one, place), p)]

    def located_new(self, children: list[Any]) -> list[Change]:
        """ "In Section 7.15 ..., the following is hereby inserted immediately after ...":
        the new words go in the place named first."""
        place = resolve(next(c for c in children if isinstance(c, Selector)), self.subject)
        thing = next(c for c in children if isinstance(c, NewThing))
        return self._new(thing, next(c for c in children if isinstance(c, Predicate)), place)

    def passive_attached(self, children: list[Any]) -> list[Change]:
        """ "Schedule 1.6 ... is attached hereto as Exhibit 6 and is hereby added to the
        Supply Agreement": the attachment is the added provision's text."""
        return self.passive(
            [c for c in children if isinstance(c, Selector)] + [_attached(children)]
        )

    def passive_new(self, children: list[Any]) -> list[Change]:
        thing = next(c for c in children if isinstance(c, NewThing))
        return self._new(thing, next(c for c in children if isinstance(c, Predicate)))

    def _new(self, thing: NewThing, p: Predicate, place: Selector | None = None) -> list[Change]:
        """A new thing, or "the following", as a clause's subject; it goes where the
        predicate says, else where the subject says, else in ``place`` (the clause's)."""
        where = p.position.cited or thing.scope or place or self.subject
        if p.verb in ("replace", "delete") and thing.selector is None:
            # "The following definitions in Section 1.1 are restated / are deleted:"
            wanted = "defin" in thing.noun or "term" in thing.noun
            terms = _terms(self.text) if wanted else ()
            if terms:
                scope = "" if where.kind in ("here", "document") else where.printed
                sel = Selector(
                    "definition", "definitions", terms=terms, scope=scope, documents=where.documents
                )
                return [Change(p.verb, sel, p.payload)]
            if wanted:
                raise InstructionParseError(
                    "the definitions it names are not in the text it carries"
                )
            if p.verb == "replace" and where.kind == "here":
                # "... is deleted and the following provision is substituted therefor": new
                # text in place of what the clause before deleted (start() joins the two)
                return [Change("insert", where, p.payload, "in lieu")]
            return [Change(p.verb, where, p.payload, words_edit=True)]
        if p.verb not in ("insert", "append", "replace"):
            return self._apply(thing.selector or where, p)
        return self._insert(where, thing, p.payload, p.position)

    def passive_new_attached(self, children: list[Any]) -> list[Change]:
        """ "A new Exhibit K, in the form of Exhibit K attached hereto, is added ...": the
        attachment named beside the subject is the new thing's text."""
        return self._new(next(c for c in children if isinstance(c, NewThing)), _attached(children))

    def there_new(self, children: list[Any]) -> list[Change]:
        """ "There is hereby added to Section 5 a new subsection (e) as follows:": the new
        thing after its verb, read as "A new subsection (e) is hereby added to Section 5"."""
        thing = next(c for c in children if isinstance(c, NewThing))
        payload = next((c for c in children if isinstance(c, Payload)), Payload())
        return self._new(thing, Predicate("insert", payload, position=position_of(children)))

    def subject_new(self, children: list[Any]) -> NewThing:
        cited = [c for c in children if isinstance(c, Selector)]
        nouns = [
            str(t).lower() for t in children if isinstance(t, Token) and not t.type.endswith("UNIT")
        ]
        labels = next((c for c in children if isinstance(c, tuple)), ())
        unit = next(
            (str(t) for t in children if isinstance(t, Token) and t.type.endswith("UNIT")), ""
        )
        scope = cited[0] if cited else None
        if unit and labels:
            kind = "relative" if labels and _relative(labels[0]) else "provision"
            singular = re.sub(r"(?i)(?<=[a-z])s$", "", unit) if len(labels) > 1 else unit
            sel = Selector(kind, f"{unit} {' and '.join(labels)}".strip(), labels, singular)
            return NewThing(unit.lower(), sel, scope)
        if cited and cited[0].kind in ("provision", "attachment", "relative") and not nouns:
            return NewThing(cited[0].unit.lower(), cited[0])
        return NewThing(" ".join([*nouns, unit.lower()]).strip(), None, scope)

    def following_upsert(self, children: list[Any]) -> list[Change]:
        """ "The following terms amend and modify the definitions set forth in Article 2:":
        each definition given replaces its namesake there, or is added."""
        where = resolve(next(c for c in children if isinstance(c, Selector)), self.subject)
        payload = next(c for c in children if isinstance(c, Payload))
        return or_replacing(self._insert(where, NewThing("definitions"), payload, Position("")))

    def subject_form(self, children: list[Any]) -> NewThing:
        """ "The form of Weighbridge Ticket (attached hereto as Rider A)": a new thing whose
        place the predicate names ("is hereby added as Exhibit B")."""
        return NewThing("form")

    def active(self, children: list[Any]) -> list[Change]:
        cited = [c for c in children if isinstance(c, Selector)]
        edits = next(c for c in children if isinstance(c, tuple))
        return self._apply(cited[0] if cited else self.subject, Predicate("edits", edits=edits))

    def active_restate(self, children: list[Any]) -> list[Change]:
        cited = next(c for c in children if isinstance(c, Selector))
        payload = next((c for c in children if isinstance(c, Payload)), Payload())
        return [Change("replace", cited, payload)]

    def imperative(self, children: list[Any]) -> list[Change]:
        """ "Delete Section 9 in its entirety.": the edits name what they change."""
        return self.bare(children)

    def located_imperative(self, children: list[Any]) -> list[Change]:
        """ "In Section 3.2, delete "thirty" and substitute "sixty".": the edits of the place
        named first, as "Section 3.2 is amended by deleting ..." makes them."""
        where = next((c for c in children if isinstance(c, Position)), None)
        named = next((c for c in children if isinstance(c, Selector)), None)
        if named is None and where is not None:  # "At the end of Section 8.1, add ...": there
            named = where.cited
        place = resolve(named, self.subject) if named is not None else self.subject
        edits: tuple[Edit, ...] = next(c for c in children if isinstance(c, tuple))
        if where is not None:  # the place said first is the first insertion's
            first = next((k for k, e in enumerate(edits) if e.verb == "insert"), None)
            if first is None or edits[first].position:
                raise InstructionParseError(
                    "the place said first is not where anything is inserted"
                )
            placed = replace(edits[first], position=where)
            edits = (*edits[:first], placed, *edits[first + 1 :])
        return self._apply(place, Predicate("edits", edits=edits))

    def bare(self, children: list[Any]) -> list[Change]:
        edits = next(c for c in children if isinstance(c, tuple))
        return self._apply(self.subject, Predicate("edits", edits=edits))

    # --- semantics ----------------------------------------------------------
    def _apply(self, subject: Selector, p: Predicate) -> list[Change]:
        if p.verb == "umbrella":
            return [Change("umbrella", subject)]
        if p.verb == "renumber":
            return [Change("renumber", subject, new_label=p.new.printed if p.new else "")]
        if p.verb == "insert":  # "Section 11.19 is hereby added": the subject is the new provision
            where = p.position.cited
            if subject.kind in ("sentence", "words", "mark"):  # "The following sentence is added"
                anchor = where or p.position.anchor or self.subject
                return [Change("insert", anchor, p.payload, p.position, words_edit=True)]
            new = (
                resolve(subject, where)
                if where is not None and subject.kind == "relative"
                else subject
            )
            return [Change("insert", _as_new(new), p.payload, p.position)]
        if p.verb == "delete" and p.remainder:  # "... and the remainder is renumbered accordingly"
            return [Change("delete", subject, p.payload), renumbered_after(subject, p.within)]
        if p.verb == "append":  # "Exhibit A is supplemented with the following"
            return self._insert(subject, NewThing(""), p.payload, p.position)
        if p.verb != "edits":
            return [Change(p.verb, subject, p.payload, words_edit=subject.kind == "words")]
        out: list[Change] = []
        edits = merged(p.edits)
        renumbers = any(e.verb == "renumber" for e in edits)
        for edit in edits:
            if edit.verb == "references":
                # "and by modifying all cross-references accordingly": beside a renumbering,
                # the references it leaves stale are reported when applied; alone, it is a
                # change described, not worded, and is refused when applied
                out += [] if renumbers else [Change("describe", subject)]
                continue
            out += self._edit(subject, edit)
        return out

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
            terms = _terms(e.payload.text)  # "substituting the following new definitions"
            if not terms:
                raise InstructionParseError(
                    "the definitions it names are not in the text it carries"
                )
            obj = replace(obj, terms=terms)
        if term_renamed(obj, e):  # 'replacing the term "Expiry" with "Expiration"': its words
            term = obj.terms[0]
            printed = f'"{term}" of {obj.scope}' if obj.scope else f'"{term}"'
            obj = replace(obj, kind="words", printed=printed, words=(term,), terms=())
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
                first=e.first and words,
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
        if thing.selector is not None and thing.selector.kind != "here":
            sel = (
                resolve(thing.selector, where)
                if thing.selector.kind == "relative"
                else thing.selector
            )
            if not sel.documents:  # "The Pledge Agreement is amended by adding a new Section
                sel = replace(sel, documents=where.documents)  # 7.2": the Pledge Agreement's
            return [Change("insert", _as_new(sel), payload, position)]
        defined = [t for t, _ in split_definitions(text)] if text and payload.kind == "text" else []
        if (
            "defin" in noun
            or "term" in noun
            or (defined and re.match(r'\s*["\u201c]', text) is not None)
            # "(i) "Crop Year" means ...": definitions the amendment lists as its clauses
            or (defined and ENUMERATOR.match(text.lstrip()) is not None)
            or (not _WORDY.search(noun) and defined and not _LABEL.match(text))
        ):
            # ("The Agreement is amended by adding ...": its definitions wherever they are; the
            # instrument is kept, so another one named is refused)
            scope = "" if where.kind in ("here", "document") else where.printed
            sel = Selector(
                "definition",
                "definitions",
                terms=tuple(defined) or (ANY_DEFINITIONS,),
                qualifiers=where.qualifiers,
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
                scope=scope,
                documents=where.documents,
            )
            return [Change("insert", sel, payload, position)]
        return [Change("insert", where, payload, position, words_edit=True)]


_WORDY = re.compile(
    r"sentence|text|language|word|phrase|proviso|parenthetical|row|line|column|punct|comma|semicolon|period"
)
_LABEL = re.compile(
    r"^\s*(?:Section\s+|SECTION\s+)?"
    r"(\(?(?:\d{1,4}[A-Za-z]?(?:\.\d{1,4}[A-Za-z]?)*\.?|[A-Za-z]{1,4}[.)]|\([A-Za-z0-9]{1,5}\)))\s"
)


def _sibling_of(c: Change, prev: Change | None) -> Change:
    """ "Section 4(b) is deleted and clause (c) is relettered as clause (b)": a bare lettered
    provision in a clause after one that cites a lettered provision in full is its sibling,
    as a bare label in a list shares the stem of the full one before it."""
    sel = c.selector
    if (
        prev is None
        or sel.kind not in ("provision", "relative")
        or sel.scope
        or len(sel.labels) != 1
    ):
        return c
    before = prev.selector
    stem = (
        re.fullmatch(r"(\d[\w.]*?)\([^()]*\)", before.labels[0])
        if len(before.labels) == 1
        else None
    )
    if not sel.labels[0].startswith("(") or before.kind != "provision" or stem is None:
        return c
    parent = f"{before.unit} {stem.group(1)}"
    sibling = replace(sel, kind="provision", printed=f"{sel.printed} of {parent}", scope=parent)
    return replace(c, selector=sibling)


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


def _terms(text: str) -> tuple[str, ...]:
    """The terms a block defines, or, for a bare list of terms, the terms listed."""
    defined = tuple(t for t, _ in split_definitions(text))
    if not re.match(r'\s*["\u201c]', text) and re.search(
        r'[,;]["\u201d]\s+(?:and\s+)?["\u201c]', text
    ):
        text = f'"{text.strip()}"'  # 'A," "B," and "C.' -- a list quoted whole lost its ends
    listed = (q.strip(" ,;.") for q in re.findall(r'["\u201c]([^"\u201d]{1,80})["\u201d]', text))
    # a term begins with a letter or digit: '," "' between two quoted terms is no term
    return defined or tuple(q for q in listed if q[:1].isalnum())


_CHANGING = re.compile(
    r"(?i)renumber|redesignat|amend|delet|insert|add|replac|substitut|restat|strik"
)


def _attached(children: list[Any]) -> Predicate:
    """The clause's predicate, its text the attachment named beside the subject."""
    attached = next(c for c in children if isinstance(c, Payload))
    p = next(c for c in children if isinstance(c, Predicate))
    return replace(p, payload=attached) if p.payload.kind == "none" else p
