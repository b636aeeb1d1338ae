"""A parsed amendment is a value of its own: parse, then apply.  It copies and pickles as
any value does (a batch worker or a cache may hold it), captions kept with what they name."""

from __future__ import annotations

import copy
import pickle

from conformed.amendment import parse_amendment
from conformed.parsed import parse_instructions

AMENDMENT = """FIRST AMENDMENT TO KILN RENTAL AGREEMENT

This First Amendment amends the Kiln Rental Agreement between Ember Works LLC and Potter
Guild Inc. (the "Agreement").

1. Sections 2 (Firing Hours) and 3 (Insurance) of the Agreement are hereby deleted in their
entirety.

2. Section 4 of the Agreement, entitled "Cleaning", is hereby amended by deleting the words
"each week" and inserting in lieu thereof the words "each day".
"""


def test_a_parsed_amendment_with_captions_copies_and_pickles() -> None:
    parsed = parse_instructions(parse_amendment(AMENDMENT, source="first.txt"))
    changes = [op for item in parsed.items for op in _operations(item)]
    named = [pair for c in changes for pair in c.selector.named]
    assert ("Section 2", "(Firing Hours)") in named
    assert ("Section 4", '"Cleaning"') in named
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert copy.deepcopy(parsed) == parsed


def _operations(item: object) -> list:  # type: ignore[type-arg]
    op = getattr(item, "operation", None)
    return list(getattr(op, "steps", None) or ([op] if op is not None else []))
