"""A passage printed twice in a row is read once.

Some conversions of a filing to text print each page, or each paragraph, twice: once
run together on a few long lines, then again with its line breaks (or the paragraph's
text once after its label and again on the lines below).  Read as printed, every
instruction on such a page is an item printed twice and the amendment fails as badly
numbered.  A drafter does not repeat eighty words word for word in a row, so a passage
that is followed at once by the same words is one passage printed twice: one print is
set aside, and the amendment says so in its warnings.

The print set aside is one that occupies whole lines, the one with fewer line breaks
where both do (the other keeps the layout's structure); where neither does, the second
print is cut out of its lines.  A set-aside line becomes a page-break mark, so every
other line keeps its number in the file and a paragraph runs on across it as across a
page break.  (:func:`blank_reprints` is the same idea for one
line printed again after its label.)
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from ..lazy_re import lazy_re
from .lines import LEAD

MIN_WORDS = 80  # the shortest passage taken for a reprint
_SHINGLE = 12  # words hashed together to find a passage seen before
# a passage's distinct words: a page has many; rows or signature blocks repeated alike, few
# (forty "By: / Name: / Title:" blocks are no page printed twice)
_DISTINCT = MIN_WORDS // 2
_WORD = lazy_re(r"\S+")


@dataclass(frozen=True)
class Reprint:
    """A passage printed twice: the character spans of both prints, and which was set aside."""

    first: tuple[int, int]
    second: tuple[int, int]
    dropped: tuple[int, int]
    words: int

    @property
    def kept(self) -> tuple[int, int]:
        return self.second if self.dropped == self.first else self.first


def find_reprints(text: str) -> list[Reprint]:
    """Every passage of at least ``MIN_WORDS`` words followed at once by the same words.

    Linear in the text, whatever it is: runs of words with few different words in them
    ("Nothing here. Nothing here. ...") are never looked at, a candidate is first tried at a
    few runs further on, and the words compared in all are bounded."""
    words = text.split()  # the words _WORD finds (both split at str.isspace), without spans
    n = len(words)
    # each run of words one slice of a joined string (cheaper than a tuple of them); only the
    # runs printed again at least MIN_WORDS words further on are looked at one by one
    joined = " ".join(words)
    at = list(accumulate((len(w) + 1 for w in words), initial=0))
    keys = [joined[at[i] : at[i + _SHINGLE]] for i in range(n - _SHINGLE + 1)]
    last = dict(zip(keys, range(len(keys)), strict=True))
    earliest = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    far = {
        k
        for k, i in earliest.items()
        if last[k] - i >= MIN_WORDS and len(set(k.split())) > _SHINGLE // 2
    }
    found: list[Reprint] = []
    if not far:
        return found
    spans: list[tuple[int, int]] = []  # where each word is: wanted only for a reprint found
    seen: dict[str, int] = {}
    floor, budget = 0, 50 * n + 10_000  # words compared, at most
    for p in [i for i, k in enumerate(keys) if k in far]:
        if p < floor or budget < 0:
            continue
        q = seen.setdefault(keys[p], p)
        size = p - q
        if size < MIN_WORDS or not all(
            keys[q + off] == keys[p + off]  # a few runs further on alike too: cheap, and
            for off in (size // 3, 2 * size // 3, size - _SHINGLE)  # most candidates fail here
            if p + off < len(keys)
        ):
            continue
        budget -= size
        if len(set(words[q:p])) < _DISTINCT:
            continue
        s = q
        while s > floor and words[s - 1] == words[s - 1 + size]:
            s -= 1
        budget -= q - s
        if s + 2 * size <= n and words[s : s + size] == words[s + size : s + 2 * size]:
            spans = spans or [m.span() for m in _WORD.finditer(text)]
            one = (spans[s][0], spans[s + size - 1][1])
            two = (spans[s + size][0], spans[s + 2 * size - 1][1])
            found.append(Reprint(one, two, _to_drop(text, one, two), size))
            floor = s + 2 * size
            seen = {}
    return found


def _to_drop(text: str, first: tuple[int, int], second: tuple[int, int]) -> tuple[int, int]:
    whole = [span for span in (first, second) if _whole_lines(text, span)]
    if not whole:
        return second
    return min(whole, key=lambda span: (text.count("\n", *span), -span[0]))


def _whole_lines(text: str, span: tuple[int, int]) -> bool:
    start, end = span
    line_end = text.find("\n", end)
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after = text[end : len(text) if line_end < 0 else line_end]
    return not before.strip() and not after.strip()


def set_aside_reprints(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with one print of each reprinted passage set aside, and a note for each
    (with the line the print read starts on).  A passage printed three times in a row (after
    its label, run together, with its line breaks) is two pairs: the search is made again
    over what is left until it finds nothing (a few times at most: each is linear)."""
    notes: list[tuple[int, str]] = []
    for _ in range(_PASSES):
        text, found = _set_aside_once(text)
        notes += found
        if not found:
            break
    return text, notes


_PASSES = 4  # searches at most (two suffice for every labelled filing)


def _set_aside_once(text: str) -> tuple[str, list[tuple[int, str]]]:
    if len(text) < MIN_WORDS * 4:
        return text, []
    reprints = find_reprints(text)
    if not reprints:
        return text, []
    notes = []
    for r in reprints:
        said = (
            f"{_lines(text, r.first)} and {_lines(text, r.second)} print the same {r.words} "
            f"words, word for word: read once, from {_lines(text, r.kept)}"
        )
        notes.append((text.count("\n", 0, r.kept[0]) + 1, said))
    for start, end in sorted((r.dropped for r in reprints), reverse=True):
        text = _cut(text, start, end)
    return text, notes


def _lines(text: str, span: tuple[int, int]) -> str:
    first = text.count("\n", 0, span[0]) + 1
    last = first + text.count("\n", *span)
    return f"lines {first}-{last}" if last > first else f"line {first}"


def _cut(text: str, start: int, end: int) -> str:
    """``text[start:end]`` taken out; each line it held whole becomes a page-break mark."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start].rstrip(), text[end:line_end].strip()
    inner = text.count("\n", start, end)
    if inner == 0:
        joined = " ".join(part for part in (before, after) if part)
        return text[:line_start] + (joined or "\f") + text[line_end:]
    pieces = [before or "\f", *["\f"] * (inner - 1), after or "\f"]
    return text[:line_start] + "\n".join(pieces) + text[line_end:]


def blank_reprints(text: str) -> str:
    """A paragraph printed twice, once after its label and at once again without it (how
    some filings' list markers come out when converted to text), is one paragraph: the
    second print is blanked, so the labelled one is read once and every line keeps its
    number.  Only a line of at least 20 characters repeated word for word is a reprint."""
    lines = text.split("\n")
    after_label = ""  # the previous line's words after its label
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        words = " ".join(line.split())
        if after_label and words == after_label:
            lines[i], after_label = "", ""
            continue
        m = LEAD.match(words)
        after_label = words[m.end() :].strip() if m else ""
        if len(after_label) < 20:
            after_label = ""
    return "\n".join(lines)
