"""Renumbering siblings in their own label style, children of dotted labels too."""

from __future__ import annotations

from ..citation import Label, name_path
from ..document import Change, Provision
from .context import Context


def relabel(node: Provision, label: Label) -> Provision:
    """Give ``node`` a new label; dotted descendants ("6.1" under "6.") follow it."""
    old_key = node.key
    new_key = label.key
    children = node.children
    if old_key and children and any(c.label and c.label.prefix == old_key + "." for c in children):
        children = tuple(_reprefix(c, old_key, new_key) for c in children)
    return node.evolve(label=label, children=children)


def _reprefix(node: Provision, old: str, new: str) -> Provision:
    if node.label is None or not node.label.prefix.startswith(old + "."):
        return node
    prefix = new + "." + node.label.prefix[len(old) + 1 :]
    return relabel(node, Label(node.label.style, node.label.value, prefix, node.label.suffix))


def renumber_from(
    siblings: tuple[Provision, ...],
    start: int,
    ctx: Context,
    parent_labels: list[str],
    first_value: int = 1,
) -> tuple[Provision, ...]:
    """Make labels from ``start`` on follow the label before them, contiguously.

    The first sibling (when ``start`` is 0) takes ``first_value``: after the
    first subsection is deleted, the next one becomes (a).
    """
    out = list(siblings)
    # The label before: unlabelled siblings between (a heading, a definition) are skipped.
    prev = next((s.label for s in reversed(out[:start]) if s.label is not None), None)
    for i in range(start, len(out)):
        node = out[i]
        if node.label is None or node.kind == "article":
            continue
        wanted = prev.value + 1 if prev is not None else first_value
        prev = node.label
        if node.label.value == wanted and not node.label.extra:
            continue
        label = node.label.with_value(wanted)
        formerly = name_path([*parent_labels, node.label_text])
        detail = f"Renumbered (formerly {formerly})"
        moved = relabel(node, label)
        now = name_path([*parent_labels, moved.label_text])
        out[i] = moved.evolve(changes=_renumbered(node, detail, now, ctx))
        prev = label
    return tuple(out)


def _renumbered(node: Provision, detail: str, now: str, ctx: Context) -> tuple[Change, ...]:
    """The history after a renumbering: one entry per item, naming the label the provision
    had before the item ("Sections 3 and 4 are deleted, and the rest renumbered": Section 5
    became 3, never "formerly 4", a number it held only between two steps), and none where
    the item put it back where it was."""
    last = node.changes[-1] if node.changes else None
    if (
        last is None
        or last.action != "renumber"
        or (last.amendment, last.item)
        != (
            ctx.amendment,
            ctx.item,
        )
    ):
        return (*node.changes, ctx.change("renumber", detail))
    if last.detail == f"Renumbered (formerly {now})":
        return node.changes[:-1]  # back to the label it had
    return node.changes
