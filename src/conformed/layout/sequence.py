"""The numbering rule: where a label may open a provision, and where it is only text.

A label opens a provision when it continues a sequence: the next sibling of an
open provision ("(e)" after "(d)", "6A." after "6."), or the first child of the
latest one in a style its ancestors do not use.  Where a paragraph surely begins,
a label of an open sibling's style that breaks the sequence is a provision too
(and the break is noted).  A citation that happens to begin a line ("Section 6.02(a);
provided", "Part 1(i) of the Schedule") is not a label.  This is the tree's
placement, kept apart from how the tree takes text (tree.py).
"""

from __future__ import annotations

import re

from ..citation import Label, Style, label_candidates, label_key
from ..document import LayoutNote
from ..lazy_re import lazy_re
from .convention import CONVENTION, SECTION
from .lines import LEAD
from .node import Node

# An inline provision in flattened text: after a sentence (not after "No.", as in "AMENDMENT
# NO. 2 TO THE PLAN": a number, never a label), or after the run of
# spaces that stands for a line break ("... Fees.   (b) Interest ...").  The first space
# comes first and the look-behinds after it, so that a search skips to the next space
# rather than trying every character; "gap" holds the run's spaces after the first.
_INLINE = lazy_re(
    rf"\s(?:(?<=[.:;\]\"\u201d]\s)(?<![Nn][Oo]\.\s)\s*|(?<=[^\S\n])(?P<gap>[^\S\n]{{2,}}))(?P<unit>{CONVENTION.lead_unit})?"
    rf"(?P<token>{CONVENTION.token})\s+(?(gap)(?=[\w\"\u201c(])|(?=[A-Z\"`'\u201c(\[]|\d+\s+[A-Z]{{2}}))"
)
# The next clause of a list that runs on after a semicolon, once the list's first clauses
# were split off: "...; (c) intercompany Indebtedness ...; and (d) ...".  Its words may
# begin in lower case, as a list's clauses do; a clause split off while the one before it
# keeps the next ones' words would read "(b)" as holding "(c)" to "(f)".
LIST_NEXT = lazy_re(
    r"(?:(?<=;\s)|(?<=;\sand\s)|(?<=;\sor\s))(?P<unit>)(?P<token>\([a-z]{1,4}\)|\(\d{1,3}\))\s+(?=\S)"
)
# the same clause opening a line, after a line that ended "...;" or "...; and"
LIST_HEAD = lazy_re(r"(?P<unit>)(?P<token>\([a-z]{1,4}\)|\(\d{1,3}\))\s+(?=\S)")
AFTER_LIST_MARK = lazy_re(r"(?:[:;]|;\s+(?:and|or))$")
# A heading run onto the end of the last paragraph's line, as flattened filings
# print them: "... fiscal month 5. TRADEMARKS".
_TITLE_AT_END = lazy_re(
    rf"\s(?P<unit>{CONVENTION.lead_unit})?(?P<token>\d{{1,3}}\.)\s+(?=[A-Z][A-Z0-9&,;'/\- ]{{2,80}}$)"
)
_TITLE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&,;'/- ")


