"""Changes of quoted words: replaced or deleted in a provision, a definition or the
whole agreement, and inserted beside other words ("immediately after", "between ... and
...", "in clause (a) thereof")."""

from __future__ import annotations

from collections.abc import Callable

from ..change import BESIDE_WORDS, Change, Selector
from ..citation import BRACKETED, PLAIN_PROVISION, parse_citation
from ..document import Document
from ..errors import PlacementError, TargetNotFound
from ..layout.convention import CONVENTION
from ..lazy_re import lazy_re
from ..operations import (
    Target,
    TextEdits,
    WordEdit,
)
from .apply_text import apply_text_edits
from .change_definitions import edit_in_definition
from .change_parts import (
    edit_heading_words,
    edit_sentence,
    insert_at_edge,
    sentence_of,
    sentence_of_definition,
)
from .cited import LAST_PART, PART_LABEL, plain_part, side_of, without_words, words_target
from .context import Context
from .definition_clauses import (
    edit_clause_words,
    edit_definition_sentence,
    edit_in_definition_clause,
)
from .lines import words_in_item, words_in_line
from .proviso import proviso_words
from .run_on import edit_run_on_part
from .word_places import edit_throughout

Apply = Callable[[Document, Change, Context], Document]


def word_edit(kind: str) -> Apply:
    def apply(doc: Document, c: Change, ctx: Context) -> Document:
        if not c.payload.one_paragraph or (
            c.payload.kind == "text" and CONVENTION.lead.match(c.payload.text.strip())
        ):
            raise PlacementError(
                f"the new words for {' ... '.join(c.selector.words)} are a paragraph or a labelled "
                "provision of their own; words inside a sentence are replaced only by words"
            )
        edit = _edit_of(kind, c)
        if len(c.selector.terms) == 1 and c.selector.scope.startswith("definition "):
            return edit_in_definition(doc, c, edit, ctx)
        heading = edit_heading_words(doc, c, edit, ctx)
        if heading is not None:
            return heading
        in_clause = (
            edit_in_definition_clause(doc, c, edit, ctx)
            or words_in_line(doc, c, ctx)
            or words_in_item(doc, c, ctx)
        )
        if in_clause is not None:
            return in_clause
        counted = sentence_of(c.selector.scope)  # "The second sentence of Section 4.2 is
        if counted is not None:  # amended by replacing ...": the words of that sentence
            return edit_sentence(doc, counted, edit, ctx)
        if _throughout(c.selector):
            return edit_throughout(doc, edit, ctx)
        run_on = _in_run_on_clause(doc, c.selector, edit, ctx) or proviso_words(doc, c, edit, ctx)
        if run_on is not None:
            return run_on
        return apply_text_edits(doc, TextEdits(words_target(c.selector), (edit,)), ctx)

    return apply


def _edit_of(kind: str, c: Change) -> WordEdit:
    span = c.selector.words[1] if c.selector.span else ""  # "... and ending with "B""
    return WordEdit(
        kind, old=c.selector.words[0], new=c.payload.text, every=c.each_place, first=c.first,
        where="span" if span else "", then=span, until=c.selector.to_end,
    )  # fmt: skip


