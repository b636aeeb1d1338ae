"""Page artifacts: what the printer added to every page, never the agreement's words.

Page numbers ("5", "- 5 -", "Page 5 of 30", "<PAGE> 5"), and running headers,
footers and legends: a short line printed again and again beside page breaks
("CONFIDENTIAL TREATMENT REQUESTED", "Credit Agreement - Execution Version").
They are dropped from the body (a conformed copy has no pages to number) and
kept in the front and back matter, which are printed as they were.
"""

from __future__ import annotations

import re
from collections import Counter

from ...lazy_re import lazy_re
from ..convention import CONVENTION, NAMING_WORDS
from .signature_block import ends_body

PAGE_NUMBER = lazy_re(
    r"^\s*(?:-\s*)?(?:page\s+)?(?:\d{1,3}|[ivxlc]{1,6})(?:\s+of\s+\d{1,3})?(?:\s*-)?\s*$"
    r"|^\s*<PAGE>\s*\d*\s*$|^\s*\[?\s*(?:page|p\.)\s+\d{1,3}\s*\]?\s*$",
    re.IGNORECASE,
)
# The characters a page number's line may begin with (after white space), in ASCII.
_PAGE_FIRST = frozenset("-<[0123456789pPiIvVxXlLcC")
# ... and the characters it may end with (before white space): a number, a numeral, "-",
# the ">" of "<PAGE>" or the "]" of "[Page 5]".
_PAGE_LAST = frozenset("->]0123456789iIvVxXlLcC")
# Lines a filing service or a redaction stamps on every page, page break or not.
_STAMP = lazy_re(
    r"^\s*(?:Source:\s+\S|Copyright\s+(?:\(C\)|\u00a9)|\[\*+\]\s+Confidential\s+material"
    r"|CONFIDENTIAL\s+TREATMENT\s+REQUESTED)",
    re.IGNORECASE,
)
_DIGITS = lazy_re(r"\d+")
_HEADING_START = lazy_re(
    rf"^(?:{CONVENTION.unit_pattern()})\s|^(?:\(\w{{1,4}}\)|\d+(?:\.\d+)+\.?\s|\d+\.\s)",
    re.IGNORECASE,
)
_ROMAN_ONLY = lazy_re(r"^\s*[ivxlc]{1,6}\s*$", re.IGNORECASE)
_LEGEND_WORDS = lazy_re(
    r"confidential|execution\s+(?:version|copy)|conformed\s+copy|\[\*+\]|omitted|"
    r"agreement|amendment|draft|exhibit\s+\d",
    re.IGNORECASE,
)


def is_page_number(raw: str) -> bool:
    """A line that is only a page number.  A lone roman numeral ("ii") counts only in the
    lower-case forms front matter uses, never "I" or "V", which may be a label."""
    first = raw.lstrip()[:1]
    if first.isascii() and first not in _PAGE_FIRST:
        return False  # asked of every line: most are ruled out by their first character
    last = raw.rstrip()[-1:]
    if last.isascii() and last not in _PAGE_LAST:
        return False  # "provided, ..." begins as "p. 5" may, but ends in a word or a stop
    if not PAGE_NUMBER.match(raw):
        return False
    return not (_ROMAN_ONLY.match(raw) and not raw.strip().islower())


# The ASCII characters a stamp may begin with (after white space), in either case.
_STAMP_FIRST = frozenset("SsCc[")


def _stamped(raw: str) -> bool:
    """Does a stamp open the line?  Most lines are ruled out by their first character; a
    non-ASCII one (a case-folded s) is left to the pattern."""
    first = raw.lstrip()[:1]
    if first.isascii() and first not in _STAMP_FIRST:
        return False
    return _STAMP.match(raw) is not None


# A law firm's document-management number, stamped at the foot of each page:
# "4838-2291-0476.3", "LON-DOCS\\48812376.4", "NY:1234567.2", "#91234567v2", "4861-3307-2215.v6",
# "US_ACTIVE-123456789.4", "NYDOCS01/1187342.4"
# (eight digits or more: never a year's range, a figure or a label; and printed twice or more)
_FILED_AS = lazy_re(
    r"^\s*(?:[A-Z][A-Z0-9_\-]{1,12}[:\\/\-]\s*\\?)?#?\d{4,}(?:[-\\/.]\d{1,6}){0,4}(?:\s*\.?v\.?\s*\d{1,3})?\s*$"
)


_YEARS = lazy_re(r"^\s*(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d\s*$")  # "1999-2000": a year's range


def _filed_as(raw: str) -> bool:
    first = raw.lstrip()[:1]
    if not (first.isdigit() or first.isupper() or first == "#"):
        return False  # asked of every line: most are ruled out by their first character
    if _YEARS.match(raw):
        return False
    return _FILED_AS.match(raw) is not None and sum(c.isdigit() for c in raw) >= 8


# A footer in brackets that names the page or the instrument, printed on every page
# ("[Second Amendment to Guaranty]", "[Signature Page to Credit Agreement]"); never a
# provision's own "[Reserved]" or "[Intentionally Omitted]", which name neither
_BRACKETED = lazy_re(
    rf"^\s*\[[^\[\]\n]{{0,120}}\b(?:Page|{NAMING_WORDS})\b[^\[\]\n]{{0,120}}\]\s*$"
)


def _bracketed(raw: str) -> bool:
    return raw.lstrip()[:1] == "[" and _BRACKETED.match(raw) is not None


