"""A table printed in a provision, restated whole: "The table in Section 3.02 of the Plan is
amended and restated in its entirety to read as follows: <rows>".

The layout engine keeps a table as a paragraph of its provision's text whose columns stand
apart by runs of spaces ("Tier I        2.5        30 months").  The table cited is the
one such run of paragraphs the provision prints; the words before and after it (the
sentence that introduces it, a proviso after it) are left as they were.  A provision with no
table, or with two apart, is refused: which rows are meant is a reading.
"""

from __future__ import annotations

from ..change import Change
from ..citation import PLAIN_PROVISION, parse_citation
from ..document import Document
from ..errors import PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import Target, WordEdit
from .apply import locate_target
from .context import Context
from .run_on import edit_span

_TABLE_OF = lazy_re(
    r"(?i)(?:the\s+)?table\s+(?:of|in|set\s+forth\s+in|contained\s+in)\s+(?P<cite>.+)"
)
# two columns apart (never two spaces after a sentence's full stop, as typed text prints them)
_COLUMNS = lazy_re(r"[^\s.;:!?][^\S\n]{2,}\S")


def _is_table(paragraph: str) -> bool:
    return len(_COLUMNS.findall(paragraph)) >= 2


def restate_table(doc: Document, c: Change, ctx: Context) -> Document | None:
    """The table of the provision cited replaced by the rows given; None for any other
    change."""
    sel = c.selector
    m = _TABLE_OF.fullmatch(sel.printed) if sel.kind == "sentence" else None
    if (
        m is None
        or sel.qualifiers
        or c.verb != "replace"
        or not PLAIN_PROVISION.fullmatch(m["cite"])
    ):
        return None
    if c.payload.kind not in ("text", "quoted"):
        return None
    path = locate_target(doc, Target(parse_citation(m["cite"])), ctx)
    text = doc.get(path).text
    paragraphs = text.split("\n\n")  # how a provision's text keeps its paragraphs
    tabular = [k for k, paragraph in enumerate(paragraphs) if _is_table(paragraph)]
    if not tabular:
        raise TargetNotFound(f"{m['cite']} prints no table")
    first, last = tabular[0], tabular[-1]
    if tabular != list(range(first, last + 1)):
        raise PlacementError(f"{m['cite']} prints more than one table; the item names one")
    start = len("\n\n".join(paragraphs[:first])) + (2 if first else 0)
    end = start + len("\n\n".join(paragraphs[first : last + 1]))
    rows = [line.strip() for line in c.payload.text.splitlines() if line.strip()]
    if not rows or not _is_table(" ".join(rows)):
        raise PlacementError(f"the new text for the table of {m['cite']} is not a table")
    edit = WordEdit("replace_words", old=text[start:end], new=" ".join(rows))
    return edit_span(doc, path, (start, end), edit, f"the table of {m['cite']}", ctx)