def title_at_end(text: str) -> re.Match[str] | None:
    """``_TITLE_AT_END.search(text)``, not tried when the last character (before a final
    newline, where ``$`` also matches) cannot end a title: most lines end in a word or a stop."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return _TITLE_AT_END.search(text) if last in _TITLE_CHARS else None


# What a cross-reference that happens to start a line continues with.
_BRACKETS = lazy_re(r"^(?:\([A-Za-z0-9]{1,6}\))+")
_REFERENCE_TAIL = lazy_re(r"^(?:[;,)\]]|[a-z])")
# What follows a number that is a figure, not a label: a rate or a ratio, or a quantity
# per unit of measure ("11.20 LB/MMBTU", "6.50 lbs./ton", "0.96 per MMBtu"; a unit is
# printed in one case, so a caption such as "Buyer/Seller" is not one).
_FIGURE_TAIL = lazy_re(
    r"^(?:%|percent\b|per\s+cent\b|bps\b|basis\s+points\b|to\s*1(?:\.0+)?\b|:\s*1(?:\.0+)?\b"
    r"|(?-i:[A-Z]{1,6}|[a-z]{1,6})\.?/[A-Za-z]{1,8}\b|(?-i:per)\s+[A-Za-z])",
    re.IGNORECASE,
)
# How far a later section may run ahead of the last one: "6.9" after "2.7" is an
# excerpt; "112.50" after "1.1" is a figure in a table.
_SECTION_REACH = 20

HARD, SOFT, INLINE = "hard", "soft", "inline"
GAP = "gap"  # inline, after a run of spaces that stands for a paragraph break


_SPACES = lazy_re(r"\s+")


class Placement:
    """Where labels go, for the tree that holds ``stack`` (open provisions, root first)."""

    root: Node
    stack: list[Node]
    fragment: bool
    first_any: bool
    agreement: bool
    notes: list[LayoutNote]
    _line: int
    _dry_container: int
    _indent: int  # the indentation of the line being placed
    out_of_sequence: bool = False  # the last accepts() placed its label only as a repeat

    def accepts(self, text: str, strength: str, *, children: bool = True) -> bool:
        """Would a paragraph starting with ``text`` open a provision here?  With
        ``children`` false, only as a sibling of an open provision (the next item
        after new text, never a paragraph of it)."""
        m = LEAD.match(text)
        self.out_of_sequence = False
        if not m:
            return False
        unit = m.group("unit") or ""
        if _looks_like_reference(unit, m.group("token"), text[m.end() :], strength):
            return False
        alone = not text[m.end() :].strip()
        placed = self._place(
            m.group("token"), unit, dry=True, strength=strength, children=children, alone=alone
        )
        return placed is not None

    def continues_here(self, text: str, strength: str) -> bool:
        """Would a label at the start of ``text`` continue the open provision's own list
        (its next sibling, or its first child) without closing anything above it?"""
        m = LEAD.match(text)
        if not m or len(self.stack) < 2:
            return False
        self._dry_container = -1
        placed = self._place(m.group("token"), m.group("unit") or "", dry=True, strength=strength)
        return placed is not None and self._dry_container >= len(self.stack) - 2

    def _place(
        self,
        token: str,
        unit: str,
        *,
        dry: bool,
        strength: str,
        children: bool = True,
        alone: bool = False,
    ) -> Node | None:
        unit = _SPACES.sub(
            " ", unit
        )  # "Section  1108." is "Section 1108." (EDGAR's justified lines)
        candidates = label_candidates(unit + token) if unit else label_candidates(token)
        if not candidates:
            return None
        top = len(self.stack) - 1
        options: list[tuple[str, int]] = [("sibling", top), ("child", top)]
        if self._caption_only(self.stack[top]) or self._indented_under(top, candidates):
            options.reverse()  # "(h) Interest." alone: its "(i)" is its first child
        options += [("sibling", k) for k in range(top - 1, 0, -1)]
        for kind, k in options:
            for cand in candidates:
                if kind == "child":
                    if children and self._is_first_child(cand):
                        node = self._open(top, cand, dry)
                        node.alternatives = [c for c in candidates if c != cand]
                        return node
                    continue
                pred = self._pred(k)
                if pred is None:
                    continue
                if self._is_next_sibling(pred, cand) or (
                    strength == HARD
                    and _later_section(pred.label, cand)
                    and not (alone and _figure_in_a_column(pred.label, cand))
                ):
                    return self._open(k - 1, cand, dry)
                if self._revise(pred, k, cand, dry):
                    return self._open(k - 1, cand, dry)
        first = self._first_after_title(candidates, top, dry)
        if first is not None:
            return first
        lifted = self._lift(candidates, dry)
        if lifted is not None:
            return lifted
        if strength == HARD:
            switched = self._switched(candidates, top, dry) if self.agreement else None
            return switched or self._out_of_sequence(candidates, top, dry)
        return None

    def _first_after_title(self, candidates: list[Label], top: int, dry: bool) -> Node | None:
        """ "MASTER SUPPLY AGREEMENT" and then "1. Supply.": the first provision of a body
        that opens with an unnumbered heading stands beside it, not inside it."""
        heading = self.stack[top]
        if top != 1 or heading.kind != "heading" or heading.label is not None:
            return None
        if any(c.label is not None for c in self.root.children):
            return None
        for cand in candidates:
            if self.fragment or self.first_any or (cand.value == 1 and not cand.extra):
                return self._open(0, cand, dry)
        return None

    def _lift(self, candidates: list[Label], dry: bool) -> Node | None:
        """ "(h) Interest." / "(i) Prior ..." / "(j) ...": the "(i)" read as the first child
        of a caption turns out to be the letter after "(h)"; it moves up beside it."""
        for k in range(len(self.stack) - 1, 1, -1):
            node, parent = self.stack[k], self.stack[k - 1]
            if not node.alternatives or parent.children != [node] or parent.label is None:
                continue
            for alt in node.alternatives:
                for cand in candidates:
                    if follows(parent.label, alt) and follows(alt, cand):
                        if dry:
                            return self.root
                        node.label, node.alternatives = alt, []
                        parent.children.remove(node)
                        self.stack[k - 2].children.append(node)
                        del self.stack[k - 1 :]
                        self.stack.append(node)
                        return self._open(k - 2, cand, dry)
        return None

    def _switched(self, candidates: list[Label], top: int, dry: bool) -> Node | None:
        """Where a paragraph surely begins and no sequence takes the label, the next
        section of an agreement that changes between whole and decimal numbers."""
        for k in range(top, 0, -1):
            pred = self._pred(k)
            for cand in candidates:
                if pred is not None and _switched_numbering(pred.label, cand):
                    return self._open(k - 1, cand, dry)
        return None

    def _out_of_sequence(self, candidates: list[Label], top: int, dry: bool) -> Node | None:
        """Where a paragraph surely begins, a label of an open sibling's style that breaks
        the sequence: a gap (6 then 8) or a duplicate (a second "8.")."""
        for k in range(top, 0, -1):
            pred = self._pred(k)
            if pred is None or pred.label is None:
                continue
            for cand in candidates:
                why = _break_in_sequence(pred.label, cand)
                if why:
                    if not dry:
                        self._note(self._line, why, f"{cand.text} follows {pred.label.text}")
                    self.out_of_sequence = why == "duplicate"  # what accepts() tells its caller
                    return self._open(k - 1, cand, dry)
        return None

    def _pred(self, k: int) -> Node | None:
        """The labelled provision a label at level ``k`` would follow: the open one, or
        the last labelled one before an unlabelled node (a definition, a heading)."""
        node = self.stack[k]
        if node.label is not None and node.kind != "article":
            return node
        if node.kind == "article":
            return None
        for child in reversed(self.stack[k - 1].children):
            if child.label is not None and child.kind != "article":
                return child
        return None

    def _revise(self, node: Node, k: int, cand: Label, dry: bool) -> bool:
        """Re-read an ambiguous first label when its sibling only fits the other
        reading: "(i)" then "(j)" is alphabetic after all."""
        container = self.stack[k - 1]
        if not node.alternatives or len(container.children) != 1:
            return False
        used = {n.label.shape for n in self.stack[1:k] if n.label}
        for alt in node.alternatives:
            if alt.shape not in used and follows(alt, cand):
                if not dry:
                    node.label, node.alternatives = alt, []
                return True
        return False

    def _is_next_sibling(self, node: Node, cand: Label) -> bool:
        return node.label is not None and follows(node.label, cand)

    def _is_first_child(self, cand: Label) -> bool:
        parent = self.stack[-1]
        if any(c.label is not None for c in parent.children) or parent.kind == "heading":
            return False
        if parent is self.root:
            return self.fragment or self.first_any or cand.value == 1
        if parent.kind == "article" and parent.label is not None:
            if (
                self.first_any
                and cand.value == 1
                and not cand.extra
                and not _WORDY.search(cand.prefix)
            ):
                return True  # an amendment's "ARTICLE I / AMENDMENTS" over items "(a)", "(b)"
            return self._first_in_article(parent.label, cand)
        if cand.value != 1 or cand.extra:
            return False
        used = {n.label.shape for n in self.stack[1:] if n.label and n.kind != "article"}
        if cand.shape in used and not self._opens_list(parent):
            return False
        if cand.prefix.rstrip(".").isdigit() or "." in cand.prefix:
            number = _UNIT_START.sub("", cand.prefix).rstrip(".")
            if parent.label is None:
                return False
            if parent.label.style is Style.UPPER_ROMAN and number.isdigit():
                return int(number) == parent.label.value  # "2.1" under "SECTION II."
            return label_key(number) == parent.label.key
        return True

    def _indented_under(self, top: int, candidates: list[Label]) -> bool:
        """ "(h) Term. Section 10.2 is amended as follows:" and, printed further in, "(i)
        Section 10.2(a) is amended ...": where a label reads both as the next letter and as
        a first roman numeral, a label printed deeper than the provision before it opens
        that provision's list."""
        node = self.stack[top]
        return (
            node.label is not None
            and len({c.style for c in candidates}) > 1
            and self._indent >= node.indent + 2
        )

    @staticmethod
    def _caption_only(node: Node) -> bool:
        """A provision printed as a caption with nothing under it yet: it heads a list."""
        return (
            bool(node.heading) and not node.parts and not node.children and node.label is not None
        )

    def _opens_list(self, parent: Node) -> bool:
        """A provision whose text ends "... as follows:" may start a list in a style its
        ancestors use ("(e) ... the following reports:" / "1. Weekly ...")."""
        return (
            bool(parent.parts) and parent.parts[-1].rstrip().endswith(":") and not parent.children
        )

    def _first_in_article(self, article: Label, cand: Label) -> bool:
        """The first section of an article: "2.1" / "2.01" / "Section 2.01" under ARTICLE 2,
        or a section numbered on from the last article's ("Section 7" after Section 6)."""
        if cand.style is not Style.ARABIC:
            return False
        number = _UNIT_START.sub("", cand.prefix).rstrip(".")
        if number:
            head = number.split(".")[0]
            return head.isdigit() and int(head) == article.value  # 2.1, or 2.5 in an excerpt
        if cand.value == 1:
            return True
        articles = [c for c in self.root.children if c.kind == "article"]
        # (the first article after items printed above any: "1." and "2." under a title, then
        # "ARTICLE II / MISCELLANEOUS" and "3.")
        earlier = articles[-2].children if len(articles) > 1 else self.root.children[:-1]
        last = next(
            (c.label for c in reversed(earlier) if c.label is not None and c.kind != "article"),
            None,
        )
        return last is not None and _same_shape(last, cand) and cand.value == last.value + 1

    def _open(self, container_index: int, label: Label, dry: bool) -> Node:
        if dry:
            self._dry_container = container_index
            return self.root
        del self.stack[container_index + 1 :]
        node = Node(label, line=self._line)
        self.stack[container_index].children.append(node)
        self.stack.append(node)
        return node

    def _note(self, line: int, kind: str, message: str) -> None:
        self.notes.append(LayoutNote(line, kind, message))


