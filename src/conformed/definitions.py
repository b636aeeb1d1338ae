"""Defined terms: recognising definitions, comparing terms, placing new ones.

A definition is a paragraph that opens with its term in one of the common
styles: ``Term - text.``, ``"Term" means ...``, ``"Term" shall mean ...``,
``"Term": ...`` (straight, curly or EDGAR backtick quotes).  Terms compare
case-insensitively with punctuation ignored, which is also the order new
definitions are inserted in.
"""

from __future__ import annotations

import difflib
import re

from .document import Provision
from .lazy_re import lazy_re

# "1.11 "Royalty Advance" shall mean ..."; a list's bullet, as text filings print it ("o" for the
# symbol font's round bullet): 'o    "Borrowing Base" means ...'
_MARKED = r"\d+(?:\.\d+)*\.?\s+|[o\u2022\u00b7\u25aa\u25e6*]\s+"
_NUMBER = rf"(?:{_MARKED})?"
# (an apostrophe inside a term is its possessive: "Landlord's Work")
_TERM_CHARS = r"(?:[^\"\u201c\u201d']|'(?=[a-z]))"  # (never an opening mark)
# '"Bridge Note" is used as defined in Section 2(b)', '"Lien" is defined in Section 7.1',
# '"Closing Date" as defined in Section 5 of the First Amendment.'
_DEFINED = r"(?:is\s+(?:used\s+as\s+)?|as\s+)defined\b"
_QUOTED = rf"{_NUMBER}[\"\u201c`'](?P<q>{_TERM_CHARS}{{1,80}})[\"\u201d']"
_PATTERNS = [
    re.compile(
        rf"^{_QUOTED}\s*(?:shall\s+mean|means|shall\s+have|has|{_DEFINED}|:|-)", re.IGNORECASE
    ),
    re.compile(r"^(?P<t>[A-Z][\w'\u2019&/(),\- ]{0,80}?)\s+-{1,2}\s+\S"),
    re.compile(r"^(?P<t>[A-Z][\w'\u2019&/\- ]{0,80}?)\s+(?:shall\s+mean|means)\b"),
    # 'The term "Plan Year" means ...', headed by the term as some loan agreements and plans
    # print them: 'Effective Date. The term "Effective Date" means ...'
    re.compile(
        rf"^{_NUMBER}(?:[\"\u201c]?\s*[A-Z][^\"\u201c\u201d.]{{0,80}}?\s*\.\s+)?The\s+term\s+"
        rf"[\"\u201c`'](?P<q>{_TERM_CHARS}{{1,80}})[\"\u201d']\s*,?\s*(?:shall\s+mean|means|shall\s+have"
        r"|has|shall\s+refer|refers|shall\s+include|includes)\b"
    ),
]


def definition_term(text: str) -> str | None:
    """The term a paragraph defines, or None if it is not a definition."""
    for pattern in _PATTERNS:
        m = pattern.match(text.strip())
        if m:
            term = m.groupdict().get("q") or m.groupdict().get("t") or ""
            term = term.strip()
            if term and len(term.split()) <= 10:
                return term
    return None


def term_of(node: Provision) -> str | None:
    """The term an unlabelled provision defines (labelled ones are not definitions)."""
    if node.label is not None:
        return None
    return definition_term(" ".join(x for x in (node.heading, node.text) if x))


def normal(term: str) -> str:
    """Case and punctuation ignored: "Non-Cash Charges" == "non cash charges"."""
    return _NOT_ALNUM.sub("", term.lower())


_NOT_ALNUM = lazy_re(r"[^a-z0-9]")


def close_matches(term: str, terms: list[str], cutoff: float = 0.88) -> list[str]:
    """Terms that are probably misspelt as ``term`` ("Restructing" for "Restructuring")."""
    by_normal = {normal(t): t for t in terms}
    found = difflib.get_close_matches(normal(term), list(by_normal), n=3, cutoff=cutoff)
    return [by_normal[f] for f in found]


def insertion_index(children: tuple[Provision, ...], term: str) -> int:
    """Where a new definition goes: before the first definition that sorts after it."""
    key = normal(term)
    last = None
    for i, child in enumerate(children):
        existing = term_of(child)
        if existing is None:
            continue
        if normal(existing) > key:
            return i
        last = i
    return len(children) if last is None else last + 1


# A capitalised phrase ("Kopyt Cash Payment").  Its capital comes first and the word
# boundary before it is the look-behind after it, so a search skips from capital to
# capital rather than trying every character.
_CAPITALISED = lazy_re(r"[A-Z](?<!\w[A-Z])[a-z][\w\-]*(?:\s+(?:[A-Z][a-z][\w\-]*|of|and|or))+\b")


def undefined_near_misses(text: str, defined: list[str]) -> list[tuple[str, str]]:
    """Capitalised phrases in ``text`` that are not defined but nearly match a defined term.

    "Kopyt Payment" when only "Kopyt Cash Payment" is defined: probably a slip.
    """
    return DefinedTerms(defined).near_misses(text)


