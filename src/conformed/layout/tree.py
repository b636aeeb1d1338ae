"""The provision tree, built from the rules' decisions: the stack of open provisions.

A label only starts a provision when it continues the numbering: the next
sibling of an open provision ("(e)" after "(d)", "5." after "4.", "6A." after
"6."), or the first child of the latest one ("(i)" under "(g)", in a style its
ancestors do not use; "2.1" or "Section 7" under "ARTICLE II").  That one rule
resolves "(i)" as roman or alphabetic, ignores "(3) years" at the start of a
wrapped line, and finds inline provisions in flattened text ("... taxes. (b)
Determination. ...").  Where a paragraph surely begins (after a blank line), a
label of the same style that breaks the sequence (6 then 8, a second "8.") is
still a provision, and the break is noted for ``conformed outline``: hidden in
the text before it, it would be deleted with that provision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..citation import Label, Style, label_candidates, label_key
from ..document import LayoutNote, Provision, Source
from .convention import CONVENTION
from .heads import iter_groups, split_heading, standalone_heading
from .lines import LEAD, Line

# An inline provision in flattened text: after a sentence, or after the run of
# spaces that stands for a line break ("... Fees.   (b) Interest ...").
_INLINE = re.compile(
    rf"(?:(?<=[.:;\]\"\u201d])\s+|(?P<gap>[^\S\n]{{3,}}))(?P<unit>{CONVENTION.lead_unit})?"
    rf"(?P<token>{CONVENTION.token})\s+(?(gap)(?=[\w\"\u201c(])|(?=[A-Z\"`'\u201c(\[]|\d+\s+[A-Z]{{2}}))"
)
# A heading run onto the end of the last paragraph's line, as flattened filings
# print them: "... fiscal month 5. TRADEMARKS".
_TITLE_AT_END = re.compile(
    rf"\s(?P<unit>{CONVENTION.lead_unit})?(?P<token>\d{{1,3}}\.)\s+(?=[A-Z][A-Z0-9&,;'/\- ]{{2,80}}$)"
)
# What a cross-reference that happens to start a line continues with.
_BRACKETS = re.compile(r"^(?:\([A-Za-z0-9]{1,6}\))+")
_REFERENCE_TAIL = re.compile(r"^(?:[;,)\]]|[a-z])")

HARD, SOFT, INLINE = "hard", "soft", "inline"
GAP = "gap"  # inline, after a run of spaces that stands for a paragraph break


@dataclass
class _Node:
    label: Label | None
    indent: int = 0
    alternatives: list[Label] = field(default_factory=list)  # other readings of the label
    inline: bool = False
    heading: str = ""
    parts: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    trailing_lines: list[str] = field(default_factory=list)
    kind: str = ""  # "article", "heading", or ""
    line: int = 0
    bare: bool = False  # the label stood alone on its line: its caption may follow


class TreeBuilder:
    """Takes the rules' decisions, keeps the stack of open provisions, freezes a tree out."""

    def __init__(
        self, *, fragment: bool = False, blank_mode: bool = True, first_any: bool = False
    ) -> None:
        self.root = _Node(None, indent=-1)
        self.stack: list[_Node] = [self.root]
        self.fragment = fragment
        self.first_any = first_any  # the body's first label was chosen by the caller
        self.blank_mode = blank_mode
        self.sink: list[str] | None = None  # the paragraph list text flows into
        self.raw: list[str] | None = None  # where raw lines go
        self.leaders: list[tuple[_Node, bool]] = []
        self.notes: list[LayoutNote] = []
        self._line = 0  # the source line being read, for notes
        self._indent = 0  # and its indentation
        self.indented = True  # do indents tell a provision's text from its parent's?
        self._dry_container = -1  # where a dry placement would have opened its label

    # --- queries (the rules ask before they decide) -------------------------
    def accepts(self, text: str, strength: str, *, children: bool = True) -> bool:
        """Would a paragraph starting with ``text`` open a provision here?  With
        ``children`` false, only as a sibling of an open provision (the next item
        after new text, never a paragraph of it)."""
        m = LEAD.match(text)
        if not m:
            return False
        unit = m.group("unit") or ""
        if _looks_like_reference(unit, m.group("token"), text[m.end() :], strength):
            return False
        placed = self._place(m.group("token"), unit, dry=True, strength=strength, children=children)
        return placed is not None

    def open_chain(
        self, text: str, indent: int, strength: str, line: int
    ) -> tuple[list[_Node], int]:
        """Open the chain of labels at the start of ``text`` ("(g)(i)"); the nodes
        opened and how many characters of ``text`` they took (heading left in)."""
        self._line, self._indent = line, indent
        nodes: list[_Node] = []
        used = 0
        while m := LEAD.match(text[used:]):
            unit = m.group("unit") or ""
            after = text[used + m.end() :]
            if _looks_like_reference(unit, m.group("token"), after, strength):
                break  # "1. Section 1 of the Agreement ...": a reference, not a label
            if nodes and (unit or m.group("token").isdigit()):
                break  # "1. Article 1. Premises, ...", "2. 1 BASIC TERMS": a citation, a heading
            node = self._place(
                m.group("token"), unit, dry=False, strength=strength if not nodes else INLINE
            )
            if node is None:
                break
            node.indent, node.line, node.inline = indent, line, bool(nodes) or strength == INLINE
            nodes.append(node)
            used = len(text) - len(after.lstrip())
        return nodes, used

    @property
    def top(self) -> _Node:
        return self.stack[-1]

    # --- actions ------------------------------------------------------------
    def open_labels(
        self, line: Line, strength: str, *, heading_lines: tuple[str, ...] = (), heading: str = ""
    ) -> bool:
        """A paragraph that starts with labels: open them, then read the rest as text."""
        self._line, self._indent = line.lineno, line.indent
        created = self._take_labels(line.text, line.indent, inline=False, strength=strength)
        if not created:
            return False
        node, rest = created
        node.line = line.lineno
        if heading and not node.heading:
            node.heading = heading
        self.raw = node.lines
        self.leaders.append((node, False))
        self.raw += [*heading_lines, line.raw]
        node.bare = not rest.strip() and not node.heading
        self._absorb(rest, new_paragraph=True)
        return True

    def open_article(self, line: Line, label: Label, heading: str, lines: list[str]) -> None:
        """An article heading: always at the top, closing whatever was open."""
        prev = next((c for c in reversed(self.root.children) if c.kind == "article"), None)
        if prev is not None and prev.label is not None and label.value != prev.label.value + 1:
            self._note(line.lineno, "sequence", f"{label.text} follows {prev.label.text}")
        del self.stack[1:]
        node = _Node(label, indent=line.indent, kind="article", heading=heading, line=line.lineno)
        self.root.children.append(node)
        self.stack.append(node)
        self.sink, self.raw = node.parts, node.lines
        self.leaders.append((node, False))
        self.raw += lines

    def open_heading(self, line: Line, heading: str, lines: list[str]) -> None:
        """A heading with no number of its own (a centred "MISCELLANEOUS"): a node of the
        tree beside the provisions around it, so that no edit of theirs can take it."""
        container = len(self.stack) - 2 if len(self.stack) > 1 else 0
        while container > 0 and self.stack[container + 1].kind == "heading":
            container -= 1
        node = _Node(None, indent=line.indent, kind="heading", heading=heading, line=line.lineno)
        del self.stack[container + 1 :]
        self.stack[container].children.append(node)
        self.stack.append(node)
        self.sink, self.raw = node.parts, node.lines
        self.leaders.append((node, False))
        self.raw += lines
        self._note(line.lineno, "heading", f"unnumbered heading {heading!r} kept as a node")

    def start_definition(self, line: Line) -> bool:
        """A "Term - text." paragraph inside a provision becomes an unlabelled
        child, so that amendments can address, replace and insert definitions."""
        inside = [k for k in range(1, len(self.stack)) if self._is_definition(self.stack[k])]
        if inside:
            k = inside[0] - 1  # the next definition of the same list, not one inside this one
        else:
            k = len(self.stack) - 1
            while k > 0 and self.stack[k].label is None:
                k -= 1
        if k == 0 or self.stack[k].kind in ("article", "heading"):
            return False
        del self.stack[k + 1 :]
        node = _Node(None, indent=line.indent, line=line.lineno)
        self.stack[k].children.append(node)
        self.stack.append(node)
        self.sink, self.raw = node.parts, node.lines
        self.leaders.append((node, False))
        self.raw.append(line.raw)
        self._absorb(line.text, new_paragraph=True)
        return True

    @staticmethod
    def _is_definition(node: _Node) -> bool:
        return node.label is None and not node.kind and bool(node.lines)

    def paragraph(self, line: Line, *, keep: bool = False) -> None:
        """An unlabelled paragraph: text of the provision that owns it.  With ``keep``
        (the next label continues the open list) it is the latest provision's, however
        little it is indented."""
        self._line, self._indent = line.lineno, line.indent
        text = line.text
        target, trailing = self._owner_for(1 << 30 if keep else line.indent)
        if target is self.root:
            # Unlabelled text before any provision (a quoted text with no
            # label): an unlabelled provision, which the caller labels.
            target = _Node(None, indent=line.indent, line=line.lineno)
            if not self.fragment:
                self._note(line.lineno, "unplaced", "text before the first provision")
            self.root.children.append(target)
            self.stack.append(target)
            heading, text = split_heading(text)
            target.heading = heading
            self.raw = None
        if trailing:
            self.sink = target.trailing
            self.raw = target.trailing_lines
            if not target.trailing_lines:
                self.leaders.append((target, True))
            elif self.blank_mode:
                self.raw.append("")
        else:
            self.sink = target.parts
            if self.raw is None:
                self.raw = target.lines
                self.leaders.append((target, False))
            elif self.blank_mode:
                self.raw.append("")
        self.raw.append(line.raw)
        self._absorb(text, new_paragraph=True)

    def continue_line(self, line: Line) -> None:
        if self.sink is None:
            self.paragraph(line)
            return
        self._line = line.lineno
        if self.raw is not None:
            self.raw.append(line.raw)
        self._absorb(line.text, new_paragraph=False)

    def raw_line(self, line: Line) -> None:
        """A line with no words (underlining): kept for printing, nothing to read."""
        if self.raw is not None:
            self.raw.append(line.raw)

    def build(self) -> tuple[Provision, ...]:
        """Freeze the tree, then give each paragraph group its raw lines and key."""
        uids: dict[int, int] = {}
        frozen = tuple(_freeze(c, uids) for c in self.root.children)
        lines_for: dict[tuple[int, bool], list[str]] = {}
        for node, trailing in self.leaders:
            lines = node.trailing_lines if trailing else node.lines
            if id(node) in uids:
                lines_for[(uids[id(node)], trailing)] = lines
        groups = {(g.leader.uid, g.trailing): g for g in iter_groups(frozen)}
        sources = {
            key: Source(tuple(_trim(lines)), groups[key].printed, groups[key].labels)
            for key, lines in lines_for.items()
            if key in groups and lines
        }
        return _attach(frozen, sources)

    # --- text -------------------------------------------------------------
    def _absorb(self, text: str, *, new_paragraph: bool) -> None:
        """Add text to the current sink, splitting off inline provisions."""
        pos = search = 0
        end = _TITLE_AT_END.search(text)
        while m := _INLINE.search(text, search) or (end if end and end.start() >= search else None):
            if end and end.start() >= search and end.start() < m.start():
                m = end
            start = m.start("unit") if m.group("unit") else m.start("token")
            strength = GAP if m.re is _INLINE and m.group("gap") else INLINE
            if not self.accepts(text[start:], strength):
                search = m.end("token")
                continue
            self._append(text[pos : m.start()], new_paragraph)
            taken = self._take_labels(text[start:], None, inline=True, strength=strength)
            if taken is None:  # pragma: no cover - accepts() said yes
                break
            node, rest = taken
            node.line = self._line
            pos = search = len(text) - len(rest)
            new_paragraph = True
        self._append(text[pos:], new_paragraph)

    def _append(self, text: str, new_paragraph: bool) -> None:
        text = text.strip()
        if not text or self.sink is None:
            return
        if new_paragraph or not self.sink:
            self.sink.append(text)
        else:
            self.sink[-1] = f"{self.sink[-1]} {text}" if self.sink[-1] else text

    # --- labels -----------------------------------------------------------
    def _take_labels(
        self, text: str, indent: int | None, *, inline: bool, strength: str
    ) -> tuple[_Node, str] | None:
        """Consume a chain of labels ("(g)(i)", "g. i.") at the start of ``text``."""
        first: _Node | None = None
        rest = text
        while m := LEAD.match(rest):
            unit = m.group("unit") or ""
            after = rest[m.end() :]
            if first is None and _looks_like_reference(unit, m.group("token"), after, strength):
                break
            if first is not None and (unit or m.group("token").isdigit()):
                break
            node = self._place(
                m.group("token"), unit, dry=False, strength=strength if first is None else INLINE
            )
            if node is None:
                break
            node.indent = indent if indent is not None else self._indent
            node.inline = inline or first is not None
            node.line = self._line
            first = first or node
            rest = after.lstrip()
            heading, rest = split_heading(rest)
            node.heading = heading
            self.sink = node.parts
        if first is None:
            return None
        return first, rest

    def _place(
        self, token: str, unit: str, *, dry: bool, strength: str, children: bool = True
    ) -> _Node | None:
        candidates = label_candidates(unit + token) if unit else label_candidates(token)
        if not candidates:
            return None
        top = len(self.stack) - 1
        options: list[tuple[str, int]] = [("sibling", top), ("child", top)]
        if self._caption_only(self.stack[top]):
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
                    strength == HARD and _later_section(pred.label, cand)
                ):
                    return self._open(k - 1, cand, dry)
                if self._revise(pred, k, cand, dry):
                    return self._open(k - 1, cand, dry)
        lifted = self._lift(candidates, dry)
        if lifted is not None:
            return lifted
        if strength == HARD:
            return self._out_of_sequence(candidates, top, dry)
        return None

    def _lift(self, candidates: list[Label], dry: bool) -> _Node | None:
        """ "(h) Interest." / "(i) Prior ..." / "(j) ...": the "(i)" read as the first child
        of a caption turns out to be the letter after "(h)"; it moves up beside it."""
        for k in range(len(self.stack) - 1, 1, -1):
            node, parent = self.stack[k], self.stack[k - 1]
            if not node.alternatives or parent.children != [node] or parent.label is None:
                continue
            for alt in node.alternatives:
                for cand in candidates:
                    if _next(parent.label, alt) and _next(alt, cand):
                        if dry:
                            return self.root
                        node.label, node.alternatives = alt, []
                        parent.children.remove(node)
                        self.stack[k - 2].children.append(node)
                        del self.stack[k - 1 :]
                        self.stack.append(node)
                        return self._open(k - 2, cand, dry)
        return None

    def _out_of_sequence(self, candidates: list[Label], top: int, dry: bool) -> _Node | None:
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
                    return self._open(k - 1, cand, dry)
        return None

    def _pred(self, k: int) -> _Node | None:
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

    def _revise(self, node: _Node, k: int, cand: Label, dry: bool) -> bool:
        """Re-read an ambiguous first label when its sibling only fits the other
        reading: "(i)" then "(j)" is alphabetic after all."""
        container = self.stack[k - 1]
        if not node.alternatives or len(container.children) != 1:
            return False
        used = {n.label.shape for n in self.stack[1:k] if n.label}
        for alt in node.alternatives:
            if alt.shape not in used and _next(alt, cand):
                if not dry:
                    node.label, node.alternatives = alt, []
                return True
        return False

    def _is_next_sibling(self, node: _Node, cand: Label) -> bool:
        return node.label is not None and _next(node.label, cand)

    def _is_first_child(self, cand: Label) -> bool:
        parent = self.stack[-1]
        if any(c.label is not None for c in parent.children) or parent.kind == "heading":
            return False
        if parent is self.root:
            return self.fragment or self.first_any or cand.value == 1
        if parent.kind == "article" and parent.label is not None:
            return self._first_in_article(parent.label, cand)
        if cand.value != 1 or cand.extra:
            return False
        used = {n.label.shape for n in self.stack[1:] if n.label and n.kind != "article"}
        if cand.shape in used and not self._opens_list(parent):
            return False
        if cand.prefix.rstrip(".").isdigit() or "." in cand.prefix:
            number = _UNIT_START.sub("", cand.prefix)
            return parent.label is not None and label_key(number.rstrip(".")) == parent.label.key
        return True

    @staticmethod
    def _caption_only(node: _Node) -> bool:
        """A provision printed as a caption with nothing under it yet: it heads a list."""
        return (
            bool(node.heading) and not node.parts and not node.children and node.label is not None
        )

    def _opens_list(self, parent: _Node) -> bool:
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
        earlier = articles[-2].children if len(articles) > 1 else []
        last = next((c.label for c in reversed(earlier) if c.label is not None), None)
        return last is not None and _same_shape(last, cand) and cand.value == last.value + 1

    def _open(self, container_index: int, label: Label, dry: bool) -> _Node:
        if dry:
            self._dry_container = container_index
            return self.root
        del self.stack[container_index + 1 :]
        node = _Node(label, line=self._line)
        self.stack[container_index].children.append(node)
        self.stack.append(node)
        return node

    def _owner_for(self, indent: int) -> tuple[_Node, bool]:
        """Who owns an unlabelled paragraph: the latest provision, or (when it
        is indented less) an ancestor, as text after its children."""
        top = self.stack[-1]
        if top is self.root:
            return self.root, False
        if top.children:
            return top, True
        if top.kind in ("article", "heading") or top.bare:
            return top, False
        if not self.blank_mode or not self.indented or indent >= top.indent:
            return top, False
        for k in range(len(self.stack) - 2, 0, -1):
            node = self.stack[k]
            if node.indent <= indent:
                del self.stack[k + 1 :]
                return node, bool(node.children)
        del self.stack[2:]
        return self.stack[1], True

    def continues_here(self, text: str, strength: str) -> bool:
        """Would a label at the start of ``text`` continue the open provision's own list
        (its next sibling, or its first child) without closing anything above it?"""
        m = LEAD.match(text)
        if not m or len(self.stack) < 2:
            return False
        self._dry_container = -1
        placed = self._place(m.group("token"), m.group("unit") or "", dry=True, strength=strength)
        return placed is not None and self._dry_container >= len(self.stack) - 2

    def _note(self, line: int, kind: str, message: str) -> None:
        self.notes.append(LayoutNote(line, kind, message))


