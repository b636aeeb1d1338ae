"""Read an amendment: its metadata, its operative items and its signature block.

Metadata is what a conformed copy's provenance needs: the amendment's title
and number, its date and effective date, the parties, and the agreement it
amends with that agreement's date and the short name the amendment uses for
it ("Termination Agreement").  EDGAR header debris ("EX-99.2I 3 file.txt
<description>") is removed before anything else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError
from .grammar.no_text_change import IMPERATIVE
from .io.files import read_text
from .layout.convention import OPERATIVE_HEADING, SHORT_NAME, abbreviates
from .layout.items import Item, fold, read_items
from .layout.lines import LEAD, blank_reprints, join_wrapped_units
from .layout.listed import with_listed_changes
from .layout.payload import AMENDING
from .layout.rules.page_artifact import page_marks
from .layout.rules.signature_block import EXECUTION
from .layout.rules.toc import find_toc
from .lazy_re import lazy_re

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"(?:{MONTHS})\s+\d{{1,2}}\s*,\s*\d{{4}}"
_ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ],
        start=1,
    )
}
_DEBRIS = lazy_re(r"^\s*EX-[\w.\-]+\s+\d+\s+\S+\.(?:txt|html?)\s+", re.IGNORECASE)
_OPENING = lazy_re(
    r"\b(?:THIS|This)\s+(?=(?:[A-Z][A-Z.,']*\s+){1,}|(?:[A-Z][a-z]+\s+){0,3}Amendment\b)"
)
_OPERATIVE = lazy_re(
    r"(?:amend(?:ed)?|modif(?:y|ied)|agree[sd]?)\b[^.:;]{0,80}?\bas\s+follows\s*[:.]"
    # an English amendment agreement's "AGREED TERMS" over its clauses, after its parties
    # "(1) ... (2) ..." and background "(A) ... (B) ...", which are no items
    rf"|(?m:^[ \t]*{OPERATIVE_HEADING}[ \t]*$)",
    re.IGNORECASE,
)
_FIRST_ITEM = lazy_re(
    r"(?m)^[ \t]*(?:(?:1\.|\(1\)|1\)|(?:Section|SECTION)\s+1\.?)[ \t]+\S|1\.(?=[A-Z][a-z]))"
)
_START = lazy_re(r"")
# Recitals: a heading of their own, or "WHEREAS" (never operative, however they are lettered).
_RECITALS = lazy_re(
    r"(?m)^[ \t]*(?:RECITALS|Recitals|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|BACKGROUND)[ \t]*:?[ \t]*$"
    r"|\bWHEREAS\b"
)


def _past_recitals(text: str, op: re.Match[str] | None) -> re.Match[str] | None:
    """A letter amendment's opening "... agrees with each of you as follows:", then its
    recitals ("RECITALS: A. The Company ... B. ..."), then "NOW, THEREFORE, ... agree as
    follows:": the operative part begins at the second, and the recitals are no items."""
    if op is None:
        return None
    now = _NOW_THEREFORE.search(text, op.end())
    if now is None or _RECITALS.search(text, op.end(), now.start()) is None:
        return op
    if _FIRST_ITEM.search(text, op.end(), now.start()):
        return op  # an item 1 first: recitals it restates are its new text, never skipped
    return _OPERATIVE.search(text, now.start()) or op


