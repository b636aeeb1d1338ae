"""A drafted amendment as typed blocks: the one reading the Markdown and Word writers share.

The layout (layout.py) encodes a draft's structure in blank lines and
indentation, with fixed rules, so the structure can be read back from the
text exactly; reading it in one place keeps the writers saying the same thing
in every format.  The kinds:

- ``title``: centred lines (as ``center`` leaves them) before any prose;
- ``indented``: prose whose first line is indented (preamble, recitals);
- ``item``: an amendment item, "7. A new Section 6 is hereby added ...";
- ``flush``: other prose at the margin ("IN WITNESS WHEREOF ...");
- ``quote``: new text, which opens with a quotation mark;
- ``quote_more``: a later paragraph of the same quotation;
- ``signature``: a signature block's lines (outside any quotation, after the prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..lazy_re import lazy_re
from .layout import QUOTE_INDENT, WIDTH

Kind = Literal["title", "indented", "item", "flush", "quote", "quote_more", "signature"]

DISPLAY_INDENT = 2 * QUOTE_INDENT  # titles and signatures sit at least this far in
_ITEM = lazy_re(r"^(\d{1,3}(?:\.[a-z0-9]{1,4})*\.)\s+(.*)$", re.S)
RULE = lazy_re(r"^-{3,}$")  # a typed rule under a conformed signature ("s//Name")
BLANK_LINE = lazy_re(r"_{3,}")  # a typed line to sign on


@dataclass(frozen=True)
class Block:
    """One paragraph of the draft: its kind, its words on one line, and its lines as printed."""

    kind: Kind
    text: str
    lines: tuple[str, ...]
    number: str = ""  # an item's number as printed ("7.")

    @property
    def body(self) -> str:
        """An item's text after its number; any other block's text."""
        if not self.number:
            return self.text
        return self.text[len(self.number) :].lstrip()


def blocks(text: str) -> list[Block]:
    """The draft's blocks in order (works on laid-out text and on a template's raw output)."""
    out: list[Block] = []
    quoting, prose = False, False
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        raw = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not raw:
            continue
        lines = tuple(line.strip() for line in raw)
        words = " ".join(" ".join(lines).split())
        indent = len(raw[0]) - len(raw[0].lstrip())
        opens = lines[0].startswith('"')
        display = all(len(r) - len(r.lstrip()) >= DISPLAY_INDENT for r in raw)
        centred = all(_centred(r) for r in raw)
        kind: Kind
        number = ""
        if quoting:
            kind = "quote_more"
        elif opens:
            kind = "quote"
        elif centred and not prose:
            kind = "title"
        elif display and prose:
            kind = "signature"
        elif indent:
            kind = "indented"
        elif match := _ITEM.match(words):
            kind, number = "item", match.group(1)
        else:
            kind = "flush"
        prose = prose or kind != "title"
        quoting = (quoting or opens) and not lines[-1].endswith('"')
        out.append(Block(kind, words, lines, number))
    return out


def _centred(line: str, width: int = WIDTH) -> bool:
    """Indented by half the room the line leaves, give or take the odd space."""
    text = line.lstrip()
    indent = len(line) - len(text)
    return indent > 0 and abs(2 * indent - (width - len(text))) <= 1
