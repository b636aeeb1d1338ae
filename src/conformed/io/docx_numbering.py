"""Word automatic numbering: the labels Word would draw, computed from numbering.xml.

Most Word agreements number their provisions with list numbering, so the
"5." or "(c)" a reader sees is nowhere in the text.  This module reproduces
Word's counting: counters live per abstract list and level; using a level
advances it and restarts deeper levels (``w:lvlRestart`` can change which);
a ``w:num`` that overrides a level's start restarts it the first time the
num is used; ``w:lvlText`` such as ``"%1.%2"`` prints several levels.
The writer runs the same engine to check that each number it leaves to Word
is the label the conformed copy needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeAlias

from docx.oxml.ns import qn
from lxml import etree

from ..citation import to_alpha, to_roman

Element: TypeAlias = etree._Element
LEVELS = 9


def attr(node: Element | None, name: str = "w:val") -> str | None:
    return None if node is None else node.get(qn(name))


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how a level counts and prints, and where it indents."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: print every level as decimal
    style: str | None = None  # w:pStyle: the paragraph style linked to this level
    ind: Element | None = None  # the level's w:pPr/w:ind


def _level(node: Element) -> Level:
    return Level(
        fmt=attr(node.find(qn("w:numFmt"))) or "decimal",
        text=attr(node.find(qn("w:lvlText"))) or "",
        start=_start(attr(node.find(qn("w:start")))),
        restart=_int(attr(node.find(qn("w:lvlRestart")))),
        legal=node.find(qn("w:isLgl")) is not None
        and attr(node.find(qn("w:isLgl"))) not in ("0", "false"),
        style=attr(node.find(qn("w:pStyle"))),
        ind=node.find(f"{qn('w:pPr')}/{qn('w:ind')}"),
    )


# Word counts a list from 0 to 32767 and has nine levels; a value outside, or one that
# is not a number ("one", five thousand digits), is read as absent, never trusted.
MAX_NUMBER = 32_767


def _int(text: str | None, high: int = MAX_NUMBER) -> int | None:
    if text is None or len(text) > 6 or not text.lstrip("-").isdigit():
        return None
    value = int(text)
    return value if 0 <= value <= high else None


def _start(text: str | None) -> int:
    value = _int(text)
    return 1 if value is None else value


def _ilvl(text: str | None) -> int:
    return _int(text, 8) or 0


@dataclass
class Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


class Numbering:
    """The numbering definitions of a package, and the paragraph styles that use them."""

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self.root = numbering
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id -> numbering style it takes levels from
        self.nums: dict[str, Num] = {}
        self.styles: dict[str, Element] = {}
        for style in styles.iter(qn("w:style")) if styles is not None else ():
            self.styles[style.get(qn("w:styleId")) or ""] = style
        if numbering is None:
            return
        for node in numbering.iter(qn("w:abstractNum")):
            aid = node.get(qn("w:abstractNumId")) or ""
            self.abstracts[aid] = {
                _ilvl(lvl.get(qn("w:ilvl"))): _level(lvl) for lvl in node.iter(qn("w:lvl"))
            }
            link = attr(node.find(qn("w:numStyleLink")))
            if link:
                self.links[aid] = link
        for node in numbering.iter(qn("w:num")):
            num = Num(attr(node.find(qn("w:abstractNumId"))) or "")
            for override in node.iter(qn("w:lvlOverride")):
                ilvl = _ilvl(override.get(qn("w:ilvl")))
                start = _int(attr(override.find(qn("w:startOverride"))))
                if start is not None:
                    num.starts[ilvl] = start
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    num.levels[ilvl] = _level(lvl)
            self.nums[node.get(qn("w:numId")) or ""] = num

    def abstract_of(self, num_id: str) -> str:
        """The abstract list a num counts in, through a numbering style link if any."""
        aid = self.nums[num_id].abstract
        link = self.links.get(aid)
        if link:
            linked = self.style_numpr(link)[0]
            if linked and linked in self.nums and self.nums[linked].abstract != aid:
                return self.nums[linked].abstract
        return aid

    def level(self, num_id: str, ilvl: int) -> Level:
        num = self.nums[num_id]
        level = num.levels.get(ilvl) or self.abstracts.get(self.abstract_of(num_id), {}).get(
            ilvl, Level()
        )
        return replace(level, start=num.starts[ilvl]) if ilvl in num.starts else level

    def style_numpr(self, style_id: str) -> tuple[str | None, int | None]:
        """The numbering a paragraph style gives, following ``w:basedOn``."""
        seen: set[str] = set()
        while style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None:
                ilvl = _int(attr(numpr.find(qn("w:ilvl"))), 8)
                return attr(numpr.find(qn("w:numId"))), ilvl
            style_id = attr(style.find(qn("w:basedOn"))) or ""
        return None, None

    def paragraph_numpr(self, p: Element) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph: its own ``w:numPr``, else its style's."""
        ppr = p.find(qn("w:pPr"))
        style_id = attr(ppr.find(qn("w:pStyle"))) if ppr is not None else None
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = attr(numpr.find(qn("w:numId"))) if numpr is not None else None
        ilvl = _int(attr(numpr.find(qn("w:ilvl"))), 8) if numpr is not None else None
        if num_id is None and style_id:
            num_id, style_ilvl = self.style_numpr(style_id)
            ilvl = style_ilvl if ilvl is None else ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        if ilvl is None:
            levels = self.abstracts.get(self.abstract_of(num_id), {})
            ilvl = next((k for k, lvl in levels.items() if lvl.style == style_id), 0)
        return num_id, max(0, min(ilvl, LEVELS - 1))


