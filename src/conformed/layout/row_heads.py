"""A schedule of amendments' rows: the provision on the row's first line, the change under it.

    1.    Section 1.1 - "Approved Facility"
          The definition of "Approved Facility" is deleted and replaced with the following: ...
    3.    Section 1.1 - "Firm Order", clause (b)
          In clause (b), delete "ninety (90) days" and substitute "sixty (60) days".
    4.    Section 1.1 - "Minimum Batch Quantity"
          Deleted in its entirety.

A schedule so laid out (a table converted to text) names the provision in its first column
and says what is done to it in the second, often without naming it again.  Each row is read
as a sub-item of "<the provision> is hereby amended as follows:", so that what it says is
said of that provision (as a sub-item's words are of what its umbrella names); "Deleted in
its entirety." deletes it.  A first line that is no such head leaves the row as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lazy_re import lazy_re
from .convention import CONVENTION
from .item import Item
from .lines import LEAD

_UNIT = CONVENTION.unit_pattern()
# "Section 1.1", "Section 3.2 (Rolling Forecast)", "Section 1.1 - "Firm Order", clause (b)",
# "Section 3.2 (Rolling Forecast), second sentence", "Section 1.1 - new definitions"
_HEAD = lazy_re(
    rf"(?P<cite>(?i:{_UNIT})\s+[\w.\-]+(?:\([A-Za-z0-9]{{1,4}}\))*)(?:\s*\([A-Z][^()]{{0,60}}\))?"
    r"(?:\s*[-\u2013\u2014]\s*(?:\"(?P<term>[^\"]{1,80})\"|new\s+definitions?))?"
    r"(?:\s*,\s*(?P<part>(?:the\s+)?(?:(?:first|second|third|fourth|fifth|last)\s+(?:sentence|paragraph)"
    r"|proviso|(?:clause|paragraph|subsection)\s+\([A-Za-z0-9]{1,4}\))))?"
)
# "Deleted in its entirety.", "Delete.", said of the provision a head names (interpret.py too)
DELETED_WHOLE = lazy_re(r"(?i)(?:is\s+(?:hereby\s+)?)?deleted?(?:\s+in\s+its\s+entirety)?\.?")


def with_row_heads(rows: list[Item], text: str) -> list[Item]:
    """Each row whose first line is the head of the provision it changes, read under it."""
    lines = text.split("\n")
    return [_headed(row, lines) for row in rows]


def _headed(row: Item, lines: list[str]) -> Item:
    if row.children or not 0 < row.line <= len(lines):
        return row
    first = " ".join(lines[row.line - 1].split())
    label = LEAD.match(first)
    head = first[label.end() :].strip() if label else ""
    if not head or not row.instruction.startswith(head):
        return row
    said = row.instruction[len(head) :].strip()
    if not said[:1].isupper():
        return row  # the head's line goes on into the row's sentence
    if _NEW.match(head):
        return replace(row, instruction=said)  # "New Section 7.6": the row names it again
    m = _HEAD.fullmatch(head)
    if m is None:
        return row
    subject = m["cite"]
    own = _OWN_LAST.search(subject)
    if own and re.search(rf"(?i)\b(?:sub)?(?:clause|section|paragraph)\s+\({own[1]}\)", said):
        subject = subject[: own.start()]  # "Section 4.1(c)": "Clause (c) is deleted ..."
    if m["term"]:
        subject = f'the definition of "{m["term"]}" in {subject}'
    # (a part the head names after a comma, "clause (b)", "second sentence", the row names
    # again: "In clause (b), delete ...", "The second sentence is deleted ...")
    subject = f"{subject[:1].upper()}{subject[1:]}"
    if DELETED_WHOLE.fullmatch(said) and not m["part"]:
        return replace(row, instruction=f"{subject} is hereby deleted in its entirety.")
    if _PARTICIPLE.match(said) and not m["part"]:
        return replace(row, instruction=f"{subject} is {said[:1].lower()}{said[1:]}")
    umbrella = f"{subject} is hereby amended as follows:"
    return replace(
        row, instruction=umbrella, payload=None, children=(replace(row, instruction=said),)
    )


_NEW = lazy_re(rf"(?i:new)\s+(?i:{_UNIT})\s+\S")
_OWN_LAST = lazy_re(r"\(([A-Za-z0-9]{1,4})\)$")
# "Amended to provide that ...", "Restated in its entirety as follows:": the verb of a
# sentence whose subject is the head
_PARTICIPLE = lazy_re(r"(?:Amended|Restated|Replaced|Modified|Deleted\s+and\s+replaced)\b")
