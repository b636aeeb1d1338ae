"""Transformers for the parts of the instruction grammar, one per .lark file.

Each part turns its own rules into small values: citation.lark into
:class:`Ref` chains and :class:`~conformed.change.Selector`, payload.lark into
:class:`~conformed.change.Payload`, verbs.lark into :class:`Edit`.
``instruction.py`` merges them (lark's ``merge_transformers``) and makes the
edits :class:`~conformed.change.Change` values against the clause's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lark import Token, Transformer

from ..change import ABOUT, CORRESPONDING, MARKS, Payload, Selector
from ..citation import expand_labels, singular_unit, with_stems
from ..layout.convention import SHORT_NAME
from ..lazy_re import lazy_re


def _unquote(text: str) -> str:
    return text[1:-1].strip() if len(text) > 1 and text[0] in "\"'" else text


def _tokens(children: list[Any], *types: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type.rsplit("__", 1)[-1] in types]


# where a summary item is looked for when its item names no summary ("the item entitled "X"")
SUMMARY = "Basic Lease Provisions"


@dataclass(frozen=True)
class Ref:
    """One link of a citation chain: "clause (y)", "the definition of "X"", "the Schedule"."""

    kind: str  # provision | attachment | definition | document | here | inside | words | mark
    printed: str
    labels: tuple[str, ...] = ()
    unit: str = ""
    terms: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    every: bool = False  # "each reference to "X"": the words wherever they appear
    first: bool = False  # "the first reference to "X"": where they first appear only
    span: bool = False  # "the text beginning with "A" and ending with "B"": A, B and between
    to_end: str = ""  # "the words from "A" to the end of such sentence": see Selector.to_end
    # "Section 14 (Governing Law)": the provision cited and the caption the item gives it
    named: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Edit:
    """One gerund edit before it is tied to its clause's subject."""

    verb: str  # delete | replace | insert | renumber | describe | references
    obj: Selector | None = None  # what the edit names ("clause (iv) thereof", "the words ...")
    payload: Payload = field(default_factory=Payload)
    position: str = ""
    new: Selector | None = None  # renumbering target, or the new thing inserted
    noun: str = ""  # what is inserted: "sentence", "definitions", "clause"
    or_replace: bool = False  # definitions added, or replacing those of the same terms
    every: bool = False  # "each place it appears": every occurrence of the words
    first: bool = False  # "where it first appears": the first occurrence only
    inner: tuple[Edit, ...] = ()  # "amending the definition of "X" by (i) ... (ii) ...": its edits


_AGREEMENT = lazy_re(
    r"(?i)(?:agreement|plan|lease|sublease|indenture|notes?|guaranty|guarantee|contract|licen[cs]e|declaration|charter"
    r"|by-?laws|amendment|policy|program|mortgage|deed|warrant|debenture|certificate|rider|addendum)"
    r"(?:\s+of\s+[A-Z][\w\s\-']*)?$"  # "the Agreement of Sale"
    rf"|(?-i:^{SHORT_NAME}$)"  # a short name in capitals: "the MSA"
)


_PART = lazy_re(r"(?i)(?:the\s+)?(?:schedule|annex|exhibit|appendix|attachment|rider)\b")


def _relative(label: str) -> bool:
    return label.startswith("(") or bool(re.fullmatch(r"[a-z]{1,4}|[ivx]{1,5}", label))