def page_marks(raw_lines: list[str]) -> set[int]:
    """Indices of page numbers, and of the stamps printed on every page (a filing
    service's source line, a confidentiality stamp, a document-management number, a
    footer in brackets that names the instrument): lines that are never words of the
    document, whatever page they are on."""
    out = {i for i, raw in enumerate(raw_lines) if is_page_number(raw)}
    stamps = Counter(
        raw.strip() for raw in raw_lines if _stamped(raw) or _filed_as(raw) or _bracketed(raw)
    )
    out |= {i for i, raw in enumerate(raw_lines) if stamps.get(raw.strip(), 0) >= 2}
    return out | _titles_by_page_numbers(raw_lines, out)


# A short line that names the instrument ("Harbor LLC - First Amendment", "Second Amendment
# to Lease"), as a footer prints the amendment's title over its page number
_NAMES_INSTRUMENT = lazy_re(rf"\b(?:{NAMING_WORDS})\b")


def _titles_by_page_numbers(raw_lines: list[str], marks: set[int]) -> set[int]:
    """A footer that prints the instrument's title beside the page number: a short line
    naming it, printed twice or more, every time on the line next to a page number or a
    stamp (blank lines aside).  (Not any running line: amendments' own headings repeat.
    Nor "IN WITNESS WHEREOF, the parties have executed this Agreement as of", which an
    agreement copied after the signatures prints again at a page's top: it ends the body.)"""
    seen: dict[str, list[int]] = {}
    for i, raw in enumerate(raw_lines):
        line = raw.strip()
        if i in marks or not line or len(line) > 80 or line[-1] in ".:;,":
            continue
        if _NAMES_INSTRUMENT.search(line) and not ends_body(line):
            seen.setdefault(line, []).append(i)
    out: set[int] = set()
    for at in seen.values():
        if len(at) >= 2 and all(_beside(raw_lines, i, marks) for i in at):
            out.update(at)
    return out


def _beside(raw_lines: list[str], i: int, marks: set[int]) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(raw_lines) and not raw_lines[j].strip() and abs(j - i) < 3:
            j += step
        if j in marks:
            return True
    return False


def page_artifacts(raw_lines: list[str]) -> set[int]:
    """Indices of page-number lines and of running headers, footers and legends.

    A running line is a short line, not a label or a sentence, printed at least
    three times, each time within two lines of a page number or a form feed, or
    with the page number in it ("16  ISDA 2002", "17  ISDA 2002", ...).
    """
    out = page_marks(raw_lines)
    shapes = _shapes(raw_lines)  # once: every line's is asked for thrice
    counts = Counter(
        shape
        for raw, shape in zip(raw_lines, shapes, strict=True)
        if shape is not None and raw.strip()
    )
    numbered: dict[str, set[str]] = {}  # a running line with the page number in it
    near: Counter[str] = Counter()
    for i, raw in enumerate(raw_lines):
        shape = shapes[i]
        if shape is None or counts[shape] < 3 or not _running(raw.strip()):
            continue
        if "#" in shape:
            numbered.setdefault(shape, set()).add(raw.strip())
        if _beside_break(i, raw_lines, out):
            near[shape] += 1
    running = {t for t, n in near.items() if n >= 3 and n >= counts[t] * 0.6}
    running |= {t for t, seen in numbered.items() if len(seen) >= 3}  # "16  ISDA 2002", "17 ..."
    out |= {i for i, raw in enumerate(raw_lines) if raw.strip() and shapes[i] in running}
    return out


def _shape(raw: str) -> str:
    """A line with its numbers blanked: "Page 5 of 30" and "Page 6 of 30" are one line."""
    return _DIGITS.sub("#", " ".join(raw.split()))


# What a line keeps of its shape without white space, digits or "#", in ASCII (str.split's
# white space; "\n" is kept, to part the lines).
_NOT_KEPT = b"0123456789# \t\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _shapes(raw_lines: list[str]) -> list[str | None]:
    """Each line's shape where at least two other lines may share it, else None.

    Lines of one shape have the same characters once white space, digits and "#" are
    dropped, and in ASCII text those are dropped from all lines at once (bytes.translate),
    so only the lines whose kept characters three lines share are shaped one by one --
    in a whole agreement, a few dozen of some hundreds.  Text with other characters (a
    no-break space, other digits) is shaped line by line."""
    joined = "\n".join(raw_lines)
    kept = (
        joined.encode("ascii").translate(None, _NOT_KEPT).split(b"\n") if joined.isascii() else []
    )
    if len(kept) != len(raw_lines):
        return [_shape(raw) for raw in raw_lines]
    seen = Counter(kept)
    return [_shape(raw) if seen[k] >= 3 else None for raw, k in zip(raw_lines, kept, strict=True)]


def _running(text: str) -> bool:
    if len(text) > 100 or len(text.split()) > 14 or _HEADING_START.match(text):
        return False
    if text[-1:] in ".;," and not _LEGEND_WORDS.search(text):
        return False
    return bool(_LEGEND_WORDS.search(text)) or text.isupper()


def _beside_break(i: int, raw_lines: list[str], numbers: set[int]) -> bool:
    """Within two non-blank lines of a page number (or on a line with a form feed)."""
    if "\f" in raw_lines[i]:
        return True
    for step in (-1, 1):
        seen, j = 0, i + step
        while 0 <= j < len(raw_lines) and seen < 2:
            if j in numbers or "\f" in raw_lines[j]:
                return True
            if raw_lines[j].strip():
                seen += 1
            j += step
    return False
