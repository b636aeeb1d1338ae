"""A page break inside an amendment's new text: a paragraph runs on across it.

The amendment's reader takes page numbers out and leaves a page-break mark in their place
(so that every line keeps its number).  In the new text an item carries, that mark is where
the page ended, not where the restated paragraph does: read as a blank line, it split one
sentence into two paragraphs of the conformed copy, and nothing said so.
"""

from __future__ import annotations

import pytest

from conformed.amendment import parse_amendment
from conformed.consolidator import consolidate
from conformed.io.text import read_text_document, write_text

BASE = """KILN LEASE

1. Premises. The Landlord leases to the Tenant the kiln shed at 4 Clay Pit Road.

2. Use. The Tenant shall fire the kiln no more than three times in any week.

3. Rent. The Tenant shall pay rent of nine hundred dollars ($900) each month.
"""

HEAD = """SECOND AMENDMENT TO KILN LEASE

This Second Amendment is made as of March 3, 2025 between Flint Yard Properties LLC and
Ember Row Ceramics, Inc., who agree to amend the Kiln Lease dated as of June 1, 2021 as
follows:

1. Section 2 of the Lease is hereby amended and restated in its entirety to read as follows:

"2. Use. The Tenant shall fire the kiln no more than four times in any week, shall keep
the shed's doors open while the kiln is firing, and shall not fire the kiln between"""

TAIL = """ten o'clock at night and six o'clock in the morning on any day, nor on any public
holiday."

2. Except as amended hereby, the Lease remains in full force and effect.
"""

BREAKS = {
    "no break": "\n",
    "a page number between blank lines": "\n\n- 2 -\n\n",
    "a page number alone": "\n2\n",
    "a page number and a form feed": "\n\nPage 2 of 3\n\f\n",
}


@pytest.mark.parametrize("page", list(BREAKS.values()), ids=list(BREAKS))
def test_a_page_break_inside_a_restated_paragraph_does_not_end_it(page: str) -> None:
    done = consolidate(read_text_document(BASE), [parse_amendment(HEAD + page + TAIL)])
    assert done.report.ok
    text = write_text(done.document)
    assert "fire the kiln between ten o'clock at night" in " ".join(text.split())
    use = text.split("2. Use.")[1].split("3. Rent.")[0]
    assert "\n\n" not in use.strip()  # one paragraph