class DefinedTerms:
    """Defined terms, each normalised and split into words once: a consolidation asks for
    near misses after every item's new text, and did that work for every term each time."""

    def __init__(self, terms: list[str]) -> None:
        self.known: set[str] = set()
        self.split: list[tuple[str, list[str]]] = []  # in order: the first near term is named
        self.add(terms)

    def add(self, terms: list[str]) -> None:
        for term in terms:
            self.known.add(normal(term))
            self.split.append((term, term.lower().split()))

    def near_misses(self, text: str) -> list[tuple[str, str]]:
        """See :func:`undefined_near_misses`."""
        out: list[tuple[str, str]] = []
        for m in _CAPITALISED.finditer(text):
            phrase = m.group(0)
            if normal(phrase) in self.known:
                continue
            words = phrase.lower().split()
            for term, term_words in self.split:
                if len(term_words) > len(words) and _subsequence(words, term_words):
                    pair = (phrase, term)
                    if pair not in out:
                        out.append(pair)
                    break
        return out


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short) and short[0] == long[0]


_DEFINED_INLINE = lazy_re(
    r"\((?:the\s+|a\s+|an\s+|collectively,?\s+(?:the\s+)?)?[\"\u201c`']\s*([^\"\u201d']{2,60}?)\s*[\"\u201d']\)"
)


def defined_terms(nodes: list[Provision]) -> list[str]:
    """Terms defined anywhere: definition paragraphs and (the "Term") in running text."""
    terms: list[str] = []
    for node in nodes:
        term = term_of(node)
        if term:
            terms.append(term)
        for text in (node.heading, node.text, node.trailing):
            terms += _DEFINED_INLINE.findall(text)
    return terms


def terms_defined_in(text: str) -> list[str]:
    """Terms a block of new text defines: its definition paragraphs and (the "Term")."""
    return [t for t, _ in split_definitions(text)] + _DEFINED_INLINE.findall(text)


# '"Fee" means ...', or the colon style of many credit agreements: '"Fee": the amount ...'
_DEFINES = rf"[\"\u201c`']{_TERM_CHARS}{{1,80}}[\"\u201d'](?:\s*(?:shall\s+mean|means|shall\s+have|has|{_DEFINED})\b|\s*:\s)"
# "(iii) "Agency Agreement" shall mean ...": new definitions the amendment lists as its own
# clauses; the enumerator is the amendment's, not the agreement's, and is not kept
ENUMERATOR = lazy_re(r"\((?:[ivxlc]{1,7}|[a-z]{1,2}|\d{1,3})\)\s*(?=[\"\u201c`])")
# '" "Fee" means ....."': each new definition quoted whole, as some amendments print them
_WRAPPED = lazy_re(r"[\"\u201c]\s*(?=[\"\u201c'])")  # '"'Fee' means ..."' too
_STARTS = lazy_re(
    rf"(?:(?<=\n)|^|(?<=[.;]\s))\s*(?=(?:{_WRAPPED.pattern})?(?:{_MARKED}|{ENUMERATOR.pattern})?{_DEFINES})"
)
# What every start looks ahead to, found in one quick pass (a quote starts it): most new
# text defines nothing, and _STARTS tries every character of it.
_ANY_DEFINITION = lazy_re(_DEFINES)


def words_before_definitions(text: str) -> str:
    """What a block of new definitions says before its first definition: it must say
    nothing, or the words would be lost when the definitions are placed one by one."""
    starts = _starts(text)
    return " ".join(text[: starts[0] if starts else len(text)].split())


def _unwrapped(chunk: str) -> str:
    """A definition without the quotation marks around it whole: '" "Fee" means a fee."' (or
    '""Fee" means a fee."') is '"Fee" means a fee.' (an odd mark left at its end is the
    closing one)."""
    wrapped = _WRAPPED.match(chunk)
    if wrapped:
        chunk = chunk[wrapped.end() :]
    if chunk.count('"') % 2 and chunk.endswith('"'):
        chunk = chunk[:-1].rstrip()
    elif chunk.endswith("\u201d") and chunk.count("\u201d") > chunk.count("\u201c"):
        chunk = chunk[:-1].rstrip()  # the curly closing mark of the quotation
    return chunk


_PARAGRAPH = lazy_re(r"\n[^\S\n]*\n\s*")


def _starts(text: str) -> list[int]:
    """Where each definition of a block begins: a quoted term that means something, and a
    paragraph that defines a term without quotation marks ("Second Amendment shall mean
    ..."), as agreements that print their terms so print the new ones -- never more words of
    the definition before it; the first paragraph too, where it is such a definition."""
    starts = [m.start() for m in _STARTS.finditer(text)] if _ANY_DEFINITION.search(text) else []
    starts += [
        m.end()
        for m in _PARAGRAPH.finditer(text)
        if _PATTERNS[2].match(text[m.end() : m.end() + 120])
    ]
    starts = sorted(set(starts))
    if starts and starts[0] > 0 and definition_term(" ".join(text[: starts[0]].split())):
        starts.insert(0, 0)
    return starts


def split_definitions(text: str) -> list[tuple[str, str]]:
    """(term, paragraph) for each definition in a block that adds several."""
    starts = _starts(text) or [0]
    out = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        chunk = " ".join(text[a:b].split())
        enumerator = ENUMERATOR.match(chunk)
        chunk = chunk[enumerator.end() :] if enumerator else chunk
        chunk = _unwrapped(chunk)
        term = definition_term(chunk)
        if chunk and term:
            out.append((term, chunk))
    return out
