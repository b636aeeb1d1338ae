"""Build the provision tree from classified lines.

A label only starts a provision when it continues the numbering: the next
sibling of an open provision ("(e)" after "(d)", "5." after "4."), or the
first child of the latest one ("(i)" under "(g)", in a style its ancestors do
not use).  That one rule resolves "(i)" as roman or alphabetic, ignores
"(3) years" at the start of a wrapped line, and finds inline provisions in
flattened text ("... taxes. (b) Determination. ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..citation import Label, Style, label_candidates
from ..definitions import definition_term
from ..document import Provision, Source
from .heads import iter_groups, split_heading, standalone_heading
from .lines import LEAD, TOKEN, UNIT, Line

_INLINE = re.compile(rf"(?<=[.:;])\s+(?P<unit>{UNIT})?(?P<token>{TOKEN})\s+(?=[A-Z\"`'\u201c(\[])")


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


class TreeBuilder:
    """Streams lines in, keeps the stack of open provisions, freezes a tree out."""

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

    # --- public -----------------------------------------------------------
    def feed(self, line: Line) -> None:
        text = line.text
        if line.brk == "rule":
            if self.raw is not None:
                self.raw.append(line.raw)
            return
        if line.brk == "soft" and not self._lead_accepted(text):
            self._continue(line)
        elif line.brk in ("hard", "soft") or self.sink is None:
            self._start_paragraph(line)
        else:
            self._continue(line)

    def build(self) -> tuple[Provision, ...]:
        """Freeze the tree, then give each paragraph group its raw lines and key."""
        uids: dict[int, int] = {}
        frozen = tuple(_freeze(c, uids) for c in self.root.children)
        lines_for: dict[tuple[int, bool], list[str]] = {}
        for node, trailing in self.leaders:
            lines = node.trailing_lines if trailing else node.lines
            lines_for[(uids[id(node)], trailing)] = lines
        groups = {(g.leader.uid, g.trailing): g for g in iter_groups(frozen)}
        sources = {
            key: Source(tuple(_trim(lines)), groups[key].printed, groups[key].labels)
            for key, lines in lines_for.items()
            if key in groups and lines
        }
        return _attach(frozen, sources)

    # --- paragraphs -------------------------------------------------------
    def _start_paragraph(self, line: Line) -> None:
        text = line.text
        created = self._take_labels(text, line.indent, inline=False, relaxed=line.brk == "hard")
        if created:
            node, rest = created
            self.raw = node.lines
            self.leaders.append((node, False))
            self.raw.append(line.raw)
            self._absorb(rest, new_paragraph=True)
            return
        if definition_term(text) and self._start_definition(line):
            return
        target, trailing = self._owner_for(line.indent)
        if target is self.root:
            # Unlabelled text before any provision (a quoted text with no
            # label): an unlabelled provision, which the caller labels.
            target = _Node(None, indent=line.indent)
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

    def _start_definition(self, line: Line) -> bool:
        """A "Term - text." paragraph inside a provision becomes an unlabelled
        child, so that amendments can address, replace and insert definitions."""
        k = len(self.stack) - 1
        while k > 0 and self.stack[k].label is None:
            k -= 1
        if k == 0:
            return False
        del self.stack[k + 1 :]
        node = _Node(None, indent=line.indent)
        self.stack[k].children.append(node)
        self.stack.append(node)
        self.sink, self.raw = node.parts, node.lines
        self.leaders.append((node, False))
        self.raw.append(line.raw)
        self._absorb(line.text, new_paragraph=True)
        return True

    def _continue(self, line: Line) -> None:
        if self.raw is not None:
            self.raw.append(line.raw)
        self._absorb(line.text, new_paragraph=False)

    def _absorb(self, text: str, *, new_paragraph: bool) -> None:
        """Add text to the current sink, splitting off inline provisions."""
        pos = search = 0
        while m := _INLINE.search(text, search):
            start = m.start("unit") if m.group("unit") else m.start("token")
            if not self._lead_accepted(text[start:]):
                search = m.end("token")
                continue
            self._append(text[pos : m.start()], new_paragraph)
            taken = self._take_labels(text[start:], None, inline=True)
            if taken is None:  # pragma: no cover - _lead_accepted said yes
                break
            _node, rest = taken
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
    def _lead_accepted(self, text: str) -> bool:
        m = LEAD.match(text)
        return bool(m and self._place(m.group("token"), m.group("unit") or "", dry=True))

    def _take_labels(
        self, text: str, indent: int | None, *, inline: bool, relaxed: bool = False
    ) -> tuple[_Node, str] | None:
        """Consume a chain of labels ("(g)(i)", "g. i.") at the start of ``text``."""
        first: _Node | None = None
        rest = text
        while m := LEAD.match(rest):
            unit = m.group("unit") or ""
            node = self._place(m.group("token"), unit, dry=False, relaxed=relaxed and not first)
            if node is None:
                break
            node.indent = indent if indent is not None else self.stack[-2].indent + 1
            node.inline = inline or first is not None
            first = first or node
            rest = rest[m.end() :].lstrip()
            heading, rest = split_heading(rest)
            node.heading = heading
            self.sink = node.parts
        if first is None:
            return None
        return first, rest

    def _place(self, token: str, unit: str, *, dry: bool, relaxed: bool = False) -> _Node | None:
        candidates = label_candidates(token)
        if unit:
            candidates = [Label(c.style, c.value, unit + c.prefix, c.suffix) for c in candidates]
        if not candidates:
            return None
        top = len(self.stack) - 1
        options: list[tuple[str, int]] = [("sibling", top), ("child", top)]
        options += [("sibling", k) for k in range(top - 1, 0, -1)]
        for kind, k in options:
            for cand in candidates:
                if kind == "sibling" and self._is_next_sibling(self.stack[k], cand):
                    return self._open(k - 1, cand, dry)
                if kind == "sibling" and relaxed and _later_section(self.stack[k].label, cand):
                    return self._open(k - 1, cand, dry)
                if kind == "sibling" and self._revise(k, cand, dry):
                    return self._open(k - 1, cand, dry)
                if kind == "child" and self._is_first_child(cand):
                    node = self._open(top, cand, dry)
                    node.alternatives = [c for c in candidates if c != cand]
                    return node
        return None

    def _revise(self, k: int, cand: Label, dry: bool) -> bool:
        """Re-read an ambiguous first label when its sibling only fits the other
        reading: "(i)" then "(j)" is alphabetic after all."""
        node = self.stack[k]
        container = self.stack[k - 1]
        if not node.alternatives or len(container.children) != 1:
            return False
        used = {n.label.shape for n in self.stack[1:k] if n.label}
        for alt in node.alternatives:
            if alt.shape not in used and self._is_next_sibling(_Node(alt), cand):
                if not dry:
                    node.label, node.alternatives = alt, []
                return True
        return False

    def _is_next_sibling(self, node: _Node, cand: Label) -> bool:
        prev = node.label
        return (
            prev is not None
            and cand.shape == prev.shape
            and cand.prefix == prev.prefix
            and cand.value == prev.value + 1
        )

    def _is_first_child(self, cand: Label) -> bool:
        parent = self.stack[-1]
        if parent.children:
            return False
        if parent is self.root:
            return self.fragment or self.first_any or cand.value == 1
        if cand.value != 1:
            return False
        used = {n.label.shape for n in self.stack[1:] if n.label}
        if cand.shape in used:
            return False
        if cand.prefix.rstrip(".").isdigit() or "." in cand.prefix:
            return parent.label is not None and cand.prefix == parent.label.key + "."
        return True

    def _open(self, container_index: int, label: Label, dry: bool) -> _Node:
        if dry:
            return self.root
        del self.stack[container_index + 1 :]
        node = _Node(label)
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
        if not self.blank_mode or indent >= top.indent:
            return top, False
        for k in range(len(self.stack) - 2, 0, -1):
            node = self.stack[k]
            if node.indent <= indent:
                del self.stack[k + 1 :]
                return node, bool(node.children)
        del self.stack[2:]
        return self.stack[1], True


_DOTTED = re.compile(r"^\d+(?:\.\d+)*\.$")


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
    if not heading and len(parts) > 1 and standalone_heading(parts[0]):
        heading, parts = parts[0], parts[1:]
    p = Provision(
        label=node.label,
        heading=heading,
        text="\n\n".join(parts),
        children=tuple(_freeze(c, uids) for c in node.children),
        trailing="\n\n".join(x for x in node.trailing if x),
        inline=node.inline,
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


def build_tree(
    lines: list[Line], *, fragment: bool = False, blank_mode: bool = True, first_any: bool = False
) -> tuple[Provision, ...]:
    builder = TreeBuilder(fragment=fragment, blank_mode=blank_mode, first_any=first_any)
    for line in lines:
        builder.feed(line)
    return builder.build()
