"""Word diff: segments give back both texts exactly, whichever engine, and read well."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformed.redline.words import (
    DELETE,
    EQUAL,
    INSERT,
    Segment,
    common_ends,
    diff_words,
    new_text,
    old_text,
    tidy,
    tokenize,
)  # fmt: skip

WORDS = [
    "the",
    "Company",
    "shall",
    "pay",
    "5(c)",
    "Section",
    "2.5(b);",
    "Inc.",
    "(the",
    "\u201cTerm\u201d",
]
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", ", ", ". ", "\t"])),
    max_size=40,
).map("".join)


@pytest.mark.parametrize("engine", ["myers", "difflib"])
@settings(max_examples=200, deadline=None)
@given(old=texts, new=texts)
def test_segments_give_back_both_texts(engine: str, old: str, new: str) -> None:
    segs = diff_words(old, new, engine=engine)
    assert old_text(segs) == old and new_text(segs) == new
    assert all(s.text for s in segs)
    assert all(a.op != b.op for a, b in itertools.pairwise(segs))  # runs merged


@given(old=texts, new=texts)
def test_common_ends_cut_on_token_boundaries(old: str, new: str) -> None:
    head, tail = common_ends(old, new)
    assert old[:head] == new[:head] and old[len(old) - tail :] == new[len(new) - tail :]
    assert head + tail <= min(len(old), len(new))
    for text, h, t in ((old, head, tail), (new, head, tail)):
        parts = [text[:h], text[h : len(text) - t], text[len(text) - t :]]
        pieces = [tok for part in parts for tok in tokenize(part) if tok.strip()]
        assert pieces == [tok for tok in tokenize(text) if tok.strip()], "a word was cut"


def test_tokens_split_trailing_punctuation_only() -> None:
    assert tokenize("Section 2.5(b); the Agreement, Inc.") == [
        "Section", " ", "2.5(b)", ";", " ", "the", " ", "Agreement", ",", " ", "Inc", ".",
    ]  # fmt: skip


def test_identical_and_empty() -> None:
    assert diff_words("same text", "same text") == [Segment(EQUAL, "same text")]
    assert diff_words("", "") == []
    assert diff_words("", "new") == [Segment(INSERT, "new")]
    assert diff_words("old", "") == [Segment(DELETE, "old")]


def test_a_lone_space_between_changes_joins_them() -> None:
    raw = [Segment(DELETE, "a"), Segment(INSERT, "c"), Segment(EQUAL, " "),
           Segment(DELETE, "b"), Segment(INSERT, "d")]  # fmt: skip
    assert tidy(raw) == [Segment(DELETE, "a b"), Segment(INSERT, "c d")]


def test_a_lone_space_between_deletions_only_stays() -> None:
    raw = [Segment(DELETE, "a"), Segment(EQUAL, " "), Segment(DELETE, "b")]
    assert tidy(raw) == raw


@pytest.mark.parametrize("engine", ["myers", "difflib"])
def test_a_changed_number_reads_as_words(engine: str) -> None:
    segs = diff_words(
        "within five (5) days of the Date of Termination;",
        "within ten (10) days of the Date of Termination, subject to 5(g);",
        engine=engine,
    )
    assert segs == [
        Segment(EQUAL, "within "),
        Segment(DELETE, "five (5)"),
        Segment(INSERT, "ten (10)"),
        Segment(EQUAL, " days of the Date of Termination"),
        Segment(INSERT, ", subject to 5(g)"),
        Segment(EQUAL, ";"),
    ]


def test_a_small_island_inside_a_rewrite_joins_it() -> None:
    raw = [Segment(DELETE, "five days"), Segment(INSERT, "ten business days"),
           Segment(EQUAL, " of the "), Segment(DELETE, "Date of Termination"),
           Segment(INSERT, "termination of employment")]  # fmt: skip
    assert tidy(raw) == [
        Segment(DELETE, "five days of the Date of Termination"),
        Segment(INSERT, "ten business days of the termination of employment"),
    ]


def test_an_island_longer_than_its_changes_stays() -> None:
    raw = [Segment(DELETE, "five"), Segment(INSERT, "ten"), Segment(EQUAL, " days of the "),
           Segment(DELETE, "Date"), Segment(INSERT, "date")]  # fmt: skip
    assert tidy(raw) == raw


def test_a_change_that_grew_joins_the_island_before_it() -> None:
    # " x y " stays beside a one-word change, but not once that change has
    # joined the next and outweighs it: the result does not depend on where the diff cut.
    raw = [Segment(DELETE, "a b c"), Segment(EQUAL, " x y "), Segment(DELETE, "p"),
           Segment(INSERT, "q"), Segment(EQUAL, " "), Segment(DELETE, "r s"),
           Segment(INSERT, "t u")]  # fmt: skip
    assert tidy(raw) == [Segment(DELETE, "a b c x y p r s"), Segment(INSERT, " x y q t u")]
