"""Pair the provisions of OLD and NEW before any word is compared.

Identity first: a conformed copy keeps the base's ``uid`` for every provision
that was untouched, amended or renumbered, so when the two documents share
uids they are paired by uid and a renumbered Section is one provision with a
new label, never a deletion and an insertion.  Documents read separately
share no uids; their provisions are anchored by identical wording (label
left out, so renumbering does not matter), and the rest are paired by word
similarity within the same parent.  Text similarity alone mis-aligns moved
paragraphs (see shared/notes/measurements.md), hence identity and exact
wording come first.

The result is one merged sequence in reading order: paired provisions where
NEW has them, each deleted provision where OLD had it (deletions before
insertions in the same gap).  A paired provision that changed parent or
order is shown as moved: deleted at its old place and inserted at its new.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TypeVar

from ..document import Document, Provision
from .words import Differ, common_ends

SIMILAR = 0.5  # share of words in common for two provisions to be the same one
_GAP_LIMIT = 2500  # pairs compared in one gap; beyond it only equal labels are tried
_BAG_WORDS = 200
T = TypeVar("T")


@dataclass(frozen=True)
class Match:
    """One step of the merged reading order: a provision's head or its trailing text."""

    old: Provision | None
    new: Provision | None
    old_labels: tuple[str, ...]
    new_labels: tuple[str, ...]
    depth: int
    trailing: bool = False
    moved: str = ""  # "from" (its old place) or "to" (its new place)
    partner: tuple[str, ...] = ()  # a move's labels at its other end


def align(old: Document, new: Document, differ: Differ | None = None) -> list[Match]:
    """Pairs in reading order; ``differ`` (shared with the edit list) lets a pair's diff decide."""
    old_uids = {p.uid for _, p in old.walk()}
    new_uids = {p.uid for _, p in new.walk()}
    aligner = _Aligner(old_uids, new_uids, differ)
    aligner.merge(old.body, new.body, (), (), 0)
    return mark_moves(aligner.out, by_uid=aligner.by_uid)


