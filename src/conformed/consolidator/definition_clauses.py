"""Clauses of a definition: "clause (ii) of the definition of "Good Reason"".

A definition may print its clauses as paragraphs of its own (the layout engine reads them
as its children) or run them on inside its sentence ("the sum of (a) ... plus (b) ...").
A clause is restated, deleted, relettered or given a new sibling only where it is a
paragraph; its words may be edited either way, and only inside that clause.
"""

from __future__ import annotations

import re

from ..change import Change
from ..citation import BRACKETED, parse_citation
from ..document import Document, Path
from ..errors import PayloadError, PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import DefinitionRef, Ordinal, WordEdit
from .apply import omit_at, replace_at
from .apply_definitions import definition_in_text, locate_definition
from .apply_text import sentence_span
from .change_parts import sentence_of_definition
from .cited import DEFINITION_AT
from .context import Context
from .payload import provision_from_payload
from .redesignate import relabel_at
from .run_on import edit_run_on, edit_span, restate_run_on, run_on_span
from .word_places import edit_provision_words, record_edits


def definition_clause(doc: Document, c: Change, ctx: Context) -> Document:
    """ "Clause (ii) of the definition of "Good Reason" ... is amended and restated" (or
    deleted): the clause the definition prints as a paragraph of its own; a definition
    whose clauses run on in its sentence has none, and the item is refused."""
    sel = c.selector
    try:
        path = clause_path(doc, sel.labels[0], sel.terms[0], sel.scope, ctx)
    except TargetNotFound:
        if c.verb != "replace" or c.payload.kind not in ("text", "quoted"):
            raise
        path, offset, end = defined_at(doc, sel.terms[0], sel.scope, ctx)
        where = f'clause {sel.labels[0]} of the definition of "{sel.terms[0]}"'
        return restate_run_on(doc, path, offset, sel.labels[0], where, c.payload.text, ctx, end)
    if c.verb == "replace" and c.payload.kind in ("text", "quoted"):
        return replace_at(doc, path, c.payload.text, sel.printed, ctx)
    if c.verb == "delete" and c.payload.kind == "none":
        return omit_at(doc, path, ctx)
    raise PayloadError(f"{sel.printed}: only a restatement or a deletion of the clause is applied")


def where_defined(scope: str) -> str:
    """'definition "X" of Section 1.01' (a chain) -> "Section 1.01"; a citation as it is."""
    m = DEFINITION_AT.fullmatch(scope)
    return (m["scope"] or "") if m else scope


def defined_at(doc: Document, term: str, scope: str, ctx: Context) -> tuple[Path, int, int]:
    """Where the definition of ``term`` is: a paragraph of its own (all its words), or inside
    the text of the provision cited, from where it says '"X" means' to the end of that
    paragraph -- never into the next one, which may be another definition (an Article of a
    plan that prints its definitions as paragraphs of its own text)."""
    scope = where_defined(scope)
    ref = DefinitionRef(term, parse_citation(scope) if scope else None)
    try:
        path = locate_definition(doc, ref, ctx)
        return path, 0, len(doc.get(path).text)
    except TargetNotFound:
        found = definition_in_text(doc, ref)
        if found is None:
            raise
        path, start = found
        text = doc.get(path).text
        end = text.find("\n\n", start)
        return path, start, end if end >= 0 else len(text)


def clause_path(doc: Document, label: str, term: str, scope: str, ctx: Context) -> Path:
    """Where clause ``label`` ("(ii)", "(a)(i)") of the definition of ``term`` is: a
    paragraph of its own under the definition, else refused.  ``scope`` is where the
    definition is ("Section 1.01", or as a chain prints it: 'definition "X" of Section 1.01')."""
    keys = [k.lower() for k in BRACKETED.findall(label)]
    if not keys or "".join(f"({k})" for k in keys) != label.lower():
        raise PayloadError(
            f'clause {label} of the definition of "{term}" is not cited by its label'
        )
    path, offset, _ = defined_at(doc, term, scope, ctx)
    if offset:
        raise TargetNotFound(f'the definition of "{term}" runs on in the text of its provision')
    for key in keys:
        hits = [i for i, child in enumerate(doc.get(path).children) if child.key == key]
        if len(hits) != 1:
            raise TargetNotFound(
                f'the definition of "{term}" prints no clause ({key}) as a paragraph of its own'
            )
        path = (*path, hits[0])
    return path


