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

from ..change import ABOUT, REMAINDER_OF, Change, Selector
from ..citation import PLAIN_PROVISION, in_summary, parse_citation
from ..document import Document
from ..errors import PayloadError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import (
    DeleteProvision,
    Renumber,
    ReplaceExhibit,
    ReplaceProvision,
)
from .apply import (
    apply_delete_provision,
    apply_replace_provision,
    locate_target,
)
from .captions import CAPTION_IN_PARENS, check_named
from .change_definitions import (
    delete_definition,
    each_definition,
    insert_definition,
    insert_or_replace,
    replace_definition,
)
from .change_parts import (
    READS_NOW,
    check_reads,
    delete_sentence,
    insert_beside_sentence,
    paragraph_by_place,
    replace_heading,
    replace_sentence,
)
from .change_words import Apply, heading_words, insert_words, word_edit, words_in_sentence
from .cited import (
    LAST_PART,
    in_article,
    target_of,
    within_provision,
    words_in_part,
    words_of,
)
from .clause_edges import edit_before_clause
from .context import Context
from .definition_clauses import (
    definition_clause,
    delete_definition_sentence,
    insert_definition_clause,
    redesignate_definition_clause,
)
from .definition_words import words_at_clause_end, words_in_definition_subclause
from .each_cited import each_cited, singles
from .edge_words import edit_at_end, insert_by_end_mark
from .exhibits import append_to_attachment, apply_replace_exhibit, is_exhibit
from .insert_new import insert_provision
from .lines import edit_item, edit_line, words_in_line
from .proviso import restate_proviso, words_at_provisos_end
from .redesignate import redesignate, redesignate_run
from .run_on import restate_run_on_part, run_on_clause
from .tables import restate_table
from .titled import is_titled


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
            ((locate_target(doc, target_of(one), ctx), one) for one in ones), reverse=True
        )
        for _, one in placed:
            doc = apply_delete_renumbered(doc, one, replace(then, selector=one.selector), ctx)
        return doc
    target = target_of(c)
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
    target = target_of(c)
    try:
        return apply_replace_provision(doc, ReplaceProvision(target, c.payload.text), ctx)
    except TargetNotFound:
        # "Clause (iii) of Paragraph 6(b) is amended and restated ...", where Paragraph 6(b)
        # prints its clauses inside its sentence: the clause's words there
        m = LAST_PART.fullmatch(target.citation.printed)
        if m is None or not PLAIN_PROVISION.fullmatch(m["cite"]) or not c.payload.one_paragraph:
            raise
        restated = restate_run_on_part(doc, m["cite"], m["label"], c.payload.text, ctx)
        if restated is None:
            raise
        return restated


def _delete_provision(doc: Document, c: Change, ctx: Context) -> Document:
    return apply_delete_provision(doc, DeleteProvision(target_of(c)), ctx)


DISPATCH: dict[tuple[str, str], Apply] = {
    ("replace", "provision"): _replace_provision,
    ("delete", "provision"): _delete_provision,
    ("replace", "definition"): replace_definition,
    ("delete", "definition"): delete_definition,
    ("insert", "definition"): insert_definition,
    ("replace", "definition_clause"): definition_clause,
    ("delete", "definition_clause"): definition_clause,
    ("insert", "provision"): insert_provision,
}
WORDS: dict[tuple[str, str], Apply] = {
    ("replace", "quoted"): word_edit("replace_words"),
    # "... and inserting in lieu thereof the following: <new words>": one paragraph only
    ("replace", "text"): word_edit("replace_words"),
    ("delete", "none"): word_edit("delete_words"),
}


_ALSO_OTHERS = "and the other "
_AS_IT_NOW_READS = lazy_re(
    r"(?i)\(?\s*as\s+(?:renumbered|relettered|re-lettered|redesignated|amended|modified|"
    r"supplemented|restated|in\s+effect)\b"
    # or a provision's caption in parentheses, as English agreements cite them: "Clause 1.1
    # (Definitions)"; what it names is the citation's
    rf"|{CAPTION_IN_PARENS}$"
)


