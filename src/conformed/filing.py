"""A filing that holds several amendments, one after another.

EDGAR exhibits often print a chain in one file: Amendment No. 10, its signatures,
Amendment No. 11, its signatures, Amendment 12 with a cover and a table of contents.
Read as one amendment, everything after the first signatures is its "signature
block", and the later amendments' changes are never applied.  A later amendment
starts at a title line ("AMENDMENT NO. 11", "SECOND AMENDMENT TO ...", "Amendment
Number 2") met after a signature ("By:", "IN WITNESS ...", "AGREED AND SIGNED")
when the text from that title to the next signature has both an amendment's
opening ("This Amendment No. 11 is entered into ...", "... is hereby amended in the
following respects") and words that amend.  An exhibit after the signatures ("EXHIBIT
A", "FORM OF AMENDMENT") is never a title, so it stays where it was; nor is an amendment
of another instrument ("AMENDMENT NO. 1 TO PLEDGE AGREEMENT" after a "... TO CREDIT
AGREEMENT"), which must never be applied to this one.  Plan amendments adopted by
resolution are often printed with no signatures between: there a title in capitals that
the opening follows at once, after text that has amended, starts the next one; so does
a title that numbers the amendment ("AMENDMENT NO. 3", "SECOND AMENDMENT TO THE ...")
where, with no opening, its items start again at 1 and the first amends.
"""

from __future__ import annotations

import re

from .layout.payload import AMENDING
from .lazy_re import lazy_re

_SIGNED = lazy_re(r"(?im)^[^\S\n]*(?:By:|IN\s+WITNESS\b|AGREED\s+AND\s+SIGNED\b)")
_TITLE = lazy_re(
    # (never "THIS AMENDMENT REPRESENTS THE FINAL AGREEMENT ...", the legend Texas loan
    # documents print above their signatures: a title's word before AMENDMENT is no determiner)
    r"(?m)^[^\S\n]*(?:(?:(?!(?:THIS|THE|THAT|SUCH|ANY|EACH|SAID)\s)[A-Z][A-Z\-]+\s+)?AMENDMENT"
    r"(?:\s+(?:NO\.?|NUMBER)\s*[A-Z0-9\-]+|\s+#?\d{1,3})?"
    r"|(?:[A-Z][a-z]+\s+)?Amendment\s+(?:No\.|Number)\s*[\w\-]+)(?![\w])[^\n]{0,100}$"
)
_OPENING = lazy_re(
    r"(?i)\bthis\s+(?:[\w\-#]+\s+){0,8}?amendment\b(?:[^.]|(?<=No)\.){0,200}?\b(?:is|are)\s+"
    r"(?:hereby\s+)?(?:made|entered|dated|executed)"
    r"|\bagrees?\s+to\s+amend\b|\bhereby\s+amends?\b"
    r"|\b(?:is|are)\s+hereby\s+amended\s+(?:as\s+follows|in\s+the\s+following)"
    r"|\b(?:is|are)\s+(?:hereby\s+)?amended,[^.:]{0,150}?,\s+as\s+follows\b"
)


def split_filing(text: str) -> list[str]:
    """The amendments a filing holds, in its order; each part keeps the file's line
    numbers (the lines before it are blank), so every report names the file's lines."""
    starts = [0]
    pos = 0
    first = _TITLE.search(text)
    amends = _instrument(first.group(0)) if first else None
    while (signed := _SIGNED.search(text, pos)) is not None:
        title = _TITLE.search(text, signed.end())
        if title is None:
            break
        after = _SIGNED.search(text, title.end())
        body = text[title.start() : after.start() if after else len(text)]
        if (
            "FORM OF" not in title.group(0).upper()
            and _same_instrument(amends, _instrument(title.group(0)))
            and _OPENING.search(body)
            and AMENDING.search(body)
        ):
            starts.append(title.start())
            pos = after.start() if after else len(text)
        else:
            pos = title.end()
    starts = sorted({*starts, *_unsigned_starts(text, starts, amends)})
    ends = [*starts[1:], len(text)]
    return ["\n" * text.count("\n", 0, s) + text[s:e] for s, e in zip(starts, ends, strict=True)]