def run_on_clause_of(
    doc: Document, label: str, term: str, scope: str, ctx: Context
) -> tuple[Path, int, int, int] | None:
    """Clause ``label`` of the definition of ``term`` where it runs on in the definition's
    sentence: the path of the text it is in, the clause's start and end there, and the
    definition's end.  None where the clause is a paragraph of its own, or not printed once."""
    try:
        clause_path(doc, label, term, scope, ctx)
        return None  # a paragraph of its own: looked up as a provision is
    except TargetNotFound:
        pass
    path, offset, end = defined_at(doc, term, scope, ctx)
    span = run_on_span(doc.get(path).text[offset:end], label)
    return None if span is None else (path, offset + span[0], offset + span[1], end)


# "Clause (a) of definition "Change of Control" of Section 1.01": a clause of a definition,
# as a selector prints it (edited here, and ended or extended in edge_words.py)
CLAUSE_OF_DEFINITION = lazy_re(
    r"(?i)(?:sub)?(?:clause|paragraph)\s+(?P<label>(?:\([a-z0-9]{1,6}\))+)\s+of\s+(?:the\s+)?"
    r'definition\s+(?:of\s+)?"(?P<term>[^"]+)"(?:\s+(?:of|in)\s+(?P<scope>.+))?'
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
        m = CLAUSE_OF_DEFINITION.fullmatch(sel.scope) if sel.kind == "words" else None
        if m is None:
            return None
        label, term, scope = m["label"], m["term"], m["scope"] or ""
    return edit_clause_words(doc, label, term, scope, edit, ctx)


def edit_clause_words(
    doc: Document, label: str, term: str, scope: str, edit: WordEdit, ctx: Context
) -> Document:
    """The edit made in clause ``label`` of the definition of ``term``: the clause's own
    paragraph where it prints one, else its words run on in the definition's sentence."""
    try:
        path = clause_path(doc, label, term, scope, ctx)
    except TargetNotFound:
        return _edit_run_on_clause(doc, label, term, scope, edit, ctx)
    return edit_provision_words(doc, path, (edit,), ctx, f'clause {label} of "{term}"')


def edit_definition_sentence(
    doc: Document, ordinal: Ordinal, term: str, scope: str, edit: WordEdit, ctx: Context
) -> Document:
    """ "The definition of "Commitment" is amended by deleting "$75,000,000" in the last
    sentence thereof and substituting ...": the words of that sentence of the definition,
    and of nothing else."""
    path, offset, end = defined_at(doc, term, scope, ctx)
    where = f'the {ordinal.printed} sentence of the definition of "{term}"'
    text = doc.get(path).text[offset:end]
    start, end = sentence_span(text, ordinal, f'the definition of "{term}"')
    return edit_span(doc, path, (start + offset, end + offset), edit, where, ctx)


def delete_definition_sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The second sentence of the definition of "Subscription Term" is hereby deleted":
    that sentence of the definition goes, the sentences either side close up; None for any
    other change.  The first sentence, which says what the term means, is not deleted so:
    the item would be deleting the definition, and does not say it."""
    found = sentence_of_definition(c.selector.printed)
    if found is None or c.verb != "delete" or c.payload.kind != "none" or c.selector.qualifiers:
        return None
    ordinal, term, scope = found
    path, offset, end = defined_at(doc, term, scope, ctx)
    text = doc.get(path).text
    where = f'the definition of "{term}"'
    start, stop = sentence_span(text[offset:end], ordinal, where)
    if start == 0:
        raise PlacementError(
            f"the {ordinal.printed} sentence of {where} is the one that defines the term; "
            "deleting it would delete the definition, which the item does not say"
        )
    before, after = text[: offset + start].rstrip(" "), text[offset + stop :].lstrip(" ")
    joint = " " if before and after and not after.startswith("\n") else ""
    change = ctx.change("amend_text", f"{ordinal.printed.capitalize()} sentence deleted")
    return doc.update(
        path, lambda p: p.evolve(text=before + joint + after, changes=(*p.changes, change))
    )


def _edit_run_on_clause(
    doc: Document, label: str, term: str, scope: str, edit: WordEdit, ctx: Context
) -> Document:
    """Clause (b) printed inside the definition's sentence ("the sum of (a) 85% of X plus (b)
    50% of Y, minus (c) ..."): the words from "(b)" up to "(c)" (or the end), edited there
    and only there; refused where the clause is not printed once."""
    path, offset, end = defined_at(doc, term, scope, ctx)
    where = f'clause {label} of the definition of "{term}"'
    *outer, inner = re.findall(r"\([^()]+\)", label) or [label]
    text = doc.get(path).text
    for part in outer:  # "(b)(i)": clause (i) inside clause (b), both run on
        span = run_on_span(text[offset:end], part)
        if span is None:
            raise TargetNotFound(f"{where} is not printed once in the definition")
        offset, end = offset + span[0], offset + span[1]
    done = edit_run_on(doc, path, inner, edit, where, ctx, offset, end)
    if done is None:
        raise TargetNotFound(f"{where} is not printed once in the definition")
    return done


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
    try:
        path = clause_path(doc, sel.labels[0], sel.terms[0], sel.scope, ctx)
    except TargetNotFound:
        return _relabel_run_on(doc, sel.labels[0], f"({new[0]})", sel.terms[0], sel.scope, ctx)
    return relabel_at(doc, path, new[0].lower(), sel.printed, c.new_label, ctx)


def _relabel_run_on(
    doc: Document, label: str, new: str, term: str, scope: str, ctx: Context
) -> Document:
    """ "relettering existing clause (v) thereof as clause (vi)" where the clauses run on in
    the definition's sentence: its label, printed once there, becomes the new one (the new
    label must not be printed there already)."""
    path, offset, end = defined_at(doc, term, scope, ctx)
    text = doc.get(path).text
    where = f'the definition of "{term}"'
    found = [m.start() + offset for m in re.finditer(re.escape(label), text[offset:end])]
    if len(found) != 1:
        raise TargetNotFound(f"clause {label} is not printed once in {where}")
    if new in text[offset:end]:
        raise PlacementError(f"{where} already prints a clause {new}; the item does not say which")
    at = found[0]
    node = doc.get(path).evolve(text=text[:at] + new + text[at + len(label) :])
    edit = WordEdit("replace_words", old=label, new=new)
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


# "immediately after clause (iii)", "following paragraph (b) thereof": the clause named
_AFTER_CLAUSE = lazy_re(
    r"(?:immediately\s+)?(?:after|following)\s+(?:clause|paragraph|subparagraph|subclause)\s+"
    r"(?P<label>\([A-Za-z0-9]{1,6}\))(?:\s+thereof)?",
    re.IGNORECASE,
)


def insert_definition_clause(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The definition of "Good Reason" is amended by adding the following new clause (iv)
    immediately after clause (iii): ...": the new clause a paragraph of the definition, after
    the one named (or last, where none is named), its label the next one; None for any other
    change.  A definition whose clauses run on in its sentence is refused."""
    sel = c.selector
    if c.verb != "insert" or sel.kind != "definition_clause" or c.payload.kind != "text":
        return None
    if len(sel.labels) != 1 or len(sel.terms) != 1:
        return None
    term, scope = sel.terms[0], where_defined(sel.scope)
    after = _AFTER_CLAUSE.fullmatch(c.position)
    if after is None and c.position not in ("", "at the end thereof", "at the end"):
        return None
    if after is not None:
        anchor = clause_path(doc, after["label"], term, scope, ctx)
        parent, index = anchor[:-1], anchor[-1] + 1
    else:
        parent = locate_definition(
            doc, DefinitionRef(term, parse_citation(scope) if scope else None), ctx
        )
        index = len(doc.get(parent).children)
    siblings = doc.get(parent).children
    if not siblings:
        raise TargetNotFound(f'the definition of "{term}" prints no clauses as paragraphs')
    key = sel.labels[0].strip("()").lower()
    new = provision_from_payload(c.payload.text, key, siblings[index - 1].label, sel.printed)
    before = siblings[index - 1].label
    if before is None or new.label is None or new.label.value != before.value + 1:
        raise PlacementError(f"{sel.printed} does not follow {siblings[index - 1].label_text}")
    if index < len(siblings) and siblings[index].key == new.key:
        raise PlacementError(f"{sel.printed} already exists and the item does not reletter")
    new = new.evolve(changes=(ctx.change("insert", "Added"),))
    return doc.replace_children(parent, lambda nodes: (*nodes[:index], new, *nodes[index:]))