_WORDY = lazy_re(r"[0-9A-Za-z]")
_UNIT_START = lazy_re(rf"^{CONVENTION.lead_unit}")
_DOTTED = lazy_re(r"^\d+(?:\.\d+)*\.$")


def _same_shape(a: Label, b: Label) -> bool:
    """Siblings: the same style and punctuation; a unit word may differ in case, and a
    decimal label may drop its final stop ("2.2." then "2.3 Revolving ...")."""
    if a.style is not b.style or a.prefix.lower() != b.prefix.lower():
        return False
    decimal = a.style is Style.ARABIC and any(c.isdigit() for c in a.prefix)
    if a.style in (Style.UPPER_ORDINAL, Style.TITLE_ORDINAL):
        return True  # "SECOND:" then "THIRD.": a word numbers the items, not its stop
    return a.suffix == b.suffix or (decimal and {a.suffix, b.suffix} == {"", "."})


def follows(prev: Label, cand: Label) -> bool:
    """``cand`` is the label after ``prev``: "(d)" -> "(e)", "6." -> "6A." -> "6B." -> "7."."""
    if not _same_shape(prev, cand):
        return False
    if cand.extra:
        after = chr(ord(prev.extra) + 1) if prev.extra else "A"
        return cand.value == prev.value and cand.extra == after
    return cand.value == prev.value + 1


