"""The verbs: what an amendment item asks to be done to the agreement.

One vocabulary end to end: the grammar rule ``replace_provision`` produces a
:class:`ReplaceProvision`, which the consolidator applies with
``apply_replace_provision``.  ``kind`` is that shared name; ``action`` is the
coarse verb the JSON report promises (replace, delete, insert, amend_text,
renumber).
"""

from __future__ import annotations

from dataclasses import dataclass

from .change import Change, relative_label
from .citation import Citation
from .definitions import split_definitions


@dataclass(frozen=True)
class Target:
    """A provision as the instruction names it, with its renumbering claims."""

    citation: Citation
    as_renumbered: bool = False
    formerly: Citation | None = None
    qualifier: str = ""  # "of the Schedule": which part of the agreement the citation is in
    # "The Payee Representations in Part 2(b) are deleted": the provision named by its caption,
    # checked against the heading it has (else the words may name only a part of it)
    caption: str = ""
    # "Section 14 (Governing Law) of the Agreement": what the item calls the provision it
    # cites, checked loosely against its heading when applied (consolidator/captions.py)
    named: str = ""

    @property
    def printed(self) -> str:
        return f"{self.citation.printed} {self.qualifier}".strip()


@dataclass(frozen=True)
class Renumber:
    """ "the remainder of Section 5 is renumbered accordingly" (scope None: the top level)."""

    scope: Citation | None
    printed: str

    kind = "renumber"
    action = "renumber"

    @property
    def target(self) -> str:
        return self.scope.printed if self.scope else self.printed


@dataclass(frozen=True)
class Position:
    """Where a new provision goes when the instruction says so."""

    relation: str  # "after", "before" or "end"
    anchor: Citation


@dataclass(frozen=True)
class ReplaceProvision:
    target: Target
    text: str
    kind = "replace_provision"
    action = "replace"


@dataclass(frozen=True)
class DeleteProvision:
    target: Target
    renumber: Renumber | None = None
    kind = "delete_provision"
    action = "delete"


@dataclass(frozen=True)
class InsertProvision:
    target: Target  # the new provision's own citation
    text: str
    position: Position | None = None
    renumber: Renumber | None = None
    kind = "insert_provision"
    action = "insert"


@dataclass(frozen=True)
class ReplaceReading:
    """ "so that whereas it previously read: "old" it now reads: "new"": the old text is a
    claim about the agreement, checked before the new text replaces it."""

    target: Target
    ordinal: Ordinal | None
    old: str
    new: str
    action = "replace"

    @property
    def kind(self) -> str:
        return "replace_sentence" if self.ordinal else "replace_provision"


@dataclass(frozen=True)
class ReplaceProvisions:
    """ "Sections 5.1 and 5.2 ... are deleted and replaced by the following": one text, split by label."""

    targets: tuple[Target, ...]
    text: str
    kind = "replace_provision"
    action = "replace"


@dataclass(frozen=True)
class InsertProvisions:
    targets: tuple[Target, ...]
    text: str
    position: Position | None = None
    kind = "insert_provision"
    action = "insert"


@dataclass(frozen=True)
class Ordinal:
    """Which sentence: ``index`` counts from 1 at the start, or from -1 at the end."""

    index: int
    printed: str


@dataclass(frozen=True)
class ReplaceSentence:
    target: Target
    ordinal: Ordinal
    text: str
    kind = "replace_sentence"
    action = "amend_text"


@dataclass(frozen=True)
class ReplaceLeadIn:
    """ "The first four lines of Section 6.9": read as the text before its subsections."""

    target: Target
    printed: str  # "first four lines"
    text: str
    kind = "replace_lead_in"
    action = "amend_text"


@dataclass(frozen=True)
class ReplaceParagraph:
    target: Target
    ordinal: Ordinal
    text: str
    kind = "replace_paragraph"
    action = "amend_text"


@dataclass(frozen=True)
class DefinitionRef:
    term: str
    scope: Citation | None = None


@dataclass(frozen=True)
class ReplaceDefinition:
    definition: DefinitionRef
    text: str
    kind = "replace_definition"
    action = "replace"


@dataclass(frozen=True)
class DeleteDefinition:
    definition: DefinitionRef
    kind = "delete_definition"
    action = "delete"


@dataclass(frozen=True)
class InsertDefinition:
    definition: DefinitionRef  # term "" when it is to be read from the text
    text: str
    kind = "insert_definition"
    action = "insert"


