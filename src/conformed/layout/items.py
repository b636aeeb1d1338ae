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

import functools
import re
from functools import lru_cache

from ..lazy_re import lazy_re
from .convention import CONVENTION
from .item import Info, Item, ItemsRead, ItemStructureError, item_number
from .item_build import Assembly
from .item_patterns import (
    _CITATION_LINE,
    _CONTINUES,
    _HEAD_UNIT,
    _OWN_DOCUMENT,
    CITED_HEAD,
    RUNS_ON,
)
from .item_text import NewText
from .lines import LEAD, Line, starts_with_label
from .payload import (
    PAYLOAD2_MARK,
    PAYLOAD_MARK,
    amends,
    fold,
    introduces_below,
    only_leads,
    wants_text,
)
from .rules.article_heading import is_title, match_article
from .says import says_of_any
from .sequence import _INLINE, HARD, INLINE, SOFT

# A unit and its label that a verb follows: the subject of an instruction, not an item.
_CITATION_SUBJECT = lazy_re(
    rf"(?:{CONVENTION.lead_unit})\d[\w.]*(?:\s?\([A-Za-z0-9]{{1,6}}\))*,?\s+"
    r"(?:is|are|shall|of|in|to|hereof|thereof|as)\b"
)

# A unit word at a line's end, a blank line of double spacing or none between it and the
# label at the next line's start: a unit word always names the label after it.
_UNIT_ENDS_LINE = lazy_re(
    rf"(?<![\w.])(?:{CONVENTION.lead_unit})[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*$"
)
# What opens a sentence of its own after a label: a citation or a determiner ("2. Section 4.1
# of the Agreement is ...", "2. The definition of ...")
_OWN_SUBJECT = lazy_re(rf"\s*(?:(?:{CONVENTION.lead_unit})[\dIVXLC(]|(?:The|This|Each|In|All)\s)")
# A line that ends inside a sentence: the next line's label is the sentence's citation.
_MID_SENTENCE = lazy_re(
    r"(?:\b(?:after|before|of|in|to|under|by|with|from|within|the|amend|amends"
    # words no sentence ends on ("... on the first date on which" / "(a) the Agent shall
    # have received ..."): a clause of its list, wrapped to a line's start, not an item
    r"|which|whom|whose|whereby|on|at|for|upon|than|such|an?|any|each|shall|will|may)"
    rf"|{CONVENTION.lead_unit})[^\S\n]*\n[^\S\n]*$"
)

# A line that ends on a word in lower case or a comma, and the next line, which the classifier
# found no break before, opens with a label: the sentence's own words, wrapped ("... deleting
# the words "ninety" / "(90) days" ..."; "... clause (i) and clause" / "(ii) thereof ..."),
# never an item.  A heading over the items ("AMENDMENTS", "Amendments to the Lease") ends on a
# capital; new text ends on a stop or a closing quotation mark.
_RUNS_INTO = lazy_re(r"(?:\b[a-z][\w'\u2019-]*|,)[^\S\n]*\n[^\S\n]*$")

# A bare number opening a line, then a word in lower case ("1997 except as otherwise provided
# below"), after a line that ends inside its sentence (a comma, or a word no sentence ends on;
# a blank line of double spacing between): the sentence's words, wrapped, never an item.
_BARE_NUMBER_WORDS = lazy_re(r"\d{1,4}[^\S\n]+[a-z]")


@lru_cache(maxsize=256)
def _after_and(token: str) -> re.Pattern[str]:
    """``token`` after "; ", "and " or "or ": the token first, each look-behind taking it in,
    so that the search scans for its literal text rather than trying every position."""
    t = re.escape(token)
    return re.compile(rf"{t}(?:(?<=[;,]\s{t})|(?<=\sand\s{t})|(?<=\sor\s{t}))\s+(?=[A-Z\"\u201c(])")


_NEXT_SPACE = lazy_re(r"(?<=\S)\s")
_CITED_RUN = lazy_re(rf"(?m)^[^\S\n]*{CITED_HEAD.pattern}")
# A cited head, then the same citation opening its sentence: "Section 6.3: Section 6.3 ..."
_CITED_AGAIN = lazy_re(
    rf"{CITED_HEAD.pattern}[^\S\n]*(?:{_HEAD_UNIT})(?P<again>\d[\w.]*?(?:\([A-Za-z0-9]{{1,6}}\))*)"
    r"(?![\w.(])"
)

