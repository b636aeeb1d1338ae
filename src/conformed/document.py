"""The document tree: an immutable tree of provisions between raw front and back matter.

Provisions are frozen dataclasses with tuple children, so applying an
amendment rebuilds only the path from the root to what changed and never
mutates its input (old states stay valid for reports, rollback and history).
Each provision keeps a ``uid`` that survives renumbering: identity, not label,
is what "formerly" claims and stale cross-references are checked against.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace

from .citation import SUMMARY_KEY, Label, join_labels, name_path

_uids = itertools.count(1)


def new_uid() -> int:
    return next(_uids)


@dataclass(frozen=True)
class Source:
    """The raw lines a provision's head was read from, and what they said.

    ``key`` is the provision's head as the writer would print it at read
    time; while the head still prints the same the writer emits ``lines``
    unchanged, so untouched text keeps its original wrapping byte for byte.
    """

    lines: tuple[str, ...]
    key: str
    labels: tuple[str, ...] = ()  # the group's labels as read, for renumber-only changes


@dataclass(frozen=True)
class Change:
    """Provenance: which amendment item touched a provision, and how."""

    amendment: str
    item: str
    action: str
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "amendment": self.amendment,
            "item": self.item,
            "action": self.action,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Provision:
    label: Label | None
    heading: str = ""
    text: str = ""
    children: tuple[Provision, ...] = ()
    trailing: str = ""
    inline: bool = False
    uid: int = field(default_factory=new_uid)
    source: Source | None = None
    trailing_source: Source | None = None
    changes: tuple[Change, ...] = ()
    omitted: bool = False
    # "article" (a container cited through), "heading" (unnumbered), "summary" (a lease's
    # numbered Basic Lease Information, cited by its own name), or ""
    kind: str = ""
    line: int = field(default=0, compare=False)  # 1-based source line of its label, 0 if new

    @property
    def label_text(self) -> str:
        return self.label.text if self.label else ""

    @property
    def key(self) -> str:
        """What a citation of it reduces to; an article's is its own namespace
        ("article:2"), since "Section 2.5" is cited through ARTICLE 2, not under it."""
        if self.kind == "summary":  # a lease's Basic Lease Information: its items are its own
            return SUMMARY_KEY
        if self.label is None:
            return ""
        return f"article:{self.label.value}" if self.kind == "article" else self.label.key

    @classmethod
    def read(
        cls,
        label: Label | None,
        heading: str,
        text: str,
        children: tuple[Provision, ...],
        trailing: str,
        inline: bool,
        kind: str,
        line: int,
    ) -> Provision:
        """A provision as the layout engine freezes it: a new uid, no source, changes or
        omission.  Built without the frozen dataclass's ``__init__`` (a ``setattr`` per
        field), as :meth:`evolve` is; the fields in their order, the uid drawn as there."""
        new = object.__new__(cls)
        new.__dict__.update(
            label=label,
            heading=heading,
            text=text,
            children=children,
            trailing=trailing,
            inline=inline,
            uid=new_uid(),
            source=None,
            trailing_source=None,
            changes=(),
            omitted=False,
            kind=kind,
            line=line,
        )
        return new

    def evolve(self, **changes: object) -> Provision:
        """A copy with ``changes``: ``dataclasses.replace`` without re-running ``__init__``
        field by field (trees are rebuilt by evolving nodes, thousands per amendment)."""
        if not _PROVISION_FIELDS.issuperset(changes):
            return replace(self, **changes)  # type: ignore[arg-type]  # raises as replace does
        new = object.__new__(Provision)
        state = new.__dict__
        state.update(self.__dict__)
        state.update(changes)
        return new


_PROVISION_FIELDS = frozenset(f.name for f in fields(Provision))

Path = tuple[int, ...]


@dataclass(frozen=True)
class LayoutNote:
    """Something the reader was unsure of, for ``conformed outline`` to show."""

    line: int  # 1-based
    kind: str  # "sequence", "duplicate", "heading", "unplaced"
    message: str

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "kind": self.kind, "message": self.message}


@dataclass(frozen=True)
class Layout:
    """How the source lays out paragraphs, so new text looks like the old."""

    width: int = 72
    blank_lines: bool = True
    indents: tuple[tuple[int, int], ...] = ((8, 0), (16, 16), (24, 24), (32, 32))

    def indent(self, depth: int) -> tuple[int, int]:
        return self.indents[min(depth, len(self.indents) - 1)]


@dataclass(frozen=True)
class Document:
    """Front matter, the numbered provisions, back matter (signatures, exhibits)."""

    body: tuple[Provision, ...]
    front: tuple[str, ...] = ()
    back: tuple[str, ...] = ()
    name: str = ""
    layout: Layout = Layout()
    matter_changes: tuple[tuple[str, Change], ...] = ()  # exhibits etc. in the back matter
    # What the reader was unsure of, and the body's first and last line, for ``outline``.
    notes: tuple[LayoutNote, ...] = field(default=(), compare=False)
    span: tuple[int, int] = field(default=(0, 0), compare=False)
    # The .docx the document was read from: its styles and numbering dress the Word output.
    source_docx: bytes | None = field(default=None, compare=False, repr=False)

    def evolve(self, **changes: object) -> Document:
        return replace(self, **changes)  # type: ignore[arg-type]

    # --- navigation -----------------------------------------------------
    def walk(self) -> Iterator[tuple[Path, Provision]]:
        def rec(nodes: tuple[Provision, ...], prefix: Path) -> Iterator[tuple[Path, Provision]]:
            for i, node in enumerate(nodes):
                path = (*prefix, i)
                yield path, node
                yield from rec(node.children, path)

        yield from rec(self.body, ())

    def get(self, path: Path) -> Provision:
        nodes = self.body
        node: Provision | None = None
        for i in path:
            node = nodes[i]
            nodes = node.children
        if node is None:
            raise IndexError("empty path")
        return node

    def labels_on(self, path: Path) -> list[str]:
        """Labels from the top down to ``path``; an article is left out of its sections' labels."""
        nodes = self.body
        out = []
        for depth, i in enumerate(path):
            if nodes[i].kind != "article" or depth == len(path) - 1:
                out.append(nodes[i].label_text)
            nodes = nodes[i].children
        return out

    def cite(self, path: Path) -> str:
        """The provision's citation in the document's own style ("5(c)", "2.g.ii.")."""
        return join_labels(self.labels_on(path))

    def name_of(self, path: Path) -> str:
        """How a message names a provision: "Section 9", "subsection 5(c)"."""
        return name_path(self.labels_on(path))

    def key_path(self, path: Path) -> tuple[str, ...]:
        """Keys along the path, a dotted child ("6.9") absorbing its parent ("6")."""
        nodes = self.body
        keys: list[str] = []
        for depth, i in enumerate(path):
            key = nodes[i].key
            if nodes[i].kind == "article" and depth < len(path) - 1:
                nodes = nodes[i].children
                continue  # cited through: "Section 2.5", not "Article 2, Section 2.5"
            if keys and key.startswith(keys[-1] + "."):
                keys[-1] = key
            else:
                keys.append(key)
            nodes = nodes[i].children
        return tuple(keys)

    # --- rebuilding -----------------------------------------------------
    def update(self, path: Path, fn: Callable[[Provision], Provision]) -> Document:
        return self.evolve(body=_update(self.body, path, fn))

    def replace_children(
        self, parent: Path, fn: Callable[[tuple[Provision, ...]], tuple[Provision, ...]]
    ) -> Document:
        """Rebuild the child list of ``parent`` (``()`` means the top level)."""
        if not parent:
            return self.evolve(body=fn(self.body))
        return self.update(parent, lambda p: p.evolve(children=fn(p.children)))