class Counters:
    """Word's running list counters; ``peek`` says what ``advance`` would print."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, list[int | None]] = {}
        self.used: set[str] = set()

    def peek(self, num_id: str, ilvl: int) -> str:
        return self._step(num_id, ilvl, commit=False)

    def advance(self, num_id: str, ilvl: int) -> str:
        return self._step(num_id, ilvl, commit=True)

    def _step(self, num_id: str, ilvl: int, *, commit: bool) -> str:
        nb = self.numbering
        aid = nb.abstract_of(num_id)
        counts = list(self.counts.get(aid, [None] * LEVELS))
        if num_id not in self.used:
            for k in nb.nums[num_id].starts:
                counts[k] = None  # a start override restarts its level on first use
        current = counts[ilvl]
        counts[ilvl] = nb.level(num_id, ilvl).start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = nb.level(num_id, deeper).restart
            if restart != 0 and ilvl < (deeper if restart is None else restart):
                counts[deeper] = None
        label = self._format(num_id, ilvl, counts)
        if commit:
            self.counts[aid] = counts
            self.used.add(num_id)
        return label

    def _format(self, num_id: str, ilvl: int, counts: list[int | None]) -> str:
        level = self.numbering.level(num_id, ilvl)
        if level.fmt == "bullet":
            return ""
        out, text, i = [], level.text, 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                shown = self.numbering.level(num_id, k) if 0 <= k < LEVELS else Level()
                value = counts[k] if 0 <= k < LEVELS and counts[k] is not None else shown.start
                out.append(format_number("decimal" if level.legal else shown.fmt, value or 0))
                i += 2
            else:
                out.append(text[i])
                i += 1
        return "".join(out).strip()


def format_number(fmt: str, value: int) -> str:
    """A counter in a ``w:numFmt``; unknown formats print as decimal, as a fallback."""
    if fmt == "none":
        return ""
    if value <= 0:
        return str(value)
    if fmt == "lowerLetter":
        return to_alpha(value)
    if fmt == "upperLetter":
        return to_alpha(value).upper()
    if fmt == "lowerRoman":
        return to_roman(value)
    if fmt == "upperRoman":
        return to_roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = (
            "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10)
        )
        return f"{value}{suffix or 'th'}"
    return str(value)
