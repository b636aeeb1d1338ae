"""The transformer of verbs.lark: a clause's predicate and its gerund edits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from lark import Token, Transformer

from ..change import ANY_DEFINITIONS, MARKS, Payload, Selector, side
from ..citation import PLAIN_PROVISION
from ..definitions import split_definitions
from ..errors import PayloadError
from ..layout.labelled_parts import label_key, labelled_parts
from ..lazy_re import lazy_re
from .edit_list import LateText, tied
from .parts import Edit, OldWords, Ref, _relative, _tokens, _unquote
from .resolve import resolve, words_within


@dataclass(frozen=True)
class Predicate:
    """What a clause does to its subject, before the subject is known."""

    verb: str  # replace | delete | edits | insert | renumber | describe | umbrella
    payload: Payload = field(default_factory=Payload)
    edits: tuple[Edit, ...] = ()
    position: Position = field(default_factory=lambda: Position(""))
    new: Selector | None = None
    remainder: bool = False  # "... and the remainder of Section 5 is renumbered accordingly"
    within: str = ""  # "Section 5": what the drafter said is renumbered ("" if not said)
    every: bool = False  # "... replaced with "Y" in each place it appears"
    each_in: Selector | None = None  # "... each place they appear in Section 4(c)"


@dataclass(frozen=True)
class NewThing:
    """ "the following new clause (iv)", "a new sentence", "the following definitions"."""

    noun: str
    selector: Selector | None = None
    scope: Selector | None = None  # "The following definitions in Section 1.1"
    beside: str = ""  # "a sentence after the first sentence thereof": after (or before) scope


def _beside(children: list[Any]) -> str:
    """ "a new paragraph at the end of clause (b)", "the following sentence immediately
    after clause (b)": where beside the thing cited the new one goes ("" for inside it)."""
    said = _tokens(children, "THING_SIDE")
    if said:
        return side(str(said[0]))
    edge = _tokens(children, "THING_EDGE")
    if edge:
        return "at the beginning of" if "beginning" in str(edge[0]).lower() else "at the end of"
    return ""


def _payload(children: list[Any]) -> Payload:
    return next((c for c in children if isinstance(c, Payload)), Payload())


def _selectors(children: list[Any]) -> list[Selector]:
    return [c for c in children if isinstance(c, Selector)]


def _deleted(obj: Selector, children: list[Any]) -> Edit:
    """ "deleting X", or "deleting X and inserting in lieu thereof Y": a replacement."""
    payload = _payload(children)
    instead = _tokens(children, "INSERTING", "REPLACING") or payload.kind != "none"
    place = each_within(children)
    obj = words_within(obj, place) if place is not None else obj
    return Edit("replace" if instead else "delete", obj, payload, every=_every(children))


@dataclass(frozen=True)
class _EachPlace:
    """ "each place it appears", said of a word edit; ``within`` the provision said ("each
    place they appear in Section 4(c)"), if one is."""

    within: Selector | None = None


EACH = _EachPlace()


class _FirstPlace:
    """ "where it first appears", said of a word edit."""


FIRST = _FirstPlace()


# Words that amend, said inside what is only a description of a change.
_AMENDS_INSIDE = lazy_re(
    r"\bin\s+lieu\s+thereof\b|\bby\s+(?:deleting|striking|inserting|adding|replacing|substituting)\b"
    r"|\b(?:is|are|(?:shall|will)(?:\s+hereby)?\s+be),?\s+(?:hereby\s+)?(?:deleted|replaced|restated|inserted|added|"
    r"substituted|struck|stricken|renumbered|relettered)\b",
    re.IGNORECASE,
)
_OTHER_PROVISION = lazy_re(
    r"(?<!\bsaid\s)(?<!\bsuch\s)(?<!\bthis\s)\b(?:(?:sub)?sections?|articles?|paragraphs?|clauses?|"
    r"exhibits?|schedules?|annex|appendix)\s+[\dA-Z(]",
    re.IGNORECASE,
)


def _every(children: list[Any]) -> bool:
    return any(isinstance(c, _EachPlace) for c in children)


def each_within(children: list[Any]) -> Selector | None:
    """The provision "each place it appears in Section 4(c)" names, if any."""
    return next((c.within for c in children if isinstance(c, _EachPlace) and c.within), None)