def selector_of(
    refs: list[Ref], qualifiers: tuple[str, ...] = (), named: tuple[tuple[str, str], ...] = ()
) -> Selector:
    """A chain of references as one selector: its kind is its head's, narrowed by what follows."""
    documents = tuple(
        r.printed for r in refs if r.kind == "document" and _AGREEMENT.search(r.printed)
    )
    chain = [r for r in refs if r.kind != "here"]
    here = len(chain) != len(refs)
    # The agreement itself at the end of a chain adds nothing to what is cited.
    last = chain[-1].printed if chain else ""
    if (
        len(chain) > 1
        and chain[-1].kind == "document"
        and _AGREEMENT.search(last)
        and not _PART.match(last)
    ):
        chain = chain[:-1]
    head = chain[0] if chain else Ref("here", "thereof")
    printed = _joined(chain) if chain else "thereof"
    definition = next((r for r in chain if r.kind == "definition"), None)
    after = chain[chain.index(definition) + 1 :] if definition else chain[1:]
    scope = _joined(after)
    kind = {"inside": "sentence"}.get(head.kind, head.kind)
    if head.kind == "provision" and definition is not None:
        kind = "definition_clause"
    if not chain:
        kind = "here"
    elif here and kind == "provision" and len(chain) == 1:
        kind = "relative"  # "clause (iv) thereof": a part of the clause's subject
    elif (
        kind == "provision"
        and head.labels
        and _relative(head.labels[0])
        and not any(
            r.kind == "document"
            or (r.kind in ("provision", "attachment") and r.labels and not _relative(r.labels[0]))
            for r in chain[1:]
        )
    ):
        kind = "relative"  # "clause (x) of the first sentence": still inside the subject
    return Selector(
        kind=kind,
        printed=printed,
        labels=head.labels,
        unit=head.unit,
        terms=definition.terms if definition else (),
        words=head.words,
        qualifiers=qualifiers,
        scope=scope,
        documents=documents,
        every=head.every,
        first=head.first,
        span=head.span,
        to_end=head.to_end,
        named=tuple(pair for r in chain for pair in r.named) + named,
    )


class _Captioned(tuple[str, ...]):
    """ "5.1 (Price) and 5.2 (Invoicing)": labels, each with the caption printed after it."""

    captions: tuple[str, ...]

    def __new__(cls, labels: tuple[str, ...], captions: list[str] | None = None) -> _Captioned:
        made = super().__new__(cls, labels)
        made.captions = tuple(captions or ())
        return made


def _called(unit: str, labels: tuple[str, ...], children: list[Any]) -> tuple[tuple[str, str], ...]:
    """What a provision cited is called beside its citation: "Section 14 (Governing Law)",
    "Section 6.16, entitled "Liens",", "Section 8.4 Price Review is deleted", "Section 1.1,
    Definitions, of the Loan Agreement"."""
    if isinstance(labels, _Captioned):
        pairs = zip(labels, labels.captions, strict=False)
        return tuple((f"{unit} {label}", caption) for label, caption in pairs)
    said = _tokens(children, "CAPTION", "BARE_CAPTION", "COMMA_CAPTION", "QUOTED")
    if not said or len(labels) != 1 or isinstance(labels, _Range):
        return ()
    return ((f"{unit} {labels[0]}", str(said[0])),)


def _joined(chain: list[Ref]) -> str:
    """A chain as printed: "clause (y) of the definition ...", and a thing beside another
    as the drafter put it ("the word "and" immediately before "(x)""), never as "of"."""
    out = ""
    for i, r in enumerate(chain):
        glue = " " if r.kind == "beside" or (i and chain[i - 1].kind == "beside") else " of "
        out = f"{out}{glue}{r.printed}" if i else r.printed
    return out


_PARENTHETICAL_NAMED = lazy_re(r"^parenthetical (?:clause|phrase|language)$")


