"""Words or a mark at the end of a clause: deleted, replaced, or new words put beside it.

Credit agreements add a clause at the end of a list in three strokes: "deleting the
word "and" at the end of clause (b), replacing the period at the end of clause (c)
with "; and" and adding a new clause (d)".  The words or the mark named must be the
last thing the clause prints (white space aside); anything else -- a clause that ends
otherwise, or one whose end is its own subdivisions' -- is refused, naming the clause.
So are new words "immediately before the period at the end thereof": the period must be
the clause's (or the definition's) last mark, and the words go just before it.
"""

from __future__ import annotations

import re

from ..change import MARKS, Change, Payload, Selector, side
from ..citation import PLAIN_PROVISION, parse_citation
from ..document import Document, Path
from ..errors import PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import DefinitionRef, Target, WordEdit
from .apply import locate_target
from .apply_definitions import locate_definition
from .apply_text import end_of_sentence
from .change_parts import edit_sentence, sentence_of
from .cited import DEFINITION_AT, LAST_PART, plain_part
from .context import Context
from .definition_clauses import CLAUSE_OF_DEFINITION, clause_path, run_on_clause_of
from .run_on import run_on_span
from .word_edits import beside, ends_with
from .word_places import record_edits

_AT_END = lazy_re(
    r'^(?:"(?P<words>[^"]+)"|(?:the\s+)?(?P<mark>period|full\s+stop|semi-?colon|comma|colon))'
    r"\s+(?:appearing\s+)?at\s+the\s+end\s+of\s+(?P<part>.+)$",
    re.IGNORECASE,
)
_BESIDE_END = lazy_re(
    r"^(?:immediately\s+)?(?P<side>before|prior\s+to|preceding|after|following)\s+(?:the\s+)?"
    r"(?P<mark>period|full\s+stop|semi-?colon|comma|colon)\s+at\s+the\s+end(?:\s+of)?"
    r"(?:\s+(?P<part>.+))?$",
    re.IGNORECASE,
)


# "at the end thereof, immediately before the period": the same place said the other way round
_END_THEN_MARK = lazy_re(
    r"^at\s+the\s+end(?:\s+of\s+(?P<part>.+?))?,?\s+(?P<beside>(?:immediately\s+)?"
    r"(?:before|prior\s+to|preceding|after|following)\s+(?:the\s+)?"
    r"(?:period|full\s+stop|semi-?colon|comma|colon))$",
    re.IGNORECASE,
)


_JOINED_END = lazy_re(r";(\s+(?:and|or|and/or))$")


def _mark_last(position: str) -> str:
    """ "at the end of clause (c), before the period" as "before the period at the end of
    clause (c)"; any other position as it is."""
    m = _END_THEN_MARK.match(position)
    if m is None:
        return position
    return f"{m['beside']} at the end" + (f" of {m['part']}" if m["part"] else "")


def insert_by_end_mark(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "inserting the words "X" immediately before the period at the end thereof" (or of
    clause (a)): the words just before, or after, the mark the provision or definition ends
    with; None for any other position."""
    m = _BESIDE_END.match(_mark_last(c.position))
    if m is None or c.verb != "insert" or not _words(c.payload) or c.selector.qualifiers:
        return None
    sel = c.selector
    mark = _mark(m["mark"])
    words = " ".join(c.payload.text.split())
    where = side(m["side"])
    before = where == "before"
    if sel.kind == "sentence" and m["part"] in (None, "thereof"):
        return _beside_sentence_end(doc, c, mark, before, ctx)
    named = DEFINITION_AT.fullmatch(m["part"] or "")
    home = _definitions_home(sel, named["term"]) if named is not None else None
    if named is not None and home is not None:
        # "Section 1.01 is amended by inserting "X" at the end of the definition of "Y",
        # immediately prior to the period"
        ref = DefinitionRef(named["term"], parse_citation(named["scope"] or home))
        path, printed = locate_definition(doc, ref, ctx), f'the definition of "{ref.term}"'
    elif (found := _definition_clause(doc, sel, m["part"] or "", mark, ctx)) is not None:
        return _beside_run_on_end(doc, found, mark, words, before, c, ctx)
    elif sel.kind == "definition" and len(sel.terms) == 1 and not m["part"]:
        ref = DefinitionRef(sel.terms[0], parse_citation(sel.scope) if sel.scope else None)
        path, printed = locate_definition(doc, ref, ctx), f'the definition of "{sel.terms[0]}"'
    else:
        own = sel.printed if m["part"] in (None, "thereof") else f"{m['part']} of {sel.printed}"
        cited = _cited(own, sel.scope or sel.printed) if sel.kind == "provision" else None
        if cited is None:
            return None
        try:
            path, printed = locate_target(doc, Target(parse_citation(cited)), ctx), cited
        except TargetNotFound:  # "after the semicolon at the end of clause (ii) thereof"
            found = _run_on_clause(doc, cited, mark, ctx)
            if found is None:
                raise
            return _beside_run_on_end(doc, found, mark, words, before, c, ctx)
    body = _end(doc, path, printed)
    # "immediately before the semicolon at the end of clause (d)" where (d) ends "; and": the
    # semicolon is the list's, the conjunction after it stays where it is
    joined = _JOINED_END.search(body) if mark == ";" else None
    tail = joined.group(1) if joined is not None else ""
    body = body[: len(body) - len(tail)]
    if not body.endswith(mark):
        raise PlacementError(f'{printed} does not end with "{mark}" (it ends "{body[-30:]}")')
    head = beside(body[:-1].rstrip(), words) + mark if before else beside(body, words)
    head += tail
    edit = WordEdit("insert_words", old=mark, new=c.payload.text, where=where)
    return _ended(doc, path, head, edit, ctx)


def _beside_run_on_end(
    doc: Document,
    found: tuple[Path, int, int],
    mark: str,
    words: str,
    before: bool,
    c: Change,
    ctx: Context,
) -> Document:
    """New words just before, or after, the mark a run-on clause ends with."""
    path, start, end = found
    node = doc.get(path)
    clause = node.text[start:end]
    new = beside(clause[:-1].rstrip(), words) + mark if before else beside(clause, words)
    edit = WordEdit(
        "insert_words", old=mark, new=c.payload.text, where="before" if before else "after"
    )
    changed = node.evolve(text=node.text[:start] + new + node.text[end:])
    return doc.update(path, lambda _: record_edits(changed, (edit,), ctx))


def _definitions_home(sel: Selector, term: str) -> str | None:
    """Where the definition a position names is looked for: the provision the item cites, or
    the one its selector says defines that very term; None for anything else."""
    if sel.kind == "provision" and PLAIN_PROVISION.fullmatch(sel.printed):
        return sel.printed
    if sel.kind == "definition" and sel.terms == (term,) and PLAIN_PROVISION.fullmatch(sel.scope):
        return sel.scope
    return None


def _beside_sentence_end(
    doc: Document, c: Change, mark: str, before: bool, ctx: Context
) -> Document | None:
    """ "The first sentence of Section 2.4 is amended by adding the following proviso at the
    end thereof, immediately before the period: "; provided ..."": the words end that
    sentence, the sentences after it as they were.  Words opening with a comma or semicolon
    take the full stop's place and end with one; others go just before the mark (refused
    by the word edit where the sentence prints that mark more than once)."""
    counted = sentence_of(c.selector.printed)
    if counted is None:
        return None
    words = c.payload.text
    if not before or (mark == "." and words.lstrip()[:1] in ",;"):
        return edit_sentence(doc, counted, WordEdit("append_text", old="", new=words), ctx)
    edit = WordEdit("insert_words", old=mark, new=words.strip(), where="before")
    return edit_sentence(doc, counted, edit, ctx)


def edit_at_end(doc: Document, c: Change, ctx: Context) -> Document | None:
    """The deletion or replacement of the words or mark a clause ends with; None where the
    selector names no such place, or a part this module does not look up."""
    m = _AT_END.match(c.selector.printed)
    if m is None or c.verb not in ("delete", "replace") or c.selector.qualifiers:
        return None
    if c.verb == "replace" and not _words(c.payload):
        return None
    last = m["words"] if m["words"] else _mark(m["mark"])
    counted = sentence_of(m["part"])
    if counted is not None:  # "the period at the end of the first sentence thereof"
        new_words = " ".join(c.payload.text.split()) if c.verb == "replace" else ""
        return end_of_sentence(doc, counted, last, new_words, ctx)
    in_definition = CLAUSE_OF_DEFINITION.fullmatch(m["part"])
    definition = DEFINITION_AT.fullmatch(m["part"])
    cited = m["part"] if in_definition or definition else _cited(m["part"], c.selector.scope)
    if cited is None:
        return None
    if in_definition is not None:  # '"or" at the end of clause (ii) of definition "X" ...'
        d = in_definition
        path = clause_path(doc, d["label"], d["term"], d["scope"] or "", ctx)
    elif definition is not None:  # 'the period at the end of the definition of "X"'
        scope = definition["scope"]
        ref = DefinitionRef(definition["term"], parse_citation(scope) if scope else None)
        path = locate_definition(doc, ref, ctx)
    else:
        try:
            path = locate_target(doc, Target(parse_citation(cited)), ctx)
        except TargetNotFound:
            run_on = _run_on_end(doc, cited, last, c, ctx)
            if run_on is None:
                raise
            return run_on
    body = _end(doc, path, cited)
    core, stop = body, ""
    if not ends_with(core, last) and m["words"] and body.endswith(".") and not last.endswith("."):
        # 'deleting the words "; and (iv) ..." at the end thereof' where the provision's
        # full stop follows them: the words before the stop, the stop kept
        core, stop = body[:-1], "."
    if not ends_with(core, last):
        raise PlacementError(f'{cited} does not end with "{last}" (it ends "{body[-30:]}")')
    kept = core[: len(core) - len(last)]
    added = " ".join(c.payload.text.split())
    new = kept.rstrip() if c.verb == "delete" else _after(kept, added)
    if stop and not new.endswith(stop):
        new += stop
    edit = WordEdit(f"{c.verb}_words", old=last, new=c.payload.text)
    return _ended(doc, path, new, edit, ctx)


def _run_on_end(doc: Document, cited: str, last: str, c: Change, ctx: Context) -> Document | None:
    """ "deleting the period at the end of clause (d) thereof and substituting "; and"" where
    Section 7.06 runs its clauses on in its sentence: the words or mark clause (d) ends with
    replaced or deleted; None where the clause is not run on."""
    found = _run_on_clause(doc, cited, last, ctx)
    if found is None:
        return None
    path, start, end = found
    node = doc.get(path)
    kept = node.text[start : end - len(last)]
    new = kept.rstrip() if c.verb == "delete" else _after(kept, " ".join(c.payload.text.split()))
    edit = WordEdit(f"{c.verb}_words", old=last, new=c.payload.text)
    changed = node.evolve(text=node.text[:start] + new + node.text[end:])
    return doc.update(path, lambda _: record_edits(changed, (edit,), ctx))


def _run_on_clause(
    doc: Document, cited: str, last: str, ctx: Context
) -> tuple[Path, int, int] | None:
    """Where run-on clause "Section 7.06(d)" is printed in Section 7.06's sentence, ending
    with ``last`` (the list's full stop, for the last clause); None where Section 7.06 prints
    the clause as a paragraph of its own, or not once; refused where it ends otherwise."""
    m = LAST_PART.fullmatch(cited)
    if m is None or not PLAIN_PROVISION.fullmatch(m["cite"]):
        return None
    path = locate_target(doc, Target(parse_citation(m["cite"])), ctx)
    node = doc.get(path)
    if any(child.key == m["label"].strip("()").lower() for child in node.children):
        return None
    span = run_on_span(node.text, m["label"])
    if span is None:
        return None
    return path, *_clause_end(node.text, span, last, cited)


def _clause_end(text: str, span: tuple[int, int], last: str, cited: str) -> tuple[int, int]:
    """A run-on clause's span to the mark it ends with (the list's full stop, for the last
    clause); refused where it ends otherwise."""
    start, end = span
    end = start + len(text[start:end].rstrip())
    if not text[start:end].endswith(last) and text[end : end + len(last)] == last:
        end += len(last)  # the last clause's end is the list's: its full stop
    clause = text[start:end]
    if not ends_with(clause, last):
        raise PlacementError(f'{cited} does not end with "{last}" (it ends "{clause[-30:]}")')
    return start, end


_CLAUSE_PART = lazy_re(r"(?i)(?:sub)?clause\s+(?P<label>\([a-z0-9]{1,6}\))(?:\s+thereof)?")


def _definition_clause(
    doc: Document, sel: Selector, part: str, last: str, ctx: Context
) -> tuple[Path, int, int] | None:
    """Clause (a) of the definition the item amends, run on in its sentence ("The
    definition of "X" is amended by inserting ... immediately before the semicolon at the end
    of clause (a) thereof"); None for any other part, or a clause that is a paragraph of its
    own."""
    m = _CLAUSE_PART.fullmatch(part)
    if m is None or sel.kind != "definition" or len(sel.terms) != 1:
        return None
    term, label = sel.terms[0], m["label"]
    found = run_on_clause_of(doc, label, term, sel.scope, ctx)
    if found is None:
        return None
    path, start, stop, _ = found
    where = f'clause {label} of the definition of "{term}"'
    return path, *_clause_end(doc.get(path).text, (start, stop), last, where)


def _after(kept: str, added: str) -> str:
    """New words in place of a clause's last word: a mark that replaces it ("deleting the
    word "or" at the end of clause (ii) and inserting a comma") closes up to the word before."""
    return kept.rstrip() + added if added[:1] in ",;:." else kept + added


def _words(payload: Payload) -> bool:
    """New words for a mark or words at a clause's end: quoted, or one paragraph set out
    after "the following:" (several paragraphs would be new provisions, not words)."""
    if payload.kind == "quoted":
        return True
    return payload.kind == "text" and payload.one_paragraph


def _mark(word: str) -> str:
    return MARKS[" ".join(word.lower().split())]


def _field(doc: Document, path: Path) -> str:
    """Where a provision's last words are: after its subdivisions if it has them."""
    return "trailing" if doc.get(path).children else "text"


def _end(doc: Document, path: Path, printed: str) -> str:
    """The provision's last words, white space after them aside; refused where it ends with
    its own subdivisions (whose end is meant is not said)."""
    text: str = getattr(doc.get(path), _field(doc, path))
    if not text.strip():
        raise PlacementError(
            f"{printed} ends with its subdivisions; which one's end is meant is not said"
        )
    return text.rstrip()


def _ended(doc: Document, path: Path, body: str, edit: WordEdit, ctx: Context) -> Document:
    """The provision with ``body`` for its last words (the white space after them kept)."""
    field = _field(doc, path)
    text: str = getattr(doc.get(path), field)
    changed = doc.get(path).evolve(**{field: body + text[len(text.rstrip()) :]})
    return doc.update(path, lambda _: record_edits(changed, (edit,), ctx))


def _cited(part: str, scope: str) -> str | None:
    """ "clause (b) of Section 7.01" as the agreement cites it, "Section 7.01(b)"; the
    provision itself where the part is the scope ("thereof" read as it)."""
    if part in (scope, "thereof") and PLAIN_PROVISION.fullmatch(scope):
        return scope
    return plain_part(part)
