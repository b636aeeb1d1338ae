"""What a reverse-drafted amendment says about the agreement it amends, read from BASE.

The opening of an agreement names it, dates it and defines its parties ("THIS
SEVERANCE AGREEMENT (the "Agreement") is made as of June 10, 2002, by and
between RCM Technologies, Inc., a Nevada corporation (the "Company"), and
Leon Kopyt ("Employee")"); the amendment repeats those words so that the
reader, and our own parser, can tell which agreement it amends.  What the
front matter does not say must be given on the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..amendment import parse_date
from ..document import Document
from ..errors import UsageError
from ..layout.convention import DATE
from ..lazy_re import lazy_re
from .align import fold

_THIS = lazy_re(
    r"\bTHIS\s+(?P<title>[^()]{3,200}?)\s*\((?:the\s+|this\s+)?[\"\u201c](?P<short>[^\"\u201d]+)[\"\u201d]\)"
)
_DATED = lazy_re(rf"(?:made|entered\s+into|dated)[^.]{{0,40}}?\bas\s+of\s+(?P<date>{DATE})", re.I)
_BETWEEN = lazy_re(r"\bby\s+and\s+between\s+|\bbetween\s+|\bby\s+and\s+among\s+|\bamong\s+")
_PARTY = lazy_re(
    r"(?P<name>[^()]+?)\s*\((?P<the>the\s+)?[\"\u201c](?P<role>[^\"\u201d]+)[\"\u201d]\)"
)
_ENTITY = lazy_re(
    r"\b(?:inc|corp|corporation|company|co|llc|l\.l\.c|ltd|limited|l\.p|lp|n\.a|bank|trust|plc)\b",
    re.I,
)
_RECITALS = lazy_re(
    r"\bWHEREAS\b|\bRECITALS\b|\bBACKGROUND\b|\bNOW,? THEREFORE\b|\bW\s?I\s?T\s?N\s?E\s?S\s?S"
)
_SMALL = {"and", "of", "for", "the", "to", "in", "a", "an", "on", "or"}


@dataclass(frozen=True)
class Party:
    """A party as the agreement defines it: ``printed`` is its words in the opening."""

    printed: str  # 'RCM TECHNOLOGIES, INC. (the "Company")', its description left out
    name: str  # 'RCM TECHNOLOGIES, INC.'
    role: str  # 'the Company' or 'Executive', as the agreement refers to it

    @property
    def entity(self) -> bool:
        return bool(_ENTITY.search(self.name))


@dataclass(frozen=True)
class AgreementFacts:
    title: str  # "Second Amended and Restated Termination Benefits Agreement"
    date: str  # "March 18, 1997"
    parties: tuple[Party, ...]

    @property
    def article(self) -> str:
        return "an" if self.title[:1].lower() in "aeiou" else "a"


def read_facts(base: Document, title: str = "", date: str = "") -> AgreementFacts:
    """The agreement's title, date and parties from BASE's opening, or as given."""
    front = fold("\n".join(base.front))
    opening = _THIS.search(front)
    found_title = title_case(opening.group("title")) if opening else ""
    rest = front[opening.start() :] if opening else front
    dated = _DATED.search(rest)
    found_date = fold(dated.group("date")).replace(" ,", ",") if dated else ""
    title, date = title or found_title, date or found_date
    if not title:
        raise UsageError(
            'BASE\'s front matter does not name the agreement (THIS ... (the "Agreement")); '
            "give --title"
        )
    if not date or parse_date(date) is None:
        raise UsageError(
            f"BASE's front matter does not date the agreement ({date or 'no date found'}); "
            'give --agreement-date "Month D, YYYY"'
        )
    return AgreementFacts(title, date, _parties(rest))


def _parties(opening: str) -> tuple[Party, ...]:
    """Each "NAME, a Nevada corporation (the "Company")" between "between" and the recitals."""
    between = _BETWEEN.search(opening)
    if between is None:
        return ()
    sentence = _RECITALS.split(opening[between.end() :], maxsplit=1)[0]
    out = []
    for m in _PARTY.finditer(sentence):
        name = re.sub(r"^[\s,]*(?:and\s+)?", "", m.group("name")).strip(" ,")
        if not name or len(name) > 150:
            continue
        short = re.split(r",\s+(?:a|an)\s+", name, maxsplit=1)[0]
        printed = f'{short} ({m.group("the") or ""}"{m.group("role")}")'
        role = f"the {m.group('role')}" if m.group("the") else m.group("role")
        out.append(Party(printed, short, role))
    return tuple(out)


def title_case(text: str) -> str:
    """ "SECOND AMENDED AND RESTATED ... AGREEMENT" -> "Second Amended and Restated ... Agreement",
    the form our reader finds in "have entered into a ... Agreement"."""
    words = fold(text).split()
    if any(w.islower() for w in words):
        return " ".join(words)
    out = [w.lower() if i and w.lower() in _SMALL else w.capitalize() for i, w in enumerate(words)]
    return " ".join(out)
