"""The change summary: one row per changed provision, in reading order.

Reads like a lawyer's cover note ("5(c) deleted; 5(d), 5(e) inserted;
Section 9 (formerly Section 8), second to last sentence amended"), so a
reader knows where to look before reading the blackline.  Rows are derived
from the edit list only; nothing here looks at the documents again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..sentences import sentence_spans
from .edits import (
    CHANGED,
    DELETED,
    FRONT,
    INSERTED,
    MOVED,
    RELABELLED,
    SAME,
    TRAILING,
    Entry,
    Redline,
)  # fmt: skip
from .words import DELETE, INSERT, Segment

REPLACED_SHARE = 0.5  # more of the words changed than this: "replaced", else "amended"
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth"]  # fmt: skip


@dataclass(frozen=True)
class Row:
    provision: str
    change: str
    entry: int  # index of the first entry in Redline.entries, for links
    depth: int = 0
    members: tuple[int, ...] = ()  # the entries this row speaks for

    @property
    def text(self) -> str:
        """ "5(c) deleted", and with a comma before a phrase: "Section 9, last sentence amended"."""
        joint = ", " if " " in self.change else " "
        return f"{self.provision}{joint}{self.change}"


def summary_rows(redline: Redline) -> list[Row]:
    entries = redline.entries
    rows: list[Row] = []
    covered = -1  # depth of a provision whose row speaks for its whole subtree
    matter: dict[str, list[tuple[int, Entry]]] = {}
    for k, e in enumerate(entries):
        if e.matter:
            matter.setdefault(e.matter, []).append((k, e))
            continue
        if covered >= 0 and e.depth > covered:
            continue
        covered = -1
        if e.status == SAME:
            continue
        row = _row(k, e)
        if row is None:
            continue
        if e.part != TRAILING and e.status in (INSERTED, DELETED, MOVED):
            covered = e.depth
        elif _replaced_with_subtree(entries, k, row):
            covered = e.depth
            row = replace(row, change="replaced")
        _add(rows, row, entries)
    fronts = [_matter_row(name, group) for name, group in matter.items()]
    out = [r for r in fronts if r and _is_front(redline, r)] + rows
    out += [r for r in fronts if r and not _is_front(redline, r)]
    return out


def summary_line(redline: Redline) -> str:
    rows = summary_rows(redline)
    return "; ".join(r.text for r in rows) if rows else "no changes"


def _row(k: int, e: Entry) -> Row | None:
    row = _describe(k, e)
    return Row(row.provision, row.change, k, e.depth, (k,)) if row else None


def _replaced_with_subtree(entries: tuple[Entry, ...], k: int, row: Row) -> bool:
    """A provision whose own text went and whose subsections are all new (or all gone).

    "5(g) (formerly 5(f)) replaced" says it better than "text deleted" and a
    row for each new subsection.
    """
    e = entries[k]
    if e.status != CHANGED or row.change not in ("replaced", "text deleted", "text inserted"):
        return False
    subtree = []
    for later in entries[k + 1 :]:
        if later.matter or later.depth <= e.depth:
            break
        subtree.append(later)
    return bool(subtree) and all(x.status in (INSERTED, DELETED) for x in subtree)


def _describe(k: int, e: Entry) -> Row | None:
    name = e.name
    if e.part == TRAILING:
        what = {INSERTED: "inserted", DELETED: "deleted"}.get(e.status, "amended")
        return Row(name, f"closing text {what}", k)
    if e.status == INSERTED:
        return Row(name, "inserted", k)
    if e.status == DELETED:
        return Row(name, "deleted", k)
    if e.status == MOVED:
        if e.moved == "from":
            return None  # the row is given at the new place
        return Row(f"{name} (formerly {e.partner})", "moved", k)
    formerly = _old_name(e)
    provision = f"{name} (formerly {formerly})" if formerly != name else name
    if e.status == RELABELLED:
        return Row(provision, "renumbered", k)
    return Row(provision, change_detail(e), k)


def _old_name(e: Entry) -> str:
    old = Entry(e.status, e.part, e.old_labels, (), e.depth, term=e.term)
    return old.name


def _add(rows: list[Row], row: Row, entries: tuple[Entry, ...]) -> None:
    """Merge a row into the previous one when both say the same of siblings.

    "5(d), 5(e) inserted"; "Sections 7-9 (formerly 6-8) renumbered".
    """
    prev = rows[-1] if rows else None
    if prev is None or (prev.change, prev.depth) != (row.change, row.depth):
        rows.append(row)
    elif row.change in ("inserted", "deleted"):
        members = prev.members + row.members
        provision = _listed([entries[m].name for m in members])
        rows[-1] = Row(provision, row.change, prev.entry, prev.depth, members)
    elif row.change == "renumbered":
        members = prev.members + row.members
        new = [entries[m].name for m in members]
        old = [_old_name(entries[m]) for m in members]
        rows[-1] = Row(_span(new, old), row.change, prev.entry, prev.depth, members)
    else:
        rows.append(row)


def _listed(names: list[str]) -> str:
    """ "5(d), 5(e)"; definitions of one Section: "Section 1.1, definitions of “A” and “B”"."""
    of = ", definition of "
    parents = {n.partition(of)[0] for n in names}
    if len(parents) == 1 and all(of in n for n in names):
        terms = [n.partition(of)[2] for n in names]
        return f"{parents.pop()}, definitions of {', '.join(terms[:-1])} and {terms[-1]}"
    return ", ".join(names)


def _span(new: list[str], old: list[str]) -> str:
    sep = " and " if len(new) == 2 else "\u2013"

    def run(names: list[str]) -> str:
        bare = [n.removeprefix("Section ") for n in names]
        return f"{bare[0]}{sep}{bare[-1]}"

    plural = "Sections " if new[0].startswith("Section ") else ""
    return f"{plural}{run(new)} (formerly {run(old)})"


def change_detail(e: Entry) -> str:
    """ "replaced", "amended", "heading amended", "second to last sentence amended"..."""
    parts = []
    if any(s.op != "equal" for s in e.heading):
        parts.append("heading amended")
    if any(s.op != "equal" for s in e.text):
        parts.append(_text_detail(list(e.text)))
    if not parts:
        return "amended"
    if parts[-1] == "replaced" and len(parts) == 2:
        return "replaced"
    return " and ".join(parts) if len(parts) == 2 else parts[0]


def _words(text: str) -> int:
    return len(text.split())


def _text_detail(segs: list[Segment]) -> str:
    old = "".join(s.text for s in segs if s.op != INSERT)
    new = "".join(s.text for s in segs if s.op != DELETE)
    deleted = sum(_words(s.text) for s in segs if s.op == DELETE)
    inserted = sum(_words(s.text) for s in segs if s.op == INSERT)
    if not old.strip():
        return "text inserted"
    if not new.strip():
        return "text deleted"
    if max(deleted, inserted) > REPLACED_SHARE * max(_words(old), _words(new)):
        return "replaced"
    spans = sentence_spans(old)
    ends = [b for _, b in spans]
    touched: dict[int, int] = {}  # sentence -> words deleted in it
    appended = False
    pos = 0
    for s in segs:
        if s.op == INSERT:
            k = _sentence_at(spans, ends, pos)
            if k == len(spans) - 1 and pos == spans[k][1] and s.text[:1].isspace():
                k = None  # a new sentence after the last one
            if k is None:
                appended = True
            else:
                touched.setdefault(k, 0)
            continue
        end = pos + len(s.text)
        if s.op == DELETE:  # the sentences it overlaps, found by bisection (many segments)
            k = bisect.bisect_right(ends, pos)
            while k < len(spans) and spans[k][0] < end:
                a, b = spans[k]
                touched[k] = touched.get(k, 0) + _words(old[max(a, pos) : min(b, end)])
                k += 1
        pos = end
    phrases = []
    if touched:
        phrases.append(_sentences_phrase(old, spans, touched))
    if appended:
        phrases.append("text added at the end")
    return " and ".join(phrases) or "amended"


def _sentence_at(spans: list[tuple[int, int]], ends: list[int], pos: int) -> int | None:
    """The sentence an insertion at ``pos`` belongs to (None: after the last one)."""
    k = bisect.bisect_left(ends, pos)  # the first sentence ending at or after pos
    if k == len(spans):
        return None
    return k if pos >= spans[k][0] or k == 0 else k - 1


def _sentences_phrase(old: str, spans: list[tuple[int, int]], touched: dict[int, int]) -> str:
    n = len(spans)
    ks = sorted(touched)
    if n <= 1:
        return "amended"
    replaced = all(touched[k] > REPLACED_SHARE * _words(old[spans[k][0] : spans[k][1]]) for k in ks)
    verb = "replaced" if replaced else "amended"
    if len(ks) == n:
        return verb
    names = [_ordinal(k, n) for k in ks]
    if len(names) == 1:
        return f"{names[0]} sentence {verb}"
    return f"{', '.join(names[:-1])} and {names[-1]} sentences {verb}"


def _ordinal(k: int, n: int) -> str:
    """Counted from the nearer end, as drafters do: "first", "second to last", "last"."""
    from_end = n - 1 - k
    if from_end < k and from_end < len(_ORDINALS):
        return "last" if from_end == 0 else f"{_ORDINALS[from_end]} to last"
    return _ORDINALS[k] if k < len(_ORDINALS) else f"sentence {k + 1}"


def _matter_row(name: str, group: list[tuple[int, Entry]]) -> Row | None:
    statuses = {e.status for _, e in group}
    changed = [(k, e) for k, e in group if e.status != SAME]
    if not changed:
        return None
    first = changed[0][0]
    if statuses == {INSERTED}:
        return Row(name, "inserted", first)
    if statuses == {DELETED}:
        return Row(name, "deleted", first)
    if statuses == {INSERTED, DELETED}:
        return Row(name, "replaced", first)
    return Row(name, "amended", first)


def _is_front(redline: Redline, row: Row) -> bool:
    return redline.entries[row.entry].part == FRONT


__all__ = ["Row", "change_detail", "summary_line", "summary_rows"]