def _at_definitions_edge(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The definition of "Good Reason" ... is amended by adding the following sentence at
    the end thereof: "..."": the words end (or begin) that definition's paragraph; None for
    any other place, or new text that is a paragraph of its own."""
    kind = {"at the end": "append_text", "at the beginning": "prepend_text"}.get(
        c.position.removesuffix(" thereof").removesuffix(f" of {c.selector.printed}")
    )
    words = c.payload.text.strip()
    if kind is None or not c.payload.one_paragraph or CONVENTION.lead.match(words):
        return None
    return edit_in_definition(doc, c, WordEdit(kind, old="", new=c.payload.text), ctx)


def heading_words(doc: Document, c: Change, ctx: Context) -> Document | None:
    """Words replaced or struck in a heading ("deleting the heading "Repairs." and
    substituting ...", "changing the heading thereof from "Signs." to ..."): those words
    only, never the whole heading; None for any other change."""
    if not c.words_edit or c.selector.kind != "words" or c.verb not in ("replace", "delete"):
        return None
    kind = "replace_words" if c.verb == "replace" else "delete_words"
    return edit_heading_words(doc, c, _edit_of(kind, c), ctx)


def _in_run_on_clause(
    doc: Document, sel: Selector, edit: WordEdit, ctx: Context
) -> Document | None:
    """ "Clause (ii) of Section 2 is amended by deleting "$400" and inserting "$450"" (or
    "Section 2(ii)"), where Section 2 prints its clauses inside its sentence ("(i) a salary
    ..., (ii) an allowance of $400 ..."): the words of clause (ii) there only.  None where
    the clause is a paragraph of its own (looked up as a provision) or not printed once."""
    plain = plain_part(sel.scope or sel.printed)
    m = LAST_PART.fullmatch(plain) if plain else None
    if m is None or not PLAIN_PROVISION.fullmatch(m["cite"]):
        return None
    try:
        return edit_run_on_part(doc, m["cite"], m["label"], edit, ctx)
    except TargetNotFound:
        return None  # the provision itself missing: refused as the citation is


def _throughout(sel: Selector) -> bool:
    """ "All references in the Agreement to "X"", "each reference to "X"": words of the whole
    agreement, no provision named (an instrument named was checked to be the agreement)."""
    return not sel.labels and not sel.terms and (not sel.scope or sel.scope in sel.documents)


def insert_words(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "... amended by inserting the words "and 3" immediately after the words "Section
    2"": an insertion beside quoted words, in one provision or one definition; None for
    any other position."""
    m = BESIDE_WORDS.match(c.position)
    if c.payload.kind not in ("quoted", "text") or len(c.selector.terms) > 1:
        return None
    if m is None and c.selector.kind == "definition" and len(c.selector.terms) == 1:
        return _at_definitions_edge(doc, c, ctx)
    if m is None:
        return insert_at_edge(doc, c, ctx)
    if not (c.payload.kind == "quoted" or c.payload.one_paragraph):
        return None  # (new words set out after "the following:" are one paragraph)
    if m["side"].lower().endswith("between") != bool(m["then"]):
        return None  # "between" names two places; any other side one
    edit = WordEdit(
        "insert_words",
        old=m.group("anchor"),
        new=c.payload.text,
        where="between" if m.group("then") else side_of(m),
        every=c.each_place,
        first=c.first,
        then=m.group("then") or "",
    )
    part = m["part"]
    if c.selector.kind == "definition" and c.selector.terms and not part:
        return edit_in_definition(doc, c, edit, ctx)
    own = PART_LABEL.fullmatch(part) if part and c.selector.kind == "definition" else None
    if own is not None and len(c.selector.terms) == 1:  # '... after "X" in clause (2) thereof'
        term = c.selector.terms[0]
        return edit_clause_words(doc, own["label"], term, c.selector.scope, edit, ctx)
    if c.selector.kind == "definition_clause" and not part:
        return edit_in_definition_clause(doc, c, edit, ctx)
    counted = sentence_of(c.selector.printed) if c.selector.kind == "sentence" else None
    if counted is not None and not part:  # "The first sentence of Section 3 is amended by
        return edit_sentence(doc, counted, edit, ctx)  # inserting ... after the word "X""
    sel = c.selector
    bare = sel.labels[0] if len(sel.labels) == 1 and sel.labels[0].startswith("(") else ""
    if sel.kind == "provision" and bare and PLAIN_PROVISION.fullmatch(sel.scope) and not part:
        # "Clause (iii) of Section 9 is amended by inserting ...": where Section 9 runs its
        # clauses on in its sentence, the words of clause (iii) there
        run_on = edit_run_on_part(doc, sel.scope, bare, edit, ctx)
        if run_on is not None:
            return run_on
        return apply_text_edits(
            doc, TextEdits(Target(parse_citation(f"{sel.scope}{bare}")), (edit,)), ctx
        )
    if c.selector.kind == "provision" and len(c.selector.labels) == 1 and not c.selector.scope:
        cited = c.selector.printed
        if not part:
            return apply_text_edits(doc, TextEdits(Target(parse_citation(cited)), (edit,)), ctx)
        # '... immediately after "X" in the second sentence thereof': X of that sentence only
        counted = sentence_of(f"{part} of {cited}")
        if counted is not None:
            return edit_sentence(doc, counted, edit, ctx)
        # '... immediately after "X" in subsection (c) thereof': X of Section 8.2(c); "in
        # both clause (i) and clause (ii)": the same insertion in each, all or none
        labels = _part_labels(part)
        if not labels or not PLAIN_PROVISION.fullmatch(cited):
            return None
        for label in labels:
            # (a clause run on in the provision's sentence: its words there)
            run_on = edit_run_on_part(doc, cited, label, edit, ctx)
            if run_on is not None:
                doc = run_on
                continue
            target = Target(parse_citation(f"{cited}{label}"))
            doc = apply_text_edits(doc, TextEdits(target, (edit,)), ctx)
        return doc
    return None


def _part_labels(part: str) -> list[str]:
    """ "subsection (c)" -> ["(c)"]; "clauses (i) and (ii)", "clause (i) and clause (ii)",
    "clauses (a), (b) and (d)" -> each label; [] for anything else."""
    own = PART_LABEL.fullmatch(part)
    if own is not None:
        return [own["label"]]
    if _PART_LIST.fullmatch(part) is None:
        return []
    return [m.group(0) for m in BRACKETED.finditer(part)]


_PART_LIST = lazy_re(
    r"(?i)(?:sub)?(?:sections?|paragraphs?|clauses?)\s+\([a-z0-9]{1,6}\)"
    r"(?:(?:\s*,\s*|\s*,?\s+and\s+)(?:(?:sub)?(?:section|paragraph|clause)\s+)?\([a-z0-9]{1,6}\))+"
)


def words_in_sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "... by replacing "thirty" with "sixty" in the last sentence thereof": the words of
    that sentence only, the rest of the provision as it was; None for any other place."""
    sel = c.selector
    if sel.kind != "words" or len(sel.words) != 1 or sel.qualifiers:
        return None
    in_definition = sentence_of_definition(without_words(sel.printed))
    if in_definition is not None and _words_only(c):  # 'of the last sentence of definition "X"'
        ordinal, term, scope = in_definition
        return edit_definition_sentence(doc, ordinal, term, scope, _sentence_edit(c), ctx)
    found = sentence_of(without_words(sel.printed))
    # ('"X" of the last sentence of Section 3', scope Section 3; or the sentence itself the
    # subject: "The second sentence of Section 4.2 is amended by replacing "X" ...")
    if found is None or sel.scope not in (found[1], without_words(sel.printed)):
        return None
    if not _words_only(c):
        return None
    return edit_sentence(doc, found, _sentence_edit(c), ctx)


def _words_only(c: Change) -> bool:
    """Quoted words replaced by quoted words, or deleted."""
    return (c.verb, c.payload.kind) in (("replace", "quoted"), ("delete", "none"))


def _sentence_edit(c: Change) -> WordEdit:
    kind = "replace_words" if c.verb == "replace" else "delete_words"
    return WordEdit(
        kind, old=c.selector.words[0], new=c.payload.text, every=c.each_place, first=c.first
    )
