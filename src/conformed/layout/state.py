"""The shared state the rules read and decide on, as markdown-it's StateBlock.

The rules (rules/*.py) are tried in order at each line; the first that claims
the line consumes it (and maybe more) and tells the tree what it is.  The state
holds the classified lines, the tree being built and what the rules may ask
about the lines around them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lines import Line
from .tree import HARD, INLINE, SOFT, TreeBuilder

__all__ = ["HARD", "INLINE", "SOFT", "Rule", "State"]


@dataclass
class State:
    lines: list[Line]
    tree: TreeBuilder

    def strength(self, i: int) -> str:
        """How surely line ``i`` begins a paragraph: "hard", "soft" or "" (it continues one)."""
        brk = self.lines[i].brk
        return HARD if brk == "hard" else SOFT if brk == "soft" else ""

    def next_paragraph(self, i: int) -> int:
        """The next line after ``i`` that is not underlining (``len(lines)`` if none)."""
        j = i + 1
        while j < len(self.lines) and self.lines[j].brk == "rule":
            j += 1
        return j


# A rule looks at line i; it returns the index of the next line to read if it
# claimed line i (and told the tree what it is), or None to let the next rule try.
Rule = Callable[[State, int], "int | None"]
