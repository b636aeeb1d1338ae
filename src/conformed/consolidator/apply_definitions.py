"""Definitions: delete, replace, and add in alphabetical order.

A term that is not found exactly but has one close match (the amendment's
"Restructing" for "Restructuring") is applied with a warning naming both
spellings; two or more close matches fail, and so does a new term that is
already defined.
"""

from __future__ import annotations

import re

from ..definitions import (
    close_matches,
    definition_term,
    insertion_index,
    normal,
    split_definitions,
    term_of,
    words_before_definitions,
)
from ..document import Document, Path, Provision
from ..errors import AmbiguousTarget, PayloadError, PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import DefinitionRef, DeleteDefinition, InsertDefinition, ReplaceDefinition
from .context import Context
from .locate import resolve_citation


def refuse_undefined_after(term: str, paragraphs: list[str]) -> None:
    """A definition with a paragraph after it that defines nothing ("Notwithstanding the
    foregoing, ...") is not deleted: whether that paragraph is part of the definition, to go
    with it, is not said.  ``paragraphs``: those after the definition's first, in its own
    part or in the provision's text that prints it."""
    if any(p.strip() and definition_term(p) is None for p in paragraphs):
        raise PlacementError(
            f'the definition of "{term}" is followed by a paragraph that defines nothing; '
            "whether it is part of the definition is not said"
        )


def apply_delete_definition(doc: Document, op: DeleteDefinition, ctx: Context) -> Document:
    path = locate_definition(doc, op.definition, ctx)
    refuse_undefined_after(op.definition.term, doc.get(path).text.split("\n\n")[1:])
    parent, index = path[:-1], path[-1]
    term = term_of(doc.get(path)) or op.definition.term
    doc = doc.replace_children(parent, lambda nodes: (*nodes[:index], *nodes[index + 1 :]))
    note = f'Definition of "{term}" deleted'
    return doc.update(parent, lambda p: p.evolve(changes=(*p.changes, ctx.change("delete", note))))


def apply_replace_definition(doc: Document, op: ReplaceDefinition, ctx: Context) -> Document:
    path = locate_definition(doc, op.definition, ctx)
    old = doc.get(path)
    new = definition_node(op.text, expected=term_of(old) or op.definition.term)
    new = new.evolve(uid=old.uid, changes=(*old.changes, ctx.change("replace", "Amended")))
    return doc.update(path, lambda _: new)


def apply_insert_definition(doc: Document, op: InsertDefinition, ctx: Context) -> Document:
    if not op.definition.term:  # "The following definitions shall be added ...": each in turn
        _nothing_before(op.text)
        for term, paragraph in split_definitions(op.text) or [("", op.text)]:
            one = InsertDefinition(DefinitionRef(term, op.definition.scope), paragraph)
            doc = apply_insert_definition(doc, one, ctx) if term else _no_term(paragraph)
        return doc
    new = definition_node(op.text, expected=op.definition.term or None)
    term = term_of(new) or op.definition.term
    parent = definitions_home(doc, op.definition)
    siblings = doc.get(parent).children
    numbered = [c for c in siblings if c.label is not None and definition_term(c.text)]
    if numbered and not _NUMBERED.match(new.text):  # "1.2 "Harvest Date" shall mean ...": the
        # new one needs a number, and the item gives none
        raise PlacementError(
            f"{doc.name_of(parent)} numbers its definitions ({numbered[0].label_text} "
            f'"{definition_term(numbered[0].text)}"); the item gives "{term}" no number, so '
            "where it goes, and what the definitions after it are numbered, is for a person to decide"
        )
    existing = [t for t in (term_of(c) for c in siblings) if t]
    if not existing:
        in_text = _into_text(doc, parent, term, new.text, ctx)
        if in_text is not None:
            return in_text
    if normal(term) in {normal(t) for t in existing}:
        raise PlacementError(f'"{term}" is already defined in {doc.name_of(parent)}')
    index = insertion_index(siblings, term)
    new = new.evolve(changes=(ctx.change("insert", "Added"),))
    return doc.replace_children(parent, lambda nodes: (*nodes[:index], new, *nodes[index:]))


def _into_text(doc: Document, parent: Path, term: str, text: str, ctx: Context) -> Document | None:
    """A provision that prints its definitions as paragraphs of its own text (a plan's
    "ARTICLE 2 / DEFINITIONS" with no labels): the new one a paragraph of that text, before
    the first definition that sorts after it; None where the text defines nothing."""
    paragraphs = doc.get(parent).text.split("\n\n")
    terms = [definition_term(p) for p in paragraphs]
    defined = [i for i, t in enumerate(terms) if t]
    if not defined:
        return None
    if normal(term) in {normal(t) for t in terms if t}:
        raise PlacementError(f'"{term}" is already defined in {doc.name_of(parent)}')
    after = [i for i in defined if normal(terms[i] or "") > normal(term)]
    index = after[0] if after else defined[-1] + 1
    paragraphs.insert(index, " ".join(text.split()))
    change = ctx.change("insert", f'Definition of "{term}" added')
    return doc.update(
        parent,
        lambda p: p.evolve(text="\n\n".join(paragraphs), changes=(*p.changes, change)),
    )


_NUMBERED = lazy_re(r"\d+(?:\.\d+)*\.?\s")  # "1.11 "Royalty Advance" shall mean"


def _nothing_before(text: str) -> None:
    lead = words_before_definitions(text)
    if lead and split_definitions(text):
        raise PayloadError(f'the new text begins with words that are no definition: "{lead[:60]}"')


