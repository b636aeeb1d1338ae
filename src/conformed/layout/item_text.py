"""New text inside an amendment's items: where it opens, where it closes, what it is not.

Quoted text runs to the quote that the next item, the end, an article heading or "it now
reads" follows; a quotation the drafter never closed ends at the next paragraph that
continues the items and amends.  Unquoted text after a lead ("... to read as follows:")
runs to the next label that continues the items' numbering and reads as an item, not
as the next paragraph of the new text (payload.py holds the words; this, the reading).
"""

from __future__ import annotations

import re
from itertools import chain

from ..citation import Label
from ..lazy_re import lazy_re
from .item import Info
from .item_base import NEW, NEW2, TEXT, ReaderBase
from .item_patterns import (
    _ANY_LABEL,
    _BLANK_LINE,
    _CAPS_HEADING,
    _CAPS_UNIT_LINE,
    _CHANGES_HEADING,
    _CLOSER,
    _END_TAIL,
    _FOLLOW,
    _HEADED,
    _LOCATED_LEAD,
    _NEXT_EDIT,
    _NON_OPERATIVE,
    _NOW_TAIL,
    _OPENS_WITH_EDIT,
    _OWN_DOCUMENT,
    _PARAGRAPH_GAP,
    _SAME_LINE_LEAD,
    _UMBRELLA_END,
    CITED_HEAD,
    CLOSES_AMENDMENT,
    HEADED_INSTRUCTION,
    INLINE_NEXT_EDIT,
    INSTRUCTION_PARAGRAPH,
    PAGE_FURNITURE,
    _cites_own_label,
    _inside_cited,
    _labels,
    continues_own_list,
    first_paragraph,
)
from .lines import LEAD
from .payload import (
    EMBEDDED,
    GENERIC_LEAD,
    NEVER_CLOSES,
    NOW_READS,
    OPEN,
    TERM_AMENDED,
    TERM_FIRST,
    UNQUOTED,
    amends,
    fold,
    opens_quotation,
    wants_text,
)
from .rules.article_heading import match_article
from .sequence import HARD, INLINE, SOFT

# a quotation mark, either way, and the sentence the item's words go on in after one
_CLOSER_OR_OPENER = lazy_re(r"[\"\u201c\u201d]")
_NEW_SENTENCE = lazy_re(r"[^\S\n]+[A-Z][a-z]")
# or a paragraph of the item's own after it ('... by the Committee."' / "The foregoing
# amendment shall apply only to ...")
_NEW_PARAGRAPH = lazy_re(r"[^\S\n]*\n[^\S\n]*\n\s*[A-Z][a-z]")

# Short quotations one after another, joined by commas, "and" or "or": a list of words
_QUOTED_LIST = lazy_re(
    r'["\u201c][^"\u201c\u201d]{1,80}["\u201d]'
    r'(?:\s*(?:,|;|,?\s*(?:and|or))\s*["\u201c][^"\u201c\u201d]{1,80}["\u201d])+'
)


# A sentence that has said only its subject, "The following" (perhaps "The following new"):
# whatever comes after it is the rest of the sentence, never the text it will announce
_SUBJECT_ONLY = lazy_re(r"(?:^|[.;:]\s+)The\s+following(?:\s+(?:new|additional))?\s*$")


# An instruction that adds provisions: a paragraph after it that opens with a label it cites
# is the first of them, whatever its heading says
_ADDS = lazy_re(r"\b(?:added|inserted|adding|inserting)\b", re.IGNORECASE)


# A sentence's first words that say it is one more change ("Further, ...", "In addition, ...")
_ONE_MORE = lazy_re(r"(?:Further|In\s+addition|Additionally|Also),?\s+(?=[a-z])")


# ", which reads", "that currently reads": a claim of what the part cited says now
_SAYS_NOW = lazy_re(r"\b(?:which|that)\s+(?:(?:currently|presently)\s+)?reads?\b", re.IGNORECASE)


# The term a restated definition opens with: '"Maturity Date" means ...'
_OPENING_TERM = lazy_re(r"[\"\u201c]\s*([^\"\u201c\u201d]{1,80}?)\s*[\"\u201d]")


