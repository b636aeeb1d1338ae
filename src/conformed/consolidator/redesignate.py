"""A provision, or a run of them, given the labels an item names: "Section 2(c) is hereby
redesignated as Section 2(b)", "the existing Sections 8 through 11 are renumbered as
Sections 9 through 12".  Each label in the provisions' own style, where no sibling keeps
it and the numbering stays in order; anything else is refused, naming the provisions.
"""

from __future__ import annotations

import re

from ..change import Change
from ..citation import PLAIN_PROVISION, Label, label_candidates, parse_citation
from ..document import Document, Path, Provision
from ..errors import PlacementError
from ..lazy_re import lazy_re
from ..operations import Target
from .apply import locate_target
from .cited import PART_LABEL
from .context import Context
from .exhibits import is_exhibit
from .renumber import relabel


def redesignate(doc: Document, c: Change, ctx: Context, old: str) -> Document | None:
    """ "Section 2(c) is hereby redesignated as Section 2(b)": one provision takes the label
    the item gives, under the same parent, where no sibling has it and the numbering stays
    in order; None where either citation is not a plain one.  ``old`` is the provision as
    the agreement cites it ("Section 5(c)" for "subsection (c) of Section 5"); a new label
    given alone ("as subsection (d)") is read under the same provision."""
    new = c.new_label
    bare = PART_LABEL.fullmatch(new)
    if bare and c.selector.scope and PLAIN_PROVISION.fullmatch(c.selector.scope):
        new = f"{c.selector.scope}{bare.group(1)}"
    if c.selector.kind != "provision" or not PLAIN_PROVISION.fullmatch(old):
        return None
    if not PLAIN_PROVISION.fullmatch(new) or is_exhibit(old):
        return None
    was, will = parse_citation(old), parse_citation(new)
    if was.parent_keys != will.parent_keys or was.last == will.last:
        raise PlacementError(f"{new} is not a new label for {old} under the same provision")
    path = locate_target(doc, Target(was), ctx)
    return relabel_at(doc, path, will.last, old, new, ctx)


def redesignate_run(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "the existing Sections 8 through 11 are hereby renumbered as Sections 9 through 12":
    every provision of the run, in order and under one parent, moves by the same step, the
    last first so that none takes a label another still has.  None where the citations are
    not plain ones; refused where the two runs differ in length or the run is not whole."""
    sel = c.selector
    old, new = _RUN.fullmatch(sel.labels[0]), _RUN.fullmatch(_UNIT.sub("", c.new_label).strip())
    if len(sel.labels) != 1 or old is None or new is None:
        return None
    unit = _UNIT.match(sel.printed)
    if unit is None:
        return None
    word = unit.group(1)
    cite = [f"{word} {old['first']}", f"{word} {old['last']}"]
    will = [f"{word} {new['first']}", f"{word} {new['last']}"]
    if not all(PLAIN_PROVISION.fullmatch(x) for x in (*cite, *will)):
        return None
    first, last = (locate_target(doc, Target(parse_citation(x)), ctx) for x in cite)
    keys = [parse_citation(x).last for x in will]
    if first[:-1] != last[:-1] or first[-1] > last[-1]:
        raise PlacementError(f"{sel.printed} are not one run of provisions under one parent")
    run = [  # (a heading between two of them is no provision of the run)
        (*first[:-1], i)
        for i in range(first[-1], last[-1] + 1)
        if doc.get((*first[:-1], i)).label is not None
    ]
    values = [_value(doc.get(p).label, k) for p, k in ((run[0], keys[0]), (run[-1], keys[1]))]
    start = doc.get(run[0]).label
    assert start is not None
    step = values[0] - start.value
    if values[1] - values[0] != len(run) - 1 or step == 0:
        raise PlacementError(
            f"{sel.printed} ({len(run)} provisions) cannot all become {c.new_label}"
        )
    for path in reversed(run):
        node = doc.get(path)
        assert node.label is not None
        new_label = node.label.with_value(node.label.value + step)
        doc = relabel_at(doc, path, new_label.key, node.label_text, new_label.text, ctx)
    return doc


def _value(label: Label | None, key: str) -> int:
    value = next((k.value for k in label_candidates(key) if label and k.style is label.style), None)
    if label is None or not isinstance(value, int):
        raise PlacementError(f"{key} is not numbered as the provisions renumbered are")
    return value


_RUN = lazy_re(r"(?P<first>\S+)\s+(?:through|to)\s+(?P<last>\S+)")
_UNIT = lazy_re(r"^\s*([A-Za-z]+?)s?\s+(?=\S)")


def relabel_at(doc: Document, path: Path, key: str, old: str, new: str, ctx: Context) -> Document:
    """The provision at ``path`` takes the label whose key is ``key``, in its own style: where
    no sibling has it (one deleted by this item gives it up) and the numbering stays in order;
    ``old`` and ``new`` are the citations as the item gives them, for the messages."""
    node = doc.get(path)
    assert node.label is not None
    value = next((k.value for k in label_candidates(key) if k.style is node.label.style), None)
    if value is None:
        raise PlacementError(f"{new} is not numbered as {old} is ({node.label.text})")
    label = node.label.with_value(value)
    siblings = doc.get(path[:-1]).children if len(path) > 1 else doc.body
    holder = next((j for j, s in enumerate(siblings) if s.label and s.key == label.key), None)
    if holder is not None and not _deleted_here(siblings[holder], ctx):
        raise PlacementError(f"{new} already exists: {old} cannot take its label")
    if holder is not None:  # "2(b) is deleted, and 2(c) is redesignated as 2(b)": it goes
        siblings = (*siblings[:holder], *siblings[holder + 1 :])
        doc = doc.replace_children(path[:-1], lambda _: siblings)
        path = (*path[:-1], path[-1] - (holder < path[-1]))
    values = [  # in full: "3.2" beside "4.1" is (3, 2) before (4, 1), not 2 after 1
        _order(label) if i == path[-1] else _order(s.label)
        for i, s in enumerate(siblings)
        if s.label is not None and s.label.style is node.label.style
    ]
    if values != sorted(values):
        raise PlacementError(f"{old} redesignated as {new} would put the numbering out of order")
    detail = f"Renumbered (formerly {node.label_text})"
    return doc.update(
        path,
        lambda p: relabel(p, label).evolve(changes=(*p.changes, ctx.change("renumber", detail))),
    )


def _deleted_here(node: Provision, ctx: Context) -> bool:
    """Deleted, its label left in place, by the item being applied."""
    if not node.omitted or not node.changes:
        return False
    last = node.changes[-1]
    return (last.amendment, last.item) == (ctx.amendment, ctx.item)


def _order(label: Label) -> tuple[int, ...]:
    """Where a label falls among its siblings: its parent numbers, then its own value."""
    return (*(int(n) for n in re.findall(r"\d+", label.prefix)), label.value)