def _no_term(paragraph: str) -> Document:
    raise PayloadError(f'the new text does not read as definitions: "{paragraph[:60]}"')


# A definition quoted inside the amendment's own quotation ("'Margin' shall mean ...")
# takes the agreement's double quotes once the outer quotation is gone.
_INNER_QUOTES = lazy_re(r"^'([^'\"]{1,80})'(\s+(?:shall\s+mean|means|shall\s+have|has)\b)")


def definition_node(text: str, expected: str | None) -> Provision:
    """A definition paragraph from replacement text; its term must be the one named."""
    body = _INNER_QUOTES.sub(r'"\1"\2', " ".join(text.split()))
    node = Provision(label=None, text=body)
    term = term_of(node)
    if term is None:
        raise PayloadError(f'the replacement text does not read as a definition: "{body[:60]}"')
    if expected and normal(term) != normal(expected):
        raise PayloadError(f'the replacement text defines "{term}", not "{expected}"')
    others = [t for t, _ in split_definitions(text)][1:]
    if others:  # one paragraph would swallow the definitions after the first
        raise PayloadError(
            f'the new text defines "{term}" and also "{others[0]}"; the item names one '
            "definition, so the others would be lost inside its paragraph"
        )
    return node


def locate_definition(doc: Document, ref: DefinitionRef, ctx: Context) -> Path:
    paths = _definition_paths(doc, ref)
    exact = [p for p in paths if normal(term_of(doc.get(p)) or "") == normal(ref.term)]
    if not paths:
        exact = _lettered_definition(doc, ref)
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise AmbiguousTarget(
            f'"{ref.term}" is defined in several places: '
            + ", ".join(doc.name_of(p[:-1]) for p in exact)
        )
    terms = {term_of(doc.get(p)) or "": p for p in paths}
    near = close_matches(ref.term, list(terms))
    if len(near) == 1:
        ctx.warn(f'"{ref.term}" is not defined; applied to the close match "{near[0]}"')
        return terms[near[0]]
    if len(near) > 1:
        raise AmbiguousTarget(
            f'"{ref.term}" is not defined and has several close matches: '
            + ", ".join(f'"{n}"' for n in near)
        )
    raise TargetNotFound(f'"{ref.term}" is not defined in the agreement')


def definition_in_text(doc: Document, ref: DefinitionRef) -> tuple[Path, int] | None:
    """A definition the provision cited makes inside its own text, after other words
    ("(c) By Executive. Executive may resign ... on notice. "Good Reason" means (i) ..."):
    that provision and where the definition starts; None where it does not say once
    '"X" means' (or "shall mean", "has the meaning").  Its words run to the end of its
    paragraph (``definition_clauses.defined_at``)."""
    if ref.scope is None:
        return None
    try:
        home = resolve_citation(doc, ref.scope)
    except TargetNotFound:
        return None
    quoted = r"[\"\u201c]" + r"\s*".join(map(re.escape, ref.term.split())) + r"\s*[\"\u201d]"
    says = re.compile(quoted + r"\s*(?:shall\s+mean|means|shall\s+have|has)\b", re.IGNORECASE)
    found = list(says.finditer(doc.get(home).text))
    return (home, found[0].start()) if len(found) == 1 else None


def defined_exactly(doc: Document, ref: DefinitionRef) -> bool:
    """Is the term defined, word for word (no close match), where the reference looks?"""
    return any(
        normal(term_of(doc.get(p)) or "") == normal(ref.term) for p in _definition_paths(doc, ref)
    )


def definitions_home(doc: Document, ref: DefinitionRef) -> Path:
    """The provision that holds the definitions: the one named, else the only one."""
    if ref.scope is not None:
        return resolve_citation(doc, ref.scope)
    homes = sorted({p[:-1] for p in _definition_paths(doc, ref)})
    if len(homes) == 1:
        return homes[0]
    if not homes:
        raise TargetNotFound("the agreement has no definitions section to add the term to")
    raise AmbiguousTarget(
        "the agreement defines terms in several places ("
        + ", ".join(doc.name_of(h) for h in homes)
        + "); the item does not say which"
    )


def _lettered_definition(doc: Document, ref: DefinitionRef) -> list[Path]:
    """The definition cited where it is itself a lettered provision ("the definition of "Good
    Reason" in Section 1(d)", printed "(d) "Good Reason" means ..."), or one of the lettered
    provisions of the Section cited: found to be edited, never to place a new one among."""
    if ref.scope is None:
        return []
    home = resolve_citation(doc, ref.scope)
    found = [home, *((*home, i) for i in range(len(doc.get(home).children)))]
    return [p for p in found if doc.get(p).label is not None and _defines(doc.get(p), ref.term)]


def _defines(node: Provision, term: str) -> bool:
    """The provision's words define ``term``: from its start, or from the start of its
    text under a caption ("(b) Good Reason. "Good Reason" means ...")."""
    whole = " ".join(x for x in (node.heading, node.text) if x)
    return any(
        said is not None and normal(said) == normal(term)
        for said in (definition_term(whole), definition_term(node.text) if node.heading else None)
    )


def _definition_paths(doc: Document, ref: DefinitionRef) -> list[Path]:
    if ref.scope is not None:
        home = resolve_citation(doc, ref.scope)
        return [(*home, i) for i, c in enumerate(doc.get(home).children) if term_of(c)]
    return [path for path, node in doc.walk() if term_of(node)]
