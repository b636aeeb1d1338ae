"""One operation type: ``Change(verb, selector, payload)``.

The compositional grammar (grammar/*.lark) says *what* is changed (a selector:
a provision, a definition or a clause of one, a sentence, words, a mark), *how*
(the verb) and *with what* (the payload).  The report's coarse ``action``
follows from the verb and the selector's kind: deleting a clause deletes a
provision, deleting a word amends text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citation import singular_unit
from .lazy_re import lazy_re

# Selector kinds that are whole provisions (deleting one deletes; restating one replaces).
# The terms of "the following definitions": named by the new text, not by the instruction.
ANY_DEFINITIONS = "(definitions)"
# A renumbering's position when the drafter named what is renumbered: "remainder of Section 5".
REMAINDER_OF = "remainder of "
# "replaced with the corresponding schedules attached hereto": each part by its namesake, resolved
# when the instruction is read (grammar/instruction.py)
CORRESPONDING = "the corresponding attachments"
# A qualifier that only says what the thing cited is about (", which permits ...,"): kept for
# the report, and nothing a tool checks or looks up.
ABOUT = "described: "
# Punctuation named in words ("the period at the end thereof", "inserting a semicolon").
MARKS = {"period": ".", "full stop": ".", "comma": ",", "semicolon": ";", "semi-colon": ";"}
MARKS["colon"] = ":"


def side(word: str) -> str:
    """ "immediately following", "prior to", "preceding": after or before the thing named."""
    said = " ".join(word.lower().split()).removeprefix("immediately ")
    return "before" if said in ("before", "preceding", "prior to") else "after"


# Where new words go beside quoted ones: 'immediately after "X" of subsection (e)'.
BESIDE_WORDS = lazy_re(
    r"^(?:immediately\s+)?(?P<side>after|following|before|preceding|prior\s+to|(?:in\s+)?between)\s+"
    r'"(?P<anchor>[^"]+)"(?:\s+and\s+"(?P<then>[^"]+)")?(?:\s+of\s+(?P<part>.+))?$',
    re.IGNORECASE,
)

STRUCTURAL = frozenset(
    {"provision", "definition", "definition_clause", "attachment", "document", "range"}
)


@dataclass(frozen=True)
class Selector:
    """What an instruction points at, as printed, with the parts a tool can look up."""

    kind: str  # provision | definition | definition_clause | sentence | words | mark | document | attachment | text
    printed: str  # "clause (y) of the definition "Total Debt" in Section 1.1"
    labels: tuple[str, ...] = ()  # each cited label: Sections 5.1 and 5.2 -> ("5.1", "5.2")
    unit: str = ""  # "Section"
    terms: tuple[str, ...] = ()  # defined terms
    words: tuple[str, ...] = ()  # quoted words ("the words "thirty (30)"")
    qualifiers: tuple[
        str, ...
    ] = ()  # "as it applies to Party B", "(formerly 6)": kept for the report
    scope: str = ""  # the provision a definition or clause is in: "Section 1.1"
    documents: tuple[
        str, ...
    ] = ()  # the instruments named: "Credit Agreement" (checked, not printed)
    every: bool = False  # "each reference to "X"", "All references ... to "X"": every place
    first: bool = False  # "the first reference to "X"": the place the words first appear
    span: bool = False  # words "beginning with "A" and ending with "B"": A, B and all between
    # "the words from "A" to the end of such sentence" (sentence), "... to the end thereof"
    # (text), "all of the text following "A"" (following: A kept, the rest of its sentence)
    to_end: str = ""
    # "Section 14 (Governing Law)", "Section 6.16, entitled "Liens",": what the item calls the
    # provisions it cites, (citation, caption) each, checked loosely against their headings
    # when applied (consolidator/captions.py)
    named: tuple[tuple[str, str], ...] = ()

    def targets(self) -> list[str]:
        """One printed target per thing cited: a list of labels or terms is split."""
        if (
            self.kind == "definition"
            and self.terms
            and (len(self.terms) > 1 or self.terms[0] not in self.printed)
        ):  # several terms, or terms read from the new text rather than the citation
            return [f"{self.scope} {t}".strip() for t in self.terms]
        if self.kind == "provision" and len(self.labels) > 1:
            # "new clauses (e) and (f) at the end of Section 4.2": "clause (e) of Section 4.2"
            return _each_of(self.unit, self.labels, self.scope)
        if self.kind == "words" and len(self.labels) > 1 and self.scope == self.printed:
            # "Sections 4.2 and 4.3(b) are each amended by replacing ...": one per provision
            return _each_of(self.unit, self.labels, self.printed.partition(" of ")[2])
        return [self.printed]


# "after subsection (e) of Section 6.10": a sibling named in its provision
_SIBLING_OF = lazy_re(
    r"(?:immediately\s+)?(?:after|before|following|preceding)\s+\S+\s+\([^()]{1,6}\)\s+of\s+"
    r"(?P<container>.+)$"
)


def relative_label(target: str) -> bool:
    """ "subsection (h)", "clause (iv)": a subdivision named by its bracketed label alone."""
    return re.fullmatch(r"[A-Za-z\-]+\s+\([A-Za-z0-9]{1,6}\)", target.strip()) is not None


def _each_of(unit: str, labels: tuple[str, ...], parent: str) -> list[str]:
    """Each label of a list printed as a citation of it alone."""
    one = singular_unit(unit)
    return [
        " ".join(f"{one} {label}".split()) + (f" of {parent}" if parent else "") for label in labels
    ]


@dataclass(frozen=True)
class Payload:
    kind: str = "none"  # text | quoted | attachment | none
    text: str = ""
    named: str = ""  # "the following new Section 6(g):": the provision the text is, as cited
    # '"$310,000" and "sixty (60) weeks", respectively': one for each of the words replaced
    each: tuple[str, ...] = ()

    def paragraphs(self) -> list[str]:
        """The new text's paragraphs (a blank line parts them), each on one line."""
        return [p for p in (" ".join(x.split()) for x in _BLANK_LINE.split(self.text)) if p]

    @property
    def one_paragraph(self) -> bool:
        """No blank line inside the new text: words of a sentence, not paragraphs of their own."""
        return not _BLANK_LINE.search(self.text.strip())


