"""Words just before a clause's label: "deleting the word "and" immediately preceding clause
(iv) thereof".

A list's conjunction is moved when a clause is added at its end: the "and" before the last
clause is deleted, and a new one put before the new clause.  Where the clauses run on in
the sentence ("(i) interest, (ii) taxes, (iii) depreciation and (iv) amortization") the
words are the last ones before "(iv)"; where each clause is a paragraph of its own, the
last ones of the paragraph before it.  Either way they must be the very words printed there
(white space aside); anything else is refused, naming the clause.
"""

from __future__ import annotations

import re

from ..change import Change
from ..citation import PLAIN_PROVISION, parse_citation
from ..document import Document, Path
from ..errors import PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import DefinitionRef, Target, WordEdit
from .apply import locate_target
from .apply_definitions import locate_definition
from .cited import DEFINITION_AT
from .context import Context
from .definition_clauses import where_defined
from .word_places import record_edits

_BEFORE_CLAUSE = lazy_re(
    r'^"(?P<words>[^"]+)"\s+(?:immediately\s+)?(?:preceding|before|prior\s+to)\s+'
    r"(?:sub)?(?:clause|paragraph|subsection|subparagraph|item)\s+(?P<label>\([a-z0-9]{1,6}\))"
    r"(?:\s+(?:of|in)\s+(?P<scope>.+))?$",
    re.IGNORECASE,
)


def edit_before_clause(doc: Document, c: Change, ctx: Context) -> Document | None:
    """The words just before clause (x)'s label deleted, or replaced by quoted words; None
    where the selector names no such place."""
    m = _BEFORE_CLAUSE.match(c.selector.printed)
    if m is None or c.selector.qualifiers or len(c.selector.words) != 1:
        return None
    if (c.verb, c.payload.kind) not in (("delete", "none"), ("replace", "quoted")):
        return None
    scope = m["scope"] or c.selector.scope
    path = _holder(doc, scope, ctx)
    if path is None:
        return None
    words, where = m["words"], f"clause {m['label']} of {scope}"
    node = doc.get(path)
    keys = [child.key for child in node.children]
    own = m["label"].lower().strip("()")
    if own in keys:  # the clause is a paragraph: the words end the paragraph before it
        if keys.index(own) == 0:
            raise PlacementError(f"{where} is the first clause; no words of a clause precede it")
        path = (*path, keys.index(own) - 1)
        node = doc.get(path)
        field = "trailing" if node.children else "text"
        text: str = getattr(node, field)
        cut = len(text.rstrip())
    else:  # run on in the sentence: the words end the text before its label
        field, text = "text", node.text
        starts = [x.start() for x in re.finditer(re.escape(m["label"]), text, re.IGNORECASE)]
        if len(starts) != 1:
            raise TargetNotFound(f"{where} is not printed once in {scope}")
        cut = starts[0]
    head, tail = text[:cut].rstrip(), text[cut:]
    found = re.search(rf"(?<![\w]){re.escape(words)}$", head)
    if found is None:
        raise PlacementError(
            f'the words before {where} are not "{words}" (they end "{head[-30:]}")'
        )
    kept = head[: found.start()].rstrip()
    if c.verb == "replace":
        kept = f"{kept} {' '.join(c.payload.text.split())}"
    gap = " " if tail and not tail[0].isspace() else ""  # "(iii) depreciation (iv) ..."
    edit = WordEdit(f"{c.verb}_words", old=words, new=c.payload.text)
    changed = node.evolve(**{field: kept + gap + tail})
    return doc.update(path, lambda _: record_edits(changed, (edit,), ctx))


def _holder(doc: Document, scope: str, ctx: Context) -> Path | None:
    """The definition or provision whose clauses are cited; None for another chain."""
    d = DEFINITION_AT.fullmatch(scope)
    if d is not None:
        where = where_defined(scope)
        ref = DefinitionRef(d["term"], parse_citation(where) if where else None)
        return locate_definition(doc, ref, ctx)
    if PLAIN_PROVISION.fullmatch(scope):
        return locate_target(doc, Target(parse_citation(scope)), ctx)
    return None
