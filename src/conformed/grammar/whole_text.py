"""The text of a provision replaced: the provision replaced, its label and heading kept.

"Section 3.7 is hereby amended by replacing the current text thereof with the following:",
"the text of Section 10.10 is deleted and replaced with ...": the drafter replaces what the
provision says, not words inside it.  Read as words ("text of Section 3.7") the change could
not be applied; read as the provision replaced, it is, and ``replace_at`` keeps the heading
the new text does not give (and says so).  Only a plain "Unit Label" whose text is cited
whole, and only a replacement: "deleting the text of Section 3.7" leaves a provision with no
words, which is no deletion of the provision, so it stays as read.
"""

from __future__ import annotations

from dataclasses import replace

from ..change import Change
from ..lazy_re import lazy_re
from ..operations import Operation, Steps
from .guards import UNITS

_TEXT_OF = lazy_re(r"text of (?P<cited>\S.*)")
_PLAIN = lazy_re(rf"(?P<unit>{UNITS}) (?P<label>\d[\w.]*(?:\([A-Za-z0-9]{{1,6}}\))*)")


def whole_text(op: Operation) -> Operation:
    """``op`` with each replacement of "the text of Section X" a replacement of Section X."""
    if isinstance(op, Steps):
        return Steps(tuple(whole_text(step) for step in op.steps))
    if not isinstance(op, Change) or op.verb != "replace" or op.selector.kind != "sentence":
        return op
    sel = op.selector
    m = _TEXT_OF.fullmatch(sel.printed)
    plain = _PLAIN.fullmatch(m["cited"]) if m is not None else None
    if m is None or plain is None or m["cited"] != sel.scope:
        return op  # "text of clause (b) of Section 3.7": not a plain citation of one provision
    labels, unit = (plain["label"],), plain["unit"]
    provision = replace(
        sel, kind="provision", printed=sel.scope, labels=labels, unit=unit, scope=""
    )
    return replace(op, selector=provision, words_edit=False)
