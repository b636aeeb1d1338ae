"""Attachments named by their title, not a label: "the Berth Schedule", "the Pricing Grid
Annex".

Back matter heads most attachments "EXHIBIT B" or "SCHEDULE 2.1"; some are headed by a title
alone ("BERTH SCHEDULE"), and amendments replace them by that title ("The Berth Schedule is
hereby deleted in its entirety and replaced with the Berth Schedule attached hereto as Annex
A").  A title is found only as a heading line of its own; printed twice, it is ambiguous and
refused, never guessed.
"""

from __future__ import annotations

import re

from ..errors import AmbiguousTarget
from ..lazy_re import lazy_re

# The nouns an attachment's title ends in ("Berth Schedule"); one list for every pattern here.
_NOUNS = ("Schedule", "Exhibit", "Annex", "Appendix", "Rider")
_NOUN = "|".join(_NOUNS)

# "Berth Schedule", "Commitment Schedule", "Rent Exhibit": words in capitals ending in an
# attachment's noun, with no label after it (that is "Schedule 2")
TITLED = lazy_re(rf"(?:the\s+)?(?:[A-Z][\w\-'&]*\s+){{1,6}}(?:{_NOUN})", re.IGNORECASE)
# a line that heads an attachment by its title: in capitals ("BERTH SCHEDULE") or in the
# title's case ("Berth Schedule"), alone on its line
_TITLE_LINE = lazy_re(rf"^\s*(?:[A-Z][\w\-'&]*\s+){{1,6}}(?:{_NOUN.upper()}|{_NOUN})\.?\s*$")


def is_titled(name: str) -> bool:
    """``name`` is an attachment's title ("the Berth Schedule"), not a label ("Schedule 2")."""
    first = name.split()[0].capitalize() if name.split() else ""
    return bool(TITLED.fullmatch(name.strip())) and first not in _NOUNS


def title_key(name: str) -> str:
    words = name.strip().rstrip(".").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


def is_title_line(line: str) -> bool:
    return bool(_TITLE_LINE.match(line))


def titled_span(
    lines: tuple[str, ...], name: str, heading: re.Pattern[str]
) -> tuple[int, int] | None:
    """Line range of the attachment headed by the title ``name``; a label heading just above
    the title ("SCHEDULE 1" / "COMMITMENT SCHEDULE") is the same attachment's and is in it.
    It ends at the next attachment's heading, labelled or titled."""
    key = title_key(name)
    hits = [i for i, line in enumerate(lines) if is_title_line(line) and title_key(line) == key]
    if len(hits) > 1:
        raise AmbiguousTarget(
            f"{name} heads {len(hits)} places in the exhibits and schedules; which one the "
            "amendment means is for a person to say"
        )
    if not hits:
        return None
    start = title = hits[0]
    above = next((i for i in range(title - 1, -1, -1) if lines[i].strip()), None)
    if above is not None and heading.match(lines[above]):
        start = above
    caps = lines[title].isupper()
    end = next(
        (
            i
            for i in range(title + 1, len(lines))
            if heading.match(lines[i]) or _heads(lines, i, caps)
        ),
        len(lines),
    )
    return start, end


def _heads(lines: tuple[str, ...], i: int, caps: bool) -> bool:
    """A title line printed as this one's is (in capitals or not) and set apart by blank
    lines: the next attachment's heading, not a line of this one's table."""
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return is_title_line(lines[i]) and lines[i].isupper() == caps and before and after


def headed_by_title(lines: tuple[str, ...], name: str) -> bool:
    """The form's first line is the attachment's title: it heads the form as it heads the
    attachment, so the form keeps it."""
    return bool(lines) and is_title_line(lines[0]) and title_key(lines[0]) == title_key(name)