# "agree that Section 7.6 of the Credit Agreement is hereby amended and restated as follows:":
# the words before "as follows" amend a provision they name, so the sentence is an instruction
# with its new text after it, never the lead into numbered items
_NAMES_ITS_PROVISION = lazy_re(
    r"\b(?:Section|Article|Paragraph|Subsection|Clause|Schedule|Exhibit|Annex)s?\s+[\dIVXA-Z(]"
    r"[^:]*?\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:further\s+)?"
    r"(?:amended|restated|deleted|replaced|modified)\b"
)
_NOW_THEREFORE = lazy_re(r"\bNOW,?\s+THEREFORE\b", re.IGNORECASE)
# Items that begin past 1 (a page lost from the filing): read from there, and the reader
# reports the items missing before it.
_AMENDMENTS_HEADING = lazy_re(
    r"(?m)^[ \t]*(?:(?:ARTICLE|Article|SECTION|Section)[ \t]+)?(?:[IVX]{1,5}|\d{1,2})\.?[ \t]+"
    r"(?:AMENDMENTS?|MODIFICATIONS?|Amendments?|Modifications?)\b[^\n]{0,80}(?<![.\s]\d)(?<![.\s]\d\d)$"
)  # not a table of contents entry ("2.   AMENDMENT     4")
_LATER_ITEM = lazy_re(r"(?m)^[ \t]*\d{1,2}\.[ \t]+[A-Z][a-z]")
# "IN WITNESS WHEREOF", any case: its first letter as the class of what folds to "i" (the
# dotted and dotless i too), so that a search over the whole text skips to the next one.
_WITNESS = lazy_re(r"[Ii\u0130\u0131](?i:N\s+WITNESS\s+WHEREOF)")
# "Signed as a deed by the parties." opening a paragraph: where an English amendment's
# operative part ends (layout/rules/signature_block.py says what such a line is); never a
# line that only continues a sentence
_EXECUTION = lazy_re(rf"(?i)(?:\A|\n[ \t]*\n)[ \t]*(?P<clause>{EXECUTION})")
_NUMBERED_PARAGRAPH = lazy_re(r"(?m)^[ \t]*(?:\d{1,2}\.|\(?[a-z0-9]{1,3}\))[ \t]+(?=[A-Z\"\u201c])")


# "By: /s/ Ada Morrow", "By: ____________": a party's signature line
_SIGNED_BY = lazy_re(r"(?m)^[ \t]*By[ \t]*:?[ \t]*(?:/s/|_{3,})")
# what stands over it in the block: blank lines and short lines (the party's name, "Executive")
_OVER_SIGNATURE = lazy_re(r"[ \t]*(?:[^\s.;:][^\n]{0,58})?")


def _signatures(text: str, start: int, end: int) -> int | None:
    """Where an amendment that closes with its signature blocks and no "IN WITNESS WHEREOF"
    stops: the start of the first block, the party's name over its "By:" line.  Never a
    block inside quoted new text (a form of certificate the amendment inserts), nor one with
    words that amend after it."""
    m = _SIGNED_BY.search(text, start, end)
    if m is None or AMENDING.search(text, m.end(), end):
        return None  # words that amend after it: a signature line inside the items, not their end
    opened = text[start : m.start()]
    if opened.count('"') % 2 or opened.count("\u201c") != opened.count("\u201d"):
        return None
    at = text.rfind("\n", 0, m.start()) + 1
    for _ in range(6):  # the name over the line, and the blank lines around it
        prev = text.rfind("\n", 0, max(at - 1, 0)) + 1
        line = text[prev : at - 1] if at else ""
        if at <= start or not _OVER_SIGNATURE.fullmatch(line) or line[:20].strip():
            break  # (a name over a signature is set far to the right)
        at = prev
    return at


def _amends_after(text: str, at: int) -> bool:
    """A numbered paragraph that amends after ``at``: what looked like an execution clause
    is not where the items end (it was, say, new text of an execution block)."""
    later = _NUMBERED_PARAGRAPH.search(text, at)
    if later is None:
        return False
    said = text[later.end() : later.end() + 400]
    return bool(AMENDING.search(said) or IMPERATIVE.match(said))


_EFFECTIVE = lazy_re(rf"effective\s+as\s+of\s+({DATE})", re.IGNORECASE)


@dataclass(frozen=True)
class Amendment:
    source: str
    title: str
    items: tuple[Item, ...]
    number: int | None = None
    date: dt.date | None = None
    effective_date: dt.date | None = None
    parties: tuple[tuple[str, str], ...] = ()  # (name, role as defined)
    agreement_title: str = ""
    agreement_date: dt.date | None = None
    agreement_name: str = ""  # the short name the amendment uses

    @property
    def agreement_called(self) -> str:
        """The agreement's most specific name: its title where the short name is only its
        last word ("Services Agreement" for "the Agreement"), so that "the Pledge Agreement"
        is never taken for it."""
        title, short = self.agreement_title, self.agreement_name
        if short and title and len(short.split()) == 1 and title.split()[-1] == short:
            return title  # ("the "LLC Agreement"" is a name of its own: the items use it)
        if title and abbreviates(short, title):
            return title  # '(the "MSA")': "the MSA" and "the Master Services Agreement" both
        return short

    signature: str = ""
    problems: tuple[Exception, ...] = field(default=())

    def leaves(self) -> list[tuple[Item, tuple[Item, ...]]]:
        """Applied items in order, each with its containing items (e.g. 1 and 1.a for 1.a.(3))."""
        return [leaf for item in self.items for leaf in item.leaves()]

    @property
    def label(self) -> str:
        """How provenance notes name it: "Amendment No. 1 dated as of December 12, 2007"."""
        ordinal = re.match(r"\s*(\w+)\s+AMENDMENT\b", self.title, re.IGNORECASE)
        if ordinal and ordinal.group(1).lower() in _ORDINALS:
            name = f"{ordinal.group(1).capitalize()} Amendment"
        elif self.number:
            name = f"Amendment No. {self.number}"
        else:
            name = "Amendment"
        when = self.date or self.effective_date
        return f"{name} dated as of {format_date(when)}" if when else name