def _named_definition(thing: NewThing, payload: Payload) -> NewThing:
    """ "adding a new definition of "Cellar Date" as follows:": the quoted words name the
    term the new text defines, not a place (they had been taken for one, and the item
    refused when applied); a new text that defines another term contradicts the item."""
    scope = thing.scope
    if scope is None or scope.kind != "words" or not re.search(r"defin|term", thing.noun):
        return thing
    named = [" ".join(w.split()).lower() for w in scope.words]
    if payload.kind == "text":
        defined = [" ".join(t.split()).lower() for t, _ in split_definitions(payload.text)]
        if defined != named:
            said = " and ".join(f'"{w}"' for w in scope.words)
            raise PayloadError(
                f"the item adds the definition of {said}, but its new text defines "
                + (" and ".join(f'"{t}"' for t, _ in split_definitions(payload.text)) or "nothing")
            )
    return replace(thing, scope=None)


def _first(children: list[Any]) -> bool:
    return any(c is FIRST for c in children)


# Just before the mark a provision ends with, as edge_words reads a position.
BEFORE_END_MARK = "immediately before the period at the end"


def position_of(children: list[Any]) -> Position:
    """Where, from every position said: "added to the Loan Agreement as Section 4.10"
    is in the agreement (the first) and names the new provision (the second)."""
    found = [c for c in children if isinstance(c, Position)]
    if len(found) > 1:  # "therein in the appropriate alphabetical order": the order says where
        found = [f for f in found if f != "in" or f.cited is not None] or found
    if BEFORE_END_MARK in found:  # "at the end of clause (b), immediately before the period"
        ends = [f for f in found if f.cited is not None and f.startswith("at the end of ")]
        others = [f for f in found if f not in (BEFORE_END_MARK, "at the end")]
        cited = ends[0].cited if len(ends) == 1 and len(others) == 1 else None
        if cited is not None:
            return Position.of(f"{BEFORE_END_MARK} of {cited.printed}", cited)
        if not others:  # "at the end thereof, immediately before the final period"
            return Position(BEFORE_END_MARK)
    if len(found) < 2:
        return found[0] if found else Position("")
    p = Position.of(
        " ".join(found),
        next((f.cited for f in found if f.cited is not None), None),
        next((f.new for f in found if f.new is not None), None),
    )
    p.anchor = next((f.anchor for f in found if f.anchor is not None), None)
    return p


class Position(str):
    """Where new words or a new provision go, as printed; ``cited`` is the provision named."""

    cited: Selector | None = None
    new: Selector | None = None
    instead: Selector | None = None  # "in lieu of X": X, which the new text replaces
    anchor: Selector | None = (
        None  # what the position is relative to: "after the second sentence"  # "as a new Section 7.7": the new provision itself
    )

    @classmethod
    def of(cls, printed: str, cited: Selector | None, new: Selector | None = None) -> Position:
        p = cls(printed)
        p.cited, p.new = cited, new
        return p

    @classmethod
    def in_place_of(cls, part: Selector | None) -> Position:
        """ "in lieu of X", "substituted for X": printed "in lieu", as before, with X kept
        apart from ``cited`` (where words go)."""
        p = cls("in lieu")
        p.instead = part
        return p


def attachment_part(name: str) -> Selector:
    """ "Schedule D" as the part of the agreement it names (one attachment, never a list)."""
    unit, _, label = name.partition(" ")
    return Selector("attachment", name, (label,), unit)


def _after_words(relation: str, anchor: Selector) -> Position | None:
    """'after the words "stone" in Section 2.2': after "stone", in Section 2.2 (the
    provision the words are looked for in is the one the position cites)."""
    m = PLAIN_PROVISION.fullmatch(anchor.scope)
    if anchor.kind != "words" or len(anchor.words) != 1 or m is None:
        return None
    where = Selector("provision", anchor.scope, (m.group("label"),), m.group("unit"))
    return Position.of(f'{relation} "{anchor.words[0]}"', where)


