"""The guard's quick search for "is hereby amended" finds what the full pattern finds."""

from __future__ import annotations

import pytest

from conformed.grammar.guards import _HEREBY_AMENDED, _hereby_amended

LONG = "word " * 40


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The Borrower shall pay the Lender.",
        "Section 2 is hereby amended by deleting it.",
        f"{LONG}Section 2 is hereby further restated. {LONG}",
        f"A; {LONG}and {LONG} the term is hereby deleted",
        f"is hereby added at the start, {LONG} and again are hereby inserted",
        f"{LONG}{LONG}Mention of this is hereby replaced.",
        "the Thesis hereby amended; xis hereby amended; is  hereby  amended",
        f"{LONG}. is hereby amendedly; Are Hereby Amended {LONG}",
        f"{LONG}The terms Hire and Charter Period are each hereby restated. {LONG}",
    ],
)
def test_same_leftmost_match_as_the_full_pattern(text: str) -> None:
    full = _HEREBY_AMENDED.search(text)
    assert _hereby_amended(text) == (full.group(0) if full else None)