class _Aligner:
    def __init__(self, old_uids: set[int], new_uids: set[int], differ: Differ | None) -> None:
        self.differ = differ
        self.by_uid = not old_uids.isdisjoint(new_uids)
        self.old_uids, self.new_uids = old_uids, new_uids
        self.out: list[Match] = []
        self.bags: dict[int, Counter[str]] = {}

    def merge(
        self,
        olds: tuple[Provision, ...],
        news: tuple[Provision, ...],
        old_path: tuple[str, ...],
        new_path: tuple[str, ...],
        depth: int,
    ) -> None:
        i = j = 0
        for pi, pj in [*self.pairs(olds, news), (len(olds), len(news))]:
            for o in olds[i:pi]:
                self.one_side(o, old_path, depth, old=True)
            for n in news[j:pj]:
                self.one_side(n, new_path, depth, old=False)
            if pi < len(olds):
                o, n = olds[pi], news[pj]
                ol, nl = (*old_path, o.label_text), (*new_path, n.label_text)
                self.out.append(Match(o, n, ol, nl, depth))
                self.merge(o.children, n.children, ol, nl, depth + 1)
                if o.trailing or n.trailing:
                    self.out.append(Match(o, n, ol, nl, depth, trailing=True))
            i, j = pi + 1, pj + 1

    def one_side(self, p: Provision, path: tuple[str, ...], depth: int, *, old: bool) -> None:
        """A deleted (``old``) or inserted provision with its whole subtree."""
        labels = (*path, p.label_text)
        self.out.append(_single(p, labels, depth, old=old))
        for child in p.children:
            self.one_side(child, labels, depth + 1, old=old)
        if p.trailing:
            self.out.append(_single(p, labels, depth, old=old, trailing=True))

    def pairs(self, olds: Sequence[Provision], news: Sequence[Provision]) -> list[tuple[int, int]]:
        if self.by_uid:
            where = {n.uid: j for j, n in enumerate(news)}
            anchors = increasing([(i, where[o.uid]) for i, o in enumerate(olds) if o.uid in where])
        else:
            anchors = anchor_equal([_content(o, i) for i, o in enumerate(olds)],
                                   [_content(n, -1 - j) for j, n in enumerate(news)])  # fmt: skip
        return fill_gaps(olds, news, anchors, self.similarity, lone=self.lone, close=self.close)

    def lone(self, o: Provision, n: Provision) -> bool:
        """Without identities, one labelled provision replaced by another in its place is a pair."""
        return not self.by_uid and bool(o.label_text and n.label_text)

    def close(self, o: Provision, n: Provision) -> bool:
        """Is ``n`` the provision ``o`` amended in place?  Asked of pairs in the same position."""
        return self.similarity(o, n, diff=True) >= SIMILAR

    def similarity(self, o: Provision, n: Provision, *, diff: bool = False) -> float:
        """Word similarity plus a bonus for a kept label or heading.

        With ``diff`` (the pair is expected to match) and a differ at hand,
        the pair's word diff is computed, which the edit list needs anyway,
        and its unchanged share decides; otherwise the common ends, then
        word bags (a diff of every candidate pair in a gap would cost more).
        """
        if self.by_uid and (o.uid in self.new_uids or n.uid in self.old_uids):
            return 0.0  # it has its own partner elsewhere (a move)
        bonus = 0.1 if o.label_text == n.label_text else 0.0
        if o.heading and o.heading == n.heading:
            bonus += 0.2  # "Financial Covenants:" kept over a rewritten text is the same provision
        if o.heading == n.heading and o.text and n.text:
            a, b = o.text, n.text
            if diff and self.differ and max(len(a), len(b)) <= 3 * min(len(a), len(b)):
                shared = Differ.shared(self.differ(a, b), a, b)
            else:  # quick and common: a few words edited leave long shared ends
                head, tail = common_ends(a, b)
                shared = (head + tail) / max(len(a), len(b))
            if shared >= SIMILAR:
                return shared + bonus
        return overlap(self.bag(o), self.bag(n)) + bonus

    def bag(self, p: Provision) -> Counter[str]:
        bag = self.bags.get(id(p))
        if bag is None:
            words = f"{p.heading} {p.text}".split()
            if len(words) < 20:  # a heading alone: its subsections say which provision it is
                words += _subtree_words(p.children, _BAG_WORDS)
            bag = self.bags[id(p)] = Counter(words)
        return bag


def _single(
    p: Provision, labels: tuple[str, ...], depth: int, *, old: bool, trailing: bool = False
) -> Match:
    if old:
        return Match(p, None, labels, (), depth, trailing)
    return Match(None, p, (), labels, depth, trailing)


def _content(p: Provision, unique: int) -> Hashable:
    """What anchors two provisions as the same: their words, not their label."""
    if not p.heading and not p.text:
        return ("bare", unique)  # a bare "(g)" says nothing about which provision it is
    return (p.heading, p.text)


def _subtree_words(nodes: tuple[Provision, ...], limit: int) -> list[str]:
    words: list[str] = []
    for node in nodes:
        words += f"{node.heading} {node.text}".split()
        if len(words) < limit:
            words += _subtree_words(node.children, limit - len(words))
        if len(words) >= limit:
            break
    return words[:limit]


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two word multisets: 1.0 same words, 0.0 none shared."""
    total = a.total() + b.total()
    if not total:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    common = sum(map(min, small.values(), map(large.get, small, repeat(0))))
    return 2 * common / total


def anchor_equal(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Index pairs of the longest run-wise common subsequence of equal keys."""
    if a == b:
        return [(k, k) for k in range(len(a))]
    if set(a).isdisjoint(b):  # every provision of the parent amended: nothing to anchor
        return []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(m.a + k, m.b + k) for m in matcher.get_matching_blocks() for k in range(m.size)]


def increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by first) increasing in second."""
    tails: list[int] = []  # smallest second value ending a run of each length
    tail_at: list[int] = []
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
        back.append(tail_at[pos - 1] if pos else -1)
    out: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def fill_gaps(
    olds: Sequence[T],
    news: Sequence[T],
    anchors: list[tuple[int, int]],
    similarity: Callable[[T, T], float],
    *,
    lone: Callable[[T, T], bool] | None = None,
    close: Callable[[T, T], bool] | None = None,
) -> list[tuple[int, int]]:
    """Anchors plus pairs found between them, best similarity first, never crossing.

    One old and one new item alone between two anchors are a pair however
    different if ``lone`` says so (a provision replaced in place): without
    identities to go by, their place is the best evidence there is.
    """
    out: list[tuple[int, int]] = []
    pi = pj = -1
    for ai, aj in [*anchors, (len(olds), len(news))]:
        rows, cols = range(pi + 1, ai), range(pj + 1, aj)
        if lone and len(rows) == len(cols) == 1 and lone(olds[rows[0]], news[cols[0]]):
            out.append((rows[0], cols[0]))
        else:
            out += pair_gap(olds, news, rows, cols, similarity, close)
        if ai < len(olds):
            out.append((ai, aj))
        pi, pj = ai, aj
    return out


def pair_gap(
    olds: Sequence[T],
    news: Sequence[T],
    rows: range,
    cols: range,
    similarity: Callable[[T, T], float],
    close: Callable[[T, T], bool] | None = None,
) -> list[tuple[int, int]]:
    if not rows or not cols:
        return []
    if close is None:
        close = lambda a, b: similarity(a, b) >= SIMILAR  # noqa: E731
    if len(rows) == len(cols) and all(
        close(olds[i], news[j]) for i, j in zip(rows, cols, strict=True)
    ):
        return list(zip(rows, cols, strict=True))  # the usual case: each one amended in place
    if len(rows) * len(cols) > _GAP_LIMIT:
        # Too many to compare all: only the same position within the gap.
        candidates = [(i, j) for i, j in zip(rows, cols, strict=False)]
    else:
        candidates = [(i, j) for i in rows for j in cols]
    scored = sorted(
        ((similarity(olds[i], news[j]), i, j) for i, j in candidates), key=lambda s: -s[0]
    )
    chosen: list[tuple[int, int]] = []
    for score, i, j in scored:
        if score < SIMILAR:
            break
        if all((i - ci) * (j - cj) > 0 for ci, cj in chosen):
            chosen.append((i, j))
    return sorted(chosen)


def mark_moves(matches: list[Match], *, by_uid: bool) -> list[Match]:
    """A deleted provision that reappears elsewhere is a move, at both ends.

    With shared uids the identity decides; otherwise identical wording that
    occurs exactly once on each side.
    """

    def key(p: Provision) -> Hashable:
        return p.uid if by_uid else (p.heading, p.text)

    gone = Counter(key(m.old) for m in matches if m.old and not m.new and not m.trailing)
    came = Counter(key(m.new) for m in matches if m.new and not m.old and not m.trailing)
    moved = {k for k, n in gone.items() if n == 1 and came[k] == 1}
    if not by_uid:  # a bare label or an empty provision is no evidence of a move
        moved = {k for k in moved if isinstance(k, tuple) and k[1]}
    if not moved:
        return matches
    old_at = {key(m.old): m.old_labels for m in matches if m.old and not m.new}
    new_at = {key(m.new): m.new_labels for m in matches if m.new and not m.old}
    out = []
    for m in matches:
        if m.old is not None and m.new is None and key(m.old) in moved:
            to = new_at[key(m.old)]
            m = Match(m.old, None, m.old_labels, (), m.depth, m.trailing, "from", to)
        elif m.new is not None and m.old is None and key(m.new) in moved:
            src = old_at[key(m.new)]
            m = Match(None, m.new, (), m.new_labels, m.depth, m.trailing, "to", src)
        out.append(m)
    return out