def _update(
    nodes: tuple[Provision, ...], path: Path, fn: Callable[[Provision], Provision]
) -> tuple[Provision, ...]:
    i, rest = path[0], path[1:]
    node = nodes[i]
    new = fn(node) if not rest else node.evolve(children=_update(node.children, rest, fn))
    out = (*nodes[:i], new, *nodes[i + 1 :])
    cached = _SIBLINGS.get(id(nodes))
    if cached is not None and cached[0] is nodes and (node.key, node.kind) == (new.key, new.kind):
        _remember(out, cached[1], cached[2])  # the same keys in the same places
    return out


# Siblings by key, per child tuple: a citation is looked up in a list of thousands of
# sections once per item, and an item changes one provision and keeps the others'
# places, so the index of the list before the item is the index after it.
_SIBLINGS: dict[int, tuple[tuple[Provision, ...], dict[str, list[int]], list[int]]] = {}


def sibling_index(nodes: tuple[Provision, ...]) -> tuple[dict[str, list[int]], list[int]]:
    """Positions of the siblings by key, and of the articles among them."""
    cached = _SIBLINGS.get(id(nodes))
    if cached is not None and cached[0] is nodes:
        return cached[1], cached[2]
    keys: dict[str, list[int]] = {}
    articles: list[int] = []
    for i, node in enumerate(nodes):
        if node.key:
            keys.setdefault(node.key, []).append(i)
        if node.kind == "article":
            articles.append(i)
    _remember(nodes, keys, articles)
    return keys, articles


def _remember(
    nodes: tuple[Provision, ...], keys: dict[str, list[int]], articles: list[int]
) -> None:
    if len(_SIBLINGS) > 512:
        _SIBLINGS.clear()
    _SIBLINGS[id(nodes)] = (nodes, keys, articles)  # the tuple is kept: its id stays its own
