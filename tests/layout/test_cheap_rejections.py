"""Lines and texts turned away before a pattern is tried are those it would not match."""

from __future__ import annotations

import itertools

from conformed.layout.lines import _WRAPPED_UNIT, join_wrapped_units
from conformed.layout.rules.page_artifact import _ROMAN_ONLY, PAGE_NUMBER, is_page_number
from helpers import CORPUS

_TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*.txt"))]


def _page_number_before(raw: str) -> bool:
    """is_page_number as it was: the pattern tried on every line whose first character
    may start a page number."""
    if not PAGE_NUMBER.match(raw):
        return False
    return not (_ROMAN_ONLY.match(raw) and not raw.strip().islower())


def test_page_numbers_as_before() -> None:
    lines = {line for text in _TEXTS for line in text.split("\n")}
    marks = ["", " ", "\t", "\xa0", "-", "<PAGE>", "[", "]", "page", "of", "5", "12", "ii",
             "V", "c", "\u0131", "\u0660", ">", ".", "x"]  # fmt: skip
    lines |= {"".join(p) for p in itertools.product(marks, repeat=3)}
    lines |= {f"{a} {b}" for a, b in itertools.product(["Page 5 of 30", "- 7 -", "iv"], marks)}
    assert [x for x in lines if is_page_number(x) != _page_number_before(x)] == []
    assert sum(map(is_page_number, lines)) > 100  # the test holds page numbers


def test_wrapped_units_joined_as_before() -> None:
    texts = [*_TEXTS, "SECTION\n1.02. Amendment", "x\n  Article \n 4 BASIC", "Sec.\n2 No"]
    for text in texts:
        assert join_wrapped_units(text) == _WRAPPED_UNIT.sub(r"\n\1\2 ", text)
    assert join_wrapped_units(texts[-3]) != texts[-3]
