"""The token table: words as single characters for the C++ diff engine.

The engine (fast-diff-match-patch) diffs strings; mapping each token to one
character makes it diff words, not letters.  Kept apart from ``words`` so
the diff's rules (trimming, tidying) read without the encoding's tricks.
"""

from __future__ import annotations

from ..lazy_re import lazy_re

# The word diff's tokens (see ``words.tokenize``): words keep inner punctuation,
# a mark before a space is a token of its own, whitespace runs are tokens.
TOKEN = lazy_re(r"\s+|[^\s.,;:]+(?:[.,;:]+[^\s.,;:]+)*|[.,;:]+")
_MARKS = ".,;:"  # the marks TOKEN splits off the end of a word
_BMP = 0xC000  # tables start again past this many entries rather than leave the BMP


class Codes:
    """The table of one comparison: token -> character, and back.

    Any characters will do: the engine only compares them.  One table
    serves every diff of a comparison (pass it to ``diff_words``), so a word
    is coded once however often it recurs.  A text is split at spaces with
    ``str.split`` and each piece looked up in the table in C (``map`` over
    the dict); only a piece not seen before reaches Python (``__missing__``):
    one with a mark at an end ("Agreement,") or other whitespace inside
    ("a\nb") is tokenised with the regular expression, any other is one
    token.  A run of spaces is a run of one-space tokens, so the segments
    still give back both texts exactly.  Several times faster than the
    regular expression over the whole text.
    """

    def __init__(self) -> None:
        self.table = _Table(self)  # piece -> its tokens' characters
        self.tokens: list[str | None] = [None]  # a character's ordinal -> its token

    def encode(self, old: str, new: str) -> tuple[str, str]:
        if len(self.tokens) > _BMP:  # start again rather than leave the BMP
            self.table, self.tokens = _Table(self), [None]
        get, space = self.table.__getitem__, self.code(" ")
        return space.join(map(get, old.split(" "))), space.join(map(get, new.split(" ")))

    def code(self, token: str) -> str:
        char = self.table.get(token)
        if char is None:
            if len(self.tokens) == 0xD800:  # surrogates are not characters
                self.tokens += [None] * 0x800
            char = self.table[token] = chr(len(self.tokens))
            self.tokens.append(token)
        return char


class _Table(dict[str, str]):
    """Piece -> characters; a piece not yet seen is coded on first lookup."""

    def __init__(self, codes: Codes) -> None:
        super().__init__()
        self.codes = codes

    def __missing__(self, piece: str) -> str:
        if not piece:  # two spaces in a row, or a space at an end
            return ""
        if piece[0] not in _MARKS and piece[-1] not in _MARKS and piece.isprintable():
            return self.codes.code(piece)  # a plain word: one token (the common case)
        tokens = TOKEN.findall(piece)
        if len(tokens) == 1:
            return self.codes.code(piece)
        chars = self[piece] = "".join([self.codes.code(t) for t in tokens])
        return chars