def _names_own_term(said: str, rest: str) -> bool:
    """Does the text after the lead open with a term the instruction itself quotes, as a
    definition ('The definition of "Maturity Date" is restated as follows: "Maturity Date"
    means ...')?  Then it is the new text, whether or not a colon came before it."""
    if TERM_FIRST.match(rest, 1) is None:
        return False
    opening = _OPENING_TERM.match(rest)
    if opening is None:
        return False
    term = " ".join(opening.group(1).split()).lower()
    return any(" ".join(q.split()).lower() == term for q in _OPENING_TERM.findall(said))


# '“ “Term Loan Date”: ...': a curly opening mark, spaced, before another (the new
# text's own, then its defined term's)
_CURLY_AGAIN = lazy_re("[^\\S\\n]+\u201c")


# Words of the instruction that may follow its quoted new text and end its sentence ('...
# inserting the following "roof and gutters" in lieu thereof.', '... the following "and
# gutters" immediately after the word "roof".')
_LIEU_TAIL = lazy_re(
    r"[^\S\n]+(?:in\s+lieu\s+thereof|in\s+(?:its|their)\s+(?:place|stead)|therefor"
    r"|at\s+the\s+end\s+thereof|(?:immediately\s+)?(?:after|before|following|preceding)\s[^.;\n]{1,120}?)"
    r"(?=[.;])",
    re.IGNORECASE,
)


