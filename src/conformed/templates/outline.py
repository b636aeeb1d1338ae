"""The agreement's numbering as the data declares it, changed item by item while drafting.

Templates cite provisions by what they were in the base agreement ("5(d)") or
by the name given to a provision the amendment adds ("delay"); the outline
says what each is called at that point of the amendment, whether it has moved
("as renumbered (formerly subsection 5(d))"), and what it will be called once
every item has applied (for cross-references in new text, which the first of
two rendering passes learns).  The check later holds the conformed copy to
this same outline, so the arithmetic is never trusted on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..citation import citation_keys, from_alpha
from ..errors import ConformedError
from .labels import LabelStyle, key_of

Ident = tuple[str, ...]  # base keys ("5", "c"), or ("new", name)


class OutlineError(ConformedError):
    """The template cites a provision the data's numbering does not have."""


@dataclass(eq=False)
class Node:
    ident: Ident
    value: int
    children: list[Node] | None = None  # None: the data does not list them
    created_by: str = ""
    changed_by: list[str] = field(default_factory=list)
    renumbered_by: list[str] = field(default_factory=list)  # items that renumbered the children

    @property
    def is_new(self) -> bool:
        return self.ident[0] == "new"


@dataclass(frozen=True)
class Cited:
    """A provision as one item names it, in the agreement's label style."""

    keys: tuple[str, ...]
    base: tuple[str, ...] | None
    style: LabelStyle
    as_renumbered: bool = False

    @property
    def cite(self) -> str:
        return self.style.cite(self.keys)

    @property
    def label(self) -> str:
        return self.style.own(self.keys)

    @property
    def name(self) -> str:
        return self.style.name_of(self.keys)

    @property
    def Name(self) -> str:  # "Subsection 5(c)", as at the start of a sentence
        return self.style.name_of(self.keys, capital=True)

    @property
    def moved(self) -> bool:
        return self.base is not None and self.base != self.keys

    @property
    def formerly(self) -> str:
        return self.style.name_of(self.base) if self.base and self.moved else ""

    @property
    def parent(self) -> str:
        """What "the remainder of ..." names: "Section 5", or "" at the top level."""
        return self.style.name_of(self.keys[:-1]) if len(self.keys) > 1 else ""

    def opening(self, child: str) -> str:
        """This provision's label run together with its first child's: "(g)(i)", "g. i."."""
        return self.style.run((*self.keys, child), len(self.keys) - 1)


