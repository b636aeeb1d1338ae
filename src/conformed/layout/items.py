"""An amendment's operative part read by the layout engine: its items are the leaves of its tree.

The same tree that reads a base agreement reads the items (``1.``, ``(a)``,
``SECTION 2.1``, ``ARTICLE II`` over them), so every layout a base may have an
amendment may have too, on many lines or flattened onto one.  What the tree
does not see is new text: quoted text (payload.py) is found first and set
aside whole, whatever labels it contains; unquoted text after "as follows:"
runs to the next label that continues the items' numbering and reads as an
item (it amends, or carries an item's heading), not as the next paragraph of
the new text.  Every character of the operative part ends up in an item's
instruction, an item's new text, or -- if it comes before the first item --
in an unnumbered item of its own when it amends ("¶1"), so nothing operative
is ever left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from ..errors import AmendmentError
from .convention import CONVENTION
from .lines import LEAD, Line, classify
from .payload import (
    EMBEDDED,
    GENERIC_LEAD,
    NOW_READS,
    OPEN,
    PAYLOAD2_MARK,
    PAYLOAD_MARK,
    REDACTED_READING,
    TERM_FIRST,
    UNQUOTED,
    amends,
    fold,
    wants_text,
)
from .rules.article_heading import is_title, match_article
from .tree import _INLINE, HARD, INLINE, SOFT, TreeBuilder, _Node

__all__ = ["PAYLOAD2_MARK", "PAYLOAD_MARK", "Item", "ItemStructureError", "fold", "read_items"]


class ItemStructureError(AmendmentError):
    """Items are missing, out of order, or outside any item."""

    reason = "structure"

    def __init__(self, message: str, *, item: str = "", line: int = 0) -> None:
        super().__init__(message, item=item)
        self.line = line


@dataclass(frozen=True)
class Item:
    number: str  # as printed: "6", "1.a", "1.a.(3)"; "¶1" for an unnumbered operative paragraph
    instruction: str  # whitespace-folded, new text replaced by PAYLOAD_MARK
    payload: str | None  # the new text (quoted: without its outer quotes)
    text: str  # the item as printed, whitespace-folded, for messages
    line: int  # 1-based line of the source where the item starts
    children: tuple[Item, ...] = ()
    quoted: bool = True
    notes: tuple[str, ...] = ()  # how the item was read, for the report's warnings
    payload2: str | None = None  # "previously read: "old" now reads: "new"": the new text
    standalone: bool = False  # an item with sub-items that amends in its own words too
    end_line: int = 0  # the last line of the item, its new text included

    def leaves(self, ancestors: tuple[Item, ...] = ()) -> list[tuple[Item, tuple[Item, ...]]]:
        """The items that are applied, each with the items that contain it."""
        if not self.children:
            return [(self, ancestors)]
        own = [(replace(self, children=()), ancestors)] if self.standalone else []
        return own + [leaf for c in self.children for leaf in c.leaves((*ancestors, self))]


TEXT, NEW, NEW2 = "text", "payload", "payload2"


@dataclass
class _Info:
    """What the reader knows of one item while it reads."""

    number: str
    start: int
    line: int
    pieces: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start, end)
    quoted: bool = True
    notes: list[str] = field(default_factory=list)
    end: int = 0
    since: int = 0  # text before this is a generic lead the instruction replaced


_UNIT = re.compile(rf"^(?:{CONVENTION.lead_unit})", re.IGNORECASE)
_OWN_DOCUMENT = re.compile(r"\bthis\s+(?:Amendment|Agreement|Waiver|Consent)\b", re.IGNORECASE)
_HEADED = re.compile(r"^[A-Z][A-Za-z0-9,;&'/\- ]{1,80}[.:]\s")


def _without_lead(text: str) -> str:
    """An item's own words without the sentence that only introduces its sub-items
    ("... is hereby amended as follows:"): what is left amends in its own right or not."""
    sentences = re.split(r"(?<=[.;])\s+(?=[A-Z(\"\u201c])", text.strip())
    if sentences and sentences[-1].rstrip().endswith(":"):
        sentences = sentences[:-1]
    return " ".join(sentences)


def item_number(parent: str, token: str) -> str:
    """ "1" + "a." -> "1.a"; "1.a" + "(3)" -> "1.a.(3)"; "SECTION 2.1" under "2" -> "2.1"."""
    own = _UNIT.sub("", token.strip()).strip().rstrip(".")
    if parent and own.startswith(f"{parent}."):
        return own
    return f"{parent}.{own}" if parent else own


@dataclass
class ItemsRead:
    items: list[Item]
    problems: list[AmendmentError]


def read_items(source: str, start: int, end: int) -> ItemsRead:
    """The items of ``source[start:end]`` (the operative part), and any structural problem."""
    return _Reader(source, start, end).read()


class _Reader:
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
        self.tree = TreeBuilder(blank_mode=blank_mode, first_any=True)
        self.info: dict[int, _Info] = {}
        self.order: list[_Node] = []
        self.resume = start
        self.outside: list[tuple[int, int, int]] = []  # (start, end, line) before the first item
        self.loose: list[_Info] = []  # unnumbered items before the first numbered one
        self.problems: list[AmendmentError] = []

    # --- reading ------------------------------------------------------------
    def read(self) -> ItemsRead:
        for line in self.lines:
            if line.brk == "rule":
                continue
            begin = self.offsets[line.index]
            text_start = begin + len(line.raw) - len(line.raw.lstrip())
            line_end = begin + len(line.raw.rstrip())
            if line_end <= self.resume:
                continue
            pos = max(text_start, self.resume)
            strength = {"hard": HARD, "soft": SOFT}.get(line.brk, "") if pos == text_start else ""
            self._segment(pos, line_end, strength, line.indent, self._lineno(pos))
        self._set_ends()
        items = [self._item(n) for n in self._top_items()]
        first = self.info[id(self.order[0])].start if self.order else self.end
        for k, info in enumerate(self.loose):
            info.end = self.loose[k + 1].start if k + 1 < len(self.loose) else first
        items = [*self._outside_items(), *(self._build(i, ()) for i in self.loose), *items]
        self._sequence_problems()
        return ItemsRead(items, self.problems)

    def _segment(self, pos: int, end: int, strength: str, indent: int, line: int) -> None:
        if strength and self._article(pos, end, indent, line):
            return
        if strength:
            opened = self._open(pos, end, strength, indent, line)
            if opened == pos and strength == HARD and not self.order:
                self._loose(pos, line)
            pos = opened
        elif LEAD.match(self.source[pos:end]):  # resuming after new text, at the next item
            pos = self._open(pos, end, INLINE, indent, line)
        self._flow(pos, end, indent)

    def _loose(self, pos: int, line: int) -> None:
        """An unnumbered paragraph before any numbered item that amends ("Section 2: The
        definition of ... is amended to read as follows:"): an item of its own, "¶1",
        so that its new text is read as new text and nothing operative is lost.  A lead
        that only introduces what follows ("... does hereby amend the Plan as follows:")
        is not one."""
        end = self._paragraph_end(pos)
        label = self._inline_label(pos, end)
        text = fold(self.source[pos : label[0] if label else end])  # up to the first item in it
        if not amends(text) or _OWN_DOCUMENT.match(text):
            return
        if GENERIC_LEAD.search(text) and not wants_text(text):
            return
        self.loose.append(_Info(f"\u00b6{len(self.loose) + 1}", pos, line))

    def _paragraph_end(self, pos: int) -> int:
        lines = self._lines_from(pos)
        next(lines, None)
        for line in lines:
            if line.brk == "hard":
                return self.offsets[line.index]
        return self.end

    def _article(self, pos: int, end: int, indent: int, line: int) -> bool:
        """ "ARTICLE II AMENDMENTS" over the items: a node of the tree, in no item."""
        found = match_article(self.source[pos:end])
        if found is None:
            return False
        label, title = found
        self.tree.open_article(Line(self.source[pos:end], "hard", number=line), label, title, [])
        nxt = self._next_text(end)
        title_end = self._line_end(nxt)
        under = self.source[nxt:title_end]
        if not title and nxt < self.end and is_title(under) and under.isupper():
            self.resume = title_end  # the title on the line under it
        return True

    def _open(self, pos: int, end: int, strength: str, indent: int, line: int) -> int:
        """Labels at ``pos`` that continue the numbering open items; returns where text starts."""
        text = self.source[pos:end]
        if not self.tree.accepts(text, strength):
            return pos
        lead = _CITATION_LINE.match(text)
        if lead and _CONTINUES.match(self.source, self._next_text(end)):
            return pos  # "Section 8.5(a)" / "of the Plan is amended ...": a citation, wrapped
        nodes, used = self.tree.open_chain(text, indent, strength, line)
        for node in nodes:
            parent = self._parent_number(node)
            assert node.label is not None
            self.info[id(node)] = _Info(item_number(parent, node.label.text), pos, line)
            self.order.append(node)
        return pos + used

    def _flow(self, pos: int, end: int, indent: int) -> None:
        """Text of the current item from ``pos`` to ``end``: inline items and new text in it."""
        while pos < end:
            label = self._inline_label(pos, end)
            opening = self._opening(pos, end)
            if opening is not None and (label is None or opening[1] < label[0]):
                kind, at = opening
                self._text(pos, at)
                pos = self._payload(kind, at, indent)
                if pos >= end:
                    self.resume = max(self.resume, pos)
                    return
                pos = self._open(self._next_text(pos), end, INLINE, indent, self._lineno(pos))
                continue
            if label is not None:
                self._text(pos, label[0])
                pos = self._open(label[0], end, INLINE, indent, self._lineno(label[0]))
                continue
            self._text(pos, end)
            self._lead_at_end(end, indent)
            return

    def _inline_label(self, pos: int, end: int) -> tuple[int, str] | None:
        """The next label inside a line that continues the items: after a sentence, or
        -- the next item expected, as enumerations run on -- after "; and"."""
        found: list[tuple[int, str]] = []
        m = _INLINE.search(self.source, pos, end)
        while m is not None:
            at = m.start("unit") if m.group("unit") else m.start("token")
            if self.tree.accepts(self.source[at:end], INLINE):
                found.append((at, m.group("token")))
                break
            m = _INLINE.search(self.source, m.end("token"), end)
        for token in self._expected():  # "...; and e. Any other documents ..."
            pattern = (
                rf"(?:(?<=[;,]\s)|(?<=\sand\s)|(?<=\sor\s)){re.escape(token)}\s+(?=[A-Z\"\u201c(])"
            )
            e = re.compile(pattern).search(self.source, pos, end)
            if e is not None and self.tree.accepts(self.source[e.start() : end], INLINE):
                found.append((e.start(), token))
        return min(found) if found else None

    def _expected(self) -> list[str]:
        """The labels of the next sibling of each open item."""
        out = []
        for node in self.tree.stack[1:]:
            if id(node) in self.info and node.label is not None:
                out.append(node.label.with_value(node.label.value + 1).text)
        return out

    # --- new text -----------------------------------------------------------
    def _opening(self, pos: int, end: int) -> tuple[str, int] | None:
        """The start of new text in ``[pos, end)``: a quote after a lead, or unquoted text
        after "as follows:" on the same line (flattened text)."""
        info = self._current()
        if info is None:
            return None
        reach = min(self._next_text(end) + 1, self.end)
        m = OPEN.search(self.source, pos, reach)
        while m is not None:
            q = m.start("q") if m.group("q") else m.start("c")
            if q >= end and q != self._next_text(end):
                break
            if not TERM_FIRST.match(self.source, q + 1) and not self._line_closed_before(pos, q):
                return "quoted", q
            m = OPEN.search(self.source, m.end(), reach)
        lead = _SAME_LINE_LEAD.search(self.source, pos, end)
        if lead is not None:
            after = lead.end()
            said = fold(f"{self._said(info)} {self.source[pos:after]}")
            quoted = after >= end or self.source[after] in '"\u201c'
            if not quoted and self._takes_text(after, end, said):
                return "unquoted", after
        return None

    def _line_closed_before(self, pos: int, q: int) -> bool:
        """A colon that closed its line, and text between it and the quote: that text is
        the new text and the quote its own (a defined term, a quoted word)."""
        colon = self.source.find(":", pos, q)
        while colon >= 0:
            eol = self.source.find("\n", colon)
            if eol == -1 or eol > q:
                return False
            if not self.source[colon + 1 : eol].strip() and self.source[eol:q].strip():
                return True
            colon = self.source.find(":", colon + 1, q)
        return False

    def _lead_at_end(self, end: int, indent: int) -> None:
        """ "... to read as follows:" closing a line: unquoted new text on the lines after,
        unless what follows is a sub-list the instruction introduces."""
        info = self._current()
        if info is None:
            return
        said = self._said(info)
        after = self._next_text(end)
        colon = bool(re.search(r":[\s\-\u2014]*$", said))
        if not UNQUOTED.search(said) and not (colon and (wants_text(said) or amends(said))):
            return
        if not re.search(r"[:\-\u2014]\s*$", said) and not self._paragraph_at(after):
            return  # "... by adding the following" wrapped onto the next line
        if after >= self.end:
            return
        if self.source[after] in '"\u201c' and not TERM_FIRST.match(self.source, after + 1):
            return  # quoted new text: _opening found it
        if self._takes_text(after, self.end, said):
            self.resume = self._payload("unquoted", after, indent)

    def _takes_text(self, after: int, end: int, said: str | None = None) -> bool:
        """Is what starts at ``after`` new text (True) or the items' own structure?"""
        info = self._current()
        assert info is not None
        said = self._said(info) if said is None else said
        rest = self.source[after : self._line_end(after)]
        wants = wants_text(said)
        if not wants and GENERIC_LEAD.search(said) and EMBEDDED.match(rest):
            info.notes.append("the instruction was read from the text its lead-in introduces")
            info.since = after
            return False  # "... amended as follows: Subsection 6(a) ... is amended to read ..."
        if self.tree.accepts(rest, SOFT, children=False):
            return False  # the next item: the lead introduced nothing
        if self.tree.accepts(rest, SOFT):
            return wants  # a sub-list, unless the instruction asked for text
        return True

    def _payload(self, kind: str, at: int, indent: int) -> int:
        """Read new text opening at ``at``; returns where the item's own text resumes."""
        info = self._current()
        assert info is not None
        if kind == "quoted":
            close = self._close_quote(at + 1)
            over = self._runs_over(at + 1, self.end if close is None else close)
            if over is not None:
                close = None  # a quote the drafter never closed before the next item
            if close is None:
                info.notes.append(
                    "the quotation never closes; the new text was read up to the next item"
                )
                stop = self._unquoted_end(at + 1)
                self._piece(info, NEW, at + 1, stop, quoted=False)
                return stop
            self._piece(info, NEW, at + 1, close, quoted=True)
            resume = close + 1
            second = NOW_READS.match(self.source, resume)
            if second:
                close2 = self._close_quote(second.end())
                if close2 is not None:
                    self._piece(info, TEXT, resume, second.start("q"))
                    self._piece(info, NEW2, second.end(), close2, quoted=True)
                    resume = close2 + 1
            return resume
        stop = self._unquoted_end(at)
        self._piece(info, NEW, at, stop, quoted=False)
        return stop

    def _close_quote(self, pos: int) -> int | None:
        """The closing quote: one followed by the next item, the end, or "now reads"."""
        m = _CLOSER.search(self.source, pos, self.end)
        while m is not None:
            c = m.start()
            tail = self.source[c + 1 : min(self.end, c + 400)]
            if _END_TAIL.match(tail) or _NOW_TAIL.match(tail) or self._article_follows(tail):
                return c
            follow = _FOLLOW.match(tail)
            if follow is not None:
                text = tail[follow.end() :]
                strength = HARD if "\n\n" in follow.group(0) else SOFT
                if self.tree.accepts(text, strength, children=False) and (
                    self._item_like(text)
                    or "\n" in follow.group(0)
                    or self.source[c - 1 : c] in ".;:!?)]"
                ):
                    return c  # followed by the next item
            m = _CLOSER.search(self.source, c + 1, self.end)
        return None

    @staticmethod
    def _article_follows(tail: str) -> bool:
        """ "... Transaction."" then "ARTICLE III / MISCELLANEOUS": the next article's heading."""
        m = re.match(r"[.;,]?[^\S\n]*\n\s*(\S[^\n]*)", tail)
        if m is None:
            return False
        return match_article(m.group(1)) is not None

    def _runs_over(self, start: int, end: int) -> int | None:
        """A paragraph inside ``[start, end)`` that begins with the next item's label and
        amends: the quotation it seems to be in never closed before it."""
        for line in self._lines_from(start):
            begin = self.offsets[line.index]
            text_start = begin + len(line.raw) - len(line.raw.lstrip())
            if text_start >= end:
                break
            if text_start <= start or line.brk not in ("hard", "soft"):
                continue
            text = self.source[text_start : begin + len(line.raw)]
            strength = HARD if line.brk == "hard" else SOFT
            if self.tree.accepts(text, strength, children=False) and self._item_like(text):
                return text_start
        return None

    def _unquoted_end(self, pos: int) -> int:
        """Where unquoted new text ends: at the next label that continues the items'
        numbering and reads as an item, not as the next paragraph of the new text."""
        own: set[tuple[tuple[str, str, str], int]] = set()  # the new text's own labels
        for line in self._lines_from(pos):
            begin = self.offsets[line.index]
            line_end = begin + len(line.raw.rstrip())
            if line_end <= pos or line.brk == "rule":
                continue
            start = max(pos, begin + len(line.raw) - len(line.raw.lstrip()))
            at_start = start == begin + len(line.raw) - len(line.raw.lstrip())
            candidates: list[int] = [start] if at_start and line.brk != "none" else []
            candidates += [
                m.start("unit") if m.group("unit") else m.start("token")
                for m in _ANY_LABEL.finditer(self.source, start, line_end)
                if m.start() > start or not at_start
            ]
            for at in candidates:
                text = self.source[at:line_end]
                lead = LEAD.match(text)
                if lead is None:
                    continue
                paragraph = at == start and at_start
                strength = (
                    HARD if paragraph and line.brk == "hard" else SOFT if paragraph else INLINE
                )
                if self._ends_new_text(text, strength, own):
                    return at
                for label in _labels(lead.group(0)):
                    own.add((label.shape, label.value))
        return self.end

    def _ends_new_text(
        self, text: str, strength: str, own: set[tuple[tuple[str, str, str], int]]
    ) -> bool:
        if not self.tree.accepts(text, strength, children=False):
            return False
        paragraph = strength in (HARD, SOFT)
        lead = LEAD.match(text)
        assert lead is not None
        continues_own = any((c.shape, c.value - 1) in own for c in _labels(lead.group(0)))
        if self._item_like(text):
            return True
        return paragraph and not continues_own

    def _item_like(self, text: str) -> bool:
        """A labelled paragraph that reads as an item: it amends, or has an item's heading."""
        lead = LEAD.match(text)
        body = text[lead.end() : 400] if lead else text[:400]
        if amends(body) and not _OWN_DOCUMENT.search(body[:80]):
            return True
        if _CAPS_HEADING.match(body.lstrip()):
            return True  # "3. PRODUCTION OF PRODUCT."
        return bool(_HEADED.match(body.lstrip()) and _NON_OPERATIVE.search(body[:80]))

    # --- bookkeeping --------------------------------------------------------
    def _current(self) -> _Info | None:
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

    def _piece(self, info: _Info, kind: str, start: int, end: int, *, quoted: bool = True) -> None:
        info.pieces.append((kind, start, end))
        if kind == NEW:
            info.quoted = quoted

    def _said(self, info: _Info) -> str:
        return fold(" ".join(self.source[a:b] for k, a, b in info.pieces if k == TEXT))

    def _set_ends(self) -> None:
        """An item ends where the next item that is not one of its own begins."""
        inside: dict[int, int] = {}  # node -> its parent item node

        def walk(node: _Node, parent: int) -> None:
            for child in node.children:
                inside[id(child)] = parent
                walk(child, id(child))

        walk(self.tree.root, 0)
        for i, node in enumerate(self.order):
            info = self.info[id(node)]
            for later in self.order[i + 1 :]:
                up = inside.get(id(later), 0)
                while up and up != id(node):
                    up = inside.get(up, 0)
                if up != id(node):
                    info.end = self.info[id(later)].start
                    break

    def _parent_number(self, node: _Node) -> str:
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
        return self.source.count("\n", 0, pos) + 1

    def _line_end(self, pos: int) -> int:
        eol = self.source.find("\n", pos, self.end)
        return self.end if eol == -1 else eol

    def _next_text(self, pos: int) -> int:
        m = _NON_SPACE.search(self.source, pos, self.end)
        return m.start() if m else self.end

    # --- the items ----------------------------------------------------------
    def _top_items(self) -> list[_Node]:
        out: list[_Node] = []

        def walk(nodes: list[_Node]) -> None:
            for node in nodes:
                if id(node) in self.info:
                    out.append(node)
                else:
                    walk(node.children)  # an article over the items

        walk(self.tree.root.children)
        return out

    def _item(self, node: _Node) -> Item:
        return self._build(self.info[id(node)], tuple(self._item(c) for c in self._children(node)))

    def _build(self, info: _Info, children: tuple[Item, ...]) -> Item:
        end = info.end or self.end
        instruction, payload, payload2 = self._assemble(info, children)
        standalone = bool(children) and amends(_without_lead(instruction))
        text = fold(self.source[info.start : end])
        plain = fold(" ".join(self.source[max(a, info.since) : b] for _, a, b in info.pieces))
        redacted = (
            REDACTED_READING.fullmatch(plain)
            if payload in (None, "[*]") or (payload and payload.strip().startswith("[*]"))
            else None
        )
        if redacted:  # both texts withheld from the filing: "previously read: [*] now reads: [*]"
            head = f"{redacted['head']} {PAYLOAD_MARK} {redacted['mid']} {PAYLOAD2_MARK}"
            instruction, payload, payload2 = fold(f"{head} {redacted['tail']}"), "[*]", "[*]"
        return Item(
            number=info.number,
            instruction=instruction,
            payload=payload,
            text=text,
            line=info.line,
            children=children,
            quoted=info.quoted,
            notes=tuple(info.notes),
            payload2=payload2,
            standalone=standalone,
            end_line=self._lineno(max(info.start, self._last_char(end))),
        )

    def _children(self, node: _Node) -> list[_Node]:
        out: list[_Node] = []
        for child in node.children:
            if id(child) in self.info:
                out.append(child)
            else:
                out += self._children(child)
        return out

    def _assemble(
        self, info: _Info, children: tuple[Item, ...]
    ) -> tuple[str, str | None, str | None]:
        parts: list[str] = []
        payload = payload2 = None
        for kind, a, b in info.pieces:
            a = max(a, info.since)
            if a >= b:
                continue
            if kind == TEXT:
                parts.append(self.source[a:b])
            elif kind == NEW and payload is None:
                payload = self.source[a:b]
                parts.append(f" {PAYLOAD_MARK} ")
            elif kind == NEW:
                parts.append(f'"{self.source[a:b]}"')
            else:
                payload2 = self.source[a:b]
                parts.append(f" {PAYLOAD2_MARK} ")
        return fold(" ".join(parts)), payload, payload2

    def _last_char(self, end: int) -> int:
        text = self.source[:end].rstrip()
        return max(0, len(text) - 1)

    def _outside_items(self) -> list[Item]:
        """Operative paragraphs before the first item: an unnumbered item each when they
        amend (the report never loses them), else preamble."""
        paragraphs: list[tuple[int, int, int]] = []
        for start, end, line in self.outside:
            if paragraphs and not _BLANK_LINE.search(self.source, paragraphs[-1][1], start):
                paragraphs[-1] = (paragraphs[-1][0], end, paragraphs[-1][2])
            else:
                paragraphs.append((start, end, line))
        out: list[Item] = []
        for start, end, line in paragraphs:
            text = fold(self.source[start:end])
            if not amends(text) or text.endswith(":"):
                continue
            number = f"\u00b6{len(self.loose) + len(out) + 1}"
            out.append(Item(number, text, None, text, line, end_line=self._lineno(end - 1)))
        return out

    def _sequence_problems(self) -> None:
        """A gap or a repeat in the items' numbering: a page lost from the filing, or items
        out of order -- loudly, never guessed around."""
        top = next((n for n in self._top_items() if n.label is not None), None)
        if top is not None and top.label is not None and top.label.value > 1 and not top.label.unit:
            info = self.info[id(top)]
            first = top.label.with_value(1).text
            printed = re.compile(rf"(?m)^[^\S\n]*{re.escape(first)}\s")
            if printed.search(self.source, 0, self.start):
                return  # "I. Recitals" and "II. Background" came before the operative part
            self.problems.append(
                ItemStructureError(
                    f"the items begin at {top.label.text} (line {info.line}): item "
                    f"{item_number('', first)} and those after it are missing from the filing",
                    item=info.number,
                    line=info.line,
                )
            )
        for note in self.tree.notes:
            if note.kind not in ("sequence", "duplicate"):
                continue
            now, _, before = (item_number("", x) for x in note.message.partition(" follows "))
            if note.kind == "duplicate":
                why = f"item {now} appears twice (line {note.line})"
            else:
                why = (
                    f"item {now} appears after item {before} (line {note.line}): an item is "
                    "missing from the filing or the items are out of order"
                )
            self.problems.append(ItemStructureError(why, item=now, line=note.line))


_CLOSER = re.compile(r"[\"\u201d]")
_END_TAIL = re.compile(r"[.;,]?[^\S\n]*\d{0,3}\s*$")
_NOW_TAIL = re.compile(
    r"[^\S\n]*\d{0,3}\s*(?:\[\*\]\s*)?(?:it\s+|and\s+)?(?:now\s+reads|shall\s+now\s+read|is\s+now\s+required\s+to)\b",
    re.I,
)
_FOLLOW = re.compile(r"[.;,]?\)?[^\S\n]*(?:\d{1,3}[^\S\n]*)?(?:[;,]?\s*(?:and|or)\b)?\s+")
_NON_SPACE = re.compile(r"\S")
# A citation alone on its line, and the lower-case words that carry it on the next.
_CITATION_LINE = re.compile(
    rf"^(?:{CONVENTION.lead_unit})[\w.]+(?:\([A-Za-z0-9]{{1,6}}\))*[^\S\n]*$"
)
_CONTINUES = re.compile(r"(?:of|in|to|is|are|shall|hereof|thereof|as)\b")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_CAPS_HEADING = re.compile(r"^(?:\d+\s+)?[A-Z][A-Z&,'/\-]+(?:\s+[A-Z&,'/\-]+)*[.:]?(?:\s|$)")
_ANY_LABEL = re.compile(
    rf"(?<=\s)(?P<unit>{CONVENTION.lead_unit})?(?P<token>{CONVENTION.token})(?=\s+[A-Z\"\u201c(\[])"
)
_SAME_LINE_LEAD = re.compile(
    r"\b(?:as\s+follows?|the\s+following(?!\s+example)(?:\s+[\w\-().]+){0,6}?|as\s+set\s+forth\s+below)"
    r"\s*:[^\S\n]*(?=\S)"
    r"|\bas\s+follows?[^\S\n]+(?=[A-Z])",  # "replaced as follows Revolving Credit ..."
    re.IGNORECASE,
)
_NON_OPERATIVE = re.compile(
    r"ratif|represent|warrant|condition|effective|counterpart|governing|law|expense|cost|fee"
    r"|reference|miscellaneous|entire|severab|headings|successors|amendment|waiver|consent"
    r"|release|acknowledg|confirm|no\s+other|continuing|full\s+force",
    re.IGNORECASE,
)


def _labels(token: str) -> list:  # type: ignore[type-arg]
    from ..citation import label_candidates

    return label_candidates(token.strip())
