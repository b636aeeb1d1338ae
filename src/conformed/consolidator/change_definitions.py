"""Changes of definitions: restated, deleted, added (in alphabetical order), several at
once, or words edited inside one definition's paragraph."""

from __future__ import annotations

import re
from dataclasses import replace

from ..change import ANY_DEFINITIONS, Change
from ..citation import BRACKETED, parse_citation, parse_label
from ..definitions import split_definitions, words_before_definitions
from ..document import Document, Path
from ..errors import PayloadError, TargetNotFound
from ..operations import (
    DefinitionRef,
    DeleteDefinition,
    InsertDefinition,
    ReplaceDefinition,
    WordEdit,
)
from .apply import omit_at, replace_at
from .apply_definitions import (
    apply_delete_definition,
    apply_insert_definition,
    apply_replace_definition,
    defined_exactly,
    locate_definition,
)
from .change_parts import relabel_at
from .context import Context
from .word_edits import apply_word_edit
from .word_places import edit_provision_words, record_edits


def _definition(c: Change) -> DefinitionRef:
    scope = parse_citation(c.selector.scope) if c.selector.scope else None
    return DefinitionRef(c.selector.terms[0], scope)


def definition_clause(doc: Document, c: Change, ctx: Context) -> Document:
    """ "Clause (ii) of the definition of "Good Reason" ... is amended and restated" (or
    deleted): the clause the definition prints as a paragraph of its own; a definition
    whose clauses run on in its sentence has none, and the item is refused."""
    sel = c.selector
    path = clause_path(doc, sel.labels[0], sel.terms[0], sel.scope, ctx)
    if c.verb == "replace" and c.payload.kind in ("text", "quoted"):
        return replace_at(doc, path, c.payload.text, sel.printed, ctx)
    if c.verb == "delete" and c.payload.kind == "none":
        return omit_at(doc, path, ctx)
    raise PayloadError(f"{sel.printed}: only a restatement or a deletion of the clause is applied")


_DEFINITION_CHAIN = re.compile(r'definition\s+"[^"]*"(?:\s+of\s+(?P<scope>.+))?')


def _where_defined(scope: str) -> str:
    """'definition "X" of Section 1.01' (a chain) -> "Section 1.01"; a citation as it is."""
    m = _DEFINITION_CHAIN.fullmatch(scope)
    return (m["scope"] or "") if m else scope


def clause_path(doc: Document, label: str, term: str, scope: str, ctx: Context) -> Path:
    """Where clause ``label`` ("(ii)", "(a)(i)") of the definition of ``term`` is: a
    paragraph of its own under the definition, else refused.  ``scope`` is where the
    definition is ("Section 1.01", or as a chain prints it: 'definition "X" of Section 1.01')."""
    scope = _where_defined(scope)
    keys = [k.lower() for k in BRACKETED.findall(label)]
    if not keys or "".join(f"({k})" for k in keys) != label.lower():
        raise PayloadError(
            f'clause {label} of the definition of "{term}" is not cited by its label'
        )
    path = locate_definition(
        doc, DefinitionRef(term, parse_citation(scope) if scope else None), ctx
    )
    for key in keys:
        hits = [i for i, child in enumerate(doc.get(path).children) if child.key == key]
        if len(hits) != 1:
            raise TargetNotFound(
                f'the definition of "{term}" prints no clause ({key}) as a paragraph of its own'
            )
        path = (*path, hits[0])
    return path