_UNIT_START = re.compile(rf"^{CONVENTION.lead_unit}")
_DOTTED = re.compile(r"^\d+(?:\.\d+)*\.$")


def _same_shape(a: Label, b: Label) -> bool:
    """Siblings: the same style and punctuation; a unit word may differ in case."""
    return a.style is b.style and a.suffix == b.suffix and a.prefix.lower() == b.prefix.lower()


def _next(prev: Label, cand: Label) -> bool:
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
    if unit:  # "Part 1(i)(ii) of the Schedule": what follows the whole citation decides
        after = _BRACKETS.sub("", after, count=1).lstrip()
        if after and _REFERENCE_TAIL.match(after):
            return True
    dotted = re.fullmatch(r"\d+(?:\.\d+)+\.?", token) is not None
    return dotted and strength not in (HARD, GAP) and after[:1].islower()


def _later_section(prev: Label | None, cand: Label) -> bool:
    """ "6.9" after "2.7" at the start of a paragraph: a later section of an excerpt
    or of another article.  Gaps are allowed only for dotted section numbers,
    and only where a paragraph surely begins."""
    if prev is None or prev.style is not Style.ARABIC or cand.style is not Style.ARABIC:
        return False
    if not (_DOTTED.match(prev.prefix) and _DOTTED.match(cand.prefix)):
        return False
    if prev.prefix.count(".") != cand.prefix.count(".") or prev.suffix != cand.suffix:
        return False
    before = (*map(int, prev.prefix.rstrip(".").split(".")), prev.value)
    after = (*map(int, cand.prefix.rstrip(".").split(".")), cand.value)
    return after > before


def _freeze(node: _Node, uids: dict[int, int]) -> Provision:
    parts = [x for x in node.parts if x]
    heading = node.heading
    if not heading and parts and standalone_heading(parts[0]) and (len(parts) > 1 or node.children):
        heading, parts = parts[0], parts[1:]
    elif not heading and (node.bare or node.label is not None) and parts:
        heading, first = split_heading(parts[0])  # a caption wrapped over two lines
        parts = ([first] if first else []) + parts[1:]
    p = Provision(
        label=node.label,
        heading=heading,
        text="\n\n".join(parts),
        children=tuple(_freeze(c, uids) for c in node.children),
        trailing="\n\n".join(x for x in node.trailing if x),
        inline=node.inline,
        kind=node.kind,
        line=node.line,
    )
    uids[id(node)] = p.uid
    return p


def _attach(
    nodes: tuple[Provision, ...], sources: dict[tuple[int, bool], Source]
) -> tuple[Provision, ...]:
    return tuple(
        p.evolve(
            source=sources.get((p.uid, False)),
            trailing_source=sources.get((p.uid, True)),
            children=_attach(p.children, sources),
        )
        for p in nodes
    )


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines
