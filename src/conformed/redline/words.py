"""Word diff inside one aligned pair of texts.

Provisions are aligned first (``align``), so each diff here is one
paragraph: D, the number of edits, stays small however long the document.
Texts are split into word, punctuation and whitespace tokens, so the
segments joined back give each text exactly (no normalisation is hidden in
the diff).

The engine was chosen by measurement (``benchmarks/redline.py --engines``,
this machine, 2 cores; synthetic agreements with 1% of words edited; the
whole ``compare()``, alignment included, so only the engine differs):

================  ==========  ==========  ==========
engine            10k words   150k words  1M words
================  ==========  ==========  ==========
difflib           0.90 s      7.7 s       52 s
fast-diff-match   0.005 s     0.068 s     0.47 s
================  ==========  ==========  ==========

``difflib.SequenceMatcher(autojunk=False)`` is quadratic within a provision
and the long ones (1,000+ words, common in definitions and exhibits)
dominate; fast-diff-match-patch (Myers, C++) is O(N·D).  Both give the same
readable redline on a rewritten sentence.  Tokens are mapped to one
character each (``Codes``, one table per comparison) so the C++ engine
diffs words, not letters; its time limit is off, because with a limit it
silently degrades to "delete everything, insert everything".  ``difflib``
stays as the fallback where the wheel cannot be installed, and common ends
are trimmed before either runs.  ``Differ`` keeps each pair's diff, because
alignment asks for it first (is this the same provision, amended?).
"""

from __future__ import annotations

import difflib
from typing import NamedTuple

from .codes import TOKEN, Codes

try:  # pragma: no cover - exercised where the wheel is missing
    import fast_diff_match_patch as _fdmp
except ImportError:  # pragma: no cover
    _fdmp = None

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
ENGINE = "auto"  # "auto" (the C++ engine if installed), "myers" or "difflib"; for benchmarks


class Segment(NamedTuple):
    """A run of text that is unchanged, inserted or deleted."""

    op: str
    text: str


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text)


def diff_words(
    old: str, new: str, *, engine: str = "auto", codes: Codes | None = None
) -> list[Segment]:
    """Segments that read as ``old`` without the inserts, and ``new`` without the deletes."""
    if old == new:
        return [Segment(EQUAL, old)] if old else []
    if not old:
        return [Segment(INSERT, new)]
    if not new:
        return [Segment(DELETE, old)]
    # Most edits touch a few words of a long paragraph: only the middle is tokenised.
    head, tail = common_ends(old, new)
    x, y = old[head : len(old) - tail], new[head : len(new) - tail]
    engine = ENGINE if engine == "auto" else engine
    if engine == "difflib" or (engine == "auto" and _fdmp is None):
        raw = _difflib(tokenize(x), tokenize(y))
    else:
        raw = _myers(x, y, codes or Codes())
    if head:
        raw.insert(0, Segment(EQUAL, old[:head]))
    if tail:
        raw.append(Segment(EQUAL, old[len(old) - tail :]))
    return tidy(raw)


class Differ:
    """``diff_words`` for one comparison: one token table, each pair diffed once.

    Alignment diffs a pair to learn whether it is the same provision, and the
    edit list needs the same diff; the second asks for it by the same texts.
    """

    def __init__(self) -> None:
        self.codes = Codes()
        self.done: dict[tuple[str, str], tuple[Segment, ...]] = {}

    def __call__(self, old: str, new: str) -> tuple[Segment, ...]:
        segs = self.done.get((old, new))
        if segs is None:
            segs = self.done[old, new] = tuple(diff_words(old, new, codes=self.codes))
        return segs

    @staticmethod
    def shared(segs: tuple[Segment, ...], old: str, new: str) -> float:
        """Share of the longer text left unchanged, in characters."""
        same = sum([len(s.text) for s in segs if s.op == EQUAL])
        return same / max(len(old), len(new), 1)


def common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of a common prefix and suffix that end and start on a token boundary.

    A cut is made just after a whitespace character both texts share, so no
    token is split and the middle tokenises as it would in the whole.
    """
    n = min(len(a), len(b))
    head = _prefix(a, b, n)
    while head > 0 and not a[head - 1].isspace():
        head -= 1
    room = n - head
    # The suffix starts right after a whitespace character inside the shared suffix.
    tail = _suffix(a, b, room) - 1 if room else 0
    while tail > 0 and not a[len(a) - tail - 1].isspace():
        tail -= 1
    return head, max(tail, 0)


def _prefix(a: str, b: str, n: int) -> int:
    """Length of the common prefix, at most ``n``: binary search on C-speed slice compares."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _suffix(a: str, b: str, n: int) -> int:
    """Length of the common suffix, at most ``n`` (as ``_prefix``, without reversed copies)."""
    lo, hi, la, lb = 0, n, len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid :] == b[lb - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _difflib(a: list[str], b: list[str]) -> list[Segment]:
    out: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Segment(EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment(DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment(INSERT, "".join(b[j1:j2])))
    return out


def _myers(old: str, new: str, codes: Codes) -> list[Segment]:
    if not old or not new:
        return [Segment(DELETE if old else INSERT, old or new)] if old or new else []
    x, y = codes.encode(old, new)
    try:
        ops = _fdmp.diff(x, y, timelimit=0, checklines=False, cleanup="No", counts_only=True)
    except ValueError:  # pragma: no cover - astral characters on Windows builds
        return _difflib(tokenize(old), tokenize(new))
    tokens = codes.tokens
    out: list[Segment] = []
    i = j = 0
    for op, n in ops:
        if op == "=":
            out.append(Segment(EQUAL, x[i : i + n].translate(tokens)))
            i, j = i + n, j + n
        elif op == "-":
            out.append(Segment(DELETE, x[i : i + n].translate(tokens)))
            i += n
        else:
            out.append(Segment(INSERT, y[j : j + n].translate(tokens)))
            j += n
    return out


def tidy(segments: list[Segment]) -> list[Segment]:
    """Readable segments: small islands of equal words inside a rewrite join it.

    "~~a~~__c__ the ~~b~~__d__" reads as one change, "~~a the b~~__c the d__"
    (the island is deleted and inserted, so both texts are kept exactly),
    when the island has no more words than the changes on either side: the
    semantic clean-up of diff-match-patch, counted in words.  A change that
    grew by joining is weighed again against the island before it, so the
    result does not depend on where the diff happened to cut.  A rewritten
    clause then reads as struck and replaced rather than as confetti.  An
    island between two deletions (or two insertions) only stays.  Deletes
    lead, and runs of one operation are merged.
    """
    blocks: list[tuple[str, str, str]] = []  # (equal text, deleted, inserted)
    for seg in segments:
        if seg.op == EQUAL:
            blocks.append((seg.text, "", ""))
        elif blocks and not blocks[-1][0]:
            _, d, i = blocks[-1]
            blocks[-1] = ("", d + seg.text, i) if seg.op == DELETE else ("", d, i + seg.text)
        else:
            blocks.append(("", seg.text, "") if seg.op == DELETE else ("", "", seg.text))
    merged: list[tuple[str, str, str]] = []
    for block in blocks:
        if block[0] and merged and merged[-1][0]:
            merged[-1] = (merged[-1][0] + block[0], "", "")
            continue
        merged.append(block)
        # A joined change may now outweigh the island before it: join back while one does.
        while len(merged) >= 3 and not merged[-1][0] and merged[-2][0] and not merged[-3][0]:
            (_, d1, i1), (space, _, _), (_, d2, i2) = merged[-3:]
            if not ((d1 or d2) and (i1 or i2)):
                break
            if not _at_most(space, min(_size(merged[-3]), _size(merged[-1]))):
                break
            merged[-3:] = [("", d1 + space + d2, i1 + space + i2)]
    out: list[Segment] = []
    for eq, d, i in merged:
        if eq:
            out.append(Segment(EQUAL, eq))
        if d:
            out.append(Segment(DELETE, d))
        if i:
            out.append(Segment(INSERT, i))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _at_most(text: str, n: int) -> bool:
    """Has ``text`` no more than ``n`` words?  Stops counting after ``n`` (islands can be long)."""
    return len(text.split(None, n)) <= n


def _size(block: tuple[str, str, str]) -> int:
    return max(_words(block[1]), _words(block[2]))


def old_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != INSERT)


def new_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != DELETE)
