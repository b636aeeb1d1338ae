"""Apply a :class:`~conformed.change.Change`, dispatched on its verb and selector kind.

The way sqlglot's generator dispatches on expression types: a table from
(verb, selector kind) to the function that knows that edit.  A change the
grammar understood but no function here can carry out exactly is refused with
what was understood, so the report says what a person must do by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..change import ANY_DEFINITIONS, REMAINDER_OF, Change, Selector
from ..citation import PLAIN_PROVISION, Citation, parse_citation
from ..definitions import split_definitions, words_before_definitions
from ..document import Document
from ..errors import PayloadError
from ..operations import (
    DefinitionRef,
    DeleteDefinition,
    DeleteProvision,
    InsertDefinition,
    InsertProvision,
    Position,
    Renumber,
    ReplaceDefinition,
    ReplaceProvision,
    Target,
    TextEdits,
    WordEdit,
)
from .apply import (
    apply_delete_provision,
    apply_insert_provision,
    apply_replace_provision,
    locate_target,
)
from .apply_definitions import (
    apply_delete_definition,
    apply_insert_definition,
    apply_replace_definition,
    defined_exactly,
    locate_definition,
)
from .apply_text import apply_text_edits
from .change_parts import delete_sentence, insert_at_edge, redesignate
from .context import Context
from .each_cited import each_cited, singles
from .locate import article_value, within_article
from .word_edits import apply_word_edit
from .word_places import edit_throughout, record_edits

Apply = Callable[[Document, Change, Context], Document]


def _target(change: Change) -> Target:
    in_article = _in_article(change.selector)
    if in_article is not None:
        return Target(in_article)
    return Target(parse_citation(_within(change.selector) or change.selector.printed))


def _in_article(sel: Selector) -> Citation | None:
    """ "Article IV, Section 4.3" (Section 4.3 of Article IV): that Section, looked up
    inside that Article only, so a Section 4.3 elsewhere is never taken for it."""
    m = _ARTICLE.fullmatch(sel.scope)
    if m is None or len(sel.labels) != 1 or sel.labels[0].startswith("("):
        return None
    if sel.kind != "provision" or not PLAIN_PROVISION.fullmatch(f"{sel.unit} {sel.labels[0]}"):
        return None
    value = article_value(m.group(1))
    if value is None:
        return None
    return within_article(parse_citation(f"{sel.unit} {sel.labels[0]}"), value, sel.printed)


_ARTICLE = re.compile(r"(?i)article\s+([IVXLC]+|\d+)")
_PART_OF = re.compile(r"\w+\s+(?P<label>\([^()\s]{1,6}\))\s+of\s+(?P<cite>.+)")
_IN_ARTICLE = re.compile(
    r"(?P<unit>\w+)\s+(?P<label>[\w.]+)\s+of\s+(?P<article>(?i:article)\s+\S+)"
)


def _in_part(sel: Selector) -> Selector:
    """'"X" of subsection (c) of Section 8.2': words of that subsection, looked up as
    Section 8.2(c) is (its scope made the part); any other selector as it is."""
    if sel.kind != "words" or not sel.scope:
        return sel
    part = _PART_OF.fullmatch(re.sub(r'^"[^"]*" of ', "", sel.printed))
    if part is None or part["cite"] != sel.scope or not PLAIN_PROVISION.fullmatch(sel.scope):
        return sel
    return replace(sel, printed=part.group(0), scope=part.group(0))


def _words_target(sel: Selector) -> Target:
    """Where words are edited: the provision the chain names, a Section of an Article
    ("Section 1 of Article II", where each Article numbers its Sections afresh) looked
    up inside that Article only."""
    cited = sel.scope or sel.printed
    part = _PART_OF.fullmatch(cited)  # "Clause (b) of Section 2.3": Section 2.3(b)
    if part is not None and PLAIN_PROVISION.fullmatch(part["cite"]):
        return Target(parse_citation(f"{part['cite']}{part['label']}"))
    m = _IN_ARTICLE.fullmatch(cited)
    if m is not None:
        own = Selector("provision", cited, (m["label"],), m["unit"], scope=m["article"])
        in_article = _in_article(own)
        if in_article is not None:
            return Target(in_article)
    return Target(parse_citation(cited))


def _within(sel: Selector) -> str:
    """ "Subsection (b) of Section 8.5" as the agreement cites it, "Section 8.5(b)": a
    lettered or numbered part of a provision of the agreement; "" for any other chain."""
    if len(sel.labels) != 1 or not sel.labels[0].startswith("(") or " of " not in sel.printed:
        return ""
    if not PLAIN_PROVISION.fullmatch(sel.scope):
        return ""
    return f"{sel.scope}{sel.labels[0]}"


def apply_delete_renumbered(doc: Document, c: Change, then: Change, ctx: Context) -> Document:
    """ "... is deleted, and the remainder of Section 7 is renumbered accordingly" / "...
    (redesignating each subsequent subsection accordingly)": the deletion, and the
    provisions after it renumbered.  What the drafter named is checked against where the
    provision is; unnamed, it is the provision's own parent.  Several deleted ("Sections 3
    and 4 are deleted, and the remaining Sections are renumbered accordingly") go last
    first, so each renumbering leaves the ones still to go where the item cites them."""
    if len(c.selector.labels) > 1:
        if any(label.startswith("(") for label in c.selector.labels) and not c.selector.scope:
            raise PayloadError("the provisions deleted are not each cited in full")
        ones = [replace(c, selector=one) for one in singles(c.selector)]
        placed = sorted(
            ((locate_target(doc, _target(one), ctx), one) for one in ones), reverse=True
        )
        for _, one in placed:
            doc = apply_delete_renumbered(doc, one, replace(then, selector=one.selector), ctx)
        return doc
    target = _target(c)
    named = then.position.removeprefix(REMAINDER_OF)
    if then.position.startswith(REMAINDER_OF) and named in c.selector.documents:
        # "the remaining Sections of the Agreement": the agreement's own Sections
        if target.citation.parent_keys:
            raise PayloadError(
                f"the item renumbers the Sections of the {named}, but {target.printed} is "
                "not one of them"
            )
        renumber = Renumber(scope=None, printed=f"the remaining Sections of the {named}")
    elif then.position.startswith(REMAINDER_OF):
        renumber = Renumber(scope=parse_citation(named), printed=f"the remainder of {named}")
    else:
        parent = re.match(r"(.+?)\([^()]*\)$", target.citation.printed)
        scope = parse_citation(parent.group(1)) if parent else None
        renumber = Renumber(scope=scope, printed=f"the provisions after {c.selector.printed}")
    return apply_delete_provision(doc, DeleteProvision(target, renumber=renumber), ctx)


def renumbers_after(first: Change, then: Change) -> bool:
    """A deletion and, of the same provision, "renumbered accordingly"."""
    return (
        first.verb == "delete" and then.verb == "renumber" and then.new_label == "accordingly"
        and first.selector == then.selector and first.selector.kind == "provision"
    )  # fmt: skip


def _replace_provision(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_replace_provision(doc, ReplaceProvision(_target(c), c.payload.text), ctx)


def _delete_provision(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_delete_provision(doc, DeleteProvision(_target(c)), ctx)


def _insert_provision(doc: Document, c: Change, ctx: Context) -> Document:
    """ "adding a new subparagraph (f) immediately after subparagraph (e) thereof": the new
    provision after the sibling named, or where its label falls among its siblings when no
    place is named.  Any other place ("in the Agreement following ...") is refused."""
    if c.payload.kind != "text":
        raise PayloadError("the new provision's text is not in the item; nothing was applied")
    target = _target(c)
    position = None
    scope = c.selector.scope
    at_end = ("", "in", "in thereof", "at the end", f"in {scope}", f"at the end of {scope}")
    # "added to the Agreement immediately after Section 2.2": "the Agreement" is this one (any
    # other instrument named there is kept, and the place refused)
    place = c.position.removeprefix("in Agreement ")
    if place not in at_end:  # at the end of its parent: where its label falls
        m = _AFTER.fullmatch(place)
        if m is None:
            raise PayloadError(
                f"understood as a new {target.printed} {place}, but conformed places a new "
                "provision only after or before a sibling it names; nothing was applied"
            )
        anchor = m.group("anchor")
        if anchor.startswith("(") and scope:  # "after subparagraph (e)" of Section 5
            anchor = f"{scope}{anchor}"
        position = Position(_side(m), parse_citation(anchor))
    return apply_insert_provision(doc, InsertProvision(target, c.payload.text, position), ctx)


def _side(m: re.Match[str]) -> str:
    """ "immediately following" / "prior to": after or before the thing named."""
    return "before" if m.group("side").lower() in ("before", "preceding", "prior to") else "after"


_AFTER = re.compile(
    r"(?:immediately\s+)?(?P<side>after|following|before|preceding|prior\s+to)\s+"
    r"(?:(?:sub)?(?:sections?|paragraphs?|clauses?|subparagraphs?|subclauses?)\s+(?=\())?"
    r"(?P<anchor>(?:(?:Section|Clause|Paragraph|Article)\s+(?=\d))?[\w.]*(?:\([A-Za-z0-9]{1,5}\))*)",
    re.IGNORECASE,
)


def _definition(c: Change) -> DefinitionRef:
    scope = parse_citation(c.selector.scope) if c.selector.scope else None
    return DefinitionRef(c.selector.terms[0], scope)


def _replace_definition(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_replace_definition(doc, ReplaceDefinition(_definition(c), c.payload.text), ctx)


def _delete_definition(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_delete_definition(doc, DeleteDefinition(_definition(c)), ctx)


def _insert_definition(doc: Document, c: Change, ctx: Context) -> Document:
    """ "... amended by inserting the following new definition(s) in the proper alphabetical
    order:": each definition of the new text where the alphabet puts it.  Any other place
    ("immediately after the definition of ...") is not looked up yet, and is refused."""
    if c.position not in ("", "in alphabetical order"):
        raise PayloadError(
            f"understood as new definitions {c.position}, but conformed places new "
            "definitions only in alphabetical order; nothing was applied"
        )
    term = "" if c.selector.terms[0] == ANY_DEFINITIONS else c.selector.terms[0]
    scope = parse_citation(c.selector.scope) if c.selector.scope else None
    return apply_insert_definition(
        doc, InsertDefinition(DefinitionRef(term, scope), c.payload.text), ctx
    )


def _insert_or_replace(doc: Document, c: Change, ctx: Context) -> Document:
    """ "... inserting the following definitions (or, where a term is already defined,
    amending and restating its definition)": each definition of the new text replaces the
    one of the same term, found word for word, or else is added where the alphabet puts it
    (never applied to a close match: a new term may well resemble an old one)."""
    if c.position not in ("", "in alphabetical order") or c.payload.kind != "text":
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


def _each_definition(doc: Document, c: Change, ctx: Context) -> Document:
    """ "The following definitions ... are restated (deleted, added) as follows:" -- each term
    in turn, a restated one with its own paragraph of the new text (found by its term)."""
    if c.verb == "delete" and c.payload.kind in ("text", "none"):
        for term in c.selector.terms:
            doc = _delete_definition(
                doc, replace(c, selector=replace(c.selector, terms=(term,))), ctx
            )
        return doc
    if c.verb == "insert" and c.payload.kind == "text":  # each of the new text's, in turn
        return _insert_definition(
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
        doc = _replace_definition(
            doc, replace(one, payload=replace(c.payload, text=texts[term])), ctx
        )
    return doc


def _word_edit(kind: str) -> Apply:
    def apply(doc: Document, c: Change, ctx: Context) -> Document:
        every = c.every or c.selector.every
        edit = WordEdit(
            kind, old=c.selector.words[0], new=c.payload.text, every=every, first=c.first
        )
        if len(c.selector.terms) == 1 and c.selector.scope.startswith("definition "):
            return _edit_in_definition(doc, c, edit, ctx)
        if _throughout(c.selector):
            return edit_throughout(doc, edit, ctx)
        return apply_text_edits(doc, TextEdits(_words_target(c.selector), (edit,)), ctx)

    return apply


def _throughout(sel: Selector) -> bool:
    """ "All references in the Agreement to "X"", "each reference to "X"": words of the whole
    agreement, no provision named (an instrument named was checked to be the agreement)."""
    return not sel.labels and not sel.terms and (not sel.scope or sel.scope in sel.documents)


def _edit_in_definition(doc: Document, c: Change, edit: WordEdit, ctx: Context) -> Document:
    """ "The definition of "Fee Rate" in Section 1.1 is amended by deleting the word "two"
    and inserting ...": the words of that definition's paragraph, and of nothing else."""
    scope = c.selector.scope
    if c.selector.kind == "words":  # the words "two" of definition "Fee Rate" of Section 1.1
        _, _, scope = scope.partition(" of ")
    ref = DefinitionRef(c.selector.terms[0], parse_citation(scope) if scope else None)
    path = locate_definition(doc, ref, ctx)
    node = apply_word_edit(doc.get(path), edit, f'the definition of "{ref.term}"')
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


