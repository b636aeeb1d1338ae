"""Article headings: ``ARTICLE 2``, ``ARTICLE II``, ``Article II - Definitions``, ``ARTICLE TWO``.

Centred or inline, with the title on the same line or on the lines under it
(in capitals, or Title Case, possibly underlined).  An article is a node of
the tree that contains its sections; its heading is structure, so no edit of
the sections before or after it can take it.  A line such as "Article 9 of
the Uniform Commercial Code ..." is a reference, not a heading: what follows
the number must be a title, not a sentence.
"""

from __future__ import annotations

import re

from ...citation import Label, Style, from_roman
from ...lazy_re import lazy_re
from ..convention import CONVENTION
from ..lines import is_rule
from ..state import State

_WORDS = "|".join(CONVENTION.number_words)
# "ARTICLE II", "Article 2 - Definitions", "ARTICLE TWO", and sections numbered in words
# ("SECTION TWO - REPRESENTATIONS"), which drafters use as articles.
_ARTICLE = lazy_re(
    rf"^(?:(?P<word>{CONVENTION.unit_pattern('article')})[^\S\n]+(?P<num>{CONVENTION.article_numeral})"
    rf"|(?P<sword>{CONVENTION.unit_pattern('section')})[^\S\n]+(?P<snum>(?:{_WORDS})(?:-(?:{_WORDS}))?))"
    r"(?P<dot>\.)?(?=\s|$|[-\u2013\u2014:])[^\S\n]*(?:[-\u2013\u2014:.][^\S\n]*)?(?P<title>.*)$",
    re.IGNORECASE,
)


def heading_parts(m: re.Match[str]) -> tuple[str, str]:
    """The unit word and the numeral of an article heading match."""
    return (m.group("word") or m.group("sword"), m.group("num") or m.group("snum"))


_SENTENCE_START = lazy_re(r"^[a-z(\"\u201c]|^(?i:of|to|in|shall|is|hereof)\b")


def article_label(word: str, numeral: str, dot: str) -> Label | None:
    """The label of "ARTICLE II" / "Article 2." / "ARTICLE TWO"."""
    prefix, suffix = word + " ", dot
    if numeral.isdigit():
        return Label(Style.ARABIC, int(numeral), prefix, suffix)
    if re.fullmatch(r"[IVXLC]+", numeral) and (value := from_roman(numeral)):
        return Label(Style.UPPER_ROMAN, value, prefix, suffix)
    value = CONVENTION.number_word_value(numeral)
    return Label(Style.ARABIC, value, prefix, suffix, words=True) if value else None


def match_article(text: str) -> tuple[Label, str] | None:
    """The label and same-line title of an article heading at the start of ``text``, or
    None ("Article 9 of the Uniform Commercial Code ..." is a reference, not a heading)."""
    m = _ARTICLE.match(text)
    if not m or not heading_parts(m)[0][0].isupper():
        return None
    title = m.group("title").strip()
    if title and (_SENTENCE_START.match(title) or not is_title(title.rstrip("."))):
        return None
    label = article_label(*heading_parts(m), m.group("dot") or "")
    return (label, title) if label is not None else None


def is_title(text: str) -> bool:
    """A heading's words: short, in capitals or Title Case, not a sentence."""
    words = text.split()
    if not 1 <= len(words) <= 14 or len(text) > 120:
        return False
    if text.isupper():
        return True
    if text.rstrip()[-1:] in ".;:," and not text.rstrip().endswith(("Etc.", "etc.")):
        return False
    small = {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    }
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in small for w in words)


# "SECTION 2" alone on its line: in an English (LMA) facility agreement a group of clauses,
# "SECTION 2" / "THE FACILITY" / "2. THE FACILITY" / "3. PURPOSE", numbered apart from them
_LMA_SECTION = lazy_re(r"SECTION[^\S\n]+(?P<num>\d{1,2})")
_CLAUSE_START = lazy_re(r"\d{1,3}\.(?:\d{1,3})?\s+\S")


def _group_of_clauses(state: State, i: int) -> tuple[Label, str] | None:
    """ "SECTION 2" over a title in capitals over clause "2." (or "2.1"): an article of the
    clauses, whose numbers run on from the last group's; None for anything else (a US
    agreement's "SECTION 2." or "SECTION 2.01" is a section)."""
    m = _LMA_SECTION.fullmatch(state.lines[i].text)
    if m is None or i + 2 >= len(state.lines):
        return None
    title, first = state.lines[i + 1], state.lines[i + 2]
    if not (title.text.isupper() and is_title(title.text)) or _ARTICLE.match(title.text):
        return None
    if state.tree.accepts(title.text, "hard") or not _CLAUSE_START.match(first.text):
        return None
    return Label(Style.ARABIC, int(m["num"]), "SECTION ", ""), ""


def article_heading(state: State, i: int) -> int | None:
    line = state.lines[i]
    if line.brk not in ("hard", "soft") and i > 0:
        return None
    found = match_article(line.text) or _group_of_clauses(state, i)
    if found is None:
        return None
    label, title = found
    raw = [line.raw]
    j = i + 1
    titles = [title] if title else []
    while j < len(state.lines) and len(titles) < 3:
        nxt = state.lines[j]
        if nxt.brk == "rule" or is_rule(nxt.raw):
            raw.append(nxt.raw)
            j += 1
            continue
        after_blank = nxt.brk == "hard"
        if after_blank and titles:
            break
        if (
            not is_title(nxt.text)
            or state.tree.accepts(nxt.text, "hard")
            or _ARTICLE.match(nxt.text)
        ):
            break
        if after_blank and not _title_paragraph(state, j):
            break
        if after_blank:
            raw.append("")
        raw.append(nxt.raw)
        titles.append(nxt.text)
        j += 1
    state.tree.open_article(line, label, " ".join(titles), raw)
    return j


def _title_paragraph(state: State, j: int) -> bool:
    """A title printed as its own paragraph under the article line: one short line
    (maybe two) that the next paragraph does not continue."""
    k = j + 1
    while k < len(state.lines) and state.lines[k].brk == "none" and k - j < 2:
        if not is_title(state.lines[k].text):
            return False
        k += 1
    return k >= len(state.lines) or state.lines[k].brk != "none"
