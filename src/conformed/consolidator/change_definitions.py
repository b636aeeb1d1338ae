"""Changes of definitions: restated, deleted, added (in alphabetical order), several at
once, or words edited inside one definition's paragraph."""

from __future__ import annotations

import re
from dataclasses import replace

from ..change import ANY_DEFINITIONS, Change
from ..citation import parse_citation
from ..definitions import (
    insertion_index,
    split_definitions,
    words_before_definitions,
)
from ..document import Document
from ..errors import PayloadError, PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import (
    DefinitionRef,
    DeleteDefinition,
    InsertDefinition,
    ReplaceDefinition,
    WordEdit,
)
from .apply_definitions import (
    apply_delete_definition,
    apply_insert_definition,
    apply_replace_definition,
    defined_exactly,
    definition_in_text,
    locate_definition,
    refuse_undefined_after,
)
from .context import Context
from .definition_clauses import defined_at, where_defined
from .run_on import edit_span
from .word_edits import apply_word_edit
from .word_places import record_edits


def _definition(c: Change) -> DefinitionRef:
    scope = parse_citation(c.selector.scope) if c.selector.scope else None
    return DefinitionRef(c.selector.terms[0], scope)


def replace_definition(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_replace_definition(doc, ReplaceDefinition(_definition(c), c.payload.text), ctx)


def delete_definition(doc: Document, c: Change, ctx: Context) -> Document:
    try:
        return apply_delete_definition(doc, DeleteDefinition(_definition(c)), ctx)
    except TargetNotFound:
        deleted = _paragraph_deleted(doc, c, ctx)
        if deleted is None:
            raise
        return deleted


def _paragraph_deleted(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The definition of "Retirement" in Article 2 is hereby deleted" where Article 2 prints
    its definitions as paragraphs of its own text: that paragraph goes, the others as they
    were; None where the definition is not a whole paragraph there."""
    found = definition_in_text(doc, _definition(c))
    if found is None:
        return None
    path, start = found
    text = doc.get(path).text
    if start and not text[:start].endswith("\n\n"):
        return None
    end = text.find("\n\n", start)
    after = text[end:].lstrip() if end >= 0 else ""
    # (the paragraph after it, if no definition, may be this one's own second paragraph)
    refuse_undefined_after(c.selector.terms[0], after.split("\n\n", 1)[:1] if after else [])
    before = text[:start].rstrip()
    kept = "\n\n".join(part for part in (before, after) if part)
    change = ctx.change("delete", f'Definition of "{c.selector.terms[0]}" deleted')
    return doc.update(path, lambda p: p.evolve(text=kept, changes=(*p.changes, change)))


def insert_definition(doc: Document, c: Change, ctx: Context) -> Document:
    """ "... amended by inserting the following new definition(s) in the proper alphabetical
    order:": each definition of the new text where the alphabet puts it.  Any other place
    ("immediately after the definition of ...") is not looked up yet, and is refused."""
    beside = _BESIDE_DEFINITION.fullmatch(c.position)
    if not _in_order(c) and beside is None:
        raise PayloadError(
            f"understood as new definitions {c.position}, but conformed places new "
            "definitions only in alphabetical order; nothing was applied"
        )
    term = "" if c.selector.terms[0] == ANY_DEFINITIONS else c.selector.terms[0]
    home = where_defined(c.selector.scope)  # 'definition "X" in Section 1': Section 1
    scope = parse_citation(home) if home else None
    if beside is not None:  # "immediately after the definition of "Event of Default""
        _check_beside(doc, DefinitionRef(term, scope), beside, c, ctx)
    return apply_insert_definition(
        doc, InsertDefinition(DefinitionRef(term, scope), c.payload.text), ctx
    )


_BESIDE_DEFINITION = lazy_re(
    r'(?:immediately\s+)?(?P<side>after|following|before|preceding|between)\s+definition\s+"(?P<term>[^"]+)"'
    r'(?:\s+and\s+"(?P<then>[^"]+)")?'
)


def _check_beside(
    doc: Document, ref: DefinitionRef, beside: re.Match[str], c: Change, ctx: Context
) -> None:
    """A new definition put beside one named: where the alphabet puts it too, or refused (a
    list out of alphabetical order is for a person to decide, not for conformed)."""
    named = locate_definition(doc, DefinitionRef(beside["term"], ref.scope), ctx)
    terms = [t for t, _ in split_definitions(c.payload.text)]
    between = beside["then"] is not None  # 'between definition "A" and "B"': A and B side by side
    if len(terms) != 1 and not between:
        raise PayloadError(f"the new text gives {len(terms)} definitions for one place")
    siblings = doc.get(named[:-1]).children
    want = named[-1] + (beside["side"].lower() in ("after", "following", "between"))
    if between and locate_definition(doc, DefinitionRef(beside["then"], ref.scope), ctx) != (
        *named[:-1],
        want,
    ):
        raise PlacementError(
            f'the item puts new definitions between "{beside["term"]}" and "{beside["then"]}", '
            "which are not side by side in the agreement; nothing was applied"
        )
    for term in terms:
        if insertion_index(siblings, term) != want:
            where = f'{beside["side"]} "{beside["term"]}"' + (
                f' and "{beside["then"]}"' if between else ""
            )
            raise PlacementError(
                f'the item puts "{term}" {where}, which is not where the alphabet puts it '
                "among the definitions; nothing was applied"
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


def edit_in_definition(doc: Document, c: Change, edit: WordEdit, ctx: Context) -> Document:
    """ "The definition of "Fee Rate" in Section 1.1 is amended by deleting the word "two"
    and inserting ...": the words of that definition's paragraph, and of nothing else."""
    term = c.selector.terms[0]  # scope: 'definition "Event of Default" of Section 1.1' too
    path, offset, end = defined_at(doc, term, c.selector.scope, ctx)
    if offset or end < len(doc.get(path).text):
        # defined inside its provision's text: the words of the definition's paragraph
        return edit_span(doc, path, (offset, end), edit, f'the definition of "{term}"', ctx)
    node = apply_word_edit(doc.get(path), edit, f'the definition of "{term}"')
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


def _in_order(c: Change) -> bool:
    """No place named, or "in (the proper) alphabetical order", perhaps "in" the provision
    the definitions are added to ("... in alphabetical order in Section 1.01")."""
    position = c.position
    scope = c.selector.scope
    if scope and position.startswith((f"in {scope} ", f"to {scope} ")):
        position = position.split(" ", 1)[1].removeprefix(scope).strip()  # "... to Section 1.01
        # in the appropriate alphabetical order": the order said after the provision
    rest = position.removeprefix("in alphabetical order").strip()
    rest = re.sub(r"^(?:in|of|to)\s+", "", rest)
    return position in ("", "in alphabetical order") or (
        position.startswith("in alphabetical order") and rest == scope != ""
    )
