"""Whole provisions: replace, delete (with or without renumbering), insert.

Like every ``apply_<kind>(doc, op, ctx) -> doc`` (see registry.py), these

return a new document (the input is never touched) or raise an
:class:`~conformed.errors.AmendmentError` saying why the item cannot be
applied; the caller turns that into a ``failed`` item.  Target resolution and
the checks of "as renumbered" / "(formerly ...)" claims live here too.
"""

from __future__ import annotations

import re

from ..citation import Citation, Style, join_labels
from ..document import Document, Path, Provision
from ..errors import FormerlyMismatch, PayloadError, PlacementError, TargetNotFound
from ..layout.engine import read_new_text
from ..layout.labelled_parts import labelled_parts
from ..lazy_re import lazy_re
from ..operations import (
    DeleteProvision,
    InsertProvision,
    InsertProvisions,
    Renumber,
    ReplaceClauses,
    ReplaceProvision,
    ReplaceProvisions,
    Target,
)
from .captions import check_caption
from .context import Context
from .locate import citation_path, resolve_citation, resolve_parent
from .payload import provision_from_payload, value_in_style
from .renumber import renumber_from


def apply_replace_provision(doc: Document, op: ReplaceProvision, ctx: Context) -> Document:
    return replace_at(doc, locate_target(doc, op.target, ctx), op.text, op.target.printed, ctx)


# New text that only marks a provision as gone: "[Reserved]", "Intentionally omitted.", "Not used."
_PLACEHOLDER = lazy_re(
    r"\[?\s*(?:reserved|intentionally\s+(?:omitted|deleted|left\s+blank)|not\s+used|deleted)"
    r"\s*\.?\s*\]?\.?",
    re.IGNORECASE,
)


def replace_at(doc: Document, path: Path, text: str, printed: str, ctx: Context) -> Document:
    """The provision at ``path`` restated by ``text`` (its label and place kept)."""
    old = doc.get(path)
    like = old.label
    new = provision_from_payload(text, old.key, like, printed)
    if old.heading.strip() and not new.heading.strip():  # said either way, never unseen
        if _PLACEHOLDER.fullmatch(new.text.strip()):  # "Section 6.4 [Reserved]."
            ctx.warn(
                f'{printed} is now "{new.text.strip()}"; its heading "{old.heading.strip()}" went with it'
            )
        else:  # the new words of its body: the heading is the provision's, and stays
            new = new.evolve(heading=old.heading)
            ctx.warn(
                f'the new text of {printed} gives no heading; it keeps "{old.heading.strip()}"'
            )
    new = new.evolve(
        uid=old.uid,
        inline=old.inline,
        changes=(*old.changes, ctx.change("replace", "Amended")),
    )
    return doc.update(path, lambda _: new)


def apply_replace_provisions(doc: Document, op: ReplaceProvisions, ctx: Context) -> Document:
    """Several provisions replaced by one text: each takes the part bearing its label."""
    parts = parts_by_label(op.text, op.targets)
    for target in op.targets:
        doc = apply_replace_provision(
            doc, ReplaceProvision(target, parts[target.citation.last]), ctx
        )
    return doc


def apply_insert_provisions(doc: Document, op: InsertProvisions, ctx: Context) -> Document:
    parts = parts_by_label(op.text, op.targets)
    for target in op.targets:
        one = InsertProvision(target, parts[target.citation.last], position=op.position)
        doc = apply_insert_provision(doc, one, ctx)
    return doc


def parts_by_label(text: str, targets: tuple[Target, ...]) -> dict[str, str]:
    """Split a text holding several provisions into one text per target, by label."""
    wanted = [t.citation.last for t in targets]
    return dict(zip(wanted, labelled_parts(text, wanted), strict=True))


