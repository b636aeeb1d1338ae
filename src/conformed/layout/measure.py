"""How the source lays out its paragraphs, measured so that new text looks like the old."""

from __future__ import annotations

from collections import Counter

from ..document import Layout, Provision
from .heads import iter_groups
from .lines import Line, indent_of


def layout_of(body: tuple[Provision, ...], lines: list[Line], blank_mode: bool) -> Layout:
    """The width and the indentation by depth that new text is printed with."""
    width = max((len(line.raw.expandtabs(8)) for line in lines), default=72)
    width = max(50, min(width, 100))
    by_depth: dict[int, Counter[tuple[int, int]]] = {}
    one_line: dict[int, Counter[tuple[int, int]]] = {}  # used where no wrapped sample exists
    for group in iter_groups(body):
        src = group.leader.trailing_source if group.trailing else group.leader.source
        if src is not None and len(src.lines) == 1:
            shape = (indent_of(src.lines[0]),) * 2
            one_line.setdefault(group.depth, Counter())[shape] += 1
        if src is None or len(src.lines) < 2:
            continue
        first, second = src.lines[0], src.lines[1]
        if not second.strip():
            continue
        shape = (indent_of(first), indent_of(second))
        by_depth.setdefault(group.depth, Counter())[shape] += 1
    indents: list[tuple[int, int]] = []
    default = Layout().indents
    for depth, shapes in one_line.items():
        by_depth.setdefault(depth, shapes)
    for depth in range(max(by_depth, default=-1) + 2):
        if depth in by_depth:
            indents.append(by_depth[depth].most_common(1)[0][0])
        elif len(indents) >= 2:
            # A level the source never shows: step in as far again as the last step.
            (f1, r1), (f2, r2) = indents[-2], indents[-1]
            indents.append((f2 + max(f2 - f1, 4), r2 + max(r2 - r1, 0)))
        else:
            indents.append(indents[-1] if indents else default[0])
    return Layout(width=width, blank_lines=blank_mode, indents=tuple(indents) or default)
