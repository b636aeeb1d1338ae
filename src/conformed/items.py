"""Split the operative part of an amendment into numbered items, at any depth.

Works the same on multi-line and flattened (one-line) EDGAR text.  Items nest
(``1.`` -> ``a.`` -> ``(1)``); a sub-list starts after a colon with the first
label of a new style.  Replacement text is either quoted (only the outer
quotation marks are removed; inner quotes such as ``"key employee"`` and
EDGAR's `` `Code' `` stay as written) or unquoted after "as follows:", in
which case it runs to the next item at the same or a higher level.  Item N+1
is looked for only after item N's quoted text has closed, so a "6." inside
quoted text is never taken for an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .citation import Style, format_value
from .errors import AmendmentError
from .layout.heads import split_heading

PAYLOAD_MARK = "\u00abTEXT\u00bb"
PAYLOAD2_MARK = "\u00abTEXT2\u00bb"
_PAGE = r"(?:[^\S\n]+\d{1,3}(?=\s*\n))?"  # a page number left after the quote
# What introduces the second text of "previously read: "old" ... now reads: "new"".
_NOW = r"now\s+reads|shall\s+now\s+read|is\s+now\s+required\s+to"
_NOW_READS = re.compile(
    rf"{_PAGE}\s*(?:\[\*\]\s*)?(?:it\s+|and\s+)?(?:{_NOW}|shall\s+read)\s*:?\s*(?P<q>[\"\u201c])",
    re.I,
)
_OPEN = re.compile(r"(?:follows|following|hereto|read)\s*[:,]?\s*:?\s*(?P<q>[\"\u201c])", re.I)
_OPEN_AFTER_COLON = re.compile(r":\s*(?P<q>[\"\u201c])")
_UNQUOTED = re.compile(
    r"\b(?:as\s+follows?|the\s+following(?!\s+example)|as\s+set\s+forth\s+below)\b\s*:?\s*", re.I
)
# An instruction that asks for text: what follows it is that text, never a sub-list.
_WANTS_TEXT = re.compile(
    r"\bto\s+read\b|\bread\s+in\s+(?:its|their)\s+entirety\b"
    r"|\b(?:replaced|substituted)\s+(?:with|by)\s+the\s+following\b"
    r"|\brestated\b[^.:]{0,80}\bas\s+follows\b"
    r"|\b(?:add|adding|added|insert|inserting|inserted)\b[^.:]{0,80}\bthe\s+following\b",
    re.IGNORECASE,
)
# "... shall be amended, effective as of the Effective Date, as follows:" and then, instead
# of text, the instruction itself: "Subsection 6(a)(xvi) ... shall be amended to read ...".
_GENERIC_LEAD = re.compile(r"\bamend(?:ed)?\b[^:]{0,120}\bas\s+follows\s*:?\s*$", re.I)
_EMBEDDED = re.compile(
    r"\s*[A-Z][^\n:\"\u201c]{0,100}?\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?"
    r"(?:amended|deleted|restated|replaced)\b",
    re.IGNORECASE,
)
_REDACTED_READING = re.compile(
    r"(?P<head>.*?\bpreviously\s+read\s*:?)\s*\[\*\]\s*"
    r"(?P<mid>(?:it\s+)?(?:now\s+reads|shall\s+now\s+read)\s*:?)\s*\[\*\]\s*(?P<tail>.*)",
    re.IGNORECASE | re.DOTALL,
)
# A lead-in that amends in its own words, not one that introduces its sub-items.
_AMENDS = re.compile(
    r"\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:further\s+)?(?:amended|deleted|replaced)\b",
    re.IGNORECASE,
)
_TERM_FIRST = re.compile(
    r"[^\S\n]*[^\"\u201d\n]{1,80}[\"\u201d]\s+(?:means|shall\s+mean|has\s+the|shall\s+have)\b", re.I
)
_NEXT_LABEL = (
    r"(?:(?:(?:Section\s+)?\d{1,3}\.|[a-z]{1,4}\.|[A-Z]{1,4}\.|\([a-zA-Z0-9]{1,4}\))\s+[A-Z\"\u201c(]"
    r"|\d{1,3}\.[A-Z][a-z])"  # "Section 3. Ratification", "3.Ratification"
)
# A sub-list opens after a colon, a heading, a line break, or a run of spaces that
# stands for a line break in flattened text.
_STARTS = r"(?::\s+|\.\s+|\n\s*|[^\S\n]{3,})"


class ItemStructureError(AmendmentError):
    """Items are missing, out of order, or a quotation never closes."""

    reason = "structure"


@dataclass(frozen=True)
class Level:
    """One numbering style of items: "1.", "a.", "(1)", "(a)", "(i)"."""

    style: Style
    open: str = ""
    close: str = "."

    def token(self, n: int) -> str:
        return f"{self.open}{format_value(self.style, n)}{self.close}"


TOP = Level(Style.ARABIC)
SECTIONS = Level(Style.ARABIC, "Section ")  # "Section 1.     Definitions Used Herein."
TOP_LEVELS = (TOP, Level(Style.ARABIC, "(", ")"), Level(Style.ARABIC, "", ")"), SECTIONS)
SUB_LEVELS = (
    Level(Style.LOWER_ALPHA),
    Level(Style.LOWER_ALPHA, "(", ")"),
    Level(Style.ARABIC, "(", ")"),
    Level(Style.LOWER_ROMAN, "(", ")"),
    Level(Style.UPPER_ALPHA),
    Level(Style.LOWER_ROMAN),
)


@dataclass(frozen=True)
class Item:
    number: str  # as printed: "6", "1.a", "1.a.(3)"
    instruction: str  # whitespace-folded, replacement text replaced by PAYLOAD_MARK
    payload: str | None  # replacement text (quoted: without its outer quotes)
    text: str  # the item as printed, whitespace-folded, for messages
    line: int  # 1-based line of the source where the item starts
    children: tuple[Item, ...] = ()
    quoted: bool = True
    notes: tuple[str, ...] = ()  # how the item was read, for the report's warnings
    payload2: str | None = None  # "previously read: "old" now reads: "new"": the new text
    standalone: bool = False  # an item with sub-items that amends in its own words too

    def leaves(self, ancestors: tuple[Item, ...] = ()) -> list[tuple[Item, tuple[Item, ...]]]:
        """The items that are applied, each with the items that contain it."""
        if not self.children:
            return [(self, ancestors)]
        own = [(replace(self, children=()), ancestors)] if self.standalone else []
        return own + [leaf for c in self.children for leaf in c.leaves((*ancestors, self))]


def split_items(source: str, start: int, end: int) -> tuple[list[Item], list[AmendmentError]]:
    """Top-level items 1, 2, 3 ... in ``source[start:end]``, and any structural problem.

    Items before a problem are returned, so that they can still be reported.
    """
    items: list[Item] = []
    splitter = _Splitter(source, multiline=source.count("\n", start, end) >= 3)
    firsts = [(m.start(), lvl) for lvl in TOP_LEVELS if (m := splitter._find(lvl, 1, start, end))]
    top = min(firsts, key=lambda f: f[0])[1] if firsts else TOP
    splitter.top, splitter.end = top, end
    try:
        splitter.level(start, end, top, "", (), items)
    except ItemStructureError as exc:
        return items, [exc]
    return items, []


def fold(text: str) -> str:
    return " ".join(text.split())


def item_number(parent: str, token: str) -> str:
    """ "1" + "a." -> "1.a"; "1.a" + "(3)" -> "1.a.(3)"."""
    own = token.rstrip(".").removeprefix("Section ")
    if parent and own.startswith(f"{parent}."):
        return own  # "2.1" under item 2
    return f"{parent}.{own}" if parent else own


class _Splitter:
    def __init__(self, source: str, *, multiline: bool) -> None:
        self.source = source
        self.multiline = multiline
        self.top = TOP
        self.end = len(source)  # where the items end; a sub-item ends at its parent's sibling

    def level(
        self,
        start: int,
        end: int,
        level: Level,
        parent: str,
        used: tuple[Level, ...],
        out: list[Item],
    ) -> None:
        n = 1
        cur = self._find(level, n, start, end)
        while cur is not None:
            nxt, item = self._item(cur, end, level, n, parent, used)
            out.append(item)
            n += 1
            cur = nxt

    def _item(
        self,
        cur: re.Match[str],
        end: int,
        level: Level,
        n: int,
        parent: str,
        used: tuple[Level, ...],
    ) -> tuple[re.Match[str] | None, Item]:
        source = self.source
        number = item_number(parent, level.token(n))
        body = cur.end()
        nxt = self._find(level, n + 1, body, end)
        limit = nxt.start() if nxt else end
        sub = self._sublist(body, limit, (*used, level), number)
        if sub is not None and _WANTS_TEXT.search(source, body, sub[0].start()):
            sub = None  # "... to read in their entirety as follows: 3.1 ... (a) ... (b)"
        opened = None
        if sub is None or sub[0].start() > body:
            bound = sub[0].start() if sub else limit
            opened = self._opening_quote(body, bound)
        line = source.count("\n", 0, cur.start()) + 1
        notes: tuple[str, ...] = ()
        if opened and _TERM_FIRST.match(source, opened.end()):
            opened = None  # '"Loan Agreement" means ...': the quote is the term's own
        close = self._closing_quote(opened.end(), end) if opened else None
        if opened and close is None:
            if nxt is None and end >= self.end:  # nothing bounds the text: refuse, never guess
                raise ItemStructureError(
                    "the quoted text never closes", item=number, span=source[body : body + 120]
                )
            opened = None
            notes = ("the quotation never closes; the new text was read up to the next item",)
        if opened and close is not None and self._runs_over(source[opened.end() : close], level, n):
            opened = close = None  # it never closed before the next item
            notes = ("the quotation never closes; the new text was read up to the next item",)
        if opened and close is not None:
            item_end = close + 1
            nxt = self._find(level, n + 1, item_end, end)
            limit = nxt.start() if nxt else end
            if level == self.top == TOP:
                _check_order(source[item_end:limit], n, self.multiline)
            head, tail = source[body : opened.start("q")], source[item_end:limit]
            payload2 = None
            second = _NOW_READS.match(source, item_end)
            if second and (close2 := self._closing_quote(second.end(), limit)) is not None:
                payload2 = source[second.end() : close2]  # "... now reads: "new text""
                between = re.sub(
                    r"^[^\S\n]+\d{1,3}(?=\s*\n)", "", source[item_end : second.start("q")]
                )
                tail = f"{between} {PAYLOAD2_MARK} "
                tail += source[close2 + 1 : limit]
            item = Item(
                number=number,
                instruction=fold(f"{head} {PAYLOAD_MARK} {tail}"),
                payload=source[opened.end() : close],
                text=fold(source[body:limit]),
                line=line,
                payload2=payload2,
            )
            return nxt, item
        if level == self.top == TOP:
            _check_order(source[body : sub[0].start() if sub else limit], n, self.multiline)
        if sub is not None:
            first, child_level = sub
            children: list[Item] = []
            self.level(first.start("label"), limit, child_level, number, (*used, level), children)
            head = source[body : first.start("label")]
            item = Item(
                number=number,
                instruction=fold(head),
                payload=None,
                text=fold(source[body:limit]),
                line=line,
                children=tuple(children),
                standalone=bool(_AMENDS.search(head)) and not fold(head).endswith(":"),
            )
            return nxt, item
        text = source[body:limit]
        if redacted := _REDACTED_READING.fullmatch(text):  # both texts withheld from the filing
            instruction = f"{redacted['head']} {PAYLOAD_MARK} {redacted['mid']} {PAYLOAD2_MARK}"
            instruction = fold(f"{instruction} {redacted['tail']}")
            return nxt, Item(number, instruction, "[*]", fold(text), line, payload2="[*]")
        unquoted = _UNQUOTED.search(text)
        if (
            unquoted
            and _GENERIC_LEAD.search(text[: unquoted.end()])
            and not _WANTS_TEXT.search(text[: unquoted.end()])
            and _EMBEDDED.match(text, unquoted.end())
        ):  # "the Schedule shall be amended as follows: Subsection 6(a) ... shall be amended ..."
            inner = re.compile(r"\s*").match(source, body + unquoted.end())
            assert inner is not None
            nxt, item = self._item(inner, end, level, n, parent, used)
            note = "the instruction was read from the text its lead-in introduces"
            return nxt, replace(item, line=line, notes=(*item.notes, note))
        if unquoted and text[unquoted.end() :].strip():
            cut = unquoted.end()
            colon = text.find(":", unquoted.start(), unquoted.end() + 80)
            if colon >= 0:
                cut = colon + 1  # "the following at the end of the Section: <text>"
            payload = text[cut:].strip()
            if notes:
                payload = payload.lstrip('"\u201c').lstrip()
            instruction = fold(f"{text[:cut].rstrip()} {PAYLOAD_MARK}")
            item = Item(number, instruction, payload, fold(text), line, quoted=False, notes=notes)
            return nxt, item
        return nxt, Item(number, fold(text), None, fold(text), line, notes=notes)

    def _find(self, level: Level, n: int, pos: int, end: int) -> re.Match[str] | None:
        """Item n of ``level``: of several candidates, the last one before item n+1,
        so that a nested "(1) ... (2)" list inside item (1) is not taken for items."""
        found = list(self._pattern(level, n).finditer(self.source, pos, end))
        if len(found) <= 1:
            return found[0] if found else None
        headed = [m for m in found if self._headed(m.end())]
        if headed and headed[0] is found[0] and len(headed) < len(found):
            found = headed  # "(2) Representations." rather than "(2) It is a U.S. person"
            if len(found) == 1:
                return found[0]
        after = self._pattern(level, n + 1).search(self.source, found[0].end(), end)
        if after is None:
            return found[0]
        before = [m for m in found if m.start() < after.start()]
        return before[-1] if before else found[0]

    def _opening_quote(self, body: int, bound: int) -> re.Match[str] | None:
        """The quote that opens replacement text.  Not one met later inside unquoted
        text: if the instruction already ended at a colon closing its line, and text
        follows before the quote, that text is the replacement and the quote is its own."""
        source = self.source
        m = _OPEN_AFTER_COLON.search(source, body, bound) or _OPEN.search(source, body, bound)
        if m is None:
            return None
        colon = source.find(":", body, m.start("q"))
        while colon >= 0:
            ends_line = source[colon + 1 : source.find("\n", colon) + 1 or None].strip() == ""
            if ends_line and source[colon + 1 : m.start("q")].strip():
                return None
            colon = source.find(":", colon + 1, m.start("q"))
        return m

    def _headed(self, pos: int) -> bool:
        line = self.source[pos : self.source.find("\n", pos) if "\n" in self.source[pos:] else None]
        heading, _ = split_heading(line.strip() + (" ." if not line.strip().endswith(".") else ""))
        return bool(heading)

    def _runs_over(self, payload: str, level: Level, n: int) -> bool:
        """A quotation that runs over the next item: the drafter never closed it."""
        pattern = rf"(?m)^[^\S\n]*{re.escape(level.token(n + 1))}[^\S\n]+[^\n]*" + (
            r"\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:amended|deleted|restated|replaced|added)"
        )
        return self.multiline and bool(re.search(pattern, payload, re.IGNORECASE))

    def _pattern(self, level: Level, n: int) -> re.Pattern[str]:
        token = re.escape(level.token(n))
        if level == self.top:
            if self.multiline:  # at a line start, or inline after a sentence (page legends)
                pattern = (
                    rf"(?m)^[^\S\n]*{token}(?:[^\S\n]+(?=\S)|(?=[A-Z][a-z]))"  # "1.Amendments"
                    rf"|(?<=[.;:\"\u201d)\]])[^\S\n]+{token}[^\S\n]+(?=[A-Z]|\d+\s+[A-Z]{{2}})"
                )
            else:
                pattern = rf"(?:(?<=[.;:\"'\u201d)\]])|^)\s*{token}\s+(?=[A-Z])"
        else:
            pattern = rf"(?<=\s){token}\s+(?=[A-Z\"'`\u201c(])"
        return re.compile(pattern)

    def _sublist(
        self, pos: int, end: int, used: tuple[Level, ...], number: str = ""
    ) -> tuple[re.Match[str], Level] | None:
        """The first label of a nested list: "a.", "(1)", ... right after a colon; under
        item 2, also "2.1", "2.2"."""
        best: tuple[re.Match[str], Level] | None = None
        decimal = (Level(Style.ARABIC, f"{number}.", ""),) if number.isdigit() else ()
        for level in (*decimal, *SUB_LEVELS):
            if any(level.open == u.open and level.close == u.close and
                   (level.style is u.style) for u in used):  # fmt: skip
                continue
            token = re.escape(level.token(1))
            m = re.compile(rf"{_STARTS}(?P<label>{token})\s+(?=[A-Z\"'`\u201c(])").search(
                self.source, pos, end
            )
            if m and (best is None or m.start() < best[0].start()):
                # the list must go on: its second label must follow
                second = re.compile(rf"\s{re.escape(level.token(2))}\s+[A-Z\"'`\u201c(]")
                alone = re.fullmatch(r"[^:]*:\s*", self.source[pos : m.start("label")])
                if second.search(self.source, m.end(), end) or alone:
                    best = (m, level)  # or a list of one, right after "as follows:"
        return best

    def _closing_quote(self, pos: int, end: int) -> int | None:
        """The quote that ends the payload: one followed by the next item or the end."""
        reads = _PAGE + rf"\s*(?:it\s+|and\s+)?(?:{_NOW})\b"
        if self.multiline:
            follow = rf"\.?[^\S\n]*(?:\n\s*{_NEXT_LABEL}|\s*$)|{reads}"
        else:
            follow = rf"\.?\s*(?:{_NEXT_LABEL}|$)|{reads}"
        m = re.compile(rf"[\"\u201d](?={follow})").search(self.source[:end], pos)
        return m.start() if m else None


def _check_order(instruction: str, n: int, multiline: bool) -> None:
    """An item number other than n+1 inside item n means the items are out of order."""
    if multiline:
        found = re.findall(r"(?m)^[^\S\n]*(\d{1,3})\.(?:[^\S\n]+[A-Z]|[A-Z][a-z])", instruction)
    else:
        found = re.findall(r"(?:^|[.;\"\u201d])\s+(\d{1,3})\.\s+[A-Z]", instruction)
    for number in found:
        if int(number) != n + 1:
            raise ItemStructureError(
                f"item {number} appears after item {n} where item {n + 1} was expected "
                "(items out of order or missing)",
                item=number,
            )