def _insert_words(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "... amended by inserting the words "and 3" immediately after the words "Section
    2"": an insertion beside quoted words, in one provision or one definition; None for
    any other position."""
    m = _BESIDE_WORDS.match(c.position)
    if c.payload.kind not in ("quoted", "text") or len(c.selector.terms) > 1:
        return None
    if m is None:
        return insert_at_edge(doc, c, ctx)
    if c.payload.kind != "quoted" or (m["side"].lower() == "between") != bool(m["then"]):
        return None  # "between" names two places; any other side one
    edit = WordEdit(
        "insert_words",
        old=m.group("anchor"),
        new=c.payload.text,
        where="between" if m.group("then") else _side(m),
        every=c.every or c.selector.every,
        first=c.first,
        then=m.group("then") or "",
    )
    part = m["part"]
    if c.selector.kind == "definition" and c.selector.terms and not part:
        return _edit_in_definition(doc, c, edit, ctx)
    if c.selector.kind == "provision" and len(c.selector.labels) == 1 and not c.selector.scope:
        cited = c.selector.printed
        if part:  # '... immediately after "X" in subsection (c) thereof': X of Section 8.2(c)
            own = _OWN_PART.fullmatch(part)
            if own is None or not PLAIN_PROVISION.fullmatch(cited):
                return None
            cited = f"{cited}{own['label']}"
        return apply_text_edits(doc, TextEdits(Target(parse_citation(cited)), (edit,)), ctx)
    return None


_BESIDE_WORDS = re.compile(
    r"^(?:immediately\s+)?(?P<side>after|following|before|preceding|prior\s+to|between)\s+"
    r'"(?P<anchor>[^"]+)"(?:\s+and\s+"(?P<then>[^"]+)")?(?:\s+of\s+(?P<part>.+))?$',
    re.IGNORECASE,
)
# "subsection (c)": a part of the provision cited, named by its own label
_OWN_PART = re.compile(
    r"(?i)(?:sub)?(?:sections?|paragraphs?|clauses?)\s+(?P<label>\([a-z0-9]{1,6}\))"
)


DISPATCH: dict[tuple[str, str], Apply] = {
    ("replace", "provision"): _replace_provision,
    ("delete", "provision"): _delete_provision,
    ("replace", "definition"): _replace_definition,
    ("delete", "definition"): _delete_definition,
    ("insert", "definition"): _insert_definition,
    ("insert", "provision"): _insert_provision,
}
WORDS: dict[tuple[str, str], Apply] = {
    ("replace", "quoted"): _word_edit("replace_words"),
    ("delete", "none"): _word_edit("delete_words"),
}


def _words_of(sel: Selector) -> str:
    """How a chain prints quoted words of a plainly cited provision ('"X" of Section 2.6')."""
    if len(sel.words) != 1 or not PLAIN_PROVISION.fullmatch(sel.scope):
        return sel.scope
    return f'"{sel.words[0]}" of {sel.scope}'


_ALSO_OTHERS = "and the other "


def apply_change(doc: Document, change: Change, ctx: Context) -> Document:
    """Apply what can be applied exactly; refuse, saying what was understood, otherwise."""
    sel = change.selector
    if change.other_document:
        raise PayloadError(
            f"the item amends the {change.other_document}, not the agreement being conformed; "
            "nothing was applied"
        )
    others = [q for q in sel.qualifiers if q.startswith(_ALSO_OTHERS)]
    if others:  # "The Agreement and the other Loan Documents are amended ...": this one's part
        kept = tuple(q for q in sel.qualifiers if q not in others)
        doc = apply_change(doc, replace(change, selector=replace(sel, qualifiers=kept)), ctx)
        ctx.warn(
            f"the item also amends {others[0].removeprefix('and ')}, which are not conformed "
            "here; only the agreement's change was applied"
        )
        return doc
    if change.verb == "describe" and change.payload.kind == "attachment":
        raise PayloadError(
            f"the item amends {sel.printed} as set forth in {change.payload.text}: the changes "
            "are listed in that attachment, not worded in the item; apply them by hand"
        )
    if change.or_replace and change.verb == "insert" and sel.kind == "definition":
        return _insert_or_replace(doc, change, ctx)
    if sel.kind == "definition" and len(sel.terms) > 1 and not sel.qualifiers:
        return _each_definition(doc, change, ctx)
    simple = len(sel.labels) <= 1 and len(sel.terms) <= 1 and not sel.qualifiers
    fn: Apply | None = None
    # "the words "X" in clause (h) thereof": words inside a part not looked up yet; the words
    # of a provision cited whole ('"$45,600" of Section 2.6') are that provision's words
    sel = _in_part(sel)
    change = replace(change, selector=sel)
    inside = sel.scope and sel.printed not in (sel.scope, _words_of(sel))
    if change.words_edit and sel.kind == "words" and len(sel.words) == 1 and simple and not inside:
        fn = WORDS.get((change.verb, change.payload.kind))
    elif simple and (change.payload.kind in ("text", "none")):
        fn = DISPATCH.get((change.verb, sel.kind))
        if change.verb == "insert" and change.words_edit:
            fn = None  # words put into the provision, never a new provision
        chained = (" of " in sel.printed or " of " in sel.scope) and not (
            _within(sel) or _in_article(sel)
        )
        if fn is not None and sel.kind in ("provision", "definition") and chained:
            fn = None  # a chain through another document or a definition: not looked up yet
    if change.words_edit and change.verb == "insert" and not sel.qualifiers:
        inserted = _insert_words(doc, change, ctx)
        if inserted is not None:
            return inserted
    if fn is not None:
        return fn(doc, change, ctx)
    if change.verb == "renumber" and change.new_label not in ("", "accordingly") and simple:
        renumbered = redesignate(doc, change, ctx, _within(sel) or sel.printed)
        if renumbered is not None:
            return renumbered
    each = each_cited(doc, change, ctx, apply_change)
    if each is not None:
        return each
    if change.verb == "delete" and sel.kind == "sentence" and not sel.qualifiers:
        deleted = delete_sentence(doc, change, ctx)
        if deleted is not None:
            return deleted
    entry = change.describe()[0]
    raise PayloadError(
        f"understood as {entry['kind'].replace('_', ' ')} of {entry['target']}, "
        "but conformed cannot yet apply this kind of change exactly; nothing was applied"
    )
