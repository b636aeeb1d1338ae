"""The provision tree, built from the rules' decisions: the stack of open provisions.

The rules (rules/*.py) say what a line is; the tree opens provisions where the
numbering rule lets a label open one (sequence.py), gives each unlabelled
paragraph to the provision that owns it, splits inline provisions off flattened
text ("... taxes. (b) Determination. ..."), and keeps each paragraph group's raw
lines so that untouched text is printed back byte for byte.
"""

from __future__ import annotations

import re

from ..citation import Label
from ..document import LayoutNote, Provision, Source
from ..lazy_re import lazy_re
from .heads import iter_groups, split_heading
from .lines import LEAD, Line
from .node import Node, attach, freeze, trim
from .sequence import (
    _INLINE,
    AFTER_LIST_MARK,
    GAP,
    HARD,
    INLINE,
    LIST_HEAD,
    LIST_NEXT,
    SOFT,
    Placement,
    _looks_like_reference,
    title_at_end,
)

__all__ = ["GAP", "HARD", "INLINE", "SOFT", "TreeBuilder"]


# An Article that is its definitions ("ARTICLE I / DEFINITIONS" over '"Account" means ...'
# paragraphs with no Sections): each definition its own part, as under a Section
_DEFINITIONS_HEADING = lazy_re(r"(?i)^\s*(?:definitions|defined\s+terms)\b")