def _break_in_sequence(prev: Label, cand: Label) -> str:
    """ "duplicate" for a second "8.", "sequence" for a gap (6 then 8), else ""."""
    if not _same_shape(prev, cand):
        return ""
    if cand.value == prev.value and cand.extra == prev.extra:
        return "duplicate"
    numbered = prev.style is Style.ARABIC and (
        bool(_UNIT_START.match(prev.prefix)) or "." in prev.prefix
    )
    limit = 50 if numbered else 5 if prev.style is Style.ARABIC else 3
    if prev.value < cand.value <= prev.value + limit:
        return "sequence"
    return ""


def _looks_like_reference(unit: str, token: str, after: str, strength: str) -> bool:
    """ "Section 409A of the Code", "Section 6.02(a); provided", "10.01 to the contrary":
    a cross-reference that happens to begin a line or a quotation, not a provision."""
    after = after.lstrip()
    if not after:
        return False
    if _FIGURE_TAIL.match(after):
        return True  # "2.25 %", "3.50 to 1.00": a figure, in a table's cell or a sentence
    if unit:  # "Part 1(i)(ii) of the Schedule": what follows the whole citation decides
        after = _BRACKETS.sub("", after, count=1).lstrip()
        if after and _REFERENCE_TAIL.match(after):
            return True
    dotted = re.fullmatch(r"\d+(?:\.\d+)+\.?", token) is not None
    return dotted and strength not in (HARD, GAP) and after[:1].islower()