@dataclass(frozen=True)
class WordEdit:
    """One change inside a provision's words: replace, delete, insert, or append."""

    kind: str  # replace_words, delete_words, insert_words, append_text, prepend_text
    old: str = ""  # the words struck, or the anchor for an insertion
    new: str = ""
    where: str = ""  # "after", "before" or "between" for insertions
    every: bool = False  # "each place it appears"
    first: bool = False  # "where it first appears": the first of several, only
    then: str = ""  # "between "old" and "then"": the words the insertion goes before
    until: str = ""  # words from "old" to the end: Selector.to_end
    action = "amend_text"


@dataclass(frozen=True)
class TextEdits:
    target: Target
    edits: tuple[WordEdit, ...]
    sentence: Ordinal | None = None  # "the term "Units" appearing in the second sentence"
    kind = "text_edits"
    action = "amend_text"


@dataclass(frozen=True)
class ReplaceExhibit:
    exhibit: str  # "Exhibit 6.11"
    replacement: str  # the attachment's name: "Exhibit 6.11"
    kind = "replace_exhibit"
    action = "replace"


@dataclass(frozen=True)
class InsertExhibits:
    """New exhibits or schedules attached to the agreement (their text attached too)."""

    names: tuple[str, ...]  # "Exhibit AA-1", "Exhibit AA-2"
    text: str = ""  # when the amendment prints the new exhibit itself
    kind = "insert_provision"
    action = "insert"


@dataclass(frozen=True)
class DescribedChange:
    """ "Section 2 is amended to be the United States": a change described, not worded.

    Recognised so that the report names its action and target, and refused when
    applied: no tool should invent the words of an agreement.
    """

    target: Target
    description: str
    kind = "described_change"
    action = "amend_text"


@dataclass(frozen=True)
class ReplaceClauses:
    """ "amended by deleting both clause (1) and (2) ... and restating as follows": the
    named subdivisions give way to the new text; the provision's label, heading and
    lead-in stay."""

    target: Target
    clauses: tuple[str, ...]  # labels as printed: "(1)", "(2)"
    text: str
    kind = "replace_provision"
    action = "replace"


@dataclass(frozen=True)
class AddToExhibit:
    """Text added at the end of an exhibit: printed in the amendment ("supplemented with
    the following") or attached to it ("a new section titled ... as set forth in
    Schedule 2")."""

    exhibit: str
    text: str = ""
    attachment: str = ""
    title: str = ""

    @property
    def kind(self) -> str:
        return "insert_provision" if self.title else "append_text"

    @property
    def action(self) -> str:
        return "insert" if self.title else "amend_text"


@dataclass(frozen=True)
class RestateAgreement:
    """ "the Use Agreement is hereby amended in its entirety to read as set forth in
    Exhibit A attached hereto": the whole agreement is replaced by an attached form."""

    agreement: str  # as printed: "the Use Agreement"
    attachment: str  # "Exhibit A"
    kind = "replace_provision"
    action = "replace"


@dataclass(frozen=True)
class MarkedChanges:
    """ "amended by deleting the stricken text ... and adding the inserted text ... as set
    forth in ... Exhibit A": changes marked by typeface, which plain text does not carry.

    Recognised so that the report lists them, and refused when applied."""

    agreement: str
    attachment: str
    kind = "marked_changes"
    action = "amend_text"


@dataclass(frozen=True)
class InPart:
    """A sub-item under a heading item that amends another part: "Schedule C is hereby
    amended as follows: (a) Section 4.2.1 is amended by ...".  Its Section 4.2.1 is the
    schedule's, never the agreement's own Section 4.2.1, which may well exist too.

    Recognised so that the report names the part, and refused when applied: provisions
    inside a schedule, an exhibit or another instrument are not conformed here."""

    op: Operation
    part: str  # as the heading item prints it: "Schedule C", "the Pledge Agreement"
    kind = "in_part"
    action = "amend_text"


@dataclass(frozen=True)
class Steps:
    """One item that makes several changes in turn ("by deleting subsection (b) thereof
    and by amending Section 14.2(a)(2) to read ..."), applied in the order written."""

    steps: tuple[Operation, ...]
    kind = "steps"
    action = "amend_text"


@dataclass(frozen=True)
class NoTextChange:
    """Ratification, effectiveness and other items that change no text."""

    kind: str  # "ratification", "effectiveness"
    reason: str
    action = "none"


