"""The writer's line filling gives textwrap's lines, for the options the writer uses."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformed.io.wrap import fill_lines
from helpers import CORPUS

# Words, spaces of every kind textwrap knows and some it does not, and long words.
_PIECES = st.sampled_from(
    ["a", "word", "Section", "(a)", "1.", "hyphen-ated", "x" * 30, " ", "  ", "\t", "\n",
     "\r", "\x0b", "\x0c", "\xa0", " \xa0 ", "\u2003", ".", "--"]
)  # fmt: skip


def _textwrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(_PIECES, max_size=60).map("".join),
    st.integers(1, 40),
    st.sampled_from(["", " ", "    ", " " * 12, " " * 45]),
    st.sampled_from(["", "  ", "        ", " " * 45]),
)
def test_same_lines_as_textwrap(text: str, width: int, first: str, rest: str) -> None:
    assert fill_lines(text, width, first, rest) == _textwrap(text, width, first, rest)


def test_corpus_paragraphs() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        for para in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            for width, first, rest in ((72, "", ""), (60, "    ", "  "), (20, " " * 8, "")):
                assert fill_lines(para, width, first, rest) == _textwrap(para, width, first, rest)


def test_width_refused_as_textwrap_refuses_it() -> None:
    with pytest.raises(ValueError, match="invalid width 0"):
        fill_lines("a b", 0, "", "")