class NewText(ReaderBase):
    def _opening(self, pos: int, end: int) -> tuple[str, int] | None:
        """The start of new text in ``[pos, end)``: a quote after a lead, or unquoted text
        after "as follows:" on the same line (flattened text)."""
        info = self._current()
        if info is None:
            return None
        reach = min(self._next_text(end) + 1, self.end)
        m = self._search(OPEN, pos, reach)
        while m is not None:
            q = m.start("q") if m.group("q") else m.start("c")
            if q >= end and q != self._next_text(end):
                break
            if TERM_AMENDED.match(self.source, q + 1) and self._opens_line(q):
                break  # '"Margin" shall be amended ...' opening a paragraph: an instruction
            if _SAYS_NOW.search(self.source[max(pos, m.start() - 30) : m.start() + 6]):
                m = self._search(OPEN, m.end(), reach)  # ', which reads "X"': what the part
                continue  # reads now, words of the instruction (checked), never new text
            doubled = (
                self.source[q + 1 : q + 2] in ('"', "\u201c")
                and self.source[q] == self.source[q + 1]
            ) or (self.source[q] == "\u201c" and _CURLY_AGAIN.match(self.source, q + 1) is not None)
            if self._inside_quotation(info, q):
                pass  # '... inserting ", or any successor thereto" after ...': it closes one
            elif doubled and not self._line_closed_before(pos, q):
                return "quoted", q  # '""Clawback Policy" means ..."': a quoted definition
            elif not TERM_FIRST.match(self.source, q + 1) and not self._line_closed_before(pos, q):
                return "quoted", q
            m = self._search(OPEN, m.end(), reach)
        lead = self._search(_SAME_LINE_LEAD, pos, end)
        if lead is not None:
            after = lead.end()
            said = fold(f"{self._said(info)} {self.source[pos:after]}")
            quoted = after >= end or self.source[after] in '"\u201c'
            bare = ":" not in self.source[lead.start() : after]
            labelled = bare and self.source[after : after + 1] == "("
            if labelled and not self._opens_own_text(said, after):
                return None  # "amended as follows (i) by deleting ...": its own list
            if quoted and after < end and wants_text(said):
                rest = self.source[after : after + 200]
                if _names_own_term(said, rest):
                    return "unquoted", after  # 'as follows: "Maturity Date" means ...'
                if bare:
                    return None
            if not quoted and self._takes_text(after, end, said):
                return "unquoted", after
        return None

    def _inside_quotation(self, info: Info, q: int) -> bool:
        """Is ``q`` inside a quotation the item's own words opened (an odd count of straight
        quotes since the item or its last new text began, or more curly openings than
        closings)?  Then it closes it."""
        begin = max([info.start, *(b + 1 for kind, _, b in info.pieces if kind != TEXT)])
        said = self.source[begin:q]
        if self.source[q] == "\u201c":
            return False
        return said.count('"') % 2 == 1 or said.count("\u201c") > said.count("\u201d")

    def _opens_line(self, q: int) -> bool:
        start = self.source.rfind("\n", 0, q) + 1
        return not self.source[start:q].strip()

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
        if said.count('"') % 2 == 1 or said.count("\u201c") > said.count("\u201d"):
            return  # a colon inside quoted words ('... "Lender: Wexford Bank -- Commitment:'
            # wrapped at the line's end): no lead, the quotation goes on
        after = self._next_text(end)
        colon = bool(re.search(r":[\s\-\u2014]*$", said))
        if not UNQUOTED.search(said) and not (colon and (wants_text(said) or amends(said))):
            return
        if (
            not re.search(r"[:\-\u2014]\s*$", said)
            and (not self._paragraph_at(after) or self.source[after : after + 1].islower())
            and not self._opens_own_text(said, after)
        ):
            return  # "... by adding the following" wrapped onto the next line (where lines
            # are paragraphs, a line that opens in lower case goes on with the sentence:
            # "... by deleting the following" / "terms and their existing definitions ...:");
            # but after "restating clause (iii) ... to read as follows" a line "(iii) Sales
            # ..." or '"Maturity Date" means ...' is the new text, the colon left out
        if after >= self.end:
            return
        if _SUBJECT_ONLY.search(said) and self.source[after].islower():
            return  # "The following" / "text is hereby inserted ...": double-spaced text
            # whose sentence, its subject said, goes on after a blank line to its verb
        term = TERM_FIRST.match(self.source, after + 1) or TERM_AMENDED.match(
            self.source, after + 1
        )
        if self.source[after] in '"\u201c' and not term:
            return  # quoted new text: _opening found it
        if self._takes_text(after, self.end, said):
            # a lead that asks for text ("the following is inserted in its place:"), and a
            # paragraph after it that is no next item: that paragraph is the text's first
            keep = wants_text(said)
            self.resume = self._payload("unquoted", after, indent, keep_first=keep)

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
        if (wants or _ADDS.search(said)) and self._own_label_first(said, after):
            return True  # "Section 4.22 is restated as follows:" / "4.22 Title. ...": its text
            # (and "Sections 4.3A and 4.3B ... are hereby added ...:" / "4.3A Conditions ...")
        if self.tree.accepts(rest, SOFT, children=False):
            return False  # the next item: the lead introduced nothing
        if self.tree.accepts(rest, SOFT):
            if wants and _UMBRELLA_END.search(said):  # "... the following provisions ... are
                first = _BLANK_LINE.split(self.source[after : after + 400], maxsplit=1)[0]
                if self._item_like(first):  # hereby modified:" / "(a) ... is hereby deleted"
                    return False
            return wants  # a sub-list, unless the instruction asked for text
        # "... is amended in the following respects:" / "(b) Section 2 is ...": its items
        return wants or not LEAD.match(rest) or not self._amending_list(after)

    def _amending_list(self, after: int) -> bool:
        """Do labelled paragraphs that amend follow a lead that asks for no text?  They
        are its items, whether or not the tree can place them -- never its new text."""
        paragraphs = _BLANK_LINE.split(self.source[after : min(self.end, after + 3000)])[:6]
        first = LEAD.match(paragraphs[0].strip())
        if first is None:
            return False
        shapes = {label.shape for label in _labels(first.group(0))}
        for paragraph in paragraphs:
            text = paragraph.strip()
            lead = LEAD.match(text)
            if lead is None or not shapes & {label.shape for label in _labels(lead.group(0))}:
                continue  # not the list that starts after the lead ("8. ..." after "14100 ...")
            if self._item_like(text):
                return True
        return False

    def _payload(self, kind: str, at: int, indent: int, *, keep_first: bool = False) -> int:
        """Read new text opening at ``at``; returns where the item's own text resumes."""
        info = self._current()
        assert info is not None
        if kind == "quoted":
            close = self._close_quote(at + 1)
            over = self._runs_over(at + 1, self.end if close is None else close)
            if over is not None:
                close = None  # a quote the drafter never closed before the next item
            if close is None:
                close = self._balanced_close(at + 1)
            if close is None:
                info.notes.append(f"{NEVER_CLOSES}; the new text was read up to the next item")
                stop = self._unquoted_end(at + 1)
                self._piece(info, NEW, at + 1, stop, quoted=False)
                return stop
            if _QUOTED_LIST.fullmatch(self.source, at, close + 1):
                # '"Base Fee" and "Fee Cap"': a list of quoted words, each its own
                # quotation; the quotes say where each one ends, so they stay
                self._piece(info, NEW, at, close + 1, quoted=False)
                return close + 1
            self._piece(info, NEW, at + 1, close, quoted=True)
            resume = close + 1
            after = self._after_page_foot(resume, self.end)  # no words of the item
            if after is not None and self.tree.accepts(
                self.source[after : self._line_end(after)], HARD, children=False
            ):
                resume = after
            second = NOW_READS.match(self.source, resume)
            if second:
                close2 = self._close_quote(second.end())
                if close2 is not None:
                    self._piece(info, TEXT, resume, second.start("q"))
                    self._piece(info, NEW2, second.end(), close2, quoted=True)
                    resume = close2 + 1
            return resume
        stop = self._unquoted_end(at, keep_first=keep_first)
        self._piece(info, NEW, at, stop, quoted=False)
        return stop

    def _balanced_close(self, pos: int) -> int | None:
        """The quote that closes the quotation opened before ``pos``, by the marks' shape,
        where the item's words go on after it in a sentence of their own ('... course." The
        Borrower shall pay ...'): the quotes inside it opening and closing in pairs ('the
        "Expansion Space." Landlord ...' is inside), its own closing mark after a full stop
        and before a capital.  None where there is no such mark before the item's end, or
        the quotation would run over the next item."""
        depth = 1
        for m in _CLOSER_OR_OPENER.finditer(self.source, pos, self.end):
            c = m.start()
            before = self.source[c - 1 : c]
            if opens_quotation(self.source, c):
                depth += 1
                continue
            depth -= 1
            if depth == 0:
                sentence = _NEW_SENTENCE.match(self.source, c + 1, self.end) or (
                    _NEW_PARAGRAPH.match(self.source, c + 1, self.end)
                )
                if before in ".!?" and sentence is not None and self._runs_over(pos, c) is None:
                    return c
                return None
        return None

    def _close_quote(self, pos: int) -> int | None:
        """The closing quote: one followed by the next item, the end, or "now reads"."""
        m = _CLOSER.search(self.source, pos, self.end)
        while m is not None:
            c = m.start()
            tail = self.source[c + 1 : min(self.end, c + 400)]
            if _END_TAIL.match(tail) or _NOW_TAIL.match(tail) or self._article_follows(tail):
                return c
            gap = _PARAGRAPH_GAP.match(tail)
            if gap is not None and self._instructs(c + 1 + gap.end()):
                return c  # then an unlabelled paragraph that instructs: the next item
            if gap is not None and _NEXT_EDIT.match(tail, gap.end()):
                return c  # then "(ii) deleting the period ...": the item's next edit
            if INLINE_NEXT_EDIT.match(tail):
                return c  # '..." and (iii) deleting ...' on the same line: the next edit
            lieu = _LIEU_TAIL.match(tail)
            if lieu is not None and self._item_ends(c + 1 + lieu.end()):
                return c  # '... the following "roof and gutters" in lieu thereof.' (the
                # instruction's own words end it: the quotation closed before them)
            if self.source[c - 1 : c] in ".;!?" and self._instructs_next(c + 1):
                # '... (the "Hard Date")." Section 2.2 of the Agreement is further amended by
                # adding ...': the item's next sentence instructs, after the quotation ends
                return c
            after = self._after_page_foot(c + 1, min(self.end, c + 400))
            if after is not None:  # a page's foot, then the next item
                text = self.source[after : min(self.end, c + 400)]
                if self.tree.accepts(text, HARD, children=False) and self._item_like(text):
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

    def _item_ends(self, pos: int) -> bool:
        """Does the item end at ``pos``: the amendment's end, or the next item after it?"""
        tail = self.source[pos : min(self.end, pos + 400)]
        if _END_TAIL.match(tail):
            return True
        follow = _FOLLOW.match(tail)
        if follow is None:
            return False
        text = tail[follow.end() :]
        strength = HARD if "\n\n" in follow.group(0) else SOFT
        return self.tree.accepts(text, strength, children=False) and (
            self._item_like(text) or "\n" in follow.group(0)
        )

    def _after_page_foot(self, pos: int, end: int) -> int | None:
        """Where the text after a page's foot at ``pos`` begins (page and document numbers on
        lines of their own, left between a quotation's close and the next item), or None."""
        m = PAGE_FURNITURE.match(self.source, pos, end)
        return m.end() if m is not None and m.group(0).count("\n") > 2 else None

    def _instructs_next(self, pos: int) -> bool:
        """A sentence on the same line after ``pos`` that is an instruction of its own."""
        gap = _SAME_LINE_GAP.match(self.source, pos, self.end)
        return gap is not None and self._instructs(gap.end())

    @staticmethod
    def _article_follows(tail: str) -> bool:
        """ "... Transaction."" then "ARTICLE III / MISCELLANEOUS": the next article's heading."""
        m = re.match(r"[.;,]?[^\S\n]*\n\s*(\S[^\n]*)", tail)
        if m is None:
            return False
        line = m.group(1).strip()
        return match_article(line) is not None or _CAPS_UNIT_LINE.match(line) is not None

    def _runs_over(self, start: int, end: int) -> int | None:
        """A paragraph inside ``[start, end)`` that begins with the next item's label and
        amends: the quotation it seems to be in never closed before it.  A part of the
        provision the item cites (its Section 7.2 in a restated Article 7) is the new text's
        own unless it amends."""
        own: str | None = None
        for line in self._lines_from(start):
            begin = self.offsets[line.index]
            text_start = begin + len(line.raw) - len(line.raw.lstrip())
            if text_start >= end:
                break
            if text_start <= start or line.brk not in ("hard", "soft"):
                continue
            if line.brk == "hard" and self._instructs(text_start):
                return text_start  # an unlabelled paragraph that instructs
            # the paragraph's first lines: its amending words may wrap onto the second
            text = self.source[text_start : min(end, text_start + 400)]
            text = first_paragraph(text)
            lead = LEAD.match(text)
            if lead is not None and not text[lead.end() :].strip():
                # "7." alone, its words a paragraph below: the item is what they say
                rest = self.source[text_start + len(text) : min(end, text_start + 400)]
                text = f"{text.strip()} {first_paragraph(rest.lstrip())}"
            strength = HARD if line.brk == "hard" else SOFT
            if own is None:
                info = self._current()
                own = self._said(info) if info is not None else ""
            if _inside_cited(own, text) and not amends(text):
                continue  # "7.2 Standby Fee." in a restated Article 7: its own Section
            if self.tree.accepts(text, strength, children=False) and self._item_like(text):
                return text_start
        return None

    def _unquoted_end(self, pos: int, *, keep_first: bool = False) -> int:
        """Where unquoted new text ends: at the next label that continues the items'
        numbering and reads as an item, not as the next paragraph of the new text."""
        own: set[Own] = set()  # the new text's own labels
        info = self._current()  # "Section 4.22 is restated ...": "4.22 Title." is its text
        cited = keep_first or (info is not None and self._own_label_first(self._said(info), pos))
        for line in self._lines_from(pos):
            begin = self.offsets[line.index]
            line_end = begin + len(line.raw.rstrip())
            if line_end <= pos or line.brk == "rule":
                continue
            start = max(pos, begin + len(line.raw) - len(line.raw.lstrip()))
            at_start = start == begin + len(line.raw) - len(line.raw.lstrip())
            if at_start and start > pos and line.brk == "hard" and self._instructs(start):
                return start
            if at_start and start > pos and line.brk == "hard" and self._next_edit(start):
                return start
            if at_start and start > pos and line.brk == "hard" and self._closes(start):
                return start
            if at_start and start > pos and line.brk == "hard" and self._heads_items(start, own):
                return start
            inline = (  # lazily: a flattened filing's line is the rest of the document
                m.start("unit") if m.group("unit") else m.start("token")
                for m in _ANY_LABEL.finditer(self.source, start, line_end)
                if m.start() > start or not at_start
            )
            for at in chain([start] if at_start else [], inline):
                text = self.source[at:line_end]
                lead = LEAD.match(text)
                if lead is None:
                    continue
                if not text[lead.end() :].strip():  # a label alone: what the next line says
                    text += " " + self.source[line_end : line_end + 80].lstrip()
                elif at == start and at_start:  # a paragraph: its amending words may wrap
                    text = first_paragraph(self.source[at : at + 400])
                paragraph = at == start and at_start
                strength = (
                    HARD if paragraph and line.brk == "hard" else SOFT if paragraph else INLINE
                )
                # a line the layout did not break ("0.500%" / "(c) The definition of ... is
                # hereby amended"): the next item only if it reads as one
                unbroken = paragraph and line.brk == "none"
                if (
                    (at > pos or not cited)
                    and self._ends_new_text(text, strength, own)
                    and (not unbroken or self._item_like(text))
                ):
                    return at
                for label in _labels(lead.group(0)):
                    own.add((label.shape, label.value, label.prefix))
        return self.end

    def _heads_items(self, start: int, own: set[Own]) -> bool:
        """ "ARTICLE II" (and its title in capitals under it) over the next items: a heading of
        the amendment, not of the new text before it, where the first paragraph after it is
        the next item ("SECTION 2.01. Section 4.1(a) of the Plan is amended ...").  New text
        that restates an Article prints its heading over its own Sections, which go on from
        no item's number."""
        lines = self._lines_from(start)
        first = next(lines, None)
        if first is None or match_article(first.raw.strip()) is None:
            return False
        for line in lines:
            text = line.raw.strip()
            if not text or text.isupper():  # the Article's title, in capitals
                continue
            at = self.offsets[line.index] + len(line.raw) - len(line.raw.lstrip())
            paragraph = _BLANK_LINE.split(self.source[at : at + 400], maxsplit=1)[0]
            return LEAD.match(paragraph) is not None and self._ends_new_text(paragraph, HARD, own)
        return False

    def _opens_own_text(self, said: str, at: int) -> bool:
        """After a lead that asks for text with its colon left out ("... restating clause
        (iii) ... to read as follows"), the next line opens with the cited clause's label or
        the restated definition's term: that line is the new text."""
        if not wants_text(said):
            return False
        return self._own_label_first(said, at) or _names_own_term(said, self.source[at : at + 200])

    def _own_label_first(self, said: str, at: int) -> bool:
        """The new text opens with the cited provision's own label ("4.22 Title. ...",
        "(b) if to the Agent ..."), and a lettered paragraph so opening does not itself
        amend nor speak of the amendment: "(b) Section 3 is deleted." or "(b) This Amendment
        may be signed in counterparts." after "Section 2(b) is restated as follows:" is the
        next item, whatever its label (the restated text was left out, and the item fails)."""
        if not _cites_own_label(said, self.source[at : at + 40]):
            return False
        if not self.source[at:].lstrip().startswith("("):
            return True
        paragraph = _BLANK_LINE.split(self.source[at : at + 400], maxsplit=1)[0]
        if _SPEAKS_OF_ITSELF.search(paragraph) or _OWN_AGREEMENT_FIRST.match(paragraph):
            return False  # "(b) This Amendment may be signed in counterparts.": the next item
        return not self._item_like(paragraph)

    def _folded_paragraph(self, start: int) -> str:
        """The paragraph opening at ``start`` (its first 600 characters), white space folded."""
        return fold(_BLANK_LINE.split(self.source[start : start + 600], maxsplit=1)[0])

    def _closes(self, start: int) -> bool:
        """A paragraph that closes the amendment, not the new text: "Except as modified
        above, the terms of the Agreement are hereby ratified", "In all other respects ..."."""
        paragraph = self._folded_paragraph(start)
        return CLOSES_AMENDMENT.match(paragraph) is not None

    def _next_edit(self, start: int) -> bool:
        """A paragraph that goes on with the item's list of edits after a block of its
        unquoted new text: "and (iii) adding the following sentence at the end of said
        Section:".  New text may itself list gerunds ("(iii) amending its charter ..."), so a
        paragraph only so opening must join the list ("and ...", "or ...") or announce the
        next block of new text (end with a colon)."""
        paragraph = self._folded_paragraph(start)
        m = _NEXT_EDIT.match(paragraph)
        if m is None:
            return False
        if m.group("joined") is not None or paragraph.endswith(":"):
            return True
        info = self._current()  # or be the next of the edits the item's own words number
        return info is not None and continues_own_list(self._said(info), paragraph)

    def _instructs(self, start: int) -> bool:
        """An unlabelled paragraph that is an instruction, not new text: its subject cites
        a provision, a definition or "the following", and its first verb amends ("The
        defined term "Vessel Fee" is deleted ...", "Section 4.1(c) is amended to ...").
        Without it, unquoted new text in an unnumbered amendment ran to the end of the
        document and took every instruction after it along."""
        text = self._folded_paragraph(start)
        more = _ONE_MORE.match(text)  # "Further, the last sentence of Section 4 is deleted.":
        if more is not None:  # the sentence after its word that says it is one more change
            text = text[more.end() :][:1].upper() + text[more.end() + 1 :]
        head = CITED_HEAD.match(text)  # "Article V, Section 5.3:  This Section is deleted."
        if head is not None and INSTRUCTION_PARAGRAPH.match(text[head.end() :].lstrip()):
            return True
        if head is not None and getattr(self, "_cited_run", False):
            # "Section 3(a): Effective for services ..., the amount ... is changed to ...":
            # where the changes are a run of such heads, each head opens the next item (the
            # run is the items reader's to know; a reader of new text alone has none)
            return True
        return bool(INSTRUCTION_PARAGRAPH.match(text) or HEADED_INSTRUCTION.match(text))

    def _ends_new_text(self, text: str, strength: str, own: set[Own]) -> bool:
        if not self.tree.accepts(text, strength, children=False):
            return False
        repeat = self.tree.out_of_sequence  # "(a)" again: the new text's own list, unless it amends
        paragraph = strength in (HARD, SOFT)
        lead = LEAD.match(text)
        assert lead is not None
        continues_own = any(_continues(c, own) for c in _labels(lead.group(0)))
        if self._item_like(text):
            return True
        return paragraph and not continues_own and not repeat

    def _item_like(self, text: str) -> bool:
        """A labelled paragraph that reads as an item: it amends, or has an item's heading."""
        lead = LEAD.match(text)
        body = text[lead.end() : 400] if lead else text[:400]
        if amends(body) and not _OWN_DOCUMENT.search(body[:80]):
            return True
        if _OPENS_WITH_EDIT.match(body.lstrip()):
            return True  # "(c) inserting the following ...": an edit of its parent's "amended by:"
        if _CAPS_HEADING.match(body.lstrip()):
            return True  # "3. PRODUCTION OF PRODUCT."
        if _CHANGES_HEADING.fullmatch(body.strip()) or _LOCATED_LEAD.fullmatch(body.strip()):
            return True  # "(e) Modifications to Sections 4A.", its sub-items on the lines after
        headed = _HEADED.match(body.lstrip())
        if headed is None:
            return False
        if len(headed.group(0).split()) <= 6:
            # a heading of its own ("Effectiveness.", "Counterparts; Governing Law."): its
            # words say what the paragraph is; a new Section's "Contribution. Within thirty
            # days after the Amendment Effective Date, ..." is no closing item
            return bool(_NON_OPERATIVE.search(headed.group(0)))
        return bool(_NON_OPERATIVE.search(body[:80]))