_BLANK_LINE = lazy_re(r"\n\s*\n")


@dataclass(frozen=True)
class Change:
    """One edit of the agreement, in the one vocabulary of parse, apply and report."""

    verb: str  # replace | delete | insert | renumber | describe
    selector: Selector
    payload: Payload = field(default_factory=Payload)
    position: str = ""  # "after clause (iii)", "at the end of Section 5", "alphabetical"
    new_label: str = ""  # renumbering: what the provision becomes
    words_edit: bool = False  # an edit of words inside the selected provision
    other_document: str = ""  # names an instrument other than the agreement amended
    or_replace: bool = False  # new definitions, each replacing any of the same term
    every: bool = False  # a word edit "each place it appears": every occurrence
    first: bool = False  # a word edit "where it first appears": the first occurrence only
    paragraph: bool = False  # new words said to be "a new paragraph": a paragraph of their own
    kind = "change"

    @property
    def action(self) -> str:
        structural = self.selector.kind in STRUCTURAL and not self.words_edit
        if self.verb == "renumber":
            return "renumber"
        if self.verb in ("replace", "delete", "insert") and structural:
            return self.verb
        return "amend_text"

    @property
    def change_kind(self) -> str:
        """The report's ``kind``: the shared names of the older forms where they match."""
        if self.verb == "describe":
            return "described_change"
        if self.verb == "renumber":
            return "renumber"
        noun = self.selector.kind
        if self.action == "amend_text":
            if self.verb == "insert" and self.position.startswith("at the end"):
                return "append_text"
            return f"{self.verb}_words"
        if noun in ("definition", "definition_clause"):
            return "insert_or_replace_definition" if self.or_replace else f"{self.verb}_definition"
        return f"{self.verb}_provision"

    @property
    def each_place(self) -> bool:
        """ "each place it appears", said of the edit ("by deleting "X" each place it
        appears") or of the words it names ("each reference to "X"")."""
        return self.every or self.selector.every

    def describe(self) -> list[dict[str, str]]:
        return [
            {"action": self.action, "kind": self.change_kind, "target": self._of_other(target)}
            for target in self._where()
        ]

    def _where(self) -> list[str]:
        """The report's targets: '... after "X" in subsection (e) thereof' names where the
        words go, "subsection (e) of Section 8.1", as a deletion there names its words'."""
        beside = BESIDE_WORDS.match(self.position) if self.words_edit else None
        if beside is None or not beside["part"] or self.selector.kind != "provision":
            return [self._placed(t) for t in self.selector.targets()]
        part = beside["part"]
        return [
            part if part.endswith(f" of {target}") else f"{part} of {target}"
            for target in self.selector.targets()
        ]

    def _placed(self, target: str) -> str:
        """ "subsection (f)" inserted "after subsection (e) of Section 6.10": the new
        subdivision is Section 6.10's, and the report says so, as it does for one inserted
        "in Section 6.10"."""
        if self.verb != "insert" or not relative_label(target) or " of " in target:
            return target
        m = _SIBLING_OF.match(self.position)
        return f"{target} of {m['container']}" if m else target

    def _of_other(self, target: str) -> str:
        """ "Section 3 of the First Amendment": the instrument is part of what is amended,
        so the report never shows a provision of another instrument as the agreement's."""
        if not self.other_document or self.other_document in target:
            return target
        return f"{target} of the {self.other_document}"
