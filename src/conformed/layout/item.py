"""An amendment's items as values: what each says, where it is, and the new text it carries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..citation import from_roman
from ..errors import AmendmentError
from ..lazy_re import lazy_re
from .convention import CONVENTION
from .payload import OWN_ITEMS_LEAD


class ItemStructureError(AmendmentError):
    """Items are missing, out of order, or outside any item."""

    reason = "structure"

    def __init__(self, message: str, *, item: str = "", line: int = 0) -> None:
        super().__init__(message, item=item)
        self.line = line


@dataclass(frozen=True)
class Item:
    number: str  # as printed: "6", "1.a", "1.a.(3)"; "¶1" for an unnumbered operative paragraph
    instruction: str  # whitespace-folded, new text replaced by PAYLOAD_MARK
    payload: str | None  # the new text (quoted: without its outer quotes)
    text: str  # the item as printed, whitespace-folded, for messages
    line: int  # 1-based line of the source where the item starts
    children: tuple[Item, ...] = ()
    quoted: bool = True
    notes: tuple[str, ...] = ()  # how the item was read, for the report's warnings
    payload2: str | None = None  # "previously read: "old" now reads: "new"": the new text
    standalone: bool = False  # an item with sub-items that amends in its own words too
    end_line: int = 0  # the last line of the item, its new text included
    article: str = ""  # the title of the ARTICLE over it ("REPRESENTATIONS AND WARRANTIES")

    def leaves(self, ancestors: tuple[Item, ...] = ()) -> list[tuple[Item, tuple[Item, ...]]]:
        """The items that are applied, each with the items that contain it."""
        if not self.children:
            return [(self, ancestors)]
        own = [(replace(self, children=()), ancestors)] if self.standalone else []
        return own + [leaf for c in self.children for leaf in c.leaves((*ancestors, self))]


TEXT, NEW, NEW2 = "text", "payload", "payload2"


@dataclass
class Info:
    """What the reader knows of one item while it reads."""

    number: str
    start: int
    line: int
    pieces: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start, end)
    quoted: bool = True
    notes: list[str] = field(default_factory=list)
    end: int = 0
    since: int = 0  # text before this is a generic lead the instruction replaced


_UNIT = lazy_re(rf"^(?:{CONVENTION.lead_unit})", re.IGNORECASE)


# A sentence ends at a stop; a run-in label ("... 2023" 2.1.2 Annex A is amended as follows:")
# begins one too, so that only the lead itself is dropped, never the edit before it.
_SENTENCE_OR_LABEL = lazy_re(r"(?<=[.;])\s+(?=[A-Z(\"\u201c])|\s+(?=\d{1,3}(?:\.\d{1,3})+\s+[A-Z])")


_BY_ENDS = lazy_re(
    r"\b(?:amended|modified|supplemented)\s+(?:as\s+follows\s+)?by\s*$", re.IGNORECASE
)


def _without_lead(text: str) -> str:
    """An item's own words without the sentence that only introduces its sub-items
    ("... is hereby amended as follows:"): what is left amends in its own right or not."""
    sentences = _SENTENCE_OR_LABEL.split(text.strip())
    if sentences and (
        sentences[-1].rstrip().endswith(":")
        or _BY_ENDS.search(sentences[-1])
        or OWN_ITEMS_LEAD.search(sentences[-1])
    ):  # ("... is hereby amended by" / "(a) deleting ...": its lead; "... amended in
        sentences = sentences[:-1]  # accordance with Sections 2.1.1 through 2.1.3.": its items)
    return " ".join(sentences)


def item_number(parent: str, token: str) -> str:
    """ "1" + "a." -> "1.a"; "1.a" + "(3)" -> "1.a.(3)"; "SECTION 2.1" under "2" -> "2.1"."""
    own = _UNIT.sub("", token.strip()).strip().rstrip(".:")  # "1." -> "1", "FIRST:" -> "FIRST"
    if own.endswith(")") and own[:-1].isdigit():
        own = own[:-1]  # "2)" is item 2, as "2." is
    if parent and own.startswith(f"{parent}."):
        return own
    head = own.split(".")[0]
    if "." in own and head.isdigit() and from_roman(parent.rsplit(".", 1)[-1].lower()) == int(head):
        return own  # "2.1" under "SECTION II.": the number already names its parent
    return f"{parent}.{own}" if parent else own


@dataclass
class ItemsRead:
    items: list[Item]
    problems: list[AmendmentError]