def apply_delete_provision(doc: Document, op: DeleteProvision, ctx: Context) -> Document:
    path = locate_target(doc, op.target, ctx)
    parent, index = path[:-1], path[-1]
    if op.renumber is None:
        return omit_at(doc, path, ctx)
    check_renumber_scope(doc, op.renumber, parent, op.target.printed)
    parent_labels = doc.labels_on(parent)
    gone = doc.name_of(path).capitalize()
    first = doc.get(path).label

    def rebuild(siblings: tuple[Provision, ...]) -> tuple[Provision, ...]:
        rest = (*siblings[:index], *siblings[index + 1 :])
        return renumber_from(rest, index, ctx, parent_labels, first.value if first else 1)

    doc = doc.replace_children(parent, rebuild)
    if parent:
        doc = doc.update(
            parent,
            lambda p: p.evolve(changes=(*p.changes, ctx.change("delete", f"{gone} deleted"))),
        )
    return doc


def omit_at(doc: Document, path: Path, ctx: Context) -> Document:
    """The provision at ``path`` deleted, its label kept over the omitted-text marker."""
    return doc.update(
        path,
        lambda p: p.evolve(
            heading="",
            text=ctx.omitted_text,
            children=(),
            trailing="",
            omitted=True,
            changes=(*p.changes, ctx.change("delete", "Deleted")),
        ),
    )


def apply_insert_provision(doc: Document, op: InsertProvision, ctx: Context) -> Document:
    citation = op.target.citation
    parent = _insert_parent(doc, op)
    siblings = doc.get(parent).children if parent else doc.body
    like = next((s.label for s in reversed(siblings) if s.label), None)
    # a new Article's key is its own ("article:4"), as the text printing "ARTICLE 4" reads it
    key = citation_path(citation)[-1] if citation.keys else citation.last
    new = provision_from_payload(op.text, key, like, citation.printed)
    new = new.evolve(changes=(ctx.change("insert", "Added"),))
    index = _insert_index(doc, op, parent, siblings, new)
    _check_insert_claims(op, siblings, index, ctx)
    if op.renumber is not None:
        check_renumber_scope(doc, op.renumber, parent, citation.printed)
    parent_labels = doc.labels_on(parent)

    def rebuild(nodes: tuple[Provision, ...]) -> tuple[Provision, ...]:
        out = (*nodes[:index], new, *nodes[index:])
        return renumber_from(out, index + 1, ctx, parent_labels) if op.renumber else out

    return doc.replace_children(parent, rebuild)


# --- targets and their claims ----------------------------------------------


# ISDA schedules are the numbered body of the agreement ("Part 4(f) of the Schedule").
_IN_BODY = lazy_re(r"of the Schedule(?: to .*)?", re.IGNORECASE)


def locate_target(doc: Document, target: Target, ctx: Context) -> Path:
    """Resolve the target in the current state and check what the item claims of it."""
    if target.qualifier and not _IN_BODY.fullmatch(target.qualifier):
        # "Clause 3.2 of the Exhibit 14", "Section 3.11(a) of the Lien Annex": a part of
        # the agreement whose provisions are not numbered in its body.  Never look the
        # citation up in the body, where a Clause 3.2 of the agreement itself may exist.
        raise TargetNotFound(
            f"{target.printed}: the provisions {target.qualifier} are not read as numbered "
            "provisions of this agreement; give that document as the base to amend it"
        )
    path = resolve_citation(doc, target.citation)
    node = doc.get(path)
    if target.caption and not _captioned(node.heading, target.caption):
        raise TargetNotFound(
            f'{target.printed} is named "{target.caption}", but it is headed '
            f'"{node.heading.strip()}": the words may name only a part of it, so nothing was applied'
        )
    if target.named:
        check_caption(doc, path, target.named, target.printed)
    before = ctx.start.get(node.uid)
    now = doc.key_path(path)
    if target.formerly is not None:
        check_formerly(doc, path, target, ctx)
    elif target.as_renumbered and before == now:
        ctx.warn(f'{target.printed} says "as renumbered" but this amendment has not renumbered it')
    elif not target.as_renumbered and before is not None and before != now:
        was = ctx.start_cites.get(node.uid, "?")
        ctx.warn(
            f"{target.printed} is read as numbered after the earlier items of this amendment "
            f'(it was {was} before); the item does not say "as renumbered"'
        )
    return path


def _captioned(heading: str, caption: str) -> bool:
    """The provision's heading is the caption the item names it by ("Payee Representations"
    for "Payee Representations."), or begins with it."""
    have, said = _words_of(heading), _words_of(caption)
    return bool(said) and have[: len(said)] == said