class Outline:
    """Sections 1..N and the subsections the data lists, as the items so far leave them."""

    def __init__(
        self,
        style: LabelStyle,
        sections: int,
        subsections: dict[str, int],
        final: dict[Ident, tuple[str, ...]] | None = None,
    ) -> None:
        self.style = style
        self.body = [Node((str(i),), i) for i in range(1, sections + 1)]
        for node in self.body:
            count = subsections.get(node.ident[0])
            if count is not None:
                node.children = [Node((*node.ident, key_of(1, v)), v) for v in range(1, count + 1)]
        self.declared = {node.ident for node in self._nodes()}
        self.final = final
        self.items = 0
        self.deleted: list[tuple[Node, str]] = []
        self.about: list[tuple[Ident, str, str]] = []  # (base provision, words it holds, item)
        self._top_renumbered: list[str] = []

    # --- called by the macros, one call per item --------------------------------
    def item(self) -> str:
        self.items += 1
        return str(self.items)

    def replace(self, target: object, about: str = "") -> Cited:
        """``about``: words the base provision must hold (checked later), so that a wrong
        label in the data cannot amend the wrong provision unnoticed."""
        node = self._find(target, about)
        node.changed_by.append(self._current())
        return self._cited(node)

    def sentence(self, target: object, about: str = "") -> Cited:
        return self.replace(target, about)

    def delete(self, target: object, renumber: bool = True, about: str = "") -> Cited:
        node = self._find(target, about)
        cited = self._cited(node)
        siblings, parent = self._siblings(node)
        siblings.remove(node)
        self.deleted.append((node, self._current()))
        if renumber:
            self._renumber(siblings, parent)
        return cited

    def insert(
        self,
        after: object = None,
        end_of: object = None,
        at: object = None,
        name: str = "",
        renumber: bool = True,
        as_renumbered: bool | None = None,
        about: str = "",
    ) -> Cited:
        """A new provision: after ``after``, taking the label ``at`` (the rest moving down),
        or last in ``end_of`` ("" for a new last Section).  ``about`` is checked against
        the anchor (``after``) or the provision that will hold the new one."""
        if after is not None:
            anchor = self._find(after, about)
            siblings, parent = self._siblings(anchor)
            index = siblings.index(anchor) + 1
        elif at is not None:
            keys = self._ident(at)
            parent = self._find(keys[:-1], about) if len(keys) > 1 else None
            siblings = self._children(parent)
            index = (from_alpha(keys[-1]) or 1) - 1 if len(keys) > 1 else int(keys[0]) - 1
            if not 0 <= index <= len(siblings):
                raise OutlineError(f"the template adds {self.style.name_of(keys)}, out of sequence")
        else:
            parent = self._find(end_of, about) if end_of else None
            siblings = self._children(parent)
            index = len(siblings)
        ident = ("new", name or f"item {self.items}")
        if any(n.ident == ident for n in self._nodes()):
            raise OutlineError(f"the template adds two provisions named {name!r}")
        previous = siblings[index - 1].value if index else 0
        node = Node(ident, previous + 1, None, self._current())
        earlier = bool(parent.renumbered_by) if parent else bool(self._top_renumbered)
        siblings.insert(index, node)
        if renumber:
            self._renumber(siblings, parent)
        cited = self._cited(node)
        if as_renumbered is None:  # the seeds say it of subsections only
            as_renumbered = earlier and len(cited.keys) > 1
        return Cited(cited.keys, None, self.style, as_renumbered)

    # --- cross-references in new text: the numbering once every item has applied -
    def cite(self, target: object, child: str = "") -> str:
        """ "5(g)", or with ``child`` "5(g)(ii)": the citation once every item has applied."""
        return self.style.cite(self._final_keys(target, child))

    def label(self, target: object, child: str = "") -> str:
        """ "(d)" or "d.": how the provision (or its ``child``) heads its text."""
        return self.style.own(self._final_keys(target, child))

    def name(self, target: object) -> str:
        return self.style.name_of(self._final_keys(target))

    def span(self, first: object, last: object) -> list[str]:
        """Siblings ``first`` to ``last`` once every item has applied, as a list cites them:
        ["5(a)", "(b)", "(c)"] or ["2.a.", "b.", "c."]."""
        start, end = self._final_keys(first), self._final_keys(last)
        if self.final is None:
            return [self.style.cite(start), self.style.own(end)]
        siblings = sorted((k for k in self.final.values() if k[:-1] == start[:-1]), key=_order)
        keys = siblings[siblings.index(start) : siblings.index(end) + 1]
        return [self.style.cite(keys[0])] + [self.style.own(k) for k in keys[1:]]

    # --- reading the result -----------------------------------------------------
    def walk(self) -> list[tuple[tuple[str, ...], Node]]:
        out: list[tuple[tuple[str, ...], Node]] = []

        def rec(nodes: list[Node], prefix: tuple[str, ...]) -> None:
            for node in nodes:
                keys = (*prefix, key_of(len(prefix), node.value))
                out.append((keys, node))
                rec(node.children or [], keys)

        rec(self.body, ())
        return out

    def final_keys(self) -> dict[Ident, tuple[str, ...]]:
        return {node.ident: keys for keys, node in self.walk()}

    # --- internals ------------------------------------------------------------
    def _nodes(self) -> Iterator[Node]:
        stack = list(reversed(self.body))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children or ()))

    def _current(self) -> str:
        return str(self.items)

    def _ident(self, target: object) -> Ident:
        if isinstance(target, list | tuple):
            return tuple(str(t).strip().strip(".()").lower() for t in target)
        text = str(target).strip()
        if re.match(r"\d", text):
            return citation_keys(text)
        return ("new", text)

    def _find(self, target: object, about: str = "") -> Node:
        ident = self._ident(target)
        for node in self._nodes():
            if node.ident == ident:
                if about and not node.is_new:
                    self.about.append((ident, about, self._current()))
                return node
        gone = next((item for node, item in self.deleted if node.ident == ident), None)
        what = ident[1] if ident[0] == "new" else self.style.name_of(ident)
        if gone:
            raise OutlineError(f"the template cites {what}, which item {gone} deleted")
        raise OutlineError(
            f"the template cites {what}, which the data's numbering does not have "
            "(check sections and subsections)"
        )

    def _siblings(self, node: Node) -> tuple[list[Node], Node | None]:
        for candidate in self._nodes():
            if candidate.children and node in candidate.children:
                return candidate.children, candidate
        return self.body, None

    def _children(self, parent: Node | None) -> list[Node]:
        if parent is None:
            return self.body
        if parent.children is None:
            raise OutlineError(
                f"the template adds to {self.style.name_of(parent.ident)}, whose subsections "
                "the data does not list (add them to subsections)"
            )
        return parent.children

    def _renumber(self, siblings: list[Node], parent: Node | None) -> None:
        for value, node in enumerate(siblings, start=1):
            node.value = value
        (parent.renumbered_by if parent else self._top_renumbered).append(self._current())

    def _cited(self, node: Node) -> Cited:
        keys = next(k for k, n in self.walk() if n is node)
        base = None if node.is_new else node.ident
        return Cited(keys, base, self.style, base is not None and base != keys)

    def _final_keys(self, target: object, child: str = "") -> tuple[str, ...]:
        ident = self._ident(target)
        extra = (child,) if child else ()
        if self.final is None:  # first pass: the numbering is not known yet
            if ident[0] != "new" and ident not in self.declared:
                self._find(target)  # raises: the data's numbering has no such provision
            return ("0", "x", *extra) if ident[0] == "new" else (*ident, *extra)
        if ident not in self.final:
            self._find(target)  # raises: deleted, or never added
        return (*self.final[ident], *extra)


def _order(keys: tuple[str, ...]) -> int:
    last = keys[-1]
    return int(last) if last.isdigit() else from_alpha(last) or 0