def replace_definition(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_replace_definition(doc, ReplaceDefinition(_definition(c), c.payload.text), ctx)


def delete_definition(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_delete_definition(doc, DeleteDefinition(_definition(c)), ctx)


def insert_definition(doc: Document, c: Change, ctx: Context) -> Document:
    """ "... amended by inserting the following new definition(s) in the proper alphabetical
    order:": each definition of the new text where the alphabet puts it.  Any other place
    ("immediately after the definition of ...") is not looked up yet, and is refused."""
    if not _in_order(c):
        raise PayloadError(
            f"understood as new definitions {c.position}, but conformed places new "
            "definitions only in alphabetical order; nothing was applied"
        )
    term = "" if c.selector.terms[0] == ANY_DEFINITIONS else c.selector.terms[0]
    scope = parse_citation(c.selector.scope) if c.selector.scope else None
    return apply_insert_definition(
        doc, InsertDefinition(DefinitionRef(term, scope), c.payload.text), ctx
    )


def insert_or_replace(doc: Document, c: Change, ctx: Context) -> Document:
    """ "... inserting the following definitions (or, where a term is already defined,
    amending and restating its definition)": each definition of the new text replaces the
    one of the same term, found word for word, or else is added where the alphabet puts it
    (never applied to a close match: a new term may well resemble an old one)."""
    if not _in_order(c) or c.payload.kind != "text":
        raise PayloadError(
            f"understood as definitions added or restated {c.position}, but conformed places "
            "new definitions only in alphabetical order; nothing was applied"
        )
    if words_before_definitions(c.payload.text):
        raise PayloadError("the new text has words before the first definition")
    scope = parse_citation(c.selector.scope) if c.selector.scope else None
    for term, paragraph in split_definitions(c.payload.text):
        ref = DefinitionRef(term, scope)
        if defined_exactly(doc, ref):
            doc = apply_replace_definition(doc, ReplaceDefinition(ref, paragraph), ctx)
        else:
            doc = apply_insert_definition(doc, InsertDefinition(ref, paragraph), ctx)
    return doc


def each_definition(doc: Document, c: Change, ctx: Context) -> Document:
    """ "The following definitions ... are restated (deleted, added) as follows:" -- each term
    in turn, a restated one with its own paragraph of the new text (found by its term)."""
    if c.verb == "delete" and c.payload.kind in ("text", "none"):
        for term in c.selector.terms:
            doc = delete_definition(
                doc, replace(c, selector=replace(c.selector, terms=(term,))), ctx
            )
        return doc
    if c.verb == "insert" and c.payload.kind == "text":  # each of the new text's, in turn
        return insert_definition(
            doc, replace(c, selector=replace(c.selector, terms=(ANY_DEFINITIONS,))), ctx
        )
    if c.verb != "replace" or c.payload.kind != "text":
        raise PayloadError("understood as a change of several definitions; nothing was applied")
    texts = dict(split_definitions(c.payload.text))
    missing = [t for t in c.selector.terms if t not in texts]
    if missing:
        raise PayloadError(f'the new text has no definition of "{missing[0]}"; nothing was applied')
    extra = [t for t in texts if t not in c.selector.terms]
    if extra or words_before_definitions(c.payload.text):
        what = f'a definition of "{extra[0]}"' if extra else "words before the first definition"
        raise PayloadError(f"the new text also has {what}, which the item does not name")
    for term in c.selector.terms:
        one = replace(c, selector=replace(c.selector, terms=(term,)))
        doc = replace_definition(
            doc, replace(one, payload=replace(c.payload, text=texts[term])), ctx
        )
    return doc


# "Clause (a) of definition "Change of Control" of Section 1.01": where words are edited
_CLAUSE_OF_DEFINITION = re.compile(
    r'\w+\s+(?P<label>(?:\([A-Za-z0-9]{1,6}\))+)\s+of\s+definition\s+"(?P<term>[^"]+)"'
    r"(?:\s+of\s+(?P<scope>.+))?"
)


def edit_in_definition_clause(
    doc: Document, c: Change, edit: WordEdit, ctx: Context
) -> Document | None:
    """ "Clause (b) of the definition of "Borrowing Base" in Section 1.1 is amended by
    inserting ... after the words "X"": the words of that clause (and its own clauses) and
    of nothing else; None where the change does not name a clause of a definition."""
    sel = c.selector
    if sel.kind == "definition_clause" and len(sel.terms) == 1:
        label, term, scope = "".join(sel.labels), sel.terms[0], sel.scope
    else:
        m = _CLAUSE_OF_DEFINITION.fullmatch(sel.scope) if sel.kind == "words" else None
        if m is None:
            return None
        label, term, scope = m["label"], m["term"], m["scope"] or ""
    try:
        path = clause_path(doc, label, term, scope, ctx)
    except TargetNotFound:
        return _edit_run_on_clause(doc, label, term, scope, edit, ctx)
    return edit_provision_words(doc, path, (edit,), ctx, f'clause {label} of "{term}"')


def _edit_run_on_clause(
    doc: Document, label: str, term: str, scope: str, edit: WordEdit, ctx: Context
) -> Document:
    """Clause (b) printed inside the definition's sentence ("the sum of (a) 85% of X plus (b)
    50% of Y, minus (c) ..."): the words from "(b)" up to "(c)" (or the end), edited there
    and only there; refused where the clause is not printed once."""
    scope = _where_defined(scope)
    path = locate_definition(
        doc, DefinitionRef(term, parse_citation(scope) if scope else None), ctx
    )
    node = doc.get(path)
    where = f'clause {label} of the definition of "{term}"'
    span = _run_on_span(node.text, label)
    if span is None:
        raise TargetNotFound(f"{where} is not printed once in the definition")
    start, end = span
    part = apply_word_edit(node.evolve(text=node.text[start:end], children=()), edit, where)
    node = node.evolve(text=node.text[:start] + part.text + node.text[end:])
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


def _run_on_span(text: str, label: str) -> tuple[int, int] | None:
    """Where clause ``label`` ("(b)") runs in a sentence: from its label to the next one's."""
    own = parse_label(label)
    if own is None or label.count("(") != 1:
        return None
    starts = [m.start() for m in re.finditer(re.escape(label), text)]
    if len(starts) != 1:
        return None
    after = text.find(own.with_value(own.value + 1).text, starts[0])
    return starts[0], after if after > 0 else len(text)


def edit_in_definition(doc: Document, c: Change, edit: WordEdit, ctx: Context) -> Document:
    """ "The definition of "Fee Rate" in Section 1.1 is amended by deleting the word "two"
    and inserting ...": the words of that definition's paragraph, and of nothing else."""
    scope = c.selector.scope
    if c.selector.kind == "words":  # the words "two" of definition "Fee Rate" of Section 1.1
        _, _, scope = scope.partition(" of ")
    ref = DefinitionRef(c.selector.terms[0], parse_citation(scope) if scope else None)
    path = locate_definition(doc, ref, ctx)
    node = apply_word_edit(doc.get(path), edit, f'the definition of "{ref.term}"')
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


def _in_order(c: Change) -> bool:
    """No place named, or "in (the proper) alphabetical order", perhaps "in" the provision
    the definitions are added to ("... in alphabetical order in Section 1.01")."""
    rest = c.position.removeprefix("in alphabetical order").strip()
    rest = re.sub(r"^(?:in|of|to)\s+", "", rest)
    return c.position in ("", "in alphabetical order") or (
        c.position.startswith("in alphabetical order") and rest == c.selector.scope != ""
    )


def redesignate_definition_clause(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "relettering clause (c) of the definition of "Excluded Taxes" as clause (b)": the
    clause, a paragraph of the definition, takes its new label as a provision's would; None
    for any other change."""
    sel = c.selector
    new = BRACKETED.findall(c.new_label)
    if c.verb != "renumber" or sel.kind != "definition_clause" or len(sel.terms) != 1:
        return None
    if len(sel.labels) != 1 or len(new) != 1:
        return None
    path = clause_path(doc, sel.labels[0], sel.terms[0], sel.scope, ctx)
    return relabel_at(doc, path, new[0].lower(), sel.printed, c.new_label, ctx)
