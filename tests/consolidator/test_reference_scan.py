"""The stale-reference check finds, from unit words' first letters, what _REF finds anywhere."""

from __future__ import annotations

import pytest

from conformed.consolidator.references import _REF, _references
from helpers import CORPUS

SAMPLES = [
    "as set forth in Sections 4, 5 and 6 and subsection (b) of PART 3 hereof",
    "Sec. 2.1(a), Para. 7, \u00a7\u00a7 3 through 5, \u00a7 9, Sub-paragraph (ii) or Items 2",
    "the second Secured Party, subject to Clauses 1.1 to 1.3; itemSection 4; xSection 5",
    "SECTION 12. and Section 13.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_same_references_as_finditer(text: str) -> None:
    assert [m.span() for m in _references(text)] == [m.span() for m in _REF.finditer(text)]


def test_same_references_across_the_corpus() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = [m.span() for m in _references(text)]
        assert found == [m.span() for m in _REF.finditer(text)], path.name


def test_same_references_in_text_that_is_not_ascii() -> None:
    """Text with other characters is scanned as it is, not in lower case."""
    for text in ["\u00a7 3 and \u017fection 4, Sections 5(a) and (b)", "x\u00a7 3; \u0130tems 2"]:
        assert [m.span() for m in _references(text)] == [m.span() for m in _REF.finditer(text)]


def test_same_references_in_corpus_texts_upper_and_lower_case() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        for text in (path.read_text(encoding="utf-8").upper(), path.read_text("utf-8").lower()):
            found = [m.span() for m in _references(text)]
            assert found == [m.span() for m in _REF.finditer(text)], path.name
