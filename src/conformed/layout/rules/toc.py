"""A table of contents: front matter, never provisions.

It opens with "TABLE OF CONTENTS" / "CONTENTS" / "INDEX", or is simply a run
of lines that end in page numbers or dot leaders.  It runs for as long as its
lines look like entries: a label or a title ending in a page number, a dotted
leader, the "Page" column head, an entry wrapped over two lines, or the list
of exhibits and schedules that often closes it.
"""

from __future__ import annotations

import re

from ...lazy_re import lazy_re
from ..convention import CONVENTION

_TITLE = lazy_re(r"^\s*(?:TABLE\s+OF\s+CONTENTS|CONTENTS|INDEX)\s*$", re.IGNORECASE)
# The ASCII characters _TITLE's line may begin with (after white space), in either case;
# a non-ASCII one (a case-folded i) is left to the pattern.
_TITLE_FIRST = frozenset("TtCcIi")
_ENTRY = lazy_re(r"(?:\.\s?){3,}\s*\d*\s*$|\S\s{2,}\d{1,3}\s*$|\S\s+\d{1,3}$")
_PAGE_HEAD = lazy_re(r"^\s*(?:Page|PAGE|Section|SECTION|Article|ARTICLE)\s*$")
_ATTACHMENT = lazy_re(
    rf"^\s*{CONVENTION.attachment_unit}\s+[\w.\-]+\s*(?:[-\u2013\u2014:]|$)", re.I
)
_LABEL = lazy_re(rf"^\s*(?:{CONVENTION.lead_unit})?(?:\d+(?:\.\d+)*\.?|[IVX]+\.?)\s")


def find_toc(raw_lines: list[str], skip: set[int]) -> tuple[int, int] | None:
    """The first and last line index of the table of contents, if the document has one."""
    for i, raw in enumerate(raw_lines[: max(1, len(raw_lines) // 2)]):
        first = raw.lstrip()[:1]
        if first.isascii() and first not in _TITLE_FIRST:
            continue  # most lines: ruled out by their first character, before the pattern
        if _TITLE.match(raw):
            end = _extent(raw_lines, i + 1, skip)
            return (i, end) if end > i else None
    return None


def _extent(raw_lines: list[str], start: int, skip: set[int]) -> int:
    """The last line of entries after ``start``: stop at the first prose paragraph."""
    last = start - 1
    prose = 0
    for i in range(start, len(raw_lines)):
        raw = raw_lines[i]
        text = raw.strip()
        if not text or i in skip:
            continue
        if _ENTRY.search(text) or _PAGE_HEAD.match(text) or _ATTACHMENT.match(text):
            last, prose = i, 0
            continue
        if _LABEL.match(text) and len(text.split()) <= 14 and not text.endswith((".", ":")):
            last, prose = i, 0  # an entry whose page number is on its next line
            continue
        if len(text.split()) <= 8 and not text.endswith((".", ":", ";")) and i - last <= 2:
            continue  # the second line of a wrapped entry, or an article title
        prose += 1
        if prose >= 1 and len(text.split()) > 8:
            break
    return last