# A sentence named by its place ("the second sentence of Section 3"), by verb; each gives
# None where the place or the text is of another kind.
SENTENCES: dict[str, Callable[[Document, Change, Context], Document | None]] = {
    "insert": insert_beside_sentence,
    "replace": replace_sentence,
    "delete": delete_sentence,
}


def apply_change(doc: Document, change: Change, ctx: Context) -> Document:
    """Apply what can be applied exactly; refuse, saying what was understood, otherwise."""
    sel = change.selector
    if change.other_document:
        raise PayloadError(
            f"the item amends the {change.other_document}, not the agreement being conformed; "
            "nothing was applied"
        )
    if not (change.verb == "insert" and sel.kind == "provision" and not change.words_edit):
        # "Section 14 (Governing Law)": the provision the drafter means (never the caption of
        # a new provision inserted: "A new Section 3 (Storage) is added ...")
        check_named(doc, sel)
    for attr in ("cited", "anchor"):  # "... immediately after Section 2 (Rent)"
        where = getattr(change.position, attr, None)
        if isinstance(where, Selector) and (where.named or where.qualifiers):
            check_named(doc, where)
    said = [q for q in sel.qualifiers if q.startswith(READS_NOW)]
    if said:  # "the second sentence thereof, which reads "X"": checked, then applied
        check_reads(doc, sel, said[0][len(READS_NOW) : -1], ctx)
        kept = tuple(q for q in sel.qualifiers if q not in said)
        return apply_change(doc, replace(change, selector=replace(sel, qualifiers=kept)), ctx)
    if any(_AS_IT_NOW_READS.match(q) or q.startswith(ABOUT) for q in sel.qualifiers):
        # "Clause (d) of Section 2.2 (as relettered pursuant to Section 3 hereof)", "Section 5,
        # as amended hereby,": the provision as the earlier items left it, which is where the
        # items are applied in order; the words say nothing else of what is cited (nor does a
        # caption)
        # (", which permits ...,": what the drafter says it is about, nothing checked)
        kept = tuple(
            q for q in sel.qualifiers if not (_AS_IT_NOW_READS.match(q) or q.startswith(ABOUT))
        )
        return apply_change(doc, replace(change, selector=replace(sel, qualifiers=kept)), ctx)
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
        return insert_or_replace(doc, change, ctx)
    if sel.kind == "definition" and len(sel.terms) > 1 and not sel.qualifiers:
        return each_definition(doc, change, ctx)
    simple = _simple(sel)
    # "Exhibit B-1 attached hereto replaces Exhibit B": the exhibit takes the form attached
    attached = change.verb == "replace" and change.payload.kind == "attachment"
    exhibit = is_exhibit(sel.printed) or (sel.kind == "document" and is_titled(sel.printed))
    if attached and simple and exhibit and not sel.scope and not change.words_edit:
        return apply_replace_exhibit(doc, ReplaceExhibit(sel.printed, change.payload.text), ctx)
    fn: Apply | None = None
    # "the words "X" in clause (h) thereof": words inside a part not looked up yet; the words
    # of a provision cited whole ('"$45,600" of Section 2.6') are that provision's words
    sel = words_in_part(sel)
    change = replace(change, selector=sel)
    inside = sel.scope and sel.printed not in (sel.scope, words_of(sel))
    # (two words are one place only as a span: "beginning with "A" and ending with "B"")
    one = len(sel.words) == 1 or (sel.span and len(sel.words) == 2)
    if change.words_edit and sel.kind == "words" and one and simple and not inside:
        fn = WORDS.get((change.verb, change.payload.kind))
    elif simple and (
        change.payload.kind in ("text", "none")
        # "... deleted in its entirety and replaced with "[Reserved]"": quoted new text
        or (change.payload.kind == "quoted" and change.verb == "replace" and not change.words_edit)
    ):
        fn = DISPATCH.get((change.verb, sel.kind))
        if change.verb == "insert" and change.words_edit:
            fn = None  # words put into the provision, never a new provision
        if fn is not None and sel.kind in ("provision", "definition") and _chained(sel):
            fn = None  # a chain through another document or a definition: not looked up yet
    if change.words_edit and change.verb == "insert" and not sel.qualifiers:
        inserted = (
            insert_by_end_mark(doc, change, ctx)
            or words_at_clause_end(doc, change, ctx)
            or insert_words(doc, change, ctx)
        )
        if inserted is not None:
            return inserted
    if change.verb in ("delete", "renumber") and sel.kind == "provision":
        in_sentence = run_on_clause(doc, change, ctx)  # "(i) ..., (ii) ... and (iii) ..."
        if in_sentence is not None:
            return in_sentence
    if fn is not None:
        return fn(doc, change, ctx)
    for attempt in _PARTS:  # each gives None where the change is not of its kind
        done = attempt(doc, change, ctx)
        if done is not None:
            return done
    entry = change.describe()[0]
    raise PayloadError(
        f"understood as {entry['kind'].replace('_', ' ')} of {entry['target']}, "
        "but conformed cannot yet apply this kind of change exactly; nothing was applied"
    )