def _unsigned_starts(text: str, starts: list[int], amends: tuple[str, str] | None) -> list[int]:
    """Later amendments printed with no signatures between: a title in capitals ("AMENDMENT
    NUMBER TWO TO THE ... PLAN") that the amendment's opening follows at once ("The Plan is
    amended, effective ..., as follows:"), after text that has amended already."""
    found: list[int] = []
    for title in _TITLE.finditer(text):
        said = title.group(0).strip()
        if title.start() == 0 or said != said.upper() or "FORM OF" in said:
            continue
        named = _instrument(said)
        if not _same_instrument(amends, named) or (named is None and not _NUMBERED.search(said)):
            continue  # another instrument's amendment, or a bare "AMENDMENT" heading
        before = max([s for s in (*starts, *found) if s < title.start()], default=0)
        if not AMENDING.search(text, before, title.start()):
            continue  # a cover page or a repeated heading: nothing amended before it
        after = text[title.end() : title.end() + 800]
        item = _AN_ITEM.search(after)
        opening = _OPENING.search(after, 0, item.start() if item else len(after))
        if opening or (_NUMBERED.search(said) and _items_restart(after)):
            found.append(title.start())  # (an opening follows the title before any item)
    return found


# "AMENDMENT NO. 3", "SECOND AMENDMENT TO THE": a title that numbers the amendment ("NO" a
# word of its own: "... MAY NOT BE CONTRADICTED" numbers nothing)
_NUMBERED = lazy_re(
    r"\b(?:NO\.|NO\b|NUMBER\b)\s*[A-Z0-9]|^\s*(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|"
    r"EIGHTH|NINTH|TENTH|ELEVENTH|TWELFTH|\d{1,2}(?:ST|ND|RD|TH))\s+AMENDMENT\b"
)
# A numbering that starts again at 1 with an item that amends ("1. Section 1.3 - Section 1.3
# shall be amended, effective ..."): a plan amendment adopted by resolution, with no opening.
# The first item after the title must be that 1: a running header over item 7 starts nothing.
_AN_ITEM = lazy_re(
    r"(?m)^[^\S\n]*(?P<label>\d{1,3}\.|\(\d{1,3}\)|\([a-z]\))[^\S\n]+"
    r"(?P<sentence>[^\n]*(?:\n[^\n]+){0,3})"
)


def _items_restart(after: str) -> bool:
    m = _AN_ITEM.search(after)
    return (
        m is not None
        and m.group("label") in ("1.", "(1)", "(a)")
        and AMENDING.search(m.group("sentence")) is not None
    )


_INSTRUMENT = lazy_re(
    r"\bTO\s+(?:THE\s+)?(?:(?P<kind>[A-Z][\w&'\-]*)\s+)?"
    r"(?P<noun>AGREEMENT|LEASE|PLAN|CONTRACT|INDENTURE|NOTE|GUARANTY|GUARANTEE|LICENSE)\b",
    re.IGNORECASE,
)


def _instrument(title: str) -> tuple[str, str] | None:
    """What a title says it amends: ("PLEDGE", "AGREEMENT") for "... TO PLEDGE AGREEMENT"."""
    m = _INSTRUMENT.search(title)
    if m is None:
        return None
    return (m.group("kind") or "").upper(), m.group("noun").upper()


def _same_instrument(first: tuple[str, str] | None, later: tuple[str, str] | None) -> bool:
    """Unless both titles name their instrument with a word of its kind ("CREDIT AGREEMENT",
    "PLEDGE AGREEMENT") and the two differ, the later amendment amends the same one."""
    if first is None or later is None or not first[0] or not later[0]:
        return True
    return first == later