class CitationParts(Transformer[Token, Any]):
    """citation.lark (``text``: the item's block, for what a part is said to read)"""

    def __init__(self, text: str | None = None) -> None:
        super().__init__()
        self.text = text

    def citation(self, children: list[Any]) -> Selector:
        flat = [r for c in children for r in (c if isinstance(c, list) else [c])]
        refs: list[Ref] = []
        for c in flat:
            if isinstance(c, _Narrower):  # "Article IV, Section 4.1": Section 4.1 of Article IV
                refs[0:0] = c.refs
            elif isinstance(c, Ref):
                refs.append(c)
        quals = tuple(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        captions = tuple(str(t) for t in _tokens(children, "CAPTION"))
        # ", entitled "Liens",", 'titled "Liens"': the caption of the provision cited last
        quoted = [str(t) for t in _tokens(children, "QUOTED")]
        cited = next(
            (r for r in reversed(refs) if r.kind == "provision" and len(r.labels) == 1), None
        )
        if quoted and cited is not None:
            named = tuple((f"{cited.unit} {cited.labels[0]}", q) for q in quoted)
            return selector_of(refs, quals + captions, named)
        return selector_of(refs, quals + captions + tuple(quoted))

    def under_heading(self, children: list[Any]) -> str:
        """ "the table in Schedule 4 under the heading "Quarry Rates"": a part named by its
        caption, kept as a qualifier (never a caption of the provision cited)."""
        return str(_tokens(children, "QUOTED")[0])

    def provision(self, children: list[Any]) -> Ref:
        if len(children) == 1 and isinstance(children[0], Ref):
            return children[0]  # "the second paragraph": an ordinal unit
        unit = next((str(t) for t in _tokens(children, "UNIT", "ATTACH")), "")
        labels: tuple[str, ...] = next((c for c in children if isinstance(c, tuple)), ())
        printed = f"{unit} {' and '.join(labels)}".strip()
        singular = singular_unit(unit) if len(labels) > 1 else unit
        kind = "attachment" if _tokens(children, "ATTACH") else "provision"
        if isinstance(labels, _Range):
            kind = "range"
        named = _called(singular, labels, children)
        if isinstance(labels, _Captioned):
            labels = tuple(labels)  # a plain tuple in the selector (copied, pickled as any)
        return Ref(kind, printed, labels=labels, unit=singular, named=named)

    def unit_provision(self, children: list[Any]) -> Ref:
        return self.provision(children)  # "Article IV, Section 4.1": a numbered unit's

    def provisions(self, children: list[Any]) -> Ref:
        """ "Section 6(d) and Section 6(e)": one unit, several labels."""
        unit = next((str(t) for t in _tokens(children, "UNIT", "ATTACH", "LIST_UNIT")), "")
        unit = singular_unit(unit)  # "Sections 5.1, 5.2 and Section 5.4"
        groups = [c for c in children if isinstance(c, tuple)]
        labels = tuple(label for c in groups for label in c)
        named = tuple(pair for c in groups for pair in _called(unit, c, []))
        return Ref("provision", f"{unit}s {' and '.join(labels)}", labels, unit, named=named)

    def ordinal_unit(self, children: list[Any]) -> Ref:
        return Ref("inside", " ".join(str(c) for c in children))

    def labels(self, children: list[Any]) -> tuple[str, ...]:
        """ "8.3(u), (v) and (w)": a bracketed label after a full one shares its stem."""
        return with_stems([re.sub(r"\s+", "", str(c)).rstrip(".") for c in children])

    def captioned_labels(self, children: list[Any]) -> tuple[str, ...]:
        """Labels each followed by its caption: the labels, which keep the captions for the
        check made when applied."""
        labels = self.labels(
            [c for c in children if not getattr(c, "type", "").endswith("CAPTION")]
        )
        captions = [str(c) for c in children if getattr(c, "type", "").endswith("CAPTION")]
        return _Captioned(labels, captions)

    def label_range(self, children: list[Any]) -> tuple[str, ...]:
        """ "11.1 through 11.3": each provision of the range, or the range as one label."""
        first, last = (re.sub(r"\s+", "", str(c)).rstrip(".") for c in children)
        return expand_labels(first, last) or _Range((f"{first} through {last}",))

    def terms(self, children: list[Any]) -> tuple[str, ...]:
        return tuple(_unquote(str(c)).rstrip(",;").strip() for c in children)

    def definition(self, children: list[Any]) -> Ref:
        terms: tuple[str, ...] = next((c for c in children if isinstance(c, tuple)), ())
        quoted = " and ".join(f'"{t}"' for t in terms)
        return Ref("definition", f"definition {quoted}", terms=terms)

    def document(self, children: list[Any]) -> Ref:
        return Ref("document", " ".join(str(c) for c in _tokens(children, "DOCNAME")))

    def pronoun(self, children: list[Any]) -> Ref:
        """ "such Section 1.1" names Section 1.1: "such" only points back when no label follows."""
        unit, label = _tokens(children, "UNIT"), _tokens(children, "LABEL")
        part = _tokens(children, "SUCH_PART")
        if part:  # "such sentence": the part the item's subject is (resolve.py checks it)
            return Ref("inside", f"such {str(part[0]).lower()}")
        if unit and label:
            said = re.sub(r"\s+", "", str(label[0])).rstrip(".")
            return Ref("provision", f"{unit[0]} {said}", labels=(said,), unit=str(unit[0]))
        return Ref("here", "thereof")

    def here(self, children: list[Any]) -> Ref:
        return Ref("here", "thereof")

    def inside(self, children: list[Any]) -> Ref:
        # ("the parenthetical clause", "the parenthetical phrase": the parenthetical)
        said = [
            f"captioned {c}"
            if c in _tokens([c], "QUOTED")
            else _PARENTHETICAL_NAMED.sub("parenthetical", " ".join(str(c).lower().split()))
            for c in children
            if isinstance(c, Token)
        ]
        return Ref("inside", " ".join(said))

    def at_end_of(self, children: list[Any]) -> Ref:
        return Ref("beside", "at the end of")

    def narrower(self, children: list[Any]) -> _Narrower:
        return _Narrower(tuple(c for c in children if isinstance(c, Ref)))

    def beside(self, children: list[Any]) -> Ref:
        return Ref("beside", " ".join(str(t).lower() for t in _tokens(children, "BESIDE")))

    def at_end(self, children: list[Any]) -> Ref:
        return Ref("inside", "end")

    def words(self, children: list[Any]) -> Ref:
        quoted = tuple(_unquote(str(t)) for t in _tokens(children, "QUOTED", "MONEY", "FIGURE"))
        every = bool(_tokens(children, "EVERY"))
        first = bool(_tokens(children, "FIRST_PLACE"))
        said = " and ".join(f'"{q}"' for q in quoted)
        return Ref("words", said, words=quoted, every=every, first=first)

    def heading_words(self, children: list[Any]) -> list[Ref]:
        """ "the heading "Repairs."": those words, in the heading."""
        said = _unquote(str(_tokens(children, "QUOTED")[0]))
        return [Ref("words", f'"{said}"', words=(said,)), Ref("inside", "heading")]

    def cited_words(self, children: list[Any]) -> Ref:
        """ "the reference to Section 4.7": the citation's words as printed, unquoted."""
        said = " ".join(str(_tokens(children, "CITED_WORDS")[0]).split())
        every = bool(_tokens(children, "EVERY"))
        return Ref("words", f'"{said}"', words=(said,), every=every)

    def span(self, children: list[Any]) -> Ref:
        """ "the language beginning with "A" and ending with "B"": the words from A to B,
        both included."""
        first, last = (_unquote(str(t)) for t in _tokens(children, "QUOTED")[:2])
        return Ref("words", f'"{first}" through "{last}"', words=(first, last), span=True)

    def span_to_end(self, children: list[Any]) -> Ref:
        """ "the words from "A" to the end of such sentence": A and all after it, to the end
        of the sentence, or of the text where the end named is the provision's."""
        first = _unquote(str(_tokens(children, "QUOTED")[0]))
        unit = [str(t).lower() for t in _tokens(children, "END_UNIT")]
        end = "sentence" if unit == ["sentence"] else "text"
        return Ref("words", f'"{first}" to the end of the {end}', words=(first,), to_end=end)

    def following_words(self, children: list[Any]) -> Ref | list[Ref]:
        """ "all of the text following the word "A"": what comes after A, A kept (in the
        sentence counted, where one is: "all of the text in the first sentence thereof
        following ...")."""
        first = _unquote(str(_tokens(children, "QUOTED")[0]))
        words = Ref("words", f'the words following "{first}"', words=(first,), to_end="following")
        counted = _tokens(children, "ORDINAL")
        return [words, Ref("inside", f"{str(counted[0]).lower()} sentence")] if counted else words

    def quoted_part(self, children: list[Any]) -> Ref:
        """ "the third "Whereas" clause": printed as the drafter put it."""
        said = [str(t) if t in _tokens([t], "QUOTED") else str(t).lower() for t in children]
        return Ref("inside", " ".join(said))

    def described_part(self, children: list[Any]) -> Ref:
        return Ref("inside", " ".join(str(t) for t in _tokens(children, "DESCRIBED")))

    def described_thing(self, children: list[Any]) -> Ref:
        said = " ".join(str(children[0]).split())
        return Ref("inside", said[4:] if said.lower().startswith("the ") else said)

    def attached_thing(self, children: list[Any]) -> Ref:
        """ "the form of Landing Certificate attached to the Charter as Exhibit C": Exhibit C;
        without a label, the attachment by its caption or by what it is called ("form of
        Landing Certificate"), as a title is (consolidator/titled.py)."""
        unit, label = _tokens(children, "ATTACH"), _tokens(children, "LABEL")
        if unit and label:
            said = re.sub(r"\s+", "", str(label[0])).rstrip(".")
            return Ref("attachment", f"{unit[0]} {said}", labels=(said,), unit=str(unit[0]))
        quoted = _tokens(children, "QUOTED")
        named = _tokens(children, "ATTACHED_THING", "TITLE_ATTACHED")
        said = _unquote(str(quoted[0])) if quoted else " ".join(str(named[0]).split())
        return Ref("document", re.sub(r"^(?:The|THE)\s+", "", said))

    def located_words(self, children: list[Any]) -> list[Ref]:
        """ "the reference in Section 9.3(b)(i) to "X"": the words "X" of Section 9.3(b)(i)."""
        words = self.words([t for t in children if isinstance(t, Token)])
        return [words, *(c for c in children if isinstance(c, Ref))]

    def line(self, children: list[Any]) -> Ref:
        """ "the line item for X" / "the line beginning "X"" / "the line "X"": a line (a
        paragraph) named by its words; how it is named is kept in the printed form."""
        quoted = _tokens(children, "QUOTED")
        if quoted:
            key = _unquote(str(quoted[0]))
            how = "beginning" if _tokens(children, "LINE_BEGINS") else "reading"
        else:
            key = " ".join(str(_tokens(children, "LINE_NAME")[0]).split())
            key = key[4:] if key.lower().startswith("the ") else key
            how = "for"
        return Ref("line", f'line {how} "{key}"', words=(key,))

    def summary_item(self, children: list[Any]) -> list[Ref]:
        """ "the item entitled "Parking" in the Basic Lease Provisions": the summary's line
        whose caption that is ("Parking: ..."), as "the line for "Parking"" is."""
        quoted = _tokens(children, "QUOTED")
        named = _tokens(children, "CAPTION_NAME", "SUMMARY_CAPTION")
        key = _unquote(str(quoted[0])) if quoted else str(named[0])
        key = re.sub(r"^(?:The|THE)\s+", "", " ".join(key.split()).rstrip(":"))
        summary = " ".join(str(t) for t in _tokens(children, "SUMMARY_NAME")) or SUMMARY
        return [Ref("line", f'line for "{key}"', words=(key,)), Ref("inside", summary)]

    def mark(self, children: list[Any]) -> Ref:
        return Ref("mark", " ".join(str(t).lower() for t in _tokens(children, "PUNCT")))

    def qualifier(self, children: list[Any]) -> str:
        said = " ".join(str(c).strip() for c in children if isinstance(c, Token)).strip()
        if not said:
            return "as amended"
        return said if said.lower().startswith(("as ", "party", "both", "and ")) else f"as {said}"

    def described_aside(self, children: list[Any]) -> str:
        """ ", which permits ...,": what the thing is about, as the drafter described it."""
        return ABOUT + " ".join(str(children[0]).strip(" ,\n").split())

    def amended_by_part(self, children: list[Any]) -> str:
        """ "as amended by Section 11 of the First Amendment": a qualifier, printed whole."""
        unit, label, doc = (_tokens(children, t) for t in ("UNIT", "LABEL", "DOCNAME"))
        return f"as amended by {unit[0]} {label[0]} of the {doc[0]}"

    def reads_now(self, children: list[Any]) -> str:
        """ ", which reads "X"": kept as a qualifier, checked when the change is applied."""
        quoted = _tokens(children, "QUOTED")
        said = _unquote(str(quoted[0])) if quoted else " ".join((self.text or "").split())
        return f'which reads "{said}"'

    def formerly(self, children: list[Any]) -> str:
        return "(formerly " + " ".join(str(c) for c in children) + ")"


@dataclass(frozen=True)
class _Narrower:
    """The provision or definition after a comma, inside the one before it (with the part
    of it named first: "Article VI, the second sentence of Section 6.1,")."""

    refs: tuple[Ref, ...]


class _Range(tuple[str, ...]):
    """A range that could not be listed ("clauses (i) through (iv)"): one target, never
    applied as if it were one provision."""


def _named(children: list[Any]) -> str:
    """ "the following new Section 6(g): <text>": the provision the new text is, as cited
    ("" where no unit word and full label name it)."""
    unit = next(
        (str(c) for c in children if isinstance(c, Token) and c.type.endswith("NEWUNIT")), ""
    )
    label = next(
        (str(c) for c in children if isinstance(c, Token) and c.type.endswith("LABEL")), ""
    )
    words = unit.split()
    if not label[:1].isdigit() or not words or words[-1].lower() not in ("section", "sections"):
        return ""
    return f"Section {label}"


@dataclass(frozen=True)
class OldWords:
    """Words an edit deletes, set out as a block of the item rather than quoted."""

    text: str


class PayloadParts(Transformer[Token, Any]):
    """payload.lark: the block text and its second block come from the item."""

    def __init__(self, text: str | None = None, text2: str | None = None) -> None:
        super().__init__()
        self.text, self.text2 = text, text2

    def payload(self, children: list[Any]) -> Payload:
        for c in children:
            if isinstance(c, Payload):
                return c
            if isinstance(c, Token) and c.type.endswith("TEXT"):
                block = self.text2 if "2" in c else self.text
                return Payload("text", block or "", _named(children))
            if isinstance(c, Token) and c.type.endswith("QUOTED"):
                return Payload("quoted", _unquote(str(c)))
        return Payload()

    def quoted_each(self, children: list[Any]) -> Payload:
        """ "A" and "B", respectively: each the new words of one of the words replaced."""
        each = tuple(_unquote(str(t)) for t in _tokens(children, "QUOTED"))
        return Payload("quoted", " and ".join(each), each=each)

    def block(self, children: list[Any]) -> Payload:
        return self.payload(children)

    def old_block(self, children: list[Any]) -> OldWords:
        """ "deleting the following language: «TEXT»": the block is the words deleted."""
        return OldWords(self.payload(children).text)

    def inline(self, children: list[Any]) -> Payload:
        """New text printed straight after "as follows:" inside the instruction."""
        return Payload("text", str(children[-1]).strip())

    def figure(self, children: list[Any]) -> Payload:
        """ "to 26,855", "with $13.75": a figure given unquoted is the new words."""
        return Payload("quoted", str(_tokens(children, "MONEY", "FIGURE")[0]))

    def cited_payload(self, children: list[Any]) -> Payload:
        """ "with a reference to clause (c)": the citation's words, unquoted."""
        return Payload("quoted", " ".join(str(_tokens(children, "CITED_WORDS")[0]).split()))

    def marks(self, children: list[Any]) -> Payload:
        text = "".join(MARKS.get(str(c).lower(), _unquote(str(c))) for c in children)
        return Payload("quoted", text)

    def corresponding(self, children: list[Any]) -> Payload:
        """ "the corresponding schedules attached hereto": each part's own namesake."""
        return Payload("attachment", CORRESPONDING)

    def attachment_named(self, children: list[Any]) -> Payload:
        return self.attachment(children)

    def attached_as(self, children: list[Any]) -> Payload:
        return self.attachment(children)

    def attachment(self, children: list[Any]) -> Payload:
        """The attachment that holds the text: the one named last ("in the form of Exhibit B
        attached hereto as Annex A" is Annex A)."""
        named = _tokens(children, "ATTACHED", "PLACE", "TITLED", "FORM_OF")
        place = str(named[-1]) if named else ""
        return Payload("attachment", place[4:] if place[:4].lower() == "the " else place)


class LeadinParts(Transformer[Token, Any]):
    """leadins.lark: kept for the report, changing nothing."""

    def leadin(self, children: list[Any]) -> _Leadin:
        return _Leadin(" ".join(str(c) for c in children))

    def aside(self, children: list[Any]) -> _Leadin:
        return _Leadin(" ".join(str(c) for c in children))


class _Leadin(str):
    pass
