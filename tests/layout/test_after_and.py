"""The pattern for "...; and e. Any other" finds a token where the look-behind-first form did."""

from __future__ import annotations

import re

import pytest

from conformed.layout.items import _after_and

TEXT = (
    "the Borrower shall deliver: a. the notes; b. the mortgage, c. the title policy; and "
    "d. Any other documents, or (ii) \u201cBy-laws\u201d and (ii) (Other; e.  Final; "
    "e.Joined and 10. Ten, 10.  Ten or 1. One"
)


def _look_behind_first(token: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?<=[;,]\s)|(?<=\sand\s)|(?<=\sor\s)){re.escape(token)}\s+(?=[A-Z\"\u201c(])"
    )


@pytest.mark.parametrize("token", ["a.", "b.", "c.", "d.", "e.", "(ii)", "10.", "1.", "0."])
def test_same_matches_from_every_start(token: str) -> None:
    ours, theirs = _after_and(token), _look_behind_first(token)
    for start in range(len(TEXT)):
        for end in (len(TEXT), start + 20):
            a, b = ours.search(TEXT, start, end), theirs.search(TEXT, start, end)
            assert (a and a.span()) == (b and b.span()), (start, end)
