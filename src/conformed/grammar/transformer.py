"""Parse tree -> operations.  One method per grammar rule, named after it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from lark import Token, Transformer

from ..citation import Citation, attachment_names, expand_labels, parse_citation, with_stems
from ..definitions import split_definitions
from ..errors import InstructionParseError
from ..operations import (
    AddToExhibit,
    DefinitionRef,
    DeleteDefinition,
    DeleteProvision,
    DescribedChange,
    InsertDefinition,
    InsertExhibits,
    InsertProvision,
    InsertProvisions,
    MarkedChanges,
    NoTextChange,
    Operation,
    Ordinal,
    Position,
    Renumber,
    ReplaceClauses,
    ReplaceDefinition,
    ReplaceExhibit,
    ReplaceLeadIn,
    ReplaceParagraph,
    ReplaceProvision,
    ReplaceProvisions,
    ReplaceReading,
    ReplaceSentence,
    RestateAgreement,
    Steps,
    Target,
    TextEdits,
    WordEdit,
)
from .parts import _tokens

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip


class _Agreement(str):
    """An agreement name mentioned in the instruction (checked by the parser)."""


class _Qualifier(str):
    """ "of the Schedule": where in the agreement a citation points."""


class _Quoted(str):
    """Words quoted in an instruction ("Paul Zuzelo"), quotation marks removed."""


def _unquote(token: Any) -> str:
    return str(token).strip().strip('"\u201c\u201d')


def _every(children: list[Any]) -> bool:
    return "each_place" in children


class ToOperations(Transformer[Token, Any]):
    def __init__(self, payload: str | None, payload2: str | None = None) -> None:
        super().__init__()
        self.payload = payload or ""
        self.payload2 = payload2 or ""
        self.agreements: list[str] = []

    # --- items ---------------------------------------------------------------
    def start(self, children: list[Any]) -> Operation:
        op: Operation = children[0]
        return op

    def replace_provision(self, children: list[Any]) -> ReplaceProvision:
        return ReplaceProvision(target=_first(children, Target), text=self.payload)

    def delete_provision(self, children: list[Any]) -> DeleteProvision:
        return DeleteProvision(target=_first(children, Target), renumber=_maybe(children, Renumber))

    def insert_provision(self, children: list[Any]) -> InsertProvision:
        return InsertProvision(
            target=_first(children, Target),
            text=self.payload,
            position=_maybe(children, Position),
            renumber=_maybe(children, Renumber),
        )

    def replace_sentence(self, children: list[Any]) -> ReplaceSentence:
        return ReplaceSentence(
            target=_first(children, Target), ordinal=_first(children, Ordinal), text=self.payload
        )

    def replace_lead_in(self, children: list[Any]) -> ReplaceLeadIn:
        printed = " ".join(str(c).lower() for c in children if isinstance(c, Token)
                           and c.type in ("ORDINAL", "COUNT", "LINES"))  # fmt: skip
        return ReplaceLeadIn(target=_first(children, Target), printed=printed, text=self.payload)

    def replace_paragraph(self, children: list[Any]) -> ReplaceParagraph:
        return ReplaceParagraph(
            target=_first(children, Target), ordinal=_first(children, Ordinal), text=self.payload
        )

    def replace_definition(self, children: list[Any]) -> ReplaceDefinition:
        return ReplaceDefinition(_first(children, DefinitionRef), self.payload)

    def delete_definition(self, children: list[Any]) -> DeleteDefinition:
        return DeleteDefinition(_first(children, DefinitionRef))

    def insert_definition(self, children: list[Any]) -> InsertDefinition:
        term = next(
            (_unquote(c) for c in children if isinstance(c, Token) and c.type == "TERM"), ""
        )
        units = [
            str(c) for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")
        ]
        # "... added to Section 1.01": defined in Section 1.01 itself
        cited = next((c for c in children if isinstance(c, Citation)), None)
        scope = parse_citation(" ".join(units)) if units else cited
        return InsertDefinition(DefinitionRef(term, scope), self.payload)

    def insert_definition_as_new(self, children: list[Any]) -> InsertDefinition:
        """ "... as a new Paragraph 13(b)(ii)(C)": defined among its new siblings."""
        term = next(_unquote(c) for c in children if isinstance(c, Token) and c.type == "TERM")
        unit, label = (
            str(c) for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")
        )
        parent = re.sub(r"(?:\([^()]+\)|\.[^.()]+)$", "", label)
        scope = parse_citation(f"{unit} {parent}") if parent != label else None
        return InsertDefinition(DefinitionRef(term, scope), self.payload)

    def restate_definition(self, children: list[Any]) -> ReplaceDefinition:
        term = next(_unquote(c) for c in children if isinstance(c, Token) and c.type == "TERM")
        target = _first(children, Target)
        return ReplaceDefinition(DefinitionRef(term, target.citation), self.payload)

    def insert_exhibits(self, children: list[Any]) -> InsertExhibits:
        tokens = [c for c in children if isinstance(c, Token)]
        listed = next((c for c in tokens if c.type == "EXHIBITS"), None)
        if listed is None:  # "The following is attached ... as Schedule A-1: «TEXT»"
            name = " ".join(str(next(c for c in tokens if c.type == "EXHIBIT")).split())
            return InsertExhibits((name,), self.payload)
        return InsertExhibits(_exhibit_names(listed))

    def term_edit(self, children: list[Any]) -> TextEdits:
        """ "so that the term "Units" [appearing in the second sentence] is now referred
        to as "Tetra Units"": the term's words, once, in that provision or sentence."""
        old, new = [c for c in children if isinstance(c, _Quoted)][:2]
        edit = WordEdit("replace_words", old=old, new=new)
        return TextEdits(_first(children, Target), (edit,), sentence=_maybe(children, Ordinal))

    def replace_edit(self, children: list[Any]) -> TextEdits:
        return TextEdits(_first(children, Target), (self.replace_words(children),))

    def such_replace(self, children: list[Any]) -> WordEdit:
        return self.replace_words(children)

    def such_edits(self, children: list[Any]) -> Operation:
        """ "such that "X" is deleted and replaced with "Y", and such that the email address
        for X is deleted": worded edits apply; a described one is refused when applied."""
        target = _first(children, Target)
        edits = TextEdits(target, tuple(c for c in children if isinstance(c, WordEdit)))
        described = [
            str(c) for c in children if isinstance(c, Token) and c.type == "DESCRIBED_DELETION"
        ]
        if not described:
            return edits
        return Steps((edits, *(DescribedChange(target, d) for d in described)))

    def exhibit_edits(self, children: list[Any]) -> Operation:
        """ "Exhibits A and C are amended to replace "X" with "Y"": the same edit in each."""
        edit = self.replace_words(children)
        listed = _token(children, "EXHIBITS", None)
        names = _exhibit_names(listed) if listed is not None else (_first(children, str),)
        steps = tuple(TextEdits(Target(parse_citation(n)), (edit,)) for n in names)
        return steps[0] if len(steps) == 1 else Steps(steps)

    def replace_passage(self, children: list[Any]) -> TextEdits:
        """ "whereas Notice to PREMIER was required to: "old" it is now required to: "new"":
        the old words, found exactly once, become the new."""
        edit = WordEdit("replace_words", old=self.payload, new=self.payload2)
        return TextEdits(_first(children, Target), (edit,))

    def delete_and_replace(self, children: list[Any]) -> Steps:
        container = _first(children, Target)
        units = [
            str(c) for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")
        ]
        sub = units[1] if units[1].startswith("(") else f".{units[1]}"
        deleted = Target(parse_citation(f"{container.citation.printed}{sub}"))
        replaced = Target(parse_citation(f"{units[2]} {units[3]}"))
        return Steps((DeleteProvision(deleted), ReplaceProvision(replaced, self.payload)))

    def replace_clauses(self, children: list[Any]) -> ReplaceClauses:
        clauses = [str(c) for c in children if isinstance(c, Token) and c.type == "CITATION"]
        return ReplaceClauses(_first(children, Target), tuple(clauses), self.payload)

    def supplement_exhibit(self, children: list[Any]) -> AddToExhibit:
        name = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        return AddToExhibit(name, text=self.payload)

    def insert_exhibit_section(self, children: list[Any]) -> AddToExhibit:
        title = _unquote(_token(children, "QUOTED"))
        exhibit = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        attached = _token(children, "EXHIBIT")
        return AddToExhibit(exhibit, attachment=" ".join(str(attached).split()), title=title)

    def restate_agreement(self, children: list[Any]) -> RestateAgreement:
        attached = _token(children, "EXHIBIT")
        return RestateAgreement(
            f"the {_first(children, _Agreement)}", " ".join(str(attached).split())
        )

    def marked_changes(self, children: list[Any]) -> MarkedChanges:
        attached = _token(children, "EXHIBIT")
        return MarkedChanges(f"the {_first(children, _Agreement)}", " ".join(str(attached).split()))

    def split_targets(self, children: list[Any]) -> tuple[Target, ...]:
        """ "The text of Section 2. A. and B." -> Section 2.A, Section 2.B."""
        unit = next(str(c) for c in children if isinstance(c, Token) and c.type == "UNIT")
        labels = str(_token(children, "SPLIT_LABELS"))
        number, *letters = re.findall(r"\d+|[A-Z]", labels)
        return tuple(Target(parse_citation(f"{unit} {number}.{x}")) for x in letters)

    def described_change(self, children: list[Any]) -> DescribedChange:
        target = _maybe(children, Target)
        if target is None and (agreement := _maybe(children, _Agreement)) is not None:
            target = Target(parse_citation(f"the {agreement}"))
        if target is None:  # "Exhibit A is amended to include ..."
            name = next(c for c in children if isinstance(c, str) and not isinstance(c, Token))
            target = Target(parse_citation(name))
        words = ("DESCRIPTION", "DESCRIBED_WORDS", "ORDINAL", "REFERENT", "QUOTED")
        parts = [str(c) for c in children if isinstance(c, Token) and c.type in words]
        said = " ".join(" ".join(parts).split())
        if any(_DESCRIBED.fullmatch(str(c)) is None for c in _tokens(children, "DESCRIPTION")):
            # "... to provide that the Basket is $350,000, and Section 10.4(b) is hereby amended
            # to ...": the description runs on over the next change; the compositional grammar
            # (verbs.lark, whose description ends there) reads both
            raise InstructionParseError("a change described runs on over another change")
        return DescribedChange(target, said)

    def replace_reading(self, children: list[Any]) -> ReplaceReading:
        return ReplaceReading(
            target=_first(children, Target),
            ordinal=_maybe(children, Ordinal),
            old=self.payload,
            new=self.payload2,
        )

    def add_following(self, children: list[Any]) -> InsertDefinition | TextEdits:
        """ "is amended to add thereto the following:" definitions, or words at the end."""
        target = _first(children, Target)
        if split_definitions(self.payload):
            return InsertDefinition(DefinitionRef("", target.citation), self.payload)
        return TextEdits(target, (WordEdit("append_text", new=self.payload),))

    def targets(self, children: list[Any]) -> tuple[Target, ...]:
        unit = next(str(c) for c in children if isinstance(c, Token) and c.type == "UNIT")
        unit = unit[:-1] if unit.lower().endswith("s") else unit
        cites = [str(c) for c in children if isinstance(c, Token) and c.type == "CITATION"]
        named = _captions_of(children)
        return tuple(
            Target(parse_citation(f"{unit} {c}"), named=n)
            for c, n in zip(with_stems(cites), named, strict=True)
        )

    def target_range(self, children: list[Any]) -> tuple[Target, ...]:
        first, last = self.targets(children)[:2]
        return _expand(first, last)

    def replace_provisions(self, children: list[Any]) -> ReplaceProvisions:
        return ReplaceProvisions(_first(children, tuple), self.payload)

    def insert_provisions(self, children: list[Any]) -> InsertProvisions:
        group = next((c for c in children if isinstance(c, tuple)), None)
        units = [c for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")]
        if group is None:  # "adding thereto a new Section 15.11 and a new Section 15.12"
            pairs = zip(units[::2], units[1::2], strict=True)
            return InsertProvisions(
                tuple(Target(parse_citation(f"{u} {c}")) for u, c in pairs), self.payload
            )
        container = parse_citation(" ".join(str(u) for u in units))
        return InsertProvisions(group, self.payload, Position("end", container))

    def insert_following(self, children: list[Any]) -> InsertProvision:
        units = [c for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")]
        new = _first(children, Target)
        if len(units) >= 2:
            container = parse_citation(" ".join(str(u) for u in units[:2]))
            return InsertProvision(new, self.payload, position=Position("end", container))
        return InsertProvision(new, self.payload)

    def insert_provision_into(self, children: list[Any]) -> InsertProvision:
        container, new = [c for c in children if isinstance(c, Target)][:2]
        return InsertProvision(
            target=new, text=self.payload, position=Position("end", container.citation)
        )

    def qualifier(self, children: list[Any]) -> _Qualifier:
        return _Qualifier("of the " + " ".join(str(children[0]).split()))

    def definition(self, children: list[Any]) -> DefinitionRef:
        term = next(_unquote(c) for c in children if isinstance(c, Token) and "TERM" in c.type)
        units = [c for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")]
        units = units[-2:]  # the definitions' home, not a qualifier
        scope = parse_citation(" ".join(str(c) for c in units)) if units else None
        return DefinitionRef(term, scope)

    def text_edits(self, children: list[Any]) -> TextEdits | InsertDefinition:
        edits = tuple(c for c in children if isinstance(c, WordEdit))
        target = _first(children, Target)
        if len(edits) == 1 and edits[0].kind == "append_text" and split_definitions(self.payload):
            return InsertDefinition(DefinitionRef("", target.citation), self.payload)
        return TextEdits(target=target, edits=edits)

    def replace_words(self, children: list[Any]) -> WordEdit:
        old, new = [c for c in children if isinstance(c, _Quoted)][:2]
        return WordEdit("replace_words", old=old, new=new, every=_every(children))

    def delete_words(self, children: list[Any]) -> WordEdit:
        (old,) = [c for c in children if isinstance(c, _Quoted)][:1]
        return WordEdit("delete_words", old=old, every=_every(children))

    def insert_words(self, children: list[Any]) -> WordEdit:
        new, anchor = [c for c in children if isinstance(c, _Quoted)][:2]
        where = next(str(c).lower() for c in children if isinstance(c, Token) and c.type == "WHERE")
        return WordEdit("insert_words", old=anchor, new=new, where=where, every=_every(children))

    def append_text(self, children: list[Any]) -> WordEdit:
        (new,) = [c for c in children if isinstance(c, _Quoted)][:1]
        return WordEdit("append_text", new=new)

    def each_place(self, children: list[Any]) -> str:
        return "each_place"

    def quoted(self, children: list[Any]) -> _Quoted:
        token = children[0]
        return _Quoted(self.payload if token.type == "TEXT" else _unquote(token))

    def exhibit(self, children: list[Any]) -> str:
        return " ".join(str(children[0]).split())

    def replace_exhibit(self, children: list[Any]) -> ReplaceExhibit:
        names = [c for c in children if isinstance(c, str) and not isinstance(c, Token)]
        return ReplaceExhibit(exhibit=names[0], replacement=names[-1])

    def ratification(self, children: list[Any]) -> NoTextChange:
        return NoTextChange("ratification", "ratifies the agreement; changes no text")

    def effectiveness(self, children: list[Any]) -> NoTextChange:
        when = " ".join(str(children[-1]).split())
        return NoTextChange("effectiveness", f"states the amendment is effective as of {when}")

    # --- pieces --------------------------------------------------------------
    def target(self, children: list[Any]) -> Target:
        return _target(children)

    def titled_target(self, children: list[Any]) -> Target:
        """ "the section of Exhibit A entitled "Administration"": found by its heading."""
        exhibit = _token(children, "EXHIBIT")
        title = _unquote(_token(children, "QUOTED"))
        return Target(
            parse_citation(" ".join(str(exhibit).split())), qualifier=f'section entitled "{title}"'
        )

    def new_target(self, children: list[Any]) -> Target:
        """A provision the item adds: its caption names none of the agreement's."""
        return replace(_target(children), named="")

    def renumbered(self, children: list[Any]) -> tuple[str, Citation | None]:
        return ("renumbered", children[0] if children else None)

    def formerly(self, children: list[Any]) -> Citation:
        return parse_citation(" ".join(str(c) for c in children))

    def agreement(self, children: list[Any]) -> _Agreement:
        name = _Agreement(" ".join(str(children[-1]).split()))
        self.agreements.append(name)
        return name

    def after(self, children: list[Any]) -> Position:
        return Position("after", _citation(children))

    def before(self, children: list[Any]) -> Position:
        return Position("before", _citation(children))

    def at_end(self, children: list[Any]) -> Position:
        return Position("end", _citation(children))

    into = at_end

    def renumber_remainder(self, children: list[Any]) -> Renumber:
        scope = _citation(children)
        return Renumber(scope=scope, printed=f"the remainder of {scope.printed}")

    def renumber_remaining(self, children: list[Any]) -> Renumber:
        unit = str(children[0])
        return Renumber(scope=None, printed=f"the remaining {unit}")

    def ordinal(self, children: list[Any]) -> Ordinal:
        word = str(children[0]).lower()
        to_last = len(children) > 1
        if word in ("last", "final"):
            return Ordinal(-1, word)
        if word == "penultimate":
            return Ordinal(-2, word)
        if word == "next":
            return Ordinal(-2, "next to last")
        n = _ORDINALS[word]
        return Ordinal(-n if to_last else n, f"{word} to last" if to_last else word)


def _exhibit_names(listed: Token) -> tuple[str, ...]:
    """ "Exhibits A and C" -> ("Exhibit A", "Exhibit C"), as the one-operation form names
    each of a list (``citation.attachment_names``)."""
    return tuple(attachment_names(str(listed))) or (str(listed),)


def _expand(first: Target, last: Target) -> tuple[Target, ...]:
    """ "Sections 11.1 to 11.3" -> 11.1, 11.2, 11.3 (dotted numbers with one prefix)."""
    a, b = first.citation, last.citation
    labels = expand_labels(a.keys[0], b.keys[0]) if len(a.keys) == len(b.keys) == 1 else None
    if labels:
        return tuple(Target(parse_citation(f"{a.unit or 'Section'} {n}")) for n in labels)
    return (first, last)


def _citation(children: list[Any]) -> Citation:
    tokens = [str(c) for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")]
    return parse_citation(" ".join(tokens))


def _target(children: list[Any]) -> Target:
    citation = _citation(children)
    renumbered = next((c for c in children if isinstance(c, tuple)), None)
    qualifier = next((c for c in children if isinstance(c, _Qualifier)), "")
    return Target(
        citation=citation,
        as_renumbered=renumbered is not None,
        formerly=renumbered[1] if renumbered else None,
        qualifier=qualifier,
        named=str(_token(children, "CAPTION", "")),
    )


def _captions_of(children: list[Any]) -> list[str]:
    """ "Sections 5.1 (Price) and 5.2 (Invoicing)": each citation's caption ("" if none)."""
    named: list[str] = []
    for c in children:
        if isinstance(c, Token) and c.type == "CITATION":
            named.append("")
        elif isinstance(c, Token) and c.type == "CAPTION" and named and not named[-1]:
            named[-1] = str(c)
    return named


_NO_DEFAULT = object()


def _token(children: list[Any], type_: str, default: Any = _NO_DEFAULT) -> Any:
    """The first token of a terminal type (``default`` if there is none, else an error)."""
    found = next((c for c in children if isinstance(c, Token) and c.type == type_), default)
    if found is _NO_DEFAULT:
        raise ValueError(f"no {type_} token")  # a grammar/transformer mismatch
    return found


def _first(children: list[Any], kind: type) -> Any:
    return next(c for c in children if isinstance(c, kind))


def _maybe(children: list[Any], kind: type) -> Any:
    return next((c for c in children if isinstance(c, kind)), None)


def _described_pattern() -> re.Pattern[str]:
    """verbs.lark's DESCRIPTION: where a change described ends (one definition for both
    grammars; this one's own takes the rest of the sentence)."""
    verbs = (Path(__file__).with_name("verbs.lark")).read_text(encoding="utf-8")
    m = re.search(r"(?m)^DESCRIPTION: /(.*)/(\w*)$", verbs)
    assert m is not None
    return re.compile(m.group(1), re.DOTALL if "s" in m.group(2) else 0)


_DESCRIBED = _described_pattern()
