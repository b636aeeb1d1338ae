"""Where a change's selector is in the agreement: the citation to look up.

"Section 4.3 of Article IV" is looked up inside that Article; "Subsection (b) of
Section 8.5" is Section 8.5(b); '"X" of clause (a) of Section 4.3' is words of Section
4.3(a).  Shared by the applies of provisions, definitions and words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..change import Change, Selector, side
from ..citation import PLAIN_PROVISION, Citation, parse_citation
from ..lazy_re import lazy_re
from ..operations import (
    Target,
)
from .locate import article_value, within_article


def target_of(change: Change) -> Target:
    found = in_article(change.selector)
    if found is not None:
        return Target(found)
    return Target(parse_citation(within_provision(change.selector) or change.selector.printed))


def in_article(sel: Selector) -> Citation | None:
    """ "Article IV, Section 4.3" (Section 4.3 of Article IV): that Section, looked up
    inside that Article only, so a Section 4.3 elsewhere is never taken for it."""
    m = _ARTICLE.fullmatch(sel.scope)
    if m is None or len(sel.labels) != 1 or sel.labels[0].startswith("("):
        return None
    if sel.kind != "provision" or not PLAIN_PROVISION.fullmatch(f"{sel.unit} {sel.labels[0]}"):
        return None
    value = article_value(m.group(1))
    if value is None:
        return None
    return within_article(parse_citation(f"{sel.unit} {sel.labels[0]}"), value, sel.printed)


_ARTICLE = lazy_re(r"(?i)article\s+([IVXLC]+|\d+)")
# "Section 7.06(d)": the provision cited and its last bracketed label (a clause of it)
LAST_PART = lazy_re(r"(?P<cite>.+?)(?P<label>\([A-Za-z0-9]{1,6}\))")
PART_OF = lazy_re(r"[\w-]+\s+(?P<label>\([^()\s]{1,6}\))\s+of\s+(?P<cite>.+)")
# a numbered part of a Roman Article's lettered Section
_NUMBERED_PART_OF = lazy_re(
    r"(?i:sub)?(?i:paragraph|clause|item)\s+(?P<label>\d{1,3})\s+of\s+"
    r"(?P<cite>(?:Section|Paragraph)\s+[IVXLC]{1,7}\.[A-Z])"
)
_IN_ARTICLE = lazy_re(r"(?P<unit>\w+)\s+(?P<label>[\w.]+)\s+of\s+(?P<article>(?i:article)\s+\S+)")


# A definition as a selector or a position prints it: 'definition "Hangar" of Section 4',
# 'the definition of "Cause" in Section 3(b)'; its term, and where it is defined if said.
DEFINITION_AT = lazy_re(
    r'(?:the\s+)?definition\s+(?:of\s+)?"(?P<term>[^"]+)"(?:\s+(?:of|in)\s+(?P<scope>.+))?'
)

# "subsection (c)": a part of the provision cited, named by its own label
PART_LABEL = lazy_re(
    r"(?i)(?:sub)?(?:sections?|paragraphs?|clauses?)\s+(?P<label>\([a-z0-9]{1,6}\))"
)


COUNTED = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def counted_part(noun: str) -> re.Pattern[str]:
    """ "the second sentence of Section 3", "the last paragraph of ...": a part by its place."""
    return re.compile(
        rf"(?P<ordinal>{'|'.join(COUNTED)}|last|final) {noun} of (?P<cite>.+)", re.IGNORECASE
    )


SENTENCE_OF = counted_part("sentence")
# the words a chain prints first ('"X"', 'the words following "X"', '"X" to the end of ...')
_QUOTED_WORDS_OF = lazy_re(
    r'^(?:the words following )?"[^"]*"(?: to the end of the (?:sentence|text))? of '
)


def without_words(printed: str) -> str:
    """'"X" of clause (a) of Section 4.3' without its quoted words: where they are."""
    return _QUOTED_WORDS_OF.sub("", printed)


def words_in_part(sel: Selector) -> Selector:
    """'"X" of subsection (c) of Section 8.2': words of that subsection, looked up as
    Section 8.2(c) is (its scope made the part); any other selector as it is."""
    if sel.kind != "words" or not sel.scope:
        return sel
    sentence = SENTENCE_OF.fullmatch(without_words(sel.printed))
    if (
        sentence is not None
        and sentence["cite"] == sel.scope
        and PLAIN_PROVISION.fullmatch(sel.scope)
    ):
        # 'the words "X" in the first sentence thereof': that sentence's words, looked up
        # as the item whose subject is the sentence is (consolidator/change_words.py)
        return replace(sel, printed=sentence.group(0), scope=sentence.group(0))
    part = PART_OF.fullmatch(without_words(sel.printed))
    if part is None or not PLAIN_PROVISION.fullmatch(sel.scope):
        return sel
    chain = part.group(0)  # or a part of a part: "clause (i) of paragraph (c) of Section 2"
    if part["cite"] != sel.scope and not (
        chain.endswith(f" of {sel.scope}") and plain_part(chain) is not None
    ):
        return sel
    return replace(sel, printed=chain, scope=chain)


def words_target(sel: Selector) -> Target:
    """Where words are edited: the provision the chain names, a Section of an Article
    ("Section 1 of Article II", where each Article numbers its Sections afresh) looked
    up inside that Article only."""
    cited = sel.scope or sel.printed
    plain = plain_part(cited)  # "Clause (b) of Section 2.3": Section 2.3(b)
    if plain is not None and plain != cited:
        return Target(parse_citation(plain))
    m = _IN_ARTICLE.fullmatch(cited)
    if m is not None:
        own = Selector("provision", cited, (m["label"],), m["unit"], scope=m["article"])
        found = in_article(own)
        if found is not None:
            return Target(found)
    return Target(parse_citation(cited))


def plain_part(part: str) -> str | None:
    """ "clause (b) of Section 7.01" as the agreement cites it, "Section 7.01(b)"; a plain
    provision as it is; None for any other chain."""
    own = PART_OF.fullmatch(part)
    numbered = _NUMBERED_PART_OF.fullmatch(part)
    if numbered is not None:  # "paragraph 3 of Section II.B": Section II.B.3
        return f"{numbered['cite']}.{numbered['label']}"
    if own is None:
        return part if PLAIN_PROVISION.fullmatch(part) else None
    # ("sub-paragraph (iv) of paragraph (b) of Clause 5.4": Clause 5.4(b)(iv))
    cite = plain_part(own["cite"])
    if cite is None or not PLAIN_PROVISION.fullmatch(cite):
        return None
    return f"{cite}{own['label']}"


def within_provision(sel: Selector) -> str:
    """ "Subsection (b) of Section 8.5" as the agreement cites it, "Section 8.5(b)": a
    lettered or numbered part of a provision of the agreement; "" for any other chain."""
    if len(sel.labels) != 1 or not sel.labels[0].startswith("(") or " of " not in sel.printed:
        return ""
    scope = plain_part(sel.scope)  # "paragraph (b) of Clause 5.4": Clause 5.4(b)
    if scope is None or not PLAIN_PROVISION.fullmatch(scope):
        return ""
    return f"{scope}{sel.labels[0]}"


def side_of(m: re.Match[str]) -> str:
    """ "immediately following" / "prior to": after or before the thing named."""
    return side(m.group("side"))


def words_of(sel: Selector) -> str:
    """How a chain prints quoted words of a plainly cited provision ('"X" of Section 2.6')."""
    if len(sel.words) != 1 or not PLAIN_PROVISION.fullmatch(sel.scope):
        return sel.scope
    return f'"{sel.words[0]}" of {sel.scope}'