Operation = (
    ReplaceProvision
    | DeleteProvision
    | InsertProvision
    | ReplaceSentence
    | ReplaceLeadIn
    | ReplaceParagraph
    | ReplaceDefinition
    | DeleteDefinition
    | InsertDefinition
    | TextEdits
    | ReplaceExhibit
    | ReplaceProvisions
    | InsertProvisions
    | ReplaceReading
    | InsertExhibits
    | DescribedChange
    | ReplaceClauses
    | AddToExhibit
    | RestateAgreement
    | MarkedChanges
    | InPart
    | Steps
    | NoTextChange
    | Change
)


def describe(op: Operation) -> list[dict[str, str]]:
    """The report's ``operations`` entries for one operation (renumbering listed apart)."""
    if isinstance(op, NoTextChange):
        return []
    if isinstance(op, Change):
        return op.describe()
    if isinstance(op, Steps):
        return [entry for step in op.steps for entry in describe(step)]
    if isinstance(op, InPart):
        return [{**entry, "target": f"{entry['target']} of {op.part}"} for entry in describe(op.op)]
    if isinstance(op, AddToExhibit):
        return [{"action": op.action, "kind": op.kind, "target": op.exhibit}]
    if isinstance(op, RestateAgreement):
        return [{"action": op.action, "kind": op.kind, "target": op.agreement}]
    if isinstance(op, MarkedChanges):
        return [
            {"action": op.action, "kind": kind, "target": op.agreement}
            for kind in ("delete_words", "insert_words")
        ]
    if isinstance(op, InsertDefinition) and not op.definition.term:
        terms = [term for term, _ in split_definitions(op.text)] or ["(definitions not recognised)"]
        return [
            {"action": op.action, "kind": op.kind, "target": _in_scope(op.definition, term)}
            for term in terms
        ]
    if isinstance(op, ReplaceDefinition | DeleteDefinition | InsertDefinition):
        target = _in_scope(op.definition, op.definition.term)
        return [{"action": op.action, "kind": op.kind, "target": target}]
    if isinstance(op, InsertProvisions):
        return [
            {"action": op.action, "kind": op.kind, "target": _placed(t, op.position)}
            for t in op.targets
        ]
    if isinstance(op, ReplaceProvisions):
        return [{"action": op.action, "kind": op.kind, "target": t.printed} for t in op.targets]
    if isinstance(op, InsertExhibits):
        return [{"action": op.action, "kind": op.kind, "target": name} for name in op.names]
    if isinstance(op, ReplaceExhibit):
        return [{"action": op.action, "kind": op.kind, "target": op.exhibit}]
    if isinstance(op, TextEdits):
        where = op.target.printed
        if op.sentence is not None:
            where = f"{op.sentence.printed} sentence of {where}"
        return [{"action": e.action, "kind": e.kind, "target": where} for e in op.edits]
    target = op.target.printed
    if isinstance(op, ReplaceReading):
        action = "amend_text" if op.ordinal else "replace"
        where = f"{op.ordinal.printed} sentence of {target}" if op.ordinal else target
        return [{"action": action, "kind": op.kind, "target": where}]
    if isinstance(op, ReplaceSentence):
        target = f"{op.ordinal.printed} sentence of {target}"
    elif isinstance(op, ReplaceParagraph):
        target = f"{op.ordinal.printed} paragraph of {target}"
    elif isinstance(op, ReplaceLeadIn):
        target = f"{op.printed} of {target}"
    if isinstance(op, InsertProvision):
        target = _placed(op.target, op.position)
    out = [{"action": op.action, "kind": op.kind, "target": target}]
    renumber = getattr(op, "renumber", None)
    if renumber is not None:
        out.append({"action": renumber.action, "kind": renumber.kind, "target": renumber.target})
    return out


def _placed(target: Target, position: Position | None) -> str:
    """ "A new subsection (h) is added to Section 5": the report names "subsection (h) of
    Section 5", where the new subdivision goes, not a "subsection (h)" of no provision."""
    printed = target.printed
    if position is None or position.relation != "end" or not relative_label(printed):
        return printed
    return f"{printed} of {position.anchor.printed}"


def _in_scope(definition: DefinitionRef, term: str) -> str:
    """ "Section 1.1 Borrowing Base": the provision a definition is in, where the item names
    one, as the one-operation form prints a list of terms (``Selector.targets``)."""
    return f"{definition.scope.printed} {term}" if definition.scope else term
