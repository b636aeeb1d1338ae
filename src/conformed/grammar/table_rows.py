"""Changes set out in a table under the item: one row per provision, what is done to it beside.

    2.4  The Agreement is further amended as set out in the table below:

         Clause of the Agreement    Amendment
         9.2                        Delete "thirty (30) days" and substitute "forty-five (45) days".
         11.1(c)                    Delete in its entirety.

Converted to text, the table's cells come one per line: a row is a line that is only a
citation ("9.2", "Clause 11.1(c)", "Schedule 2 (Prices)") and the lines after it, up to the
next such line, are what is done to it.  Each row is read as an item headed by its
provision ("Clause 9.2: Delete ..."), whose words speak of that provision.  A block that is
not every row so made, each saying what is done, is no table of changes (a rent table set out
as new text is not), and stays the item's new text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..layout.convention import CONVENTION
from ..layout.items import PAYLOAD_MARK, Item
from ..layout.row_heads import DELETED_WHOLE
from ..lazy_re import lazy_re
from ..sentences import split_sentences
from .no_text_change import IMPERATIVE, OPERATIVE

# "... as set out in the table below:", "... in the manner set forth in the following table:"
TABLE_LEAD = lazy_re(
    r"\b(?:in|on)\s+the\s+(?:table\s+(?:below|set\s+(?:out|forth)\s+below)|following\s+table)"
    rf"[^«]{{0,40}}:?\s*{re.escape(PAYLOAD_MARK)}\s*\.?\s*$",
    re.IGNORECASE,
)
# the drafting convention's unit words (Section, Clause, Paragraph, Article ...) and attachments
_UNIT = CONVENTION.unit_pattern()
_CITE_ROW = lazy_re(
    rf"(?P<unit>{_UNIT}\s+)?(?P<label>(?:\d{{1,3}}(?:\.\d{{1,3}})*[A-Z]?|[A-Z]{{1,2}}(?:-\d)?)"
    r"(?:\([A-Za-z0-9]{1,4}\))*)(?:\s+\([A-Z][^()]{0,60}\))?",
    re.IGNORECASE,
)
_HEADER_UNIT = lazy_re(rf"\b({CONVENTION.unit_pattern('section', 'article')})", re.IGNORECASE)


def table_rows(payload: str) -> list[tuple[str, str]] | None:
    """(provision, what is done to it) for each row of the table, or None where the block
    is no table of changes (fewer than two rows, a row with nothing done, or lines before
    the first row that are more than a header)."""
    lines = [" ".join(line.split()) for line in payload.splitlines() if line.strip()]
    first = next((i for i, line in enumerate(lines) if _is_cite(line)), None)
    if first is None or first > 3 or any(len(h.split()) > 6 for h in lines[:first]):
        return None
    header = " ".join(lines[:first])
    unit = _HEADER_UNIT.search(header)
    rows: list[tuple[str, list[str]]] = []
    for line in lines[first:]:
        if _is_cite(line):
            m = _CITE_ROW.fullmatch(line)
            assert m is not None
            said = m["unit"] or f"{unit.group(1).capitalize() if unit else 'Section'} "
            rows.append((f"{said.strip()} {m['label']}", []))
        else:
            rows[-1][1].append(line)
    if len(rows) < 2 or any(not words for _, words in rows):
        return None
    said = [(cite, " ".join(words)) for cite, words in rows]
    if not all(_changes(text) for _, text in said):
        return None  # a table of figures set out as new text ("Lease Year", "Monthly Rent")
    return said


def _changes(text: str) -> bool:
    """Words that say what is done to the row's provision: "Delete ...", "... is replaced
    with ...", "Deleted in its entirety."."""
    return bool(IMPERATIVE.match(text) or OPERATIVE.search(text) or DELETED_WHOLE.fullmatch(text))


def _is_cite(line: str) -> bool:
    m = _CITE_ROW.fullmatch(line)
    return m is not None and (m["unit"] is not None or any(c.isdigit() for c in m["label"]))


def rows_as_items(item: Item) -> list[Item] | None:
    """The item's table read as items headed by their provisions, or None if it has none."""
    if not item.payload or TABLE_LEAD.search(item.instruction) is None:
        return None
    rows = table_rows(item.payload)
    if rows is None:
        return None
    read = [
        replace(item, instruction=f"{cite}: {said}", payload=None, text=f"{cite} {said}")
        for cite, said in rows
    ]
    # the item's own sentences before the one that leads into the table: one that amends
    # ("Clause 2.1(b) is deleted. The Agreement is further amended as set out in the table
    # below:") is read too, never dropped with the lead
    own = [s for s in split_sentences(item.instruction) if TABLE_LEAD.search(s) is None]
    if any(_changes(s) for s in own):
        read.insert(0, replace(item, instruction=" ".join(own), payload=None))
    return read