class TreeBuilder(Placement):
    """Takes the rules' decisions, keeps the stack of open provisions, freezes a tree out."""

    def __init__(
        self,
        *,
        fragment: bool = False,
        blank_mode: bool = True,
        first_any: bool = False,
        agreement: bool = False,
    ) -> None:
        self.root = Node(None, indent=-1)
        self.stack: list[Node] = [self.root]
        self.fragment = fragment
        self.first_any = first_any  # the body's first label was chosen by the caller
        # an agreement's body, which may change between whole and decimal section numbers
        # part-way; an amendment's items and their new text are not read so
        self.agreement = agreement
        self.blank_mode = blank_mode
        self.sink: list[str] | None = None  # the paragraph list text flows into
        self.raw: list[str] | None = None  # where raw lines go
        self.leaders: list[tuple[Node, bool]] = []
        self.notes: list[LayoutNote] = []
        self._line = 0  # the source line being read, for notes
        self._listing = False  # the paragraph being read has split off a list's clause
        self._indent = 0  # and its indentation
        self.indented = True  # do indents tell a provision's text from its parent's?
        self._dry_container = -1  # where a dry placement would have opened its label

    # --- queries (the rules ask before they decide) -------------------------
    def open_chain(
        self, text: str, indent: int, strength: str, line: int
    ) -> tuple[list[Node], int]:
        """Open the chain of labels at the start of ``text`` ("(g)(i)"); the nodes
        opened and how many characters of ``text`` they took (heading left in)."""
        self._line, self._indent = line, indent
        nodes: list[Node] = []
        used = 0
        while m := LEAD.match(text[used:]):
            unit = m.group("unit") or ""
            after = text[used + m.end() :]
            if _looks_like_reference(unit, m.group("token"), after, strength):
                break  # "1. Section 1 of the Agreement ...": a reference, not a label
            if nodes and (unit or m.group("token").isdigit()):
                break  # "1. Article 1. Premises, ...", "2. 1 BASIC TERMS": a citation, a heading
            node = self._place(
                m.group("token"),
                unit,
                dry=False,
                strength=strength if not nodes else INLINE,
                alone=not after.strip(),
            )
            if node is None:
                break
            node.indent, node.line, node.inline = indent, line, bool(nodes) or strength == INLINE
            nodes.append(node)
            used = len(text) - len(after.lstrip())
        return nodes, used

    @property
    def top(self) -> Node:
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
        node = Node(label, indent=line.indent, kind="article", heading=heading, line=line.lineno)
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
        node = Node(None, indent=line.indent, kind="heading", heading=heading, line=line.lineno)
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
        if k == 0 or self.stack[k].kind == "heading":
            return False
        article = self.stack[k]
        if article.kind == "article" and (
            not _DEFINITIONS_HEADING.search(article.heading)
            or any(child.label is not None for child in article.children)
        ):
            # an Article's own words; its definitions where it is "DEFINITIONS" and prints no
            # Section.  Under "SECTION 1.01. Defined Terms." they are the Section's; where a
            # paragraph printed less indented (after a table) has closed the Section, they stay
            # text in the order printed -- made the Article's, they were printed before it
            return False
        del self.stack[k + 1 :]
        node = Node(None, indent=line.indent, line=line.lineno)
        self.stack[k].children.append(node)
        self.stack.append(node)
        self.sink, self.raw = node.parts, node.lines
        self.leaders.append((node, False))
        self.raw.append(line.raw)
        self._absorb(line.text, new_paragraph=True)
        return True

    @staticmethod
    def _is_definition(node: Node) -> bool:
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
            target = Node(None, indent=line.indent, line=line.lineno)
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
        frozen = tuple(freeze(c, uids) for c in self.root.children)
        lines_for: dict[tuple[int, bool], list[str]] = {}
        for node, trailing in self.leaders:
            lines = node.trailing_lines if trailing else node.lines
            if id(node) in uids:
                lines_for[(uids[id(node)], trailing)] = lines
        groups = {(g.leader.uid, g.trailing): g for g in iter_groups(frozen)}
        sources = {
            key: Source(tuple(trim(lines)), groups[key].printed, groups[key].labels)
            for key, lines in lines_for.items()
            if key in groups and lines
        }
        return attach(frozen, sources)

    # --- text -------------------------------------------------------------
    def _absorb(self, text: str, *, new_paragraph: bool) -> None:
        """Add text to the current sink, splitting off inline provisions."""
        pos = search = 0
        end = title_at_end(text)
        # a list's clause split off from this paragraph: its next ones follow, on this line
        # or at the start of the next one ("...; and" / "(d) purchase money Debt ...")
        listed = self._listing and not new_paragraph
        head = (
            LIST_HEAD.match(text)
            if listed and self.sink and AFTER_LIST_MARK.search(self.sink[-1].rstrip())
            else None
        )
        while m := (head if head is not None and search == 0 else None) or self._next_split(
            text, search, end, listed
        ):
            start = m.start("unit") if m.group("unit") else m.start("token")
            # (found by _INLINE, the one pattern with a "gap": a match's pattern is the
            # compiled one, never the lazy constant, so it is told by its groups)
            strength = GAP if "gap" in m.re.groupindex and m.group("gap") else INLINE
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
            listed = m is head or AFTER_LIST_MARK.search(text[: m.start()].rstrip()) is not None
        self._listing = listed
        self._append(text[pos:], new_paragraph)

    @staticmethod
    def _next_split(
        text: str, search: int, end: re.Match[str] | None, listed: bool
    ) -> re.Match[str] | None:
        """Where the next inline provision may start: a label after a sentence, a title run
        onto the line's end, or (once a list's clause was split off) its next clause."""
        found = [
            m
            for m in (
                _INLINE.search(text, search),
                end if end and end.start() >= search else None,
                LIST_NEXT.search(text, search) if listed else None,
            )
            if m is not None
        ]
        return min(found, key=lambda m: m.start()) if found else None

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
    ) -> tuple[Node, str] | None:
        """Consume a chain of labels ("(g)(i)", "g. i.") at the start of ``text``."""
        first: Node | None = None
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

    def _owner_for(self, indent: int) -> tuple[Node, bool]:
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
        # text after the children it has; its own text where it has none yet (a child
        # opened after "trailing" text would be printed before it)
        return self.stack[1], bool(self.stack[1].children)
