"""A new definition the item names ("adding a new definition of "Cellar Date" as follows:").

The quoted words name the term the new text defines.  They had been taken for a place ("new
definitions in "Cellar Date"") and the item refused when applied, so the form was understood
and never made; and a new text that defines another term than the one named contradicts the
item, which is refused with both terms named.  The agreement and amendment are invented.
"""

from __future__ import annotations

from conformed.amendment import parse_amendment
from conformed.consolidator import consolidate
from conformed.io.text import read_text_document, write_text

BASE = """CASK STORAGE AGREEMENT

1. Definitions. In this Agreement:

"Bonded Party" means the Keeper.

"Warehouse" means the bonded warehouse at 12 Ferry Lane.

2. Access. No Bonded Party may enter the Warehouse.
"""

HEAD = """FIRST AMENDMENT TO CASK STORAGE AGREEMENT

This First Amendment is made as of May 6, 2025 between Birchmoor Distilling Co. and Ashby Bonded
Stores LLC, who agree to amend the Cask Storage Agreement dated as of January 10, 2023 as follows:

1. Section 1 of the Agreement is hereby amended by adding a new definition of "{named}" as
follows:

"Cellar Date" means May 1 of each year.
"""


def test_the_definition_named_is_added_where_the_alphabet_puts_it() -> None:
    done = consolidate(
        read_text_document(BASE), [parse_amendment(HEAD.format(named="Cellar Date"))]
    )
    assert done.report.ok
    text = write_text(done.document)
    assert (
        text.index('"Bonded Party"')
        < text.index('"Cellar Date" means May 1')
        < text.index('"Warehouse"')
    )


def test_new_text_that_defines_another_term_is_refused() -> None:
    done = consolidate(
        read_text_document(BASE), [parse_amendment(HEAD.format(named="Tasting Date"))]
    )
    item = done.report.amendments[0].items[0]
    assert item.status == "failed"
    assert 'adds the definition of "Tasting Date", but its new text defines "Cellar Date"' in (
        item.message
    )
    assert "Cellar Date" not in write_text(done.document)
