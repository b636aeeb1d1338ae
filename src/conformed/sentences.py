"""A sentence splitter that knows legal text.

"The second to last sentence in Section 9" only means something if sentences
are counted the way a lawyer counts them: "Treas. Reg. ss.1.409A-1(b)(9)(v)(B)."
ends one sentence, "subject to subsection 2.g. below" does not, "i.e." and
"Inc." and "No. 1" never do, and "Section 5(a). The Company" does.
"""

from __future__ import annotations

from .layout.convention import ATTACHMENT, CONVENTION
from .lazy_re import lazy_re

# Never a sentence end, whatever follows.
ABBREVIATIONS = frozenset(
    [
        "i.e",
        "e.g",
        "cf",
        "viz",
        "vs",
        "v",
        "no",
        "nos",
        "treas",
        "reg",
        "regs",
        "sec",
        "secs",
        "ss",
        "art",
        "arts",
        "para",
        "paras",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "hon",
        "approx",
        "dept",
        "fig",
        "subd",
        "cl",
        "ch",
        "et",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.s.a",
        "p.l",
        "pub",
    ]
)
# End a sentence only when a capitalised word follows that is not a name part.
CORPORATE = frozenset(["inc", "corp", "co", "ltd", "n.a", "l.p", "llc", "plc", "s.a", "b.v", "ag"])

_CANDIDATE = lazy_re(r"[.?!]+['\")\u2019\u201d]*(?=\s+|$)")
_OPENER = lazy_re(r"\s+(?P<next>[\"'`\u201c\u2018(]*)(?P<word>[A-Za-z0-9][\w.\-]*)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, trailing space excluded."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    stop = len(text.rstrip())
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if end <= start or not _is_boundary(text, m.start(), end, stop):
            continue
        spans.append((start, end))
        start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, dot: int, end: int, stop: int) -> bool:
    """``stop`` is where the text's trailing space begins (computed once: linear, not quadratic)."""
    if end >= stop:
        return True
    after = _OPENER.match(text, end)
    if not after:
        return False
    word = after.group("word")
    opener = after.group("next")
    starts_upper = word[0].isupper() or (word[0].isdigit() and bool(opener))
    if not starts_upper:
        return False
    begin = text.rfind(" ", 0, dot) + 1  # the whitespace-delimited token that ends at the dot
    if not text[begin:dot].isprintable():  # other whitespace inside: look character by character
        begin = dot
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
    token = text[begin : dot + 1]
    bare = token.rstrip(".?!").lstrip("(\"'`\u201c\u2018").lower()
    if text[dot] != ".":
        return True
    if bare in ABBREVIATIONS:
        return False
    if bare in ("a.m", "p.m") and _TIME_ZONE.match(text, after.start("word")):
        return False  # "12:01 a.m. Central Time", "5:00 p.m. New York City time": one time
    if bare in CORPORATE:
        # "RCM Technologies, Inc. (the "Company")" continues; "Inc. The" ends.
        return not opener.startswith("(")
    # A capital initial ("John Q. Public") does not end a sentence; a label
    # such as "2.g." or "d." followed by a capitalised word does.
    letter = token.lstrip("(\"'`\u201c\u2018")[:1]
    if len(bare) == 1 and letter.isupper():  # "Schedule A. No Member ...": a schedule's letter
        return _ATTACHMENT_BEFORE.search(text, max(0, begin - 20), begin) is not None
    return True


# What follows a time of day, naming its zone ("Central Time", "New York City time",
# "Eastern Standard Time", "prevailing local time")
_TIME_ZONE = lazy_re(r"(?:[A-Z][a-z]+\s+){1,3}(?i:standard\s+|daylight\s+)?(?i:time)\b")


# The word before a lettered attachment ("Schedule A", "Exhibit B"): its letter is no initial.
_ATTACHMENT_BEFORE = lazy_re(rf"\b(?:{CONVENTION.unit_pattern(ATTACHMENT)})\s+$")
