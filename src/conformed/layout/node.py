"""The provisions while they are read (mutable nodes), frozen into the document's tree."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..citation import Label
from ..document import Provision, Source
from .heads import caption_line, split_heading


@dataclass
class Node:
    label: Label | None
    indent: int = 0
    alternatives: list[Label] = field(default_factory=list)  # other readings of the label
    inline: bool = False
    heading: str = ""
    parts: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    trailing_lines: list[str] = field(default_factory=list)
    kind: str = ""  # "article", "heading", or ""
    line: int = 0
    bare: bool = False  # the label stood alone on its line: its caption may follow


def freeze(node: Node, uids: dict[int, int]) -> Provision:
    parts = [x for x in node.parts if x]
    heading = node.heading
    if (
        not heading
        and parts
        and caption_line(parts[0], node.label)
        and (len(parts) > 1 or node.children)
    ):
        heading, parts = parts[0], parts[1:]
    elif not heading and (node.bare or node.label is not None) and parts:
        heading, first = split_heading(parts[0])  # a caption wrapped over two lines
        parts = ([first] if first else []) + parts[1:]
    p = Provision.read(
        label=node.label,
        heading=heading,
        text="\n\n".join(parts),
        children=tuple(freeze(c, uids) for c in node.children),
        trailing="\n\n".join(x for x in node.trailing if x),
        inline=node.inline,
        kind=node.kind,
        line=node.line,
    )
    uids[id(node)] = p.uid
    return p


def attach(
    nodes: tuple[Provision, ...], sources: dict[tuple[int, bool], Source]
) -> tuple[Provision, ...]:
    return tuple(
        p.evolve(
            source=sources.get((p.uid, False)),
            trailing_source=sources.get((p.uid, True)),
            children=attach(p.children, sources),
        )
        for p in nodes
    )


def trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines
