"""Words at the end of, or inside, a clause a definition runs on in its sentence: the
clause's edges are its labels, so only a place the words name exactly is edited ("at the
end" of the last clause, "in clause (ii)" of clause (b)); any other is refused."""

from __future__ import annotations

from ..change import Change
from ..document import Document
from ..lazy_re import lazy_re
from ..operations import WordEdit
from .cited import DEFINITION_AT
from .context import Context
from .definition_clauses import (
    CLAUSE_OF_DEFINITION,
    edit_clause_words,
    run_on_clause_of,
)
from .run_on import edit_span


def words_at_clause_end(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "Clause (c) of the definition of "X" ... is amended by inserting the words "..." at
    the end thereof", where (c) is the last clause the definition runs on in its sentence:
    the words end the clause, before the definition's full stop.  None for any other clause
    or place (the end of a clause followed by another is where its "or" or "; and" is, which
    the words do not say), and where the clause is a paragraph of its own."""
    sel = c.selector
    if not (c.verb == "insert" and c.words_edit and sel.kind == "definition_clause"):
        return None
    if c.position not in ("", "at the end", "at the end thereof") or len(sel.labels) != 1:
        return None
    if c.payload.kind not in ("quoted", "text") or not c.payload.one_paragraph:
        return None
    # (a clause that is a paragraph of its own: where its end is, its punctuation decides)
    found = run_on_clause_of(doc, sel.labels[0], sel.terms[0], sel.scope, ctx)
    if found is None:
        return None
    path, start, stop, end = found
    text = doc.get(path).text
    if text[stop:end].strip() not in ("", "."):
        return None
    words = " ".join(c.payload.text.split())
    edit = WordEdit("append_text", old="", new=words)
    where = f'clause {sel.labels[0]} of the definition of "{sel.terms[0]}"'
    return edit_span(doc, path, (start, len(text[:stop].rstrip())), edit, where, ctx)


def words_in_definition_subclause(doc: Document, c: Change, ctx: Context) -> Document | None:
    """'"60%" of clause (i) of Clause (b) of the definition of "Borrowing Base"', or of
    clause (b) of the definition itself (deleted or replaced): the words of that clause, and
    of nothing else; None for any other selector."""
    sel = c.selector
    if sel.kind != "words" or len(sel.words) != 1 or c.verb not in ("replace", "delete"):
        return None
    m = _SUBCLAUSE.fullmatch(sel.printed)
    if m is None or (c.verb, c.payload.kind) not in (("replace", "quoted"), ("delete", "none")):
        return None
    outer = CLAUSE_OF_DEFINITION.fullmatch(m["rest"])
    if outer is not None:
        label, term, scope = outer["label"] + m["label"], outer["term"], outer["scope"] or ""
    else:  # '"35 miles" of clause (c) of definition "Good Reason" of Section 1.1': the
        # definition's own clause, as a sub-item under "The definition ... is amended:" names it
        d = DEFINITION_AT.fullmatch(m["rest"])
        if d is None:
            return None
        label, term, scope = m["label"], d["term"], d["scope"] or ""
    edit = WordEdit(f"{c.verb}_words", old=sel.words[0], new=c.payload.text)
    return edit_clause_words(doc, label, term, scope, edit, ctx)


_SUBCLAUSE = lazy_re(
    r'"[^"]*"\s+of\s+(?i:(?:sub)?clause|paragraph)\s+(?P<label>\([a-z0-9]{1,6}\))\s+of\s+(?P<rest>.+)'
)