__all__ = ["PAYLOAD2_MARK", "PAYLOAD_MARK", "Item", "ItemStructureError", "fold", "read_items"]


def read_items(source: str, start: int, end: int) -> ItemsRead:
    """The items of ``source[start:end]`` (the operative part), and any structural problem."""
    return _Reader(source, start, end).read()


class _Reader(NewText, Assembly):
    """Reads the operative part line by line, items opened by the tree, new text set aside."""

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
        articles = self._articles()
        items = [self._item(n, articles.get(id(n))) for n in self._top_items()]
        first = self.info[id(self.order[0])].start if self.order else self.end
        for k, info in enumerate(self.loose):
            info.end = self.loose[k + 1].start if k + 1 < len(self.loose) else first
        items = [*self._outside_items(), *(self._build(i, ()) for i in self.loose), *items]
        self._sequence_problems()
        return ItemsRead(items, self.problems)

    def _segment(self, pos: int, end: int, strength: str, indent: int, line: int) -> None:
        if strength and self._article(pos, end, indent, line):
            return
        if strength == HARD and self._cited_head(pos, end, line):
            # "Section 6.3: Section 6.3 (Exclusivity) is deleted ...": the provision the head
            # names, named again as the sentence's subject, is no item of its own
            again = _CITED_AGAIN.match(self.source, pos, end)
            if again is not None and again["again"] == again["label"]:
                self._text(pos, again.end())
                pos = again.end()
            self._flow(pos, end, indent)
            return
        if strength:
            opened = self._open(pos, end, strength, indent, line)
            if opened == pos and strength == HARD and not self.order:
                self._loose(pos, line)
            pos = opened
        elif LEAD.match(self.source[pos:end]) and not self._runs_into(pos):
            # resuming after new text, at the next item
            pos = self._open(pos, end, INLINE, indent, line)
        self._flow(pos, end, indent)

    def _loose(self, pos: int, line: int) -> None:
        """An unnumbered paragraph before any numbered item that amends ("Section 2: The
        definition of ... is amended to read as follows:"), or says something of a provision,
        a term or a named value ("Section 2 shall be of no further force or effect."): an
        item of its own, "¶1",
        so that its new text is read as new text and nothing operative is lost.  A lead
        that only introduces what follows ("... does hereby amend the Plan as follows:")
        is not one, nor one that says the items below amend ("RESOLVED, that the Plan be,
        and it hereby is, amended as set forth below")."""
        end = self._paragraph_end(pos)
        while end < self.end and RUNS_ON.search(self.source, max(pos, end - 40), end):
            end = self._paragraph_end(end)  # a double-spaced sentence, run over a blank line
        label = self._inline_label(pos, end)
        text = fold(self.source[pos : label[0] if label else end])  # up to the first item in it
        if not (amends(text) or says_of_any(text)) or _OWN_DOCUMENT.match(text):
            return
        if (only_leads(text) or introduces_below(text)) and not wants_text(text):
            return
        self.loose.append(Info(f"\u00b6{len(self.loose) + 1}", pos, line))

    def _cited_head(self, pos: int, end: int, line: int) -> bool:
        """A paragraph headed by the provision it amends ("Section 4.2:  The first sentence of
        this Section is amended ..."), where the changes are a run of these and no item is
        numbered: an item whose printed number is the citation's label, as a reader cites it
        (the line tells two items "4.2" apart).  Only a paragraph that amends is one."""
        if self.order or not self._cited_run:
            return False
        m = CITED_HEAD.match(self.source, pos, end)
        if m is None or not amends(fold(self.source[m.end() : self._paragraph_end(pos)])):
            return False
        self.loose.append(Info(item_number("", m.group("label")), pos, line))
        return True

    @functools.cached_property
    def _cited_run(self) -> bool:
        """Whether at least two paragraphs of the operative part are headed by a citation, and
        their labels are citations, not a numbering: "Section 1:", "Section 2:", "Section 3:"
        number items (the tree reads them, with their sub-items); "Section 3:", "Section 4:"
        cite the plan's Sections 3 and 4."""
        labels = [m.group("label") for m in _CITED_RUN.finditer(self.source, self.start, self.end)]
        if len(labels) < 2:
            return False
        numbers = [int(label) if label.isdigit() else -1 for label in labels]
        return numbers != list(range(1, len(numbers) + 1))

    def _paragraph_end(self, pos: int) -> int:
        lines = self._lines_from(pos)
        next(lines, None)
        for line in lines:
            if line.brk == "hard":
                return self.offsets[line.index]
        return self.end

    def _article(self, pos: int, end: int, indent: int, line: int) -> bool:
        """ "ARTICLE II AMENDMENTS" over the items: a node of the tree, in no item."""
        if RUNS_ON.search(self.source[max(0, pos - 80) : pos].rstrip()):
            return False  # "... at the end of" / "" / "Article 6:": the sentence's, wrapped
        found = match_article(self.source[pos:end])
        if found is None:
            return False
        label, title = found
        self.tree.open_article(Line(self.source[pos:end], "hard", number=line), label, title, [])
        nxt = self._next_text(end)
        title_end = self._line_end(nxt)
        under = self.source[nxt:title_end]
        if (
            not title
            and nxt < self.end
            and is_title(under)
            and (under.isupper() or not starts_with_label(under.strip()))
        ):
            # the title on the line under it, in capitals or in Title Case ("ARTICLE IV" /
            # "Conditions Precedent"; never "Section 4.1 Conditions", an item of its own)
            self.resume = title_end
            self.tree.root.children[-1].heading = under.strip()
        return True

    def _open(self, pos: int, end: int, strength: str, indent: int, line: int) -> int:
        """Labels at ``pos`` that continue the numbering open items; returns where text starts."""
        text = self.source[pos:end]
        if not self.tree.accepts(text, strength):
            return pos
        lead = _CITATION_LINE.match(text)
        if lead and _CONTINUES.match(self.source, self._next_text(end)):
            return pos  # "Section 8.5(a)" / "of the Plan is amended ...": a citation, wrapped
        if _CITATION_SUBJECT.match(text):
            return pos  # "Section 2.01(a)(ix) is deleted ...": the subject of a sentence
        if strength != HARD and _MID_SENTENCE.search(self.source, max(0, pos - 40), pos):
            return pos  # "... is added immediately after" / "Section 2.01(a)(xiv):"
        if self._wrapped_number(pos):
            return pos  # "... effective as of January 1," / "" / "1997 except as ..."
        label = LEAD.match(text)
        if _UNIT_ENDS_LINE.search(self.source, max(0, pos - 40), pos) and not _OWN_SUBJECT.match(
            text, label.end() if label else 0
        ):
            # "2.1 Section" / "" / "3.4 Storage Charges is deleted": its label (never "2.
            # Section 4.1 of the Agreement is ...", a sentence of its own after the label)
            return pos
        nodes, used = self.tree.open_chain(text, indent, strength, line)
        for node in nodes:
            parent = self._parent_number(node)
            assert node.label is not None
            self.info[id(node)] = Info(item_number(parent, node.label.text), pos, line)
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
                if pos == label[0]:  # a citation after all ("Section 2.01(a) is deleted")
                    past = _NEXT_SPACE.search(self.source, pos, end)
                    pos = past.start() if past else end
                    self._text(label[0], pos)
                continue
            self._text(pos, end)
            self._lead_at_end(end, indent)
            return

    def _runs_into(self, at: int) -> bool:
        """The line before ``at`` ends inside its sentence, on a word in lower case or a comma.
        (After "; and" or ", or" the line classifier has already broken the line: the next
        label goes on an enumeration.)"""
        return bool(_RUNS_INTO.search(self.source, max(0, at - 40), at))

    def _wrapped_number(self, at: int) -> bool:
        """A number the sentence before it runs on to: words, never a label."""
        return bool(
            _BARE_NUMBER_WORDS.match(self.source, at)
            and RUNS_ON.search(self.source, max(0, at - 40), at)
        )

    def _inline_label(self, pos: int, end: int) -> tuple[int, str] | None:
        """The next label inside a line that continues the items: after a sentence, or
        -- the next item expected, as enumerations run on -- after "; and"."""
        found: list[tuple[int, str]] = []
        m = self._search(_INLINE, pos, end)
        while m is not None:
            at = m.start("unit") if m.group("unit") else m.start("token")
            if self.tree.accepts(self.source[at:end], INLINE) and not self._wrapped_number(at):
                found.append((at, m.group("token")))
                break
            m = self._search(_INLINE, m.end("token"), end)
        for token in self._expected():  # "...; and e. Any other documents ..."
            e = self._search(_after_and(token), pos, end)
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
