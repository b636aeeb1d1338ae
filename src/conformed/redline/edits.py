"""The edit list: what changed, paragraph by paragraph, for any renderer.

A redline is a sequence of :class:`Entry`, one per paragraph of the merged
reading order (see ``align``).  Each entry carries its label, heading and
text as segments (``equal`` / ``insert`` / ``delete``), so that

- dropping the deleted segments gives NEW's paragraph, exactly, and
- dropping the inserted segments gives OLD's paragraph, exactly.

Renderers (HTML, Word, Markdown) only style segments; none of them diffs.
A paragraph is ``label heading text`` joined by single spaces; front and
back matter (title, recitals, signatures, exhibits) are paragraphs split at
blank lines, aligned as text and diffed word by word like provisions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..citation import join_labels, name_path
from ..definitions import term_of
from ..document import Document
from ..lazy_re import lazy_re
from .align import Match, align, anchor_equal, fill_gaps, overlap
from .words import DELETE, EQUAL, INSERT, Differ, Segment

SAME, CHANGED, INSERTED, DELETED, MOVED, RELABELLED = (
    "same", "changed", "inserted", "deleted", "moved", "relabelled",
)  # fmt: skip
PROVISION, TRAILING, FRONT, BACK = "provision", "trailing", "front", "back"

_EXHIBIT = lazy_re(
    r"^\s*((?:EXHIBIT|SCHEDULE|ANNEX|APPENDIX)\s+[A-Z0-9][A-Z0-9.\-]*)", re.IGNORECASE
)


@dataclass(frozen=True)
class Entry:
    """One paragraph of the redline.

    ``status`` is ``same``, ``changed`` (words differ; the label may too),
    ``relabelled`` (only its own label differs), ``inserted``, ``deleted`` or
    ``moved`` (then ``moved`` is "from" at the old place, "to" at the new,
    and ``partner`` names the other place).  Cites are in each document's
    own style ("5(c)"); matter paragraphs are cited by what they are part
    of ("preamble", "Exhibit 6.11", "closing").
    """

    status: str
    part: str
    old_labels: tuple[str, ...]
    new_labels: tuple[str, ...]
    depth: int
    label: tuple[Segment, ...] = ()
    heading: tuple[Segment, ...] = ()
    text: tuple[Segment, ...] = ()
    moved: str = ""
    partner: str = ""
    matter: str = ""
    term: str = ""  # the defined term of an unnumbered definition paragraph

    @property
    def name(self) -> str:
        """How the summary names it: "Section 9", "5(c)", "Exhibit 6.11"."""
        labels = self.new_labels or self.old_labels
        if self.matter:
            return self.matter
        if labels and not labels[-1]:
            parent = _name(labels[:-1])
            what = f"definition of \u201c{self.term}\u201d" if self.term else "unnumbered paragraph"
            return f"{parent}, {what}" if parent else what
        return _name(labels)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """Label, heading and text joined by spaces, as one run of segments."""
        out: list[Segment] = []
        for part in (self.label, self.heading, self.text):
            if not part:
                continue
            if out:
                out.append(separator(out, part))
            out += part
        return tuple(out)

    @property
    def changed(self) -> bool:
        return self.status != SAME


def _name(labels: tuple[str, ...]) -> str:
    if not labels:
        return ""
    return name_path(list(labels)) if len(labels) == 1 else join_labels(list(labels))


def separator(before: list[Segment], part: tuple[Segment, ...]) -> Segment:
    """The space between two parts exists in OLD, NEW or both, as they do."""
    in_old = any(s.op != INSERT and s.text for s in before) and any(
        s.op != INSERT and s.text for s in part
    )
    in_new = any(s.op != DELETE and s.text for s in before) and any(
        s.op != DELETE and s.text for s in part
    )
    if in_old and in_new:
        return Segment(EQUAL, " ")
    return Segment(DELETE if in_old else INSERT, " ")


@dataclass(frozen=True)
class Redline:
    """OLD against NEW: the paragraphs of both in one reading order."""

    entries: tuple[Entry, ...]
    old_name: str = "OLD"
    new_name: str = "NEW"

    @property
    def changes(self) -> list[Entry]:
        return [e for e in self.entries if e.changed]


def compare(old: Document, new: Document, *, old_name: str = "", new_name: str = "") -> Redline:
    """The redline of NEW against OLD."""
    diff = Differ()  # one token table for every word diff, each pair diffed once
    entries = _matter(old.front, new.front, FRONT, diff)
    entries += [_entry(m, diff) for m in align(old, new, diff)]
    entries += _matter(old.back, new.back, BACK, diff)
    return Redline(
        tuple(e for e in entries if e.label or e.heading or e.text),  # has segments
        old_name=old_name or old.name or "OLD",
        new_name=new_name or new.name or "NEW",
    )


def _entry(m: Match, diff: Differ) -> Entry:
    o, n = m.old, m.new
    label: tuple[Segment, ...]
    heading: tuple[Segment, ...]
    if m.trailing:
        label = heading = ()
        text = diff(o.trailing if o else "", n.trailing if n else "")
        part = TRAILING
    else:
        label = _label(o.label_text if o else "", n.label_text if n else "")
        heading = diff(o.heading if o else "", n.heading if n else "")
        text = diff(o.text if o else "", n.text if n else "")
        part = PROVISION
    segs = (*label, *heading, *text)
    if m.moved:
        status = MOVED
    elif o is None or all(s.op == INSERT for s in segs):  # e.g. closing text only NEW has
        status = INSERTED
    elif n is None or all(s.op == DELETE for s in segs):
        status = DELETED
    elif any(s.op != EQUAL for s in (*heading, *text)):
        status = CHANGED
    elif any(s.op != EQUAL for s in label):
        status = RELABELLED
    else:
        status = SAME
    partner = join_labels(list(m.partner)) if m.partner else ""
    either = n or o
    term = (term_of(either) or "") if either is not None and not either.label_text else ""
    return Entry(status, part, m.old_labels, m.new_labels, m.depth, label, heading, text,
                 m.moved, partner, term=term)  # fmt: skip


def _label(old: str, new: str) -> tuple[Segment, ...]:
    """A label changes as a whole: the old one struck, the new one inserted."""
    if old == new:
        return (Segment(EQUAL, old),) if old else ()
    both = [Segment(DELETE, old), Segment(INSERT, new)]
    return tuple(seg for seg in both if seg.text)


# --- front and back matter -------------------------------------------------


def paragraphs(lines: tuple[str, ...]) -> list[str]:
    """Matter lines as paragraphs: split at blank lines, line breaks kept inside."""
    text = "\n".join(line.rstrip() for line in lines)
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


def _matter(
    old_lines: tuple[str, ...], new_lines: tuple[str, ...], part: str, diff: Differ
) -> list[Entry]:
    olds, news = paragraphs(old_lines), paragraphs(new_lines)
    anchors = anchor_equal(olds, news)
    bags: dict[str, Counter[str]] = {}

    def similar(a: str, b: str) -> float:
        for p in (a, b):
            if p not in bags:
                bags[p] = Counter(p.split())
        return overlap(bags[a], bags[b])

    pairs = fill_gaps(olds, news, anchors, similar)
    old_names, new_names = _matter_names(olds, part), _matter_names(news, part)
    out: list[Entry] = []
    i = j = 0
    for pi, pj in [*pairs, (len(olds), len(news))]:
        for k in range(i, pi):
            out.append(_matter_entry(DELETED, part, old_names[k], list(diff(olds[k], ""))))
        for k in range(j, pj):
            out.append(_matter_entry(INSERTED, part, new_names[k], list(diff("", news[k]))))
        if pi < len(olds):
            segs = list(diff(olds[pi], news[pj]))
            status = SAME if olds[pi] == news[pj] else CHANGED
            out.append(_matter_entry(status, part, new_names[pj], segs))
        i, j = pi + 1, pj + 1
    return out


def _matter_entry(status: str, part: str, name: str, segs: list[Segment]) -> Entry:
    return Entry(status, part, (), (), 0, text=tuple(segs), matter=name)


def _matter_names(paras: list[str], part: str) -> list[str]:
    """What each matter paragraph belongs to: the preamble, the closing, an exhibit."""
    current = "preamble" if part == FRONT else "closing"
    out = []
    for p in paras:
        m = _EXHIBIT.match(p)
        if m and part == BACK:
            current = " ".join(m.group(1).split()).title()
        out.append(current)
    return out
