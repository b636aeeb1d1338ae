"""Long quoted words set aside while an instruction is parsed, and put back after.

Earley's time grows with the cube of an instruction's length, so an instruction is
bounded; but a credit agreement's "inserting the text "...three hundred words..."
immediately after ..." is long only because of what it quotes, which the grammar reads
as one token whatever it holds.  Each long quotation is replaced by a short one of its
own (``"\u27e8q0\u27e9"``) for the parse, and every value the parse made gets the words back,
so the bound applies to the instruction's structure, not to its new words.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from ..lazy_re import lazy_re

T = TypeVar("T")

LONG = 60  # characters inside the quotes: shorter quotations stay as they are
_QUOTED = lazy_re(r'"([^"]*)"')  # every quotation, paired from the left
_MARK = lazy_re("\u27e8q(\\d+)\u27e9")
# Curly quotation marks inside a curly quotation ('replacing "X" with “(the “Stage 3
# Fee”)”'): a defined term quoted in the new words.  Straightened, they would close the
# quotation early; they are masked while the instruction is read and given back with the words.
_NESTED = lazy_re(
    "\u201c(?=(?:[^\u201c\u201d]|\u201c[^\u201c\u201d]*\u201d)*?\u201c)"
    "(?:[^\u201c\u201d]|\u201c[^\u201c\u201d]*\u201d)+\u201d"
)
_INNER = str.maketrans("\u201c\u201d", "\ue01c\ue01d")
_OUTER = str.maketrans("\ue01c\ue01d", "\u201c\u201d")


def mask_nested(text: str) -> str:
    """``text`` with the quotation marks nested inside a curly quotation masked."""
    if text.count("\u201c") < 2:
        return text
    return _NESTED.sub(lambda m: "\u201c" + m.group(0)[1:-1].translate(_INNER) + "\u201d", text)


def set_aside(text: str) -> tuple[str, tuple[str, ...]]:
    """The instruction with each long quotation, and each holding a masked one, replaced,
    and the quotations in order."""
    kept: list[str] = []

    def mark(m: re.Match[str]) -> str:
        if len(m.group(1)) < LONG and "\ue01c" not in m.group(1):
            return m.group(0)
        kept.append(m.group(1).translate(_OUTER))
        return f'"\u27e8q{len(kept) - 1}\u27e9"'

    return _QUOTED.sub(mark, text), tuple(kept)


def put_back(value: T, kept: tuple[str, ...]) -> T:
    """``value`` (a string, a tuple, a frozen dataclass of them) with the quotations back."""
    if not kept:
        return value
    return _put_back(value, kept)  # type: ignore[no-any-return]


def _put_back(value: Any, kept: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        if "\u27e8q" not in value:
            return value  # unchanged, and of its own type (a Position keeps what it cites)
        return _MARK.sub(lambda m: kept[int(m.group(1))], str(value))
    if isinstance(value, tuple):
        return tuple(_put_back(v, kept) for v in value)
    if isinstance(value, list):
        return [_put_back(v, kept) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _put_back(getattr(value, f.name), kept) for f in fields(value)}
        return replace(value, **changed)
    return value