def format_date(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def parse_date(text: str) -> date | None:
    try:
        return dt.datetime.strptime(fold(text).replace(" ,", ","), "%B %d, %Y").date()
    except ValueError:
        return None


def read_amendment(path: str | Path) -> Amendment:
    return parse_amendment(read_text(path), source=str(path))


def read_amendments(path: str | Path) -> list[Amendment]:
    """Every amendment a file holds, in its order (see :mod:`conformed.filing`)."""
    return parse_amendments(read_text(path), source=str(path))


def parse_amendments(text: str, source: str = "") -> list[Amendment]:
    """A filing of one amendment or of several printed one after another."""
    from .filing import split_filing

    parts = split_filing(text)
    if len(parts) == 1:
        return [parse_amendment(text, source=source)]
    n = len(parts)
    return [
        parse_amendment(p, source=f"{source} (amendment {k} of {n})")
        for k, p in enumerate(parts, 1)
    ]


def parse_amendment(text: str, source: str = "") -> Amendment:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")  # EDGAR's &nbsp;
    # "'SS'2.1", "'SS'9.1(a)(v)": the section sign as EDGAR's ASCII filings print it, read as
    # the sign (its single quotes are no quotation); new text keeps the sign, "\u00a79.1"
    text = text.replace("'SS'", "\u00a7")
    text = _without_contents(strip_debris(text))
    op = _past_recitals(text, _OPERATIVE.search(text))
    said = _instruction_lead(text, op)
    first = _FIRST_ITEM.search(text) or _LATER_ITEM.search(text)
    if (
        op is not None
        and first is not None
        and first.start() < op.start()
        and (AMENDING.search(text, first.start(), op.start()) or _in_later_item(text, first, op))
        and not _numbered_recitals(text, first, op)
    ):
        op = said = None  # "as follows:" is only met inside a later item: the items begin at 1
    if op is None:
        op = first or _NOW_THEREFORE.search(text)
        if op is None:
            if not AMENDING.search(text):
                raise InputError(f"{source}: not an amendment: no instruction amends anything")
            op = _START.match(text)  # no lead, no numbered items: read it all, item by item
            assert op is not None
        start = op.start()
    else:
        start = op.end()
        line_start = text.rfind("\n", 0, op.start()) + 1
        if _FIRST_ITEM.match(text, line_start):
            start = line_start  # "(1) Amendment. The parties agree ... as follows:" is item 1
        elif said is not None:
            start = said  # "... agree that Section 7.6 ... is restated as follows:": its item
    head = text[: op.start()]
    now = _NOW_THEREFORE.search(text, 0, op.start())
    if now is not None:
        start = min(start, now.start())  # the operative paragraph
    heading = _AMENDMENTS_HEADING.search(text, 0, op.start())
    if heading is not None:
        start = min(start, heading.start())  # "III. MODIFICATIONS." over the items
    # (the signatures are looked for from where the items begin: a "1." met first in an
    # exhibit after them, where no lead says "as follows", must not hide them)
    witness, execution = _WITNESS.search(text, start), _EXECUTION.search(text, start)
    while execution is not None and _amends_after(text, execution.end()):
        # "Signed for and on behalf of" in an item's new text: items follow; the next one
        execution = _EXECUTION.search(text, execution.end())
    ends = [m.start() for m in (witness,) if m] + [m.start("clause") for m in (execution,) if m]
    signed = _signatures(text, start, min(ends, default=len(text)))
    if signed is not None:
        ends.append(signed)
    end = min(ends, default=len(text))
    read = read_items(text, start, end)
    items, listed = with_listed_changes(tuple(read.items), text, end)
    problems: list[Exception] = [*read.problems, *listed]
    if not items and not problems:
        raise InputError(f'{source}: no numbered items found after "as follows:"')
    agreement = _agreement(head)
    if not agreement[2]:  # the name given in the amendment's own definitions clause
        agreement = _defined_agreement(text[start:end]) or agreement
    effective = None
    for item in items:
        if m := _EFFECTIVE.search(item.instruction):
            effective = parse_date(m.group(1))
    title, opening = _title_and_opening(head)
    when = _first_date(opening, r"(?:entered\s+into|made|dated)[^.]{0,40}?as\s+of\s+")
    return Amendment(
        source=source,
        title=title,
        items=tuple(items),
        number=_number(title or opening),
        date=when,
        effective_date=effective or when,
        parties=_parties(opening),
        agreement_title=agreement[0],
        agreement_date=agreement[1],
        agreement_name=agreement[2],
        signature=text[end:].strip(),
        problems=tuple(problems),
    )


_LEGENDS = lazy_re(
    r"(?:Exhibit\s+[\d.]+\s+)?CERTAIN\s+CONFIDENTIAL\s+PORTIONS\s+OF\s+THIS\s+EXHIBIT"
    r"[^\n]*?(?:AS\s+AMENDED|OMITTED)\.[ \t]*"
    r"|^[^\S\n]*Source:[^\S\n]+[^\n]*$",
    re.MULTILINE,
)


def strip_debris(text: str) -> str:
    """Drop EDGAR debris: "EX-99.2I 3 file.txt" with the truncated description after it,
    and the confidentiality legends and source footers repeated on every page."""
    if "CERTAIN" in text or "Source:" in text:  # each legend's own words: else no scan
        text = _LEGENDS.sub("", text)
    if "\\." in text:
        text = re.sub(r"(?m)^([^\S\n]*\d{1,3})\\\.", r"\1.", text)  # Markdown-escaped "1\." items
    text = blank_reprints(join_wrapped_units(text))
    if "\n" in text:
        # page numbers, and the stamps printed on every page (a document-management number
        # that a page break would drop into a sentence): a page break mark, not removed, so
        # that line numbers stay the file's.  (Running headers and footers are not dropped
        # here, as the base reader drops them: measured, that lost more held-out changes than
        # it read -- a37bb39 and its revert.)
        lines = text.split("\n")
        artifacts = page_marks(lines)
        text = "\n".join("\f" if i in artifacts else line for i, line in enumerate(lines))
    m = _DEBRIS.match(text)
    if not m:
        return text
    cut = m.end()
    rest = text[cut:]
    words = rest.split()
    probe = " ".join(words[:4])
    if probe:
        again = rest.find(probe, len(probe))
        if 0 < again < 400:
            cut += again
    return "\n" * text.count("\n", 0, cut) + text[cut:]


def _numbered_recitals(text: str, first: re.Match[str], op: re.Match[str]) -> bool:
    """ "RECITALS" (or "BACKGROUND:", "WHEREAS") over "1. ... 2. ...", then "NOW, THEREFORE,
    ... agree as follows:" and items numbered from 1 again: what comes first is recitals,
    whatever words they use ("desires to amend", "a copy of which is attached")."""
    return (
        _RECITALS.search(text, 0, first.start()) is not None
        and _NOW_THEREFORE.search(text, first.end(), op.start()) is not None
    )


def _instruction_lead(text: str, op: re.Match[str] | None) -> int | None:
    """Where the paragraph begins whose sentence ending "as follows:" names the provision it
    amends: an instruction with its new text after it (an item, "¶1"), not the lead into
    numbered items; None for a lead."""
    if op is None:
        return None
    begin = max(text.rfind(". ", 0, op.start()), text.rfind("\n\n", 0, op.start())) + 1
    if _NAMES_ITS_PROVISION.search(text, begin, op.end()) is None:
        return None
    return text.rfind("\n\n", 0, op.start()) + 2 if "\n\n" in text[: op.start()] else 0


def _in_later_item(text: str, first: re.Match[str], op: re.Match[str]) -> bool:
    """ "Section 1. Defined Terms. ..." then "Section 2. Amendments. Section 7.8 ... is amended
    as follows:": the lead is a later item's own, and item 1 comes before it."""
    line_start = text.rfind("\n", 0, op.start()) + 1
    return (
        first.start() < line_start
        and LEAD.match(text[line_start : op.start()].lstrip()) is not None
    )


def _without_contents(text: str) -> str:
    """A table of contents blanked line for line: its entries are never items."""
    lines = text.split("\n")
    toc = find_toc(lines, set())
    if toc is None:
        return text
    first, last = toc
    return "\n".join("" if first < i <= last else line for i, line in enumerate(lines))


def _title_and_opening(head: str) -> tuple[str, str]:
    m = _OPENING.search(head)
    if not m:
        return "", fold(head)
    title = fold(head[: m.start()])
    words = title.split()
    probe = " ".join(words[:5])
    if probe and title.count(probe) > 1:
        title = title[title.rfind(probe) :]
    title = re.sub(r"\s+\d{1,3}$", "", title)
    opening = fold(head[m.start() :])
    return title, re.split(r"\bWHEREAS\b|\bBACKGROUND\b", opening)[0]


def _first_date(text: str, lead: str) -> date | None:
    m = re.search(lead + rf"({DATE})", text, re.IGNORECASE)
    return parse_date(m.group(1)) if m else None


def _number(text: str) -> int | None:
    if m := re.search(r"AMENDMENT\s+NO\.?\s*(\d+)", text, re.IGNORECASE):
        return int(m.group(1))
    if m := re.search(r"\b(\w+)\s+AMENDMENT\b", text, re.IGNORECASE):
        return _ORDINALS.get(m.group(1).lower())
    return None


def _parties(opening: str) -> tuple[tuple[str, str], ...]:
    found = re.findall(
        r"(?:between|and|by)\s+([A-Z][^()]{1,80}?)\s*\((?:the\s+)?[\"\u201c]([^\"\u201d]+)[\"\u201d]\)",
        opening,
    )
    return tuple((fold(name).rstrip(","), role) for name, role in found if role != "Amendment")


# What the instrument amended is called: an agreement, or a lease, plan, indenture ... of its own name.
_INSTRUMENT_NOUN = r"(?:Agreement|Lease|Sublease|Plan|Indenture|Guaranty|Contract)"


def _defined_agreement(text: str) -> tuple[str, date | None, str] | None:
    """'In this Agreement, ... "Original Facility Agreement" means the revolving facility
    agreement dated 8 February 2022 between ...': the name an English amendment agreement
    gives the agreement it amends in its own definitions (and its date, where printed the
    American way)."""
    m = re.search(
        rf"[\"\u201c]([^\"\u201d]{{1,60}}?{_INSTRUMENT_NOUN})[\"\u201d]\s+means\s+the\s+"
        rf"[^.;\"\u201c]{{0,160}}?\b(?i:agreement|deed|lease|plan|indenture)\s+dated\s+"
        rf"(?:as\s+of\s+)?(?:({DATE})|\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})",
        fold(text),
    )
    if m is None:
        return None
    name = re.escape(m.group(1))
    amended = re.compile(  # the one the items amend, not another agreement it also defines
        rf"{name}\s+(?:shall\s+be|is|are)\s+(?:hereby\s+)?(?:amended|varied)\b"
        rf"|\b(?:amend|vary|varies|varying|amending)\s+the\s+{name}",
        re.IGNORECASE,
    )
    if not amended.search(fold(text)):
        return None
    return m.group(1), parse_date(m.group(2)) if m.group(2) else None, m.group(1)


def _agreement(head: str) -> tuple[str, date | None, str]:
    text = fold(head)
    for m in re.finditer(
        r"\((?:collectively,\s*)?(?:herein\s+|hereinafter\s+)?(?:called\s+|referred\s+to\s+as\s+)?the\s+[\"\u201c]\s*"
        rf"([^\"\u201d]*?{_INSTRUMENT_NOUN}|{SHORT_NAME})\s*[\"\u201d]\)",
        text,
    ):
        short = m.group(1)
        before = text[max(0, m.start() - 700) : m.start()]
        titles = re.findall(
            r"(?:into|to|of|amends?|amending|modif(?:y|ies|ying))\s+(?:a|an|the|that|certain|a certain|that certain)\s+"
            rf"((?:[A-Z][\w\-']*\s+)(?:(?:[A-Z][\w\-']*|and|of|for)\s+){{0,12}}{_INSTRUMENT_NOUN})",
            before,
        )
        if short.isupper() and not (titles and abbreviates(short, titles[-1])):
            continue  # '(the "SEC")': a short name in capitals is the agreement's if its initials
        dated = re.findall(rf"dated\s+(?:as\s+of\s+)?({DATE})", before)
        title = titles[-1].strip() if titles else short  # the name nearest the definition
        return title, parse_date(dated[0]) if dated else None, short
    return "", None, ""
