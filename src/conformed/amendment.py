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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError
from .grammar.no_text_change import changing_clause
from .io.files import read_text
from .layout.convention import DATE, MONTHS, SHORT_NAME, abbreviates
from .layout.item import ItemStructureError
from .layout.items import Item, fold, read_items
from .layout.lines import join_wrapped_units
from .layout.listed import with_listed_changes
from .layout.reprints import blank_reprints, set_aside_reprints
from .layout.rules.page_artifact import page_marks
from .layout.rules.toc import find_toc
from .lazy_re import lazy_re
from .operative import lead_of, operative_part

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
    notes: tuple[str, ...] = ()  # how the text was read: a passage printed twice, read once

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
    """A filing of one amendment or of several printed one after another.

    A passage printed twice is set aside before the filing is split: its second print of the
    title would otherwise start a second amendment, each part holding one print."""
    from .filing import split_filing

    text, reprinted = set_aside_reprints(_plain(text))
    parts = split_filing(text)
    if len(parts) == 1:
        return [parse_amendment(text, source=source, notes=[note for _, note in reprinted])]
    n = len(parts)
    firsts = [p.count("\n", 0, len(p) - len(p.lstrip("\n"))) + 1 for p in parts]
    ends = [*firsts[1:], text.count("\n") + 2]
    return [
        parse_amendment(
            p,
            source=f"{source} (amendment {k} of {n})",
            notes=[note for line, note in reprinted if first <= line < end],
        )
        for k, (p, first, end) in enumerate(zip(parts, firsts, ends, strict=True), 1)
    ]


def _plain(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")  # EDGAR's &nbsp;
    # "'SS'2.1", "'SS'9.1(a)(v)": the section sign as EDGAR's ASCII filings print it, read as
    # the sign (its single quotes are no quotation); new text keeps the sign, "\u00a79.1"
    return text.replace("'SS'", "\u00a7")


def _said_in_lead(text: str, head_end: int) -> list[Exception]:
    """The lead into the items that changes the agreement besides ("NOW, THEREFORE, the
    parties agree that the Crate Price shall be $40, and further agree to amend the Agreement
    as follows:"): that change is in no item, so the amendment reports it as a failure."""
    lead = lead_of(text, head_end)
    said = changing_clause(" ".join(lead[0].split())) if lead else None
    if lead is None or said is None:
        return []
    return [
        ItemStructureError(
            f'the lead into the items says more than that they amend ("{said[:80]}"): '
            "that change is in no item",
            line=text.count("\n", 0, lead[1]) + 1,
        )
    ]


def parse_amendment(text: str, source: str = "", notes: Sequence[str] | None = None) -> Amendment:
    """One amendment.  ``notes``: the passages printed twice already set aside from it (by
    :func:`parse_amendments`, over the whole filing); None to look for them here."""
    text = _plain(text)
    reprinted: list[tuple[int, str]] = []
    if notes is None:
        text, reprinted = set_aside_reprints(text)
    text = _without_contents(strip_debris(text))
    start, end, head_end = operative_part(text, source)
    head = text[:head_end]
    read = read_items(text, start, end)
    items, listed = with_listed_changes(tuple(read.items), text, end)
    problems: list[Exception] = [*read.problems, *listed, *_said_in_lead(text, head_end)]
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
        notes=(*(notes or ()), *(note for _, note in reprinted)),
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