def _unit_and_number(prefix: str) -> tuple[str, str]:
    """ "Section 2." -> ("section", "2."); "2." -> ("", "2.")."""
    m = _UNIT_START.match(prefix)
    if m is None:
        return "", prefix
    return " ".join(m.group(0).lower().split()), prefix[m.end() :].strip()


def _later_section(prev: Label | None, cand: Label) -> bool:
    """ "6.9" after "2.7" at the start of a paragraph: a later section of an excerpt
    or of another article.  Gaps are allowed only for dotted section numbers,
    and only where a paragraph surely begins."""
    if prev is None or prev.style is not Style.ARABIC or cand.style is not Style.ARABIC:
        return False
    # ("Section 2.01" after "Section 1.02": the same unit word, then the numbers)
    (unit, was), (unit2, now) = _unit_and_number(prev.prefix), _unit_and_number(cand.prefix)
    if unit != unit2 or not (_DOTTED.match(was) and _DOTTED.match(now)):
        return False
    if was.count(".") != now.count(".") or prev.suffix != cand.suffix:
        return False
    before = (*map(int, was.rstrip(".").split(".")), prev.value)
    after = (*map(int, now.rstrip(".").split(".")), cand.value)
    return after > before and after[0] - before[0] <= _SECTION_REACH


def _figure_in_a_column(prev: Label | None, cand: Label) -> bool:
    """ "6.50" alone on its line after "5.1": a figure in a table's column ("MOISTURE max.
    6.50"), not Section 6.50 -- a later section of another article would begin near its
    start, and a label with nothing after it on its line has no words to say otherwise.
    A unit word makes it a label ("SECTION 6.12" over its caption's line): figures have none."""
    unit, now = _unit_and_number(cand.prefix)
    if prev is None or cand.extra or unit:
        return False
    was = _unit_and_number(prev.prefix)[1]
    head = int(was.split(".")[0]) if _DOTTED.match(was) else prev.value
    head2 = int(now.split(".")[0]) if _DOTTED.match(now) else cand.value
    return head2 > head and cand.value >= 10


def _switched_numbering(prev: Label | None, cand: Label) -> bool:
    """ "Section 2. Maintenance." after "1.3 Rent.", or "Section 4.1 Off-hire." after
    "Section 3. Redelivery.": an agreement that changes between whole and decimal section
    numbers part-way, where a paragraph surely begins.  The next section, not words of the
    last one: its number runs on from the last one's first number.  A section's unit word
    says so (a bare "2." under "1.3" may be a list in its text), and it is the same word."""
    if prev is None or prev.style is not Style.ARABIC or cand.style is not Style.ARABIC:
        return False
    (unit, was), (unit2, now) = _unit_and_number(prev.prefix), _unit_and_number(cand.prefix)
    if not unit2 or unit not in ("", unit2) or cand.extra or prev.extra:
        return False
    named = CONVENTION.unit(unit2)
    if named is None or named.kind != SECTION:
        return False  # "ARTICLE 2" after "1.1" is the next article, read as one
    if bool(was) == bool(now) or not (_DOTTED.match(was or "0.") and _DOTTED.match(now or "0.")):
        return False  # one of them whole, the other decimal (the same kind is _later_section's)
    head = int(was.split(".")[0]) if was else prev.value
    head2 = int(now.split(".")[0]) if now else cand.value
    return head < head2 <= head + _SECTION_REACH
