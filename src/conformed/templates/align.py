"""Pair the provisions of BASE and EDITED, one sibling list at a time, for reverse drafting.

An amendment speaks of provisions in their places: "Subsection 5(c) is
deleted", "a new subsection 5(d) is added".  So the two trees are compared
level by level under the same parent, never across parents, and by content
with the provision's own label left out: a subsection that was only
relettered is the same provision, and its new label must be explained by a
deletion or insertion beside it (``check_labels``), never taken on trust.
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..citation import name_path
from ..document import Provision
from ..errors import ConformedError

SIMILAR = 0.5  # share of words in common for two provisions to be one provision amended
Key = tuple[object, ...]


class ReverseError(ConformedError):
    """BASE cannot be turned into EDITED by an amendment we know how to draft."""


@dataclass(frozen=True)
class Pair:
    """One provision of BASE, of EDITED, or of both (the same provision, perhaps amended)."""

    base: Provision | None
    edited: Provision | None

    @property
    def same(self) -> bool:
        return (
            self.base is not None
            and self.edited is not None
            and content_key(self.base) == content_key(self.edited)
        )


def fold(text: str) -> str:
    return " ".join(text.split())


def head_key(node: Provision) -> tuple[str, str, str]:
    """The provision's own words: heading, text and trailing text, whitespace folded."""
    text, trailing = fold(node.text), fold(node.trailing)
    if not node.children:  # text after an address block may be read as trailing or not
        text, trailing = fold(f"{text} {trailing}"), ""
    return (fold(node.heading), text, trailing)


def content_key(node: Provision) -> Key:
    """Everything but the provision's own label; children keep theirs (by value, so a
    dotted prefix that follows the parent's renumbering does not count as a change)."""
    children = tuple(
        ((c.label.style.value, c.label.value) if c.label else None, content_key(c))
        for c in node.children
    )
    return (*head_key(node), children)


def similarity(a: Provision, b: Provision) -> float:
    """Words in common over the longer text, 0.0 to 1.0: of the whole provisions, or of
    their own words alone (heading and lead-in), whichever is higher, so that a Section
    whose subsections changed is still recognised by its heading and lead-in."""
    whole = _ratio(_words(a), _words(b))
    own_a, own_b = " ".join(head_key(a)).lower(), " ".join(head_key(b)).lower()
    return max(whole, _ratio(own_a, own_b)) if own_a.strip() and own_b.strip() else whole


def _ratio(a: str, b: str) -> float:
    wa, wb = Counter(a.split()), Counter(b.split())
    longest = max(sum(wa.values()), sum(wb.values()))
    return sum((wa & wb).values()) / longest if longest else 1.0


def _words(node: Provision) -> str:
    parts = [node.heading, node.text, *(_words(c) for c in node.children), node.trailing]
    return " ".join(p for p in parts if p).lower()


def align(base: Sequence[Provision], edited: Sequence[Provision]) -> list[Pair]:
    """The two sibling lists merged in reading order.  Equal runs pair by content; inside
    a changed stretch of equal length the provisions pair by position (each one amended),
    otherwise by word similarity in order, the rest deleted (first) or inserted."""
    keys_b = [content_key(p) for p in base]
    keys_e = [content_key(p) for p in edited]
    out: list[Pair] = []
    matcher = difflib.SequenceMatcher(None, keys_b, keys_e, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = list(base[i1:i2]), list(edited[j1:j2])
        if op == "equal" or len(olds) == len(news):
            out += [Pair(b, e) for b, e in zip(olds, news, strict=True)]
        else:
            out += _pair_by_similarity(olds, news)
    return out


def _pair_by_similarity(olds: list[Provision], news: list[Provision]) -> list[Pair]:
    """The order-keeping pairing with the most words in common (pairs under SIMILAR are
    not pairs), by dynamic programming: the lists are a handful of provisions long."""
    n, m = len(olds), len(news)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            sim = similarity(olds[i], news[j])
            paired = sim + score[i + 1][j + 1] if sim >= SIMILAR else -1.0
            score[i][j] = max(paired, score[i + 1][j], score[i][j + 1])
    out: list[Pair] = []
    i = j = 0
    dropped: list[Provision] = []
    added: list[Provision] = []
    while i < n and j < m:
        sim = similarity(olds[i], news[j])
        if sim >= SIMILAR and score[i][j] == sim + score[i + 1][j + 1]:
            out += [Pair(d, None) for d in dropped] + [Pair(None, a) for a in added]
            out.append(Pair(olds[i], news[j]))
            dropped, added = [], []
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            dropped.append(olds[i])
            i += 1
        else:
            added.append(news[j])
            j += 1
    dropped += olds[i:]
    added += news[j:]
    return out + [Pair(d, None) for d in dropped] + [Pair(None, a) for a in added]


def check_labels(pairs: list[Pair], parent: list[str], where: str) -> None:
    """Labels may change only where a provision is deleted or inserted beside them, and
    then they must run on without a gap, as renumbering leaves them."""
    changed = any(p.base is None or p.edited is None for p in pairs)
    kept = [p for p in pairs if p.base is not None and p.edited is not None]
    if not changed:
        for p in kept:
            assert p.base is not None and p.edited is not None
            if p.base.label_text != p.edited.label_text:
                was = name_path([*parent, p.base.label_text])
                now = name_path([*parent, p.edited.label_text])
                raise ReverseError(
                    f"{was} of BASE is {now} in EDITED, but no provision is deleted or "
                    f"inserted {where}: an amendment does not renumber on its own"
                )
        return
    labels = [p.edited.label for p in pairs if p.edited is not None]
    for before, after in itertools.pairwise(labels):
        if before and after and after.value != before.value + 1:
            raise ReverseError(
                f"{name_path([*parent, after.text])} follows {name_path([*parent, before.text])} "
                f"{where} in EDITED: a deletion or insertion renumbers the rest without gaps "
                '(a provision deleted without renumbering reads "[Intentionally Omitted]")'
            )
