"""Provisions named in a list below the instruction, read into it.

A supplemental indenture that strips covenants, or an amendment that deletes a run of
provisions, often names them in a list set out under the sentence::

    The Indenture is hereby amended by deleting the following Sections in their
    entirety and, in each case, inserting in lieu thereof "[Intentionally Omitted]":

        Section 4.05 (Taxes);
        Section 4.07 (Restricted Payments); and
        Section 4.16 (Additional Guarantees).

The list is no new text: it is the citation the sentence leaves out.  Read into the
sentence ("deleting Sections 4.05, 4.07 and 4.16 in their entirety ..."), each provision
is a change of its own.  Only a list that is every line a citation (a label, an optional
caption in parentheses, the list's own "and" and stops) is read so; anything else stays
the item's new text, and the sentence fails as before.
"""

from __future__ import annotations

import re

from ..layout.item_patterns import PAGE_FOOT_LINE
from ..layout.items import PAYLOAD_MARK
from ..lazy_re import lazy_re

# a page's foot under the list ("12", "- 3 -", "HOU03:1123457.6"): no entry of it
_PAGE_FOOT = lazy_re(PAGE_FOOT_LINE)

# "the following Sections", "the following provisions of Article IV" (never "the following
# new Sections": those the block sets out)
_FOLLOWING = lazy_re(
    r"\bthe\s+following\s+(?P<unit>sections|subsections|articles|clauses|paragraphs)\b",
    re.IGNORECASE,
)
_ENTRY = lazy_re(
    r"(?:\([a-z0-9]{1,4}\)|[-\u2022*])?\s*"  # a bullet the list may print: "(a)", "-"
    r"(?P<unit>(?:Sub)?(?:Sections?|Articles?|Clauses?|Paragraphs?)\s+)?"
    r"(?P<label>\d{1,3}(?:\.\d{1,3})*[A-Z]?(?:\([A-Za-z0-9]{1,4}\))*)"
    r"\s*(?:\([^()]{1,120}\))?\s*[;,.]?\s*(?:and|or)?\s*",
    re.IGNORECASE,
)
_MARK = lazy_re(rf"\s*:?\s*{re.escape(PAYLOAD_MARK)}\s*")


def citations_listed(instruction: str, payload: str | None) -> str | None:
    """The instruction with the provisions its block lists read into it, or None where
    the block is no such list or the sentence does not say "the following Sections"."""
    if not payload or instruction.count(PAYLOAD_MARK) != 1:
        return None
    following = _FOLLOWING.search(instruction)
    if following is None or following.start() > instruction.index(PAYLOAD_MARK):
        return None
    entries = [
        e
        for e in re.split(r"\n|;", _captions_on_one_line(payload))
        if e.strip() not in ("", "and", "or") and not _PAGE_FOOT.fullmatch(e.strip())
    ]
    labels = []
    for entry in entries:
        m = _ENTRY.fullmatch(entry.strip())
        if m is None:
            return None
        labels.append(m["label"])
    if len(labels) < 2 or len(set(labels)) != len(labels):
        return None
    named = f"{', '.join(labels[:-1])} and {labels[-1]}"
    said = f"{instruction[: following.start()]}{following['unit']} {named}"
    rest = _MARK.sub(" ", instruction[following.end() :]).rstrip()
    return f"{said}{rest}" if rest.endswith(".") else f"{said}{rest}."


# a bullet alone on its line, its entry on the next ("(a)" / "Section 4.03 (Reports);")
_BULLET_ALONE = lazy_re(r"(?m)^([^\S\n]*\([a-z0-9]{1,4}\))[^\S\n]*\n\s*")


def _captions_on_one_line(text: str) -> str:
    """ "Section 4.08 (Dividend and Other Payment Restrictions Affecting" / "Subsidiaries);":
    a caption wrapped onto the next line is still its entry's, and so is a bullet printed
    on a line of its own."""
    text = _BULLET_ALONE.sub(r"\1 ", text)
    out, depth = [], 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        out.append(" " if ch == "\n" and depth > 0 else ch)
    return "".join(out)
