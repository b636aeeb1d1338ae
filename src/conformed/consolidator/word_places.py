"""Quoted words found wherever a provision, or the whole agreement, prints them.

A citation of "Section 4.3" is of the whole section: its lead-in, its subdivisions
and the text after them.  Struck or replaced words are looked for in all of it, so
words printed in Section 4.3(c) are found by an item that cites Section 4.3, and
words printed both in the lead-in and in a subdivision are two places, never the
first one taken silently.  The rules are edit_words' own: no place fails, several
places fail unless the item says "each place it appears" or "where it first appears".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ..document import Document, Path, Provision
from ..errors import AmbiguousTarget, TargetNotFound
from ..operations import WordEdit
from .context import Context
from .word_edits import apply_word_edit, count_edit, count_words, edit_words, quoted

WORD_FIELDS = ("text", "trailing")  # a provision's own words, before and after its parts
# a provision's heading, its text, its parts (their paths add 0, 1, ...), its trailing text
_READING_ORDER = {"heading": -2, "text": -1, "trailing": 1 << 30}
_EDGES = ("append_text", "prepend_text")  # words put at the provision's edge, not found


def edit_provision_words(
    doc: Document, path: Path, edits: Iterable[WordEdit], ctx: Context, printed: str
) -> Document:
    """The item's word edits of the provision at ``path``, in order, each on the words of
    the provision and its subdivisions; each provision changed gets one history entry."""
    state = dict(_subtree(doc.get(path), path))
    touched: dict[Path, list[WordEdit]] = {}
    for edit in edits:
        if edit.kind in _EDGES:
            state[path] = apply_word_edit(state[path], edit, printed)
            touched.setdefault(path, []).append(edit)
            continue
        for p in _edit(
            state, edit, printed, f"the words {quoted(edit)} do not appear in {printed}"
        ):
            touched.setdefault(p, []).append(edit)
    for edit in edits:
        if edit.kind in ("replace_words", "delete_words") and any(
            count_words(n.heading, edit.old) for n in state.values()
        ):
            ctx.warn(
                f'the words "{edit.old}" also appear in the heading of {printed}, '
                "which was left as it was (a heading is changed only where the item says so)"
            )
    for p, done in touched.items():
        doc = doc.update(p, _recorded(state[p], tuple(done), ctx))
    return doc


def edit_throughout(doc: Document, edit: WordEdit, ctx: Context) -> Document:
    """Words edited wherever the agreement's provisions print them ("All references in the
    Agreement to "Alder Works" are replaced with ..."): every place only if the item says so
    ("each", "all", "each place it appears"), else the one place they appear, else refused.
    Every place includes the provisions' headings ("Section 9. Change in Control." where
    "Change in Control" is replaced wherever it appears); a heading is never the one place
    an edit of one place finds.  The front and back matter are left as they were, and said
    to be."""
    state = dict(doc.walk())
    missing = f'the words "{edit.old}" appear nowhere in the agreement\'s provisions'
    fields = ("heading", *WORD_FIELDS) if edit.every else WORD_FIELDS
    for p in _edit(state, edit, "the agreement", missing, fields):
        doc = doc.update(p, _recorded(state[p], (edit,), ctx))
    # (headings edited "each place" may print the old words again inside the new ones:
    # "Compensation Committee" in "Talent and Compensation Committee" -- never "left")
    headings = () if "heading" in fields else (n.heading for _, n in doc.walk())
    elsewhere = [h for h in headings if count_words(h, edit.old)]
    matter = [line for line in (*doc.front, *doc.back) if count_words(line, edit.old)]
    if elsewhere or matter:
        where = " and ".join(
            w
            for w, found in (("headings", elsewhere), ("the front or back matter", matter))
            if found
        )
        ctx.warn(f'the words "{edit.old}" also appear in {where}, which were left as they were')
    return doc


def _edit(
    state: dict[Path, Provision],
    edit: WordEdit,
    printed: str,
    missing: str,
    fields: tuple[str, ...] = WORD_FIELDS,
) -> list[Path]:
    """One edit on the provisions of ``state`` (changed in place); the paths it changed.
    Places are in reading order: a provision's heading, text, subdivisions, then its
    trailing text, so "where it first appears" is the first a reader meets."""
    places = sorted(
        ((p, f) for p, n in state.items() for f in fields if count_edit(getattr(n, f), edit)),
        key=lambda place: place[0] + (_READING_ORDER[place[1]],),
    )
    hits = sum(count_edit(getattr(state[p], f), edit) for p, f in places)
    if hits == 0:
        raise TargetNotFound(missing)
    if hits > 1 and not edit.every and not edit.first:
        raise AmbiguousTarget(
            f"the words {quoted(edit)} appear {hits} times in {printed}; the item does not say "
            '"each place it appears"'
        )
    each = edit if edit.first else replace(edit, every=True)
    changed: list[Path] = []
    for p, f in places[:1] if edit.first else places:
        state[p] = state[p].evolve(**{f: edit_words(getattr(state[p], f), each, printed)})
        if p not in changed:
            changed.append(p)
    return changed


def _subtree(node: Provision, path: Path) -> Iterator[tuple[Path, Provision]]:
    """The provision and its subdivisions, in reading order, each with its path."""
    yield path, node
    for k, child in enumerate(node.children):
        yield from _subtree(child, (*path, k))


def _recorded(
    node: Provision, edits: tuple[WordEdit, ...], ctx: Context
) -> Callable[[Provision], Provision]:
    """The update that puts the edited provision, with its history entry, in place."""
    edited = record_edits(node, edits, ctx)
    return lambda _: edited


def record_edits(node: Provision, edits: tuple[WordEdit, ...], ctx: Context) -> Provision:
    """The provision's history gains one entry naming the kinds of word edits made."""
    details = ", ".join(e.kind.replace("_", " ") for e in edits)
    return node.evolve(changes=(*node.changes, ctx.change("amend_text", f"Amended ({details})")))
