"""What the item reader keeps while it reads: positions, lines, items so far (base of its parts)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import islice

from ..errors import AmendmentError
from ..lazy_re import lazy_re
from .item import Info
from .lines import Line, classify
from .node import Node
from .payload import fold
from .tree import TreeBuilder

TEXT, NEW, NEW2 = "text", "payload", "payload2"
_NON_SPACE = lazy_re(r"\S")


Searched = tuple[int, "re.Match[str] | None"]  # searched from, and what was found


class ReaderBase:
    def __init__(self, source: str, start: int, end: int) -> None:
        self.source, self.start, self.end = source, start, end
        raws = source[start:end].split("\n")
        self.offsets: list[int] = []
        at = start
        for raw in raws:
            self.offsets.append(at)
            at += len(raw) + 1
        breaks = {i for i, raw in enumerate(raws) if "\f" in raw and not raw.strip()}
        self.lines, blank_mode = classify(raws, breaks)
        self.starts = [self.offsets[line.index] for line in self.lines]  # for bisection
        self._newlines_before = source.count("\n", 0, start)  # the line numbers' base
        self.tree = TreeBuilder(blank_mode=blank_mode, first_any=True)
        self.info: dict[int, Info] = {}
        self.order: list[Node] = []
        self.resume = start
        self.outside: list[tuple[int, int, int]] = []  # (start, end, line) before the first item
        self.loose: list[Info] = []  # unnumbered items before the first numbered one
        self.problems: list[AmendmentError] = []
        self._searched: dict[tuple[re.Pattern[str], int], list[Searched]] = {}
        self._said_so_far: dict[int, tuple[int, str]] = {}  # id(info): (pieces read, said)

    def _search(self, pattern: re.Pattern[str], pos: int, end: int) -> re.Match[str] | None:
        """``pattern.search(source, pos, end)``, remembered: a flattened amendment is one
        long line searched again and again from a little further on, and the leftmost
        match from an earlier start is the leftmost from any start up to it."""
        done = self._searched.setdefault((pattern, end), [])
        for since, found in done:
            if since <= pos and (found is None or pos <= found.start()):
                return found
        found = pattern.search(self.source, pos, end)
        done.append((pos, found))
        if len(done) > 16:
            del done[0]
        return found

    def _current(self) -> Info | None:
        if not self.order:
            return self.loose[-1] if self.loose else None
        for node in reversed(self.tree.stack):
            info = self.info.get(id(node))
            if info is not None:
                return info
        return None

    def _text(self, start: int, end: int) -> None:
        if start >= end or not self.source[start:end].strip():
            return
        info = self._current()
        if info is None:
            self.outside.append((start, end, self._lineno(start)))
        else:
            self._piece(info, TEXT, start, end)

    def _piece(self, info: Info, kind: str, start: int, end: int, *, quoted: bool = True) -> None:
        info.pieces.append((kind, start, end))
        if kind == NEW:
            info.quoted = quoted

    def _said(self, info: Info) -> str:
        """What the item says in its own words so far.  Remembered until a piece is added
        (pieces are only ever appended): it is asked for at every quote and lead."""
        known = self._said_so_far.get(id(info))
        if known is not None and known[0] == len(info.pieces):
            return known[1]
        said = fold(" ".join(self.source[a:b] for k, a, b in info.pieces if k == TEXT))
        self._said_so_far[id(info)] = (len(info.pieces), said)
        return said

    def _parent_number(self, node: Node) -> str:
        for k in range(len(self.tree.stack) - 2, 0, -1):
            info = self.info.get(id(self.tree.stack[k]))
            if info is not None:
                return info.number
        return ""

    def _paragraph_at(self, pos: int) -> bool:
        """Does a new paragraph (after a blank line or an indent) begin at ``pos``?"""
        for line in self._lines_from(pos):
            begin = self.offsets[line.index]
            if begin <= pos <= begin + len(line.raw):
                return line.brk == "hard"
            return False
        return False

    def _lines_from(self, pos: int) -> Iterator[Line]:
        """The lines from the one holding ``pos`` on."""
        return islice(self.lines, max(0, bisect_right(self.starts, pos) - 1), None)

    def _lineno(self, pos: int) -> int:
        """The 1-based line of ``pos``: by bisection of the lines' offsets inside the
        operative part, not by counting newlines from the top each time (a flattened
        amendment asks for it at every item)."""
        if not self.start <= pos <= self.end:
            return self.source.count("\n", 0, pos) + 1
        return self._newlines_before + bisect_right(self.offsets, pos)

    def _line_end(self, pos: int) -> int:
        eol = self.source.find("\n", pos, self.end)
        return self.end if eol == -1 else eol

    def _next_text(self, pos: int) -> int:
        m = _NON_SPACE.search(self.source, pos, self.end)
        return m.start() if m else self.end