def _chained(sel: Selector) -> bool:
    """A chain through another document or part ("Section 3 of Exhibit B"), which the
    dispatch table does not look up.  Not one: a provision of an Article or a part of a
    provision, a definition where the agreement has it ('definition "X" of Section 1.01'),
    nor the words "of" inside a quoted term ("Event of Default")."""
    if within_provision(sel) or in_article(sel) or in_summary(sel.printed):
        return False
    printed = re.sub(r'"[^"]*"', '""', sel.printed)
    home = PLAIN_PROVISION.fullmatch(sel.scope) or _ARTICLE_CITED.fullmatch(sel.scope)
    if home and printed.endswith(f'definition "" of {sel.scope}'):
        printed = printed.removesuffix(f" of {sel.scope}")
    return " of " in printed or " of " in re.sub(r'"[^"]*"', '""', sel.scope)


# 'definition "Retirement" of Article 2': a plan's definitions are often an Article's
_ARTICLE_CITED = lazy_re(r"(?i:article)\s+(?:\d{1,3}|[IVXLC]{1,7})")


def _simple(sel: Selector) -> bool:
    return len(sel.labels) <= 1 and len(sel.terms) <= 1 and not sel.qualifiers


def _redesignated(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "Section 2(c) is hereby redesignated as Section 2(b)"."""
    sel = c.selector
    if c.verb != "renumber" or c.new_label in ("", "accordingly"):
        return None
    if sel.kind == "range" and not sel.qualifiers:  # "Sections 8 through 11 ... as 9 through 12"
        return redesignate_run(doc, c, ctx)
    if not _simple(sel):
        return None
    return redesignate(doc, c, ctx, within_provision(sel) or sel.printed)


def _each(doc: Document, c: Change, ctx: Context) -> Document | None:
    return each_cited(doc, c, ctx, apply_change)


def _in_sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    return words_in_sentence(doc, c, ctx) if c.words_edit else None


def _at_end(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "the word "and" at the end of clause (b)"."""
    return edit_at_end(doc, c, ctx) if c.selector.kind in ("words", "mark") else None


def _sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    """A sentence counted by its place."""
    sel = c.selector
    if c.verb == "insert" and sel.kind == "provision" and not sel.qualifiers:
        return insert_beside_sentence(doc, c, ctx)  # "inserting, after the first sentence
        # thereof, the following sentence: ...": beside a sentence of the provision cited
    by_place = SENTENCES.get(c.verb) if sel.kind == "sentence" and not sel.qualifiers else None
    return by_place(doc, c, ctx) if by_place is not None else None


def _paragraph(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The second paragraph of Section 2 is deleted"."""
    return paragraph_by_place(doc, c, ctx) if c.selector.kind == "sentence" else None


# Changes to a part of a provision, or of several, that no table above applies: tried in
# this order, each giving None where the change is not of its kind.
_PARTS: tuple[Callable[[Document, Change, Context], Document | None], ...] = (
    _redesignated,
    _each,
    _in_sentence,
    _at_end,
    edit_before_clause,
    edit_line,
    words_in_line,
    edit_item,
    restate_proviso,
    words_at_provisos_end,
    restate_table,
    _sentence,
    delete_definition_sentence,
    _paragraph,
    heading_words,
    replace_heading,
    redesignate_definition_clause,
    insert_definition_clause,
    words_in_definition_subclause,
    append_to_attachment,
)
