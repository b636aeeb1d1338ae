"""A Section that two Articles print, told apart by the heading item over the citing one.

Where each Article numbers its Sections afresh (Article I, Section 2; Article II,
Section 2), "Section 2" alone could be either, and is refused as ambiguous.  Under
"Article II of the Agreement is hereby amended as follows:" the drafter has said which:
the sub-item's "Section 2" is Article II's.  The heading is asked only when the
citation is ambiguous, so an agreement numbered throughout is read exactly as before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import operations as ops
from ..layout.items import Item
from ..lazy_re import lazy_re
from .locate import article_value, within_article

# The Article is the heading item's subject ("Article II of the Agreement is hereby amended
# as follows:"), after any heading of its own; never "Section 5 of Article II is amended".
_ARTICLE_AMENDED = lazy_re(
    r"(?:^|[.:]\s+)(?:the\s+)?Article\s+(?P<label>[IVXLC]+|\d+)\b"
    r"(?:\s+(?:of|to)\s+the\s+[^.:;]{1,60}?)?\s+(?:is|shall\s+be)\s+(?:hereby\s+)?"
    r"(?:further\s+)?(?:amended|modified)\s+(?:as\s+follows|in\s+the\s+following\s+respects)",
    re.IGNORECASE,
)


def in_heading_article(op: ops.Operation, ancestors: tuple[Item, ...]) -> ops.Operation | None:
    """``op`` with its targets looked up inside the Article the nearest heading item
    amends, or None if no heading item amends an Article or nothing would change."""
    for ancestor in reversed(ancestors):
        m = _ARTICLE_AMENDED.search(ancestor.instruction)
        if m is None:
            continue
        value = article_value(m.group("label").upper())
        if value is None:
            return None
        scoped = _scoped(op, value, f"Article {m.group('label')}")
        return None if scoped == op else scoped
    return None


def _scoped(op: ops.Operation, value: int, article: str) -> ops.Operation:
    if isinstance(op, ops.Steps):
        return ops.Steps(tuple(_scoped(s, value, article) for s in op.steps))
    target = getattr(op, "target", None)
    if not isinstance(target, ops.Target):
        return op  # the composed grammar's Change, a definition, an exhibit: as they were
    cited = target.citation
    if not cited.keys or cited.keys[0].startswith("article:") or not cited.unit:
        return op
    if cited.unit.lower().startswith("art"):
        return op
    within = within_article(cited, value, f"{cited.printed} of {article}")
    holder: Any = op  # every operation with a target is a dataclass with that field
    scoped: ops.Operation = replace(holder, target=replace(target, citation=within))
    return scoped
