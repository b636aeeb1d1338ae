"""The items, built from what the reader kept: instruction, new text, lines, children.

Also the structural problems the reader must report rather than guess around: a gap or
a repeat in the items' numbering, items that begin past 1 (a page lost from the filing).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from ..citation import Label
from .item import Info, Item, ItemStructureError, _without_lead, item_number
from .item_base import NEW, TEXT, ReaderBase
from .item_patterns import _BLANK_LINE, CARRIES_ON, HEADING_LINE, RUNS_ON
from .node import Node
from .payload import (
    PAYLOAD2_MARK,
    PAYLOAD_MARK,
    REDACTED_READING,
    amends,
    amends_before_lead,
    fold,
    introduces_below,
    reopened_paragraphs,
)

# A lead's colon printed with a dash after it, as some drafters do ("... following
# Section 2:-"): the colon is what announces the new text.
_COLON_DASH = re.compile(r":[^\S\n]*[-\u2013\u2014]+\s*$")


class Assembly(ReaderBase):
    def _set_ends(self) -> None:
        """An item ends where the next item that is not one of its own begins."""
        inside: dict[int, int] = {}  # node -> its parent item node

        def walk(node: Node, parent: int) -> None:
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

    def _top_items(self) -> list[Node]:
        out: list[Node] = []

        def walk(nodes: list[Node]) -> None:
            for node in nodes:
                if id(node) in self.info:
                    out.append(node)
                else:
                    walk(node.children)  # an article over the items

        walk(self.tree.root.children)
        return out

    def _articles(self) -> dict[int, Node]:
        """The article heading over each top item ("ARTICLE III" over its "(a)")."""
        out: dict[int, Node] = {}
        for article in self.tree.root.children:
            if article.kind == "article" and article.label is not None:
                for node in article.children:
                    out[id(node)] = article
        return out

    @functools.cached_property
    def _numbered_across(self) -> bool:
        """Items numbered on from one ARTICLE to the next ("1." to "6." under ARTICLE I, "7."
        to "10." under ARTICLE II): each number says its item alone, as the drafter printed
        it, and no article is put before it."""
        runs: list[list[int]] = [[]]  # (items above the first article are a run of their own)
        for node in self.tree.root.children:
            if node.kind == "article":
                runs.append(
                    [n.label.value for n in node.children if id(n) in self.info and n.label]
                )
            elif id(node) in self.info and node.label is not None:
                runs[-1].append(node.label.value)
        runs = [r for r in runs if r]
        values = [v for r in runs for v in r]
        return len(runs) > 1 and values == sorted(set(values)) and runs[1][0] > runs[0][-1]

    def _item(self, node: Node, article: Node | None = None) -> Item:
        children = tuple(self._item(c, article) for c in self._children(node))
        return self._build(self.info[id(node)], children, article)

    def _build(self, info: Info, children: tuple[Item, ...], article: Node | None = None) -> Item:
        end = info.end or self.end
        instruction, payload, payload2 = self._assemble(info, children)
        standalone = bool(children) and amends(_without_lead(instruction))
        text = fold(self.source[info.start : end])
        redacted = (
            REDACTED_READING.fullmatch(self._plain(info))
            if payload in (None, "[*]") or (payload and payload.strip().startswith("[*]"))
            else None
        )
        if redacted:  # both texts withheld from the filing: "previously read: [*] now reads: [*]"
            head = f"{redacted['head']} {PAYLOAD_MARK} {redacted['mid']} {PAYLOAD2_MARK}"
            instruction, payload, payload2 = fold(f"{head} {redacted['tail']}"), "[*]", "[*]"
        return Item(
            number=_under(
                article.label if article and not self._numbered_across else None, info.number
            ),
            article=fold(article.heading) if article else "",
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

    def _plain(self, info: Info) -> str:
        """Everything the item says, its new text too, whitespace-folded (only where its new
        text was withheld: most items never need it)."""
        return fold(" ".join(self.source[max(a, info.since) : b] for _, a, b in info.pieces))

    def _children(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for child in node.children:
            if id(child) in self.info:
                out.append(child)
            else:
                out += self._children(child)
        return out

    def _assemble(
        self, info: Info, children: tuple[Item, ...]
    ) -> tuple[str, str | None, str | None]:
        parts: list[str] = []
        payload = payload2 = None
        for kind, a, b in info.pieces:
            a = max(a, info.since)
            if a >= b:
                continue
            if kind == TEXT:
                if len(parts) == 1 and _heading_alone(parts[0], self.source[a:b]):
                    parts[0] = f"{parts[0].strip()}."
                parts.append(self.source[a:b])
            elif kind == NEW and payload is None:
                if parts and (dash := _COLON_DASH.search(parts[-1])):
                    parts[-1] = f"{parts[-1][: dash.start()]}:"
                payload = self.source[a:b]
                if info.quoted:  # '"(a) ...' / '"(b) ...": each paragraph reopens the quote
                    payload = reopened_paragraphs(payload)
                parts.append(f" {PAYLOAD_MARK} ")
            elif kind == NEW and payload2 is None and parts[-1].rstrip().endswith(":"):
                # "... in lieu thereof: <text> and (iii) adding the following sentence at the
                # end of said Section: <text>": the second block is the second edit's
                payload2 = self.source[a:b]
                parts.append(f" {PAYLOAD2_MARK} ")
            elif kind == NEW:
                parts.append(f'"{self.source[a:b]}"')
            else:
                payload2 = self.source[a:b]
                parts.append(f" {PAYLOAD2_MARK} ")
        return fold(" ".join(parts)), payload, payload2

    def _last_char(self, end: int) -> int:
        """The last character before ``end`` that is not white space (0 if none): found by
        stepping back, not by copying the source up to ``end`` for every item."""
        at = min(end, len(self.source)) - 1
        while at >= 0 and self.source[at].isspace():
            at -= 1
        return max(0, at)

    def _outside_items(self) -> list[Item]:
        """Operative paragraphs before the first item: an unnumbered item each when they
        amend (the report never loses them), else preamble."""
        paragraphs: list[tuple[int, int, int]] = []
        # (text before an item and text after it are two paragraphs, never one over the item:
        # an "ARTICLE II" heading between items is outside them, and its words are not the
        # lead's that came before item 1.1)
        starts = sorted(info.start for info in (*self.info.values(), *self.loose))
        for start, end, line in self.outside:
            if (
                paragraphs
                and (bisect_left(starts, start) == bisect_left(starts, paragraphs[-1][1]))
                and (
                    not _BLANK_LINE.search(self.source, paragraphs[-1][1], start)
                    # a double-spaced filing's sentence runs over a blank line after words that
                    # run on ("... effective as of January 1," / "" / "1997, as follows:")
                    or RUNS_ON.search(
                        self.source, max(0, paragraphs[-1][1] - 40), paragraphs[-1][1]
                    )
                )
            ):
                paragraphs[-1] = (paragraphs[-1][0], end, paragraphs[-1][2])
            else:
                paragraphs.append((start, end, line))
        out: list[Item] = []
        for start, end, line in paragraphs:
            text = fold(self.source[start:end])
            if (
                not amends(text)
                or (text.endswith(":") and not amends_before_lead(text))
                or introduces_below(text)
            ):
                continue  # ("as follows:", "amended as set forth below": the items amend)
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


def _under(article: Label | None, number: str) -> str:
    """An item's number with its article's: items lettered or numbered afresh under each
    ARTICLE are "I.(a)" and "III.(a)", never two items "(a)"; "2.1" under ARTICLE II
    already says its article."""
    if article is None:
        return number
    first = re.match(r"\d+", number)
    if first is not None and int(first.group(0)) == article.value and "." in number:
        return number
    printed = re.sub(r"(?i)^\s*(?:article|art\.)\s*", "", article.text).strip().rstrip(".")
    return f"{printed}.{number}"


def _heading_alone(first: str, then: str) -> bool:
    """ "Gearing Ratio", a paragraph of its own, then "Clause 19.1 (Gearing Ratio) of the
    Facility Agreement is ...": the item's heading, ended as "Gearing Ratio." would be (a
    heading is never the instruction's subject)."""
    m = HEADING_LINE.fullmatch(first)
    opening = then.lstrip()[:1]
    if m is None or not (opening in ('"', "\u201c") or opening.isupper()):
        return False
    words = m["head"].split()
    return len(words) <= 6 and words[-1] not in CARRIES_ON