def _words_of(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return words[1:] if words[:1] == ["the"] else words


def check_formerly(doc: Document, path: Path, target: Target, ctx: Context) -> None:
    assert target.formerly is not None
    claimed = target.formerly.keys
    uid = doc.get(path).uid
    history = [m.get(uid) for m in (*ctx.earlier, ctx.start)]
    if claimed in history:
        return
    before = ctx.start.get(uid)
    if before is None:
        actual = "it did not exist before this amendment"
    else:
        actual = f"before this amendment it was {ctx.start_cites.get(uid, '.'.join(before))}"
    raise FormerlyMismatch(
        f'{target.printed} is said to be "formerly {target.formerly.printed}", but {actual}'
    )


def check_renumber_scope(doc: Document, renumber: Renumber, parent: Path, printed: str) -> None:
    if renumber.scope is None:
        if parent:
            raise PlacementError(
                f"{renumber.printed} are renumbered, but {printed} is not a Section"
            )
        return
    wanted = renumber.scope.keys
    actual = doc.key_path(parent) if parent else ()
    if wanted != actual:
        where = join_labels(doc.labels_on(parent)) if parent else "the top level"
        raise PlacementError(
            f"the item renumbers {renumber.scope.printed}, but {printed} belongs to {where}"
        )


# --- insertion ---------------------------------------------------------------


def _check_insert_claims(
    op: InsertProvision, siblings: tuple[Provision, ...], index: int, ctx: Context
) -> None:
    """Warn when "as renumbered" is missing where earlier items renumbered, or vice versa."""
    renumbered = [s for s in siblings if _moved(s, ctx)]
    printed = op.target.printed
    if op.target.as_renumbered and not renumbered:
        ctx.warn(f'{printed} says "as renumbered" but no earlier item renumbered its neighbours')
    displaced = siblings[index] if index < len(siblings) else None
    this_item = displaced is not None and any(
        (c.amendment, c.item) == (ctx.amendment, ctx.item) for c in displaced.changes
    )  # "inserting a new clause (c) and relettering the existing (c) as (d)": said here
    if not op.target.as_renumbered and displaced in renumbered and not this_item:
        was = ctx.start_cites.get(displaced.uid, "?")
        ctx.warn(
            f"{printed} is placed by the numbering after the earlier items of this amendment "
            f"(the provision now there was {was} before); the item does not say "
            '"as renumbered"'
        )


def _moved(node: Provision, ctx: Context) -> bool:
    """Renumbered by an earlier item of this amendment."""
    before = ctx.start.get(node.uid)
    return before is not None and before[-1] != node.key


def _insert_parent(doc: Document, op: InsertProvision) -> Path:
    citation: Citation = op.target.citation
    if op.position is not None:
        anchor = resolve_citation(doc, op.position.anchor)
        if op.position.relation == "end":
            return anchor
        return anchor[:-1]
    return resolve_parent(doc, citation.parent_keys, f"the provision that would hold {citation}")


def _insert_index(
    doc: Document,
    op: InsertProvision,
    parent: Path,
    siblings: tuple[Provision, ...],
    new: Provision,
) -> int:
    printed = op.target.printed
    key = new.key
    existing = next((i for i, s in enumerate(siblings) if s.key == key), None)
    if op.position is not None and op.position.relation != "end":
        anchor = resolve_citation(doc, op.position.anchor)[-1]
        index = anchor + 1 if op.position.relation == "after" else anchor
        if existing is not None and not op.renumber:
            raise PlacementError(
                f"{printed} already exists and the item does not say the rest is renumbered"
            )
        return index
    if existing is not None:
        if op.renumber is None:
            where = join_labels(doc.labels_on((*parent, existing))) if parent else printed
            raise PlacementError(
                f"{where} already exists and the item does not say the rest is renumbered"
            )
        return existing
    if not siblings:
        if new.label is not None and isinstance(new.label.value, int) and new.label.value > 1:
            raise PlacementError(  # a lone "(d)" under a provision that has no (a) to (c)
                f"{printed} would be the first of its list, which has no earlier labels"
            )
        return 0
    last = siblings[-1].label
    value = _value_after(key, siblings[-1])
    if last is not None and value == last.value + 1:
        return len(siblings)
    stem_end = _after_its_stem(siblings, key)
    if stem_end is not None:  # "2.3" after "2.2", where Sections 3.1 ... follow in one list
        return stem_end
    if last is None or value is None:
        raise PlacementError(f"{printed} does not fit the numbering of its neighbours")
    if value > last.value + 1:
        raise PlacementError(
            f"{printed} would leave a gap: the last one is {siblings[-1].label_text}"
        )
    hole = _hole(siblings, value, last.style, _stem(key))
    if hole is not None:
        return hole  # "(d)" after "(b)", as a redesignation leaves it: the new "(c)" goes between
    raise PlacementError(f"{printed} does not fit between the existing labels")


def _value_after(key: str, sibling: Provision) -> int | None:
    """The new label's number in the sibling's list: "2.2" after "2.1" is 2, as "(c)" after
    "(b)" is 3; a decimal label of another stem ("2.3" after "6.1") has none."""
    if sibling.label is None or _stem(key) != _stem(sibling.key):
        return None
    return value_in_style(key.rpartition(".")[2], sibling.label.style)


def _after_its_stem(siblings: tuple[Provision, ...], key: str) -> int | None:
    """Where a new decimal label goes in a list that numbers several stems (2.1, 2.2, 3.1):
    after the sibling of its stem numbered one before it, where the next sibling is of
    another stem or numbered one after it; None elsewhere."""
    stem, _, tail = key.rpartition(".")
    if not stem or not tail.isdigit():
        return None
    for i, s in enumerate(siblings):
        if _stem(s.key) != stem or s.label is None or s.label.value != int(tail) - 1:
            continue
        after = siblings[i + 1] if i + 1 < len(siblings) else None
        if (
            after is None
            or _stem(after.key) != stem
            or (after.label and after.label.value == int(tail) + 1)
        ):
            return i + 1
    return None


def _stem(key: str) -> str:
    """ "6" of the decimal label "6.2"; "" of any other."""
    return key.rpartition(".")[0]


def _hole(siblings: tuple[Provision, ...], value: int, style: Style, stem: str) -> int | None:
    """Where a label missing from the middle of its list goes: between the sibling numbered
    one before it and the sibling numbered one after it (of the same stem: "2.3" between
    "2.2" and "2.4"), and nowhere else."""
    for i in range(1, len(siblings)):
        before, after = siblings[i - 1].label, siblings[i].label
        if before is None or after is None or before.style is not style or after.style is not style:
            continue
        if _stem(siblings[i - 1].key) != stem or _stem(siblings[i].key) != stem:
            continue
        if before.value == value - 1 and after.value == value + 1:
            return i
    return None


def apply_replace_clauses(doc: Document, op: ReplaceClauses, ctx: Context) -> Document:
    """The named subdivisions, which must be consecutive, give way to the new text."""
    path = locate_target(doc, op.target, ctx)
    node = doc.get(path)
    wanted = [_bare(c) for c in op.clauses]
    keys = [_bare(child.label_text) for child in node.children]
    hits = [i for i, key in enumerate(keys) if key in wanted]
    if sorted(keys[i] for i in hits) != sorted(wanted) or len(hits) != len(wanted):
        missing = [c for c, w in zip(op.clauses, wanted, strict=True) if w not in keys]
        raise PayloadError(
            f"{op.target.printed} does not have exactly the clauses {', '.join(op.clauses)}"
            + (f" (missing {', '.join(missing)})" if missing else "")
        )
    if hits != list(range(hits[0], hits[0] + len(hits))):
        raise PlacementError(
            f"the clauses {', '.join(op.clauses)} of {op.target.printed} are not consecutive"
        )
    new = read_new_text(op.text)
    if not new:
        raise PayloadError("the restated text is empty")
    change = ctx.change("replace", f"Clauses {', '.join(op.clauses)} restated")
    new = tuple(p.evolve(changes=(*p.changes, change)) for p in new)
    start, end = hits[0], hits[-1] + 1
    return doc.update(
        path, lambda p: p.evolve(children=(*p.children[:start], *new, *p.children[end:]))
    )


def _bare(label: str) -> str:
    return re.sub(r"[().\s]", "", label).lower()