_NUMBERED = lazy_re(r"\d\.$")  # "Section 4.", "4.": the number a section's label is under
Own = tuple[tuple[str, str, str], int, str]  # a label of the new text: shape, value, prefix


def _continues(label: Label, own: set[Own]) -> bool:
    """Does ``label`` go on with a list the new text has printed?  The next of one of its
    labels ("(c)" after "(b)"), or a later one with the same number before it: "Section 4.11
    (Liens)" after "Section 4.07 ...", "Section 4.09 ..." in a list of the Sections deleted,
    which leaves out those that stay; never the items' own "Section 1.02" after them."""
    return any(
        shape == label.shape
        and (
            value == label.value - 1
            or (_NUMBERED.search(prefix) and prefix == label.prefix and value < label.value)
        )
        for shape, value, prefix in own
    )


# Spaces on the same line before the next sentence (a capital letter).
_SAME_LINE_GAP = lazy_re(r"[^\S\n]+(?=[A-Z])")
# The amendment speaking of itself: never a provision's new text ("this Agreement" may be; the
# agreement's provisions call it that -- unless a paragraph opens with it, as "(b) This
# Agreement may be signed in counterparts." does)
_SPEAKS_OF_ITSELF = lazy_re(r"\bthis\s+(?:Amendment|Waiver|Consent)\b", re.IGNORECASE)
_OWN_AGREEMENT_FIRST = lazy_re(r"\s*\(\w{1,5}\)\s+(?:[A-Z][\w ,'&-]{0,60}\.\s+)?This\s+Agreement\b")
