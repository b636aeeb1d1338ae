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

from ..change import Change, Payload, Selector
from ..citation import attachment_names, singular_unit
from ..errors import InstructionParseError
from ..lazy_re import lazy_re
from .edit_list import LateText
from .edits import or_replacing, term_words
from .no_text_change import OPERATIVE
from .parts import Edit, Ref, _relative, selector_of
from .resolve import resolve, within
from .semantics import Semantics, sibling_of, terms_of
from .verbs import NewThing, Position, Predicate, attachment_part, position_of


class Clauses(Transformer[Token, Any], Semantics):
    """instruction.lark: each clause's predicate applied to its subject."""

    def __init__(self, payload: str | None, subject: Selector | None) -> None:
        super().__init__()
        self.text = payload or ""
        self.subject = subject or Selector("here", "thereof")
        # the definition an earlier clause of the sentence names: what "such definition" is
        self.named_definition: Selector | None = None

    def closing(self, children: list[Any]) -> None:
        """What follows the instruction ("(redesignating each subsequent subsection
        accordingly)"): kept only if it changes nothing."""
        text = " ".join(str(c) for c in children)
        # (words that amend, that name a provision, or that set a term: "... it being agreed
        # that the date in Section 5.5 shall be June 30, 2030", "..., and Tenant agrees that the
        # Base Rent shall be $5,000 per month" change the agreement as surely)
        if any(p.search(text) for p in (_CHANGING, OPERATIVE, NAMES_A_PART, SETS_A_VALUE)):
            raise InstructionParseError(
                f'the item goes on after its instruction ("{text[:80]}"), and that part is not read'
            )

    def reference_deemed(self, children: list[Any]) -> None:
        """ "..., and each reference in the Credit Agreement to the form of compliance
        certificate shall be deemed to refer to such Exhibit B": what a reference to the unit
        just replaced means from now on.  It quotes no words, so it changes none."""
        return None

    def which_aside(self, children: list[Any]) -> None:
        """ "..., which shall apply to all orders placed after the date hereof": what the
        change is for (its terminal admits no verb that amends and no label)."""
        return None

    def references_accordingly(self, children: list[Any]) -> None:
        """ "..., and all cross-references thereto are amended accordingly": the references a
        change leaves stale are reported when it is applied, never rewritten."""
        return None

    def late_renumber(self, children: list[Any]) -> tuple[list[Change], LateText]:
        late = next(c for c in children if isinstance(c, LateText))
        return self.passive([c for c in children if c is not late]), late

    def start(self, children: list[Any]) -> list[Change]:
        """ "X is deleted and the following is substituted in its place": one replacement."""
        late = next((c for c in children if isinstance(c, tuple)), None)
        if late is not None:
            children = [*(c for c in children if c is not late), late[0]]
        out = self._joined(children)
        if late is None:
            return out
        # the block after the renumbering is the one change that announced new text
        waiting = [k for k, c in enumerate(out) if c.verb in ("insert", "replace")]
        if len(waiting) != 1 or out[waiting[0]].payload.kind != "none":
            raise ValueError("the new text printed after the renumbering belongs to no one clause")
        k = waiting[0]
        return [*out[:k], replace(out[k], payload=late[1].payload), *out[k + 1 :]]

    def _joined(self, children: list[Any]) -> list[Change]:
        out: list[Change] = []
        for c in (c for group in children if isinstance(group, list) for c in group):
            prev = out[-1] if out else None
            c = sibling_of(c, prev)
            if (
                prev is not None and prev.verb == "delete" and c.verb == "replace"
                and c.selector.kind in ("here", self.subject.kind)
                and c.selector.printed in ("thereof", self.subject.printed)
                and c.payload.kind in ("quoted", "text")
            ):  # fmt: skip
                # "Sections 11.1 and 11.2 are deleted in their entirety, and each such Section
                # is replaced with "[Reserved]"": each replaced with those words ("such" is
                # the clause before, not what an item above the sub-item amends)
                out[-1] = replace(prev, verb="replace", payload=c.payload)
                continue
            if prev is not None and prev.verb == "delete" and _substituted(c, prev):
                # "The first sentence of Section 6 is deleted and the following sentence is
                # substituted therefor: ...": that sentence replaced
                out[-1] = replace(prev, verb="replace", payload=c.payload)
                continue
            if (
                prev is not None and prev.verb == "delete" and c.verb == "insert"
                and (
                    c.selector.kind == "here" or c.position.startswith("in lieu")
                    or (
                        bool(c.selector.labels)
                        and c.selector.labels == prev.selector.labels
                        # a provision deleted and one of its label inserted; never words
                        # put elsewhere in the provision whose other words were deleted
                        and not c.words_edit
                        and prev.selector.kind not in ("words", "mark", "sentence")
                    )
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
        said = next(c for c in children if isinstance(c, Selector))
        # "Clause (iii) of the definition of "Impositions" is deleted and clauses (iv) and (v)
        # of such definition are renumbered ...": that definition's clauses, never those of
        # the provision an item above names
        place = self.named_definition if said.kind == "relative" else None
        subject = resolve(said, place or self.subject)
        self.named_definition = definition_named(subject) or self.named_definition
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

    def wherever(self, children: list[Any]) -> list[Change]:
        """ "Wherever the term "X" appears in the Lease, it is replaced with "Y"": the quoted
        words, every place the instrument named prints them."""
        cited = [c for c in children if isinstance(c, Selector)]
        words, where = cited[0], (cited[1] if len(cited) > 1 else None)
        if words.kind == "definition" and len(words.terms) == 1:
            words = term_words(words)
        if words.kind != "words" or len(words.words) != 1:
            raise ValueError(f"{words.printed} is not words to be found wherever they appear")
        if where is not None and where.kind == "provision":  # "... appears in Section 2, it ..."
            subject = replace(within(words, resolve(where, self.subject)), every=True)
        elif where is None or where.kind == "document":
            documents = where.documents if where is not None else words.documents
            subject = replace(words, every=True, documents=documents, scope="")
        else:
            raise ValueError(f"the words are looked for in {where.printed}, which is not read")
        predicate = next(c for c in children if isinstance(c, Predicate))
        return self._apply(subject, predicate)

    def thing_alone(self, children: list[Any]) -> Selector:
        """ "The Expiry Date", "Tenant's notice address": a term or value the agreement names,
        printed as said (no provision is cited: which words change is for a person to find)."""
        said = " ".join(str(children[0]).split()).rstrip(",")
        return selector_of([Ref("inside", re.sub(r"^[Tt]he\s+", "", said))], ())

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
        where = predicate.position
        if predicate.verb == "insert" and subject.kind == "words" and where.cited is None:
            # "In clause 6.2, the words "X" shall be inserted after the words "Y"": beside "Y"
            # of the place named first, as "clause 6.2 is amended by inserting ..." says it
            cited = Position.of(str(where), place)
            cited.anchor = where.anchor
            predicate = replace(predicate, position=cited)
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

    def new_in_place_of(self, children: list[Any]) -> list[Change]:
        """ "The following new paragraph shall restate in its entirety paragraph 3 ...:": the
        part named is replaced with the text that follows."""
        cited = next(c for c in children if isinstance(c, Selector))
        payload = next(c for c in children if isinstance(c, Payload))
        return [Change("replace", resolve(cited, self.subject), payload)]

    def located_each(self, children: list[Any]) -> list[Change]:
        """ "In each of (i) ... and (ii) ..., the following language is hereby deleted:":
        the change said in each place named, as "In ..., the following ..." says it of one."""
        *places, subject = [c for c in children if isinstance(c, Selector)]
        predicate = next(c for c in children if isinstance(c, Predicate))
        return [c for place in places for c in self.located([place, subject, predicate])]

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
        if p.position.instead is not None and thing.selector is None and p.verb == "insert":
            return self._in_place_of(p, p.payload, place)  # "The following sentence is ..."
        where = p.position.cited or thing.scope or place or self.subject
        if p.verb in ("replace", "delete") and thing.selector is None:
            # "The following definitions in Section 1.1 are restated / are deleted:"
            wanted = "defin" in thing.noun or "term" in thing.noun
            terms = terms_of(self.text) if wanted else ()
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

    def attached_added(self, children: list[Any]) -> list[Change]:
        """ "Schedule D attached hereto is hereby added to the Agreement as Schedule D": the
        part named after "as" (else the attachment's own name) is new, its text attached."""
        payload = next(c for c in children if isinstance(c, Payload))
        where = position_of(children)
        if where.new is None:
            own = attachment_names(payload.text)
            if len(own) != 1:  # "the Haul Plan attached hereto is added": no part named
                raise ValueError(f"no part named for the attachment {payload.text!r}")
            where = Position.of(where, where.cited, new=attachment_part(own[0]))
        return self._new(NewThing(""), Predicate("insert", payload, position=where))

    def substituted_for(self, children: list[Any]) -> list[Change]:
        """ "Exhibit B-1 attached hereto replaces Exhibit B": the part replaced, its new text
        the attachment named first."""
        cited = resolve(next(c for c in children if isinstance(c, Selector)), self.subject)
        payload = next(c for c in children if isinstance(c, Payload))
        return [Change("replace", cited, payload)]

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
            singular = singular_unit(unit) if len(labels) > 1 else unit
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


_CHANGING = lazy_re(r"(?i)renumber|redesignat|amend|delet|insert|add|replac|substitut|restat|strik")
SETS_A_VALUE = lazy_re(
    r"\$\s?\d|\d\s?%|\bpercent\b|\b\d{1,2},\s+\d{4}\b|\b(?:shall|will)\s+(?:be|mean|equal|read)\b",
    re.IGNORECASE,
)
NAMES_A_PART = lazy_re(
    r"(?i)\b(?:sections?|subsections?|articles?|paragraphs?|clauses?|exhibits?|schedules?)\s+[\w(]"
)


def _substituted(c: Change, deleted: Change) -> bool:
    """ "... and the following sentence is substituted therefor": new text of the kind just
    deleted, named by its noun alone (no label, no words of its own)."""
    sel = c.selector
    return (
        c.verb == "replace"
        and c.payload.kind in ("text", "quoted")
        and not (sel.labels or sel.words or sel.terms)
        and sel.kind == deleted.selector.kind == "sentence"
        and sel.printed.lower() in ("sentence", "new sentence")
    )


def _attached(children: list[Any]) -> Predicate:
    """The clause's predicate, its text the attachment named beside the subject."""
    attached = next(c for c in children if isinstance(c, Payload))
    p = next(c for c in children if isinstance(c, Predicate))
    return replace(p, payload=attached) if p.payload.kind == "none" else p


def definition_named(sel: Selector) -> Selector | None:
    """The definition a subject is, or whose clause it is."""
    if sel.kind not in ("definition", "definition_clause") or len(sel.terms) != 1:
        return None
    term = sel.terms[0]
    printed = f'definition "{term}"' + (f" of {sel.scope}" if sel.scope else "")
    return Selector("definition", printed, terms=(term,), scope=sel.scope, documents=sel.documents)