class VerbParts(Transformer[Token, Any]):
    """verbs.lark"""

    def predicate(self, children: list[Any]) -> Predicate:
        return next(c for c in children if isinstance(c, Predicate))

    def restate(self, children: list[Any]) -> Predicate:
        return Predicate(
            "replace", _payload(children), every=_every(children), each_in=each_within(children)
        )

    def changed_to(self, children: list[Any]) -> Predicate:
        if _tokens(children, "SAID_AFTER_COLON") or not _tokens(children, "MONEY", "DAY", "QUOTED"):
            # "... is hereby changed to: forty-five days.": unquoted words, where they end and
            # what stop is theirs for a person to say -- a change described, even of words;
            # so too new words in a block after it, the old ones not said
            return Predicate("describe")
        values = _tokens(children, "MONEY", "DAY")
        if values:  # "increased to $9,000": new words only for old words
            # ("increased from $7,500 to $9,000": the last figure is the new one)
            return Predicate("figure", Payload("quoted", str(values[-1])))
        quoted = _tokens(children, "QUOTED")[0]
        return Predicate("replace", Payload("quoted", _unquote(str(quoted))))

    def changed_from(self, children: list[Any]) -> Predicate:
        """ "... is hereby changed from "A" to "B"": the words A of the subject, replaced."""
        old, new = (_unquote(str(t)) for t in _tokens(children, "QUOTED")[:2])
        return Predicate("edits", edits=(Edit("replace", _words(old), Payload("quoted", new)),))

    def refers_to(self, children: list[Any]) -> Predicate:
        quoted = _tokens(children, "QUOTED")[0]
        return Predicate("refer", Payload("quoted", _unquote(str(quoted))))

    def delete(self, children: list[Any]) -> Predicate:
        cited = _selectors(children)
        where = Position.of(f"from {cited[0].printed}", cited[0]) if cited else Position("")
        renumbering = next((c for c in children if isinstance(c, Renumbering)), None)
        within = renumbering.within if renumbering else ""
        return Predicate(
            "delete", _payload(children), position=where, remainder=bool(renumbering), within=within
        )

    def amend_by(self, children: list[Any]) -> Predicate:
        edits = next(c for c in children if isinstance(c, tuple))
        return Predicate("edits", edits=edits)

    def add(self, children: list[Any]) -> Predicate:
        if _tokens(children, "SUBSTITUTED_FOR"):  # "substituted for the first sentence of ..."
            instead = Position.in_place_of(_selectors(children)[0])
            return Predicate("insert", _payload(children), position=instead)
        verb = str(_tokens(children, "ADDED")[0]).lower()
        appended = verb.startswith(("supplemented", "appended"))
        return Predicate(
            "append" if appended else "insert", _payload(children), position=position_of(children)
        )

    def renumber(self, children: list[Any]) -> Predicate:
        new = _selectors(children)
        return Predicate("renumber", new=new[0] if new else None)

    def described(self, children: list[Any]) -> Predicate:
        """A change said, not worded.  What it says must not amend another provision:
        "increased as set forth in Section 4.1, which is hereby deleted and replaced with
        ...: «TEXT»" or "extended ... by deleting "2029" in Section 2.1" hold a change of
        their own, which a description would hide -- the item is refused instead.  (Words
        of the provision described, "so that "Band 5" is substituted for "Grade 9" in said
        section", are its description.)"""
        said = " ".join(str(t) for t in _tokens(children, "DESCRIPTION"))
        said = re.split(r"\.\s+(?=[A-Z])", said, maxsplit=1)[0]  # (what follows goes on about it)
        # a plan's rule said around "This section amends section 17 of the Plan.": every
        # sentence of it (its terminals, unlike DESCRIPTION, stop at no instruction)
        said += " " + " ".join(str(t) for t in _tokens(children, "SELF_DESCRIPTION", "SAID_BEFORE"))
        if _AMENDS_INSIDE.search(said) and _OTHER_PROVISION.search(said):
            raise ValueError(f"a change described holds another: {said[:80]!r}")
        return Predicate("describe")

    def amended_per(self, children: list[Any]) -> Predicate:
        """ "amended as set forth in Attachment A": the changes are the attachment's to say."""
        named = " ".join(str(_tokens(children, "ATTACHED", "TITLED_LIST")[0]).split())
        return Predicate("describe", Payload("attachment", named))

    def umbrella(self, children: list[Any]) -> Predicate:
        return Predicate("umbrella")

    def renumbering(self, children: list[Any]) -> Renumbering:
        cited = _selectors(children)
        return Renumbering(cited[0].printed if cited else "")

    def remaining_renumber(self, children: list[Any]) -> Edit:
        """ "relettering the remaining subsections [of Section 6.1] accordingly": the parts
        after the one the edit before deleted (tied to it in ``edits``)."""
        cited = _selectors(children)
        return Edit("renumber", None, position=cited[0].printed if cited else "", noun=_REMAINING)

    # --- gerund edits -------------------------------------------------------
    def edits(self, children: list[Any]) -> tuple[Edit, ...]:
        flat = [e for c in children for e in (c if isinstance(c, tuple) else (c,))]
        flat = _remaining_tied(flat)
        late = next((c for c in children if isinstance(c, LateText)), None)
        return tied(tuple(c for c in flat if isinstance(c, Edit)), late)

    def late_text(self, children: list[Any]) -> LateText:
        return LateText(_payload(children))

    def references_edit(self, children: list[Any]) -> Edit:
        return Edit("references")

    def delete_edit(self, children: list[Any]) -> Edit | tuple[Edit, ...]:
        edit = _deleted(_selectors(children)[0], children)
        renumbering = next((c for c in children if isinstance(c, Renumbering)), None)
        if renumbering is None or edit.verb == "replace":
            return edit
        return edit, Edit("renumber", edit.obj, position=renumbering.within, noun="accordingly")

    def delete_block(self, children: list[Any]) -> Edit:
        """ "deleting the following: «TEXT» and substituting ...: «TEXT2»": words of the
        provision named, set out whole; replaced by the second block, or deleted."""
        said = " ".join(next(c for c in children if isinstance(c, OldWords)).text.split())
        if not said:
            raise ValueError("the words to be deleted are not set out")
        shown = f'"{said}"' if len(said) <= 60 else f'"{said[:57].rstrip()}..."'
        return _deleted(Selector("words", shown, words=(said,)), children)

    def plain_delete(self, children: list[Any]) -> Edit:
        """A deletion before the block another edit announced: it takes none of it."""
        return Edit("delete", _selectors(children)[0])

    def delete_list(self, children: list[Any]) -> tuple[Edit, ...]:
        return tuple(Edit("delete", obj) for obj in _selectors(children))

    def deleted_one(self, children: list[Any]) -> Edit:
        return _deleted(_selectors(children)[0], children)

    def delete_each(self, children: list[Any]) -> tuple[Edit, ...]:
        return tuple(c for c in children if isinstance(c, Edit))

    def delete_in(self, children: list[Any]) -> Edit:
        """ "deleting in clause (ii) thereof "five-year"": the words, inside the place."""
        place = _selectors(children)[0]
        words = next(c for c in children if isinstance(c, Ref))
        obj = Selector(
            "words", f"{words.printed} in {place.printed}", place.labels, place.unit,
            place.terms, words.words, place.qualifiers, scope=place.printed,
            documents=place.documents, named=place.named,
        )  # fmt: skip
        return _deleted(obj, children)

    def insert_edit(self, children: list[Any]) -> Edit:
        thing = next((c for c in children if isinstance(c, NewThing)), NewThing(""))
        payload = _payload(children)
        thing = _named_definition(thing, payload)
        if payload.kind == "none":  # "inserting the words "X" after ...": the words are the payload
            words = [s for s in _selectors(children) if s.kind == "words"]
            if words:
                payload = Payload("quoted", words[0].words[0])
            elif thing.noun in MARKS:  # "inserting a comma in lieu thereof": the mark is the text
                payload = Payload("quoted", MARKS[thing.noun])
        position = position_of(children)
        if thing.scope is not None and position.cited is None:
            where = f"{thing.beside} " if thing.beside else "in "
            position = Position.of(f"{where}{thing.scope.printed}", thing.scope)
        return Edit(
            "insert", None, payload, position=position, new=thing.selector, noun=thing.noun,
            every=_every(children), first=_first(children),
        )  # fmt: skip

    def insert_attachment(self, children: list[Any]) -> Edit:
        """ "adding thereto Exhibit D-1 attached hereto": that attachment, added as itself, or
        as the new part said after it ("... attached hereto as a new Exhibit G")."""
        payload = Payload("attachment", str(_tokens(children, "ATTACHED")[0]))
        thing = next((c for c in children if isinstance(c, NewThing)), None)
        if thing is not None and thing.selector is not None:
            return Edit("insert", None, payload, new=thing.selector, noun=thing.noun)
        unit, _, label = payload.text.partition(" ")
        if not label or re.search(r",|\band\b", label):  # "Exhibits E and F attached hereto"
            raise ValueError(f"{payload.text}: which attachment is which part is not said")
        return Edit("insert", None, payload, new=attachment_part(payload.text), noun=unit.lower())

    def insert_titled(self, children: list[Any]) -> Edit:
        """ "adding the Haul Plan attached hereto as a new Schedule B": the attachment its
        title names, added as the part said after it."""
        payload = Payload("attachment", str(_tokens(children, "TITLED")[0]))
        thing = next(c for c in children if isinstance(c, NewThing))
        if thing.selector is None:
            raise ValueError(f"{payload.text}: the part it is added as is not said")
        return Edit("insert", None, payload, new=thing.selector, noun=thing.noun)

    def upsert_edit(self, children: list[Any]) -> Edit:
        """ "inserting the following definitions (or, where a term is already defined,
        amending and restating its definition)": each added, or replacing its namesake."""
        return Edit(
            "insert", None, _payload(children), position=position_of(children),
            noun="definitions", or_replace=True,
        )  # fmt: skip

    def new_thing(self, children: list[Any]) -> NewThing:
        unit = _tokens(children, "UNIT", "ATTACH")
        # ("a new Section 5.25 and a new Section 5.26": the labels of both)
        labels = tuple(label for c in children if isinstance(c, tuple) for label in c)
        nouns = _tokens(children, "DEFNOUN", "NEWNOUN", "PUNCT")
        # "a parenthetical at the end of clause (ii) of the definition of "X"": where it goes
        scope = next((c for c in children if isinstance(c, Selector)), None)
        if unit and not labels:  # "the following paragraph": the new text says what it is
            return NewThing(str(unit[0]).lower(), scope=scope, beside=_beside(children))
        if unit:
            printed = f"{unit[0]} {' and '.join(labels)}".strip()
            kind = "relative" if labels and _relative(labels[0]) else "provision"
            if _tokens(children, "ATTACH"):
                kind = "attachment"
            sel = Selector(kind, printed, labels, str(unit[0]))
            return NewThing(str(unit[0]).lower(), sel, scope=scope)
        return NewThing(
            " ".join(str(n).lower() for n in nouns), scope=scope, beside=_beside(children)
        )

    def new_beside(self, children: list[Any]) -> NewThing:
        """ "the following sentence after the first sentence thereof": beside that one."""
        beside = side(str(_tokens(children, "BESIDE_NEW")[0]))
        ordinal = str(_tokens(children, "ORDINAL")[0]).lower()
        scope = Selector("sentence", f"{ordinal} sentence")
        return NewThing("sentence", scope=scope, beside=beside)

    def each_place(self, children: list[Any]) -> _EachPlace:
        return _EachPlace(next(iter(_selectors(children)), None))

    def first_place(self, children: list[Any]) -> _FirstPlace:
        return FIRST

    def replace_edit(self, children: list[Any]) -> Edit:
        found, payload = _selectors(children), _payload(children)
        # 'replacing "X" with "Y" in subsection (c) thereof': X of that subsection only
        obj = resolve(found[0], found[1]) if len(found) > 1 else found[0]
        place = each_within(children)
        obj = words_within(obj, place) if place is not None else obj
        return Edit("replace", obj, payload, every=_every(children), first=_first(children))

    def replace_from(self, children: list[Any]) -> Edit:
        """ "changing the heading thereof from "A" to "B"": the words A of that part."""
        old = _unquote(str(_tokens(children, "QUOTED")[0]))
        return Edit("replace", resolve(_words(old), _selectors(children)[0]), _payload(children))

    def replace_definitions(self, children: list[Any]) -> Edit:
        """ "substituting the following new definitions for the existing definitions":
        the definitions the new text gives, each replacing its namesake."""
        sel = Selector("definition", "definitions", terms=(ANY_DEFINITIONS,))
        return Edit("replace", sel, _payload(children))

    def amend_within(self, children: list[Any]) -> Edit:
        """ "amending the definition of "X" by (i) deleting ... and (ii) adding ...": the
        edits of that part, each said of it ("thereof" is it)."""
        inner = tuple(e for c in children for e in (c if isinstance(c, tuple) else (c,)))
        return Edit(
            "within", _selectors(children)[0], inner=tuple(e for e in inner if isinstance(e, Edit))
        )

    def restate_edit(self, children: list[Any]) -> Edit:
        return Edit("replace", _selectors(children)[0], _payload(children))

    def restate_insert(self, children: list[Any]) -> tuple[Edit, Edit]:
        """ "restating clause (xi) and inserting a new clause (xiii), as follows: «TEXT»":
        the block holds both provisions; each edit takes the part its label opens."""
        old = _selectors(children)[0]
        insert = next(c for c in children if isinstance(c, Edit))
        new = insert.new.labels if insert.new is not None else ()
        if insert.payload.kind != "text" or not old.labels or not new:
            raise PayloadError(
                f"the new text cannot be divided between {old.printed} and the new one"
            )
        parts = labelled_parts(insert.payload.text, [label_key(x) for x in (*old.labels, *new)])
        cut = len(old.labels)
        restated = replace(insert.payload, text="\n\n".join(parts[:cut]))
        added = replace(insert.payload, text="\n\n".join(parts[cut:]))
        return Edit("replace", old, restated), replace(insert, payload=added)

    def renumber_edit(self, children: list[Any]) -> Edit:
        old, new = _selectors(children)[:2]
        return Edit("renumber", old, new=new)

    passive_renumber = renumber_edit  # "and clauses (b) and (c) are relettered as ..."

    def described_edit(self, children: list[Any]) -> Edit:
        return Edit("describe", _selectors(children)[0])

    def listed_addition(self, children: list[Any]) -> Edit:
        """ "adding thereto the accounts listed on Annex 1 hereto": the unit the item names,
        changed in a way described."""
        return Edit("describe", Selector("here", "thereof"))

    # "by increasing the Base Salary to $235,000 per annum": a value said, not the words that
    # print it -- the unit the item names, changed in a way described, as a listed addition is
    value_said = listed_addition

    # --- positions ----------------------------------------------------------
    def _where(self, words: str, children: list[Any]) -> Position:
        cited = _selectors(children)
        relation = " ".join(str(t).lower() for t in _tokens(children, "AFTER")) or words
        if not cited:
            return Position(relation)
        if words == "as new":
            return Position.of(f"as new {cited[0].printed}", None, new=cited[0])
        if words == "after":
            p = _after_words(relation, cited[0]) or Position(f"{relation} {cited[0].printed}")
            p.anchor = cited[0]
            return p
        return Position.of(
            f"{relation} {cited[0].printed}",
            cited[0]
            if words in ("in", "at the end of", "at the beginning of", "in alphabetical order")
            else None,
        )

    def after(self, children: list[Any]) -> Position:
        return self._where("after", children)

    def after_term(self, children: list[Any]) -> Position:
        return self._where("after", children)

    def at_end(self, children: list[Any]) -> Position:
        return (
            self._where("at the end of", children)
            if _selectors(children)
            else Position("at the end")
        )

    def before_end_mark(self, children: list[Any]) -> Position:
        return Position(BEFORE_END_MARK)

    def at_start(self, children: list[Any]) -> Position:
        return self._where("at the beginning of", children)

    def in_order(self, children: list[Any]) -> Position:
        return self._where("in alphabetical order", children)

    def into(self, children: list[Any]) -> Position:
        return self._where("in", children)

    def as_new(self, children: list[Any]) -> Position:
        return self._where("as new", children)

    def in_lieu(self, children: list[Any]) -> Position:
        return Position("in lieu")

    def instead_of(self, children: list[Any]) -> Position:
        """ "in lieu of the first sentence of Section 10.1": what the new text replaces."""
        cited = _selectors(children)
        return Position.in_place_of(cited[0] if cited else None)

    def into_here(self, children: list[Any]) -> Position:
        return Position("in")


_REMAINING = "remaining"


def _remaining_tied(flat: list[Any]) -> list[Any]:
    """A renumbering of "the remaining" parts is of those after what the edit before it
    deleted; after any other edit it names nothing, and the item is refused."""
    out: list[Any] = []
    for e in flat:
        if isinstance(e, Edit) and e.noun == _REMAINING:
            before = out[-1] if out else None
            if not isinstance(before, Edit) or before.verb != "delete" or before.obj is None:
                raise ValueError("the remaining parts are renumbered after no deletion")
            e = Edit("renumber", before.obj, position=e.position, noun="accordingly")
        out.append(e)
    return out


@dataclass(frozen=True)
class Renumbering:
    """ "and the remainder of Section 5 is renumbered accordingly": what is renumbered, as
    the drafter said it ("Section 5"), so that applying can check it; "" when unsaid
    ("(redesignating each subsequent subsection accordingly)")."""

    within: str


def _words(said: str) -> Selector:
    """Quoted words as a selector, before they are tied to the part they are in."""
    return Selector("words", f'"{said}"', words=(said,))
