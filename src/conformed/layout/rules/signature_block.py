"""Where the operative text ends: the signature block, or the page that announces it."""

from __future__ import annotations

import re

from ...lazy_re import lazy_re

# The execution clauses of English and Commonwealth drafting: "Signed for and on behalf of
# ...", "EXECUTED as a deed ...", "This Agreement has been entered into on the date stated
# at the beginning of it.", "AS WITNESS the hands of the parties".  Never a sentence that
# only begins so ("This Agreement has been entered into between the Parties in
# consideration of ..." is a provision's text; "executed by the parties thereto" starts
# many a wrapped line).
EXECUTION = (
    r"(?:signed|executed)\s+(?:and\s+delivered\s+)?as\s+a\s+deed|signed\s+for\s+and\s+on\s+behalf\s+of"
    r"|this\s+(?:agreement|deed|amendment)\s+(?:has|have)\s+been\s+(?:entered\s+into|executed"
    r"(?:\s+as\s+a\s+deed)?(?:\s+and\s+delivered)?)\s+on\s+the\s+date\b"
    r"|as\s+witness\s+the\s+hands?\b"
)
# A plan's or policy's adoption legend after its last provision: "As adopted by the Board of
# Directors on March 4, 2019 and approved by the stockholders on May 16, 2019.", "Approved
# by the Shareholders: June 2, 2021" (a paragraph of its own: see layout/engine.py).
ADOPTION = (
    r"(?:as\s+)?(?:adopted|approved)\s+by\s+the\s+(?:board(?:\s+of\s+directors)?|(?:stock|share)holders)"
    r"\b[^.]{0,40}?(?:\bon\b|\beffective\b|\bas\s+of\b|:)"
)
_END = lazy_re(
    r"^\s*(?:IN\s+WITNESS\s+WHEREOF"
    r"|\[?\s*(?:signature\s+pages?\s+(?:follows?|to\s+follow)|remainder\s+of\s+(?:this\s+)?page"
    r"\s+(?:is\s+)?(?:intentionally\s+)?(?:left\s+)?blank)"
    rf"|{EXECUTION}|{ADOPTION})",
    re.IGNORECASE,
)


def ends_body(raw: str) -> bool:
    return bool(_END.match(raw))
