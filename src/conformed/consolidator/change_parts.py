"""Changes to a part of one provision that no older form applied: one of its sentences
deleted by its place, words put before its
first word or after its last.  Each returns None where the change is not of its kind,
so apply_change can go on to refuse it with what was understood; each refuses, naming
the provision, where applying would have to guess.
"""

from __future__ import annotations

import re

from ..change import Change, Selector
from ..citation import PLAIN_PROVISION, parse_citation
from ..document import Document
from ..errors import PlacementError, TargetNotFound
from ..layout.convention import CONVENTION
from ..lazy_re import lazy_re
from ..operations import Ordinal, ReplaceParagraph, ReplaceSentence, Target, TextEdits, WordEdit
from .apply import locate_target
from .apply_text import (
    apply_delete_sentence,
    apply_insert_beside_sentence,
    apply_replace_paragraph,
    apply_replace_sentence,
    apply_text_edits,
    folded,
    paragraph_index,
    sentence_span,
    short,
)
from .cited import (
    COUNTED,
    DEFINITION_AT,
    SENTENCE_OF,
    counted_part,
    in_article,
    side_of,
    target_of,
    within_provision,
    without_words,
)
from .context import Context
from .exhibits import is_exhibit
from .word_edits import apply_word_edit, edit_words

READS_NOW = 'which reads "'  # the qualifier the grammar keeps for ', which reads "X"'


def check_reads(doc: Document, sel: Selector, words: str, ctx: Context) -> None:
    """ "the second sentence thereof, which reads "X"": the part cited must read X now (white
    space and the kind of quotation marks aside), or the item is refused, as a wrong
    "(formerly ...)" is -- it cites something else than the drafter saw."""
    found = sentence_of(sel.printed)
    if found is not None:
        ordinal, cited = found
        node = doc.get(locate_target(doc, Target(parse_citation(cited)), ctx))
        start, end = sentence_span(node.text, ordinal, cited)
        readings = [node.text[start:end]]
    elif sel.kind == "provision" and PLAIN_PROVISION.fullmatch(
        within_provision(sel) or sel.printed
    ):
        node = doc.get(locate_target(doc, target_of(Change("replace", sel)), ctx))
        whole = (node.label_text, node.heading, node.text)  # as printed, or without the label
        readings = [" ".join(x for x in whole if x), " ".join(x for x in whole[1:] if x)]
    else:
        raise PlacementError(
            f'{sel.printed}: what it is said to read ("{short(words, 120)}") is not checked here'
        )
    if folded(words) not in {folded(r) for r in readings}:
        raise PlacementError(
            f'{sel.printed} is said to read "{short(words, 120)}", but it reads "{short(readings[-1], 120)}"'
        )


def delete_sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The second sentence of Section 1 is hereby deleted": one sentence, counted from the
    start or the end, of a provision cited plainly; None for any other part."""
    found = sentence_of(c.selector.printed)
    if found is None or c.payload.kind != "none":
        return None
    ordinal, cited = found
    return apply_delete_sentence(doc, Target(parse_citation(cited)), ordinal, ctx)


def replace_sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "... by deleting the second sentence thereof and inserting in lieu thereof the
    following: "..."", "The last sentence of Section 3 is amended and restated as follows:":
    that sentence's words replaced, the rest as it was; None for any other part."""
    found = sentence_of(c.selector.printed)
    if found is None or c.payload.kind not in ("text", "quoted") or not c.payload.text.strip():
        return None
    ordinal, cited = found
    op = ReplaceSentence(Target(parse_citation(cited)), ordinal, c.payload.text)
    return apply_replace_sentence(doc, op, ctx)


def insert_beside_sentence(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "... by adding the following sentence after the first sentence thereof": a sentence
    of new words beside one counted; None for any other place or text (a labelled provision,
    several paragraphs)."""
    side, _, named = c.position.partition(" ")
    found = sentence_of(c.selector.printed)
    beside = _BESIDE_SENTENCE.fullmatch(c.position)
    if found is None and beside is not None and c.selector.kind == "provision":
        # "Section 9 is amended by inserting, immediately after the first sentence thereof,
        # the following sentence: ...": the sentence counted in the provision cited
        side = side_of(beside)
        found = sentence_of(f"{beside['ordinal']} sentence of {c.selector.printed}")
    elif (
        side not in ("after", "before")
        or c.selector.kind != "sentence"
        or not c.selector.printed.startswith(named)
    ):
        return None
    if found is None or c.payload.kind not in ("text", "quoted"):
        return None
    words = c.payload.text.strip()
    if not words or "\n\n" in words or CONVENTION.lead.match(words):
        return None  # a paragraph or a labelled provision of its own: not one sentence
    ordinal, cited = found
    target = Target(parse_citation(cited))
    return apply_insert_beside_sentence(doc, target, ordinal, side, words, ctx)


def paragraph_by_place(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The second paragraph of Section 2 is hereby deleted" (or replaced): that paragraph
    of the provision's own text; None for any other part.  A provision with subdivisions
    is refused: its paragraphs before and after them are not counted alike."""
    found = sentence_of(c.selector.printed, _PARAGRAPH_OF)
    if found is None or c.selector.qualifiers:
        return None
    ordinal, cited = found
    target = Target(parse_citation(cited))
    if c.verb == "insert" and c.words_edit and c.position == "at the end":
        return _paragraph_ended(doc, target, ordinal, c, ctx)
    if c.verb not in ("delete", "replace"):
        return None
    if c.verb == "replace":
        if c.payload.kind not in ("text", "quoted") or not c.payload.text.strip():
            return None
        return apply_replace_paragraph(doc, ReplaceParagraph(target, ordinal, c.payload.text), ctx)
    path = locate_target(doc, target, ctx)
    node = doc.get(path)
    if node.children:
        raise PlacementError(f"{cited} has subdivisions; which paragraphs are counted is not said")
    paragraphs = node.text.split("\n\n") if node.text else []
    index = paragraph_index(paragraphs, ordinal, cited)
    if len(paragraphs) < 2:
        raise TargetNotFound(
            f"the {ordinal.printed} paragraph of {cited} is its only one: deleting it would "
            "leave the provision without text, which the item does not say"
        )
    kept = "\n\n".join(p for k, p in enumerate(paragraphs) if k != index)
    detail = f"{ordinal.printed.capitalize()} paragraph deleted"
    return doc.update(
        path,
        lambda p: p.evolve(text=kept, changes=(*p.changes, ctx.change("amend_text", detail))),
    )


def _paragraph_ended(
    doc: Document, target: Target, ordinal: Ordinal, c: Change, ctx: Context
) -> Document:
    """ "The last paragraph of Section 5 is amended by adding the following sentences at the
    end thereof": the new words end that paragraph, as words added at a provision's end do
    (a sentence after a space, a proviso in the full stop's place); the other paragraphs
    as they were."""
    if not c.payload.one_paragraph or not c.payload.text.strip():
        raise PlacementError(
            f"the words added to the {ordinal.printed} paragraph of {target.printed} are "
            "several paragraphs; where they go is not said"
        )
    path = locate_target(doc, target, ctx)
    node = doc.get(path)
    if node.children:
        raise PlacementError(
            f"{target.printed} has subdivisions; which paragraphs are counted is not said"
        )
    paragraphs = node.text.split("\n\n") if node.text else []
    index = paragraph_index(paragraphs, ordinal, target.printed)
    where = f"the {ordinal.printed} paragraph of {target.printed}"
    edit = WordEdit("append_text", old="", new=c.payload.text)
    paragraphs[index] = apply_word_edit(node.evolve(text=paragraphs[index]), edit, where).text
    detail = f"Words added at the end of the {ordinal.printed} paragraph"
    return doc.update(
        path,
        lambda p: p.evolve(
            text="\n\n".join(paragraphs), changes=(*p.changes, ctx.change("amend_text", detail))
        ),
    )


def edit_sentence(
    doc: Document, counted: tuple[Ordinal, str], edit: WordEdit, ctx: Context
) -> Document:
    """The word edit made in the sentence ``sentence_of`` found, and nowhere else."""
    ordinal, cited = counted
    return apply_text_edits(doc, TextEdits(Target(parse_citation(cited)), (edit,), ordinal), ctx)


def sentence_of(printed: str, pattern: re.Pattern[str] | None = None) -> tuple[Ordinal, str] | None:
    """ "the last sentence of Section 6.11": the sentence counted, and the provision cited
    plainly; None for any other part.  (With ``pattern``, another part counted so.)"""
    m = (pattern or _SENTENCE_OF).fullmatch(printed)
    if m is None or not (PLAIN_PROVISION.fullmatch(m["cite"]) or _BY_ORDINAL.fullmatch(m["cite"])):
        return None
    word = m.group("ordinal").lower()
    index = COUNTED.index(word) + 1 if word in COUNTED else {"last": -1, "final": -1}[word]
    return Ordinal(index, word), m.group("cite")


def sentence_of_definition(printed: str) -> tuple[Ordinal, str, str] | None:
    """'the last sentence of definition "Commitment" of Section 1.01': the sentence counted,
    the term and where it is defined; None for any other part."""
    m = _SENTENCE_OF.fullmatch(printed)
    d = DEFINITION_AT.fullmatch(m["cite"]) if m else None
    if m is None or d is None:
        return None
    word = m.group("ordinal").lower()
    index = COUNTED.index(word) + 1 if word in COUNTED else -1
    return Ordinal(index, word), d["term"], d["scope"] or ""


# "Article TWELFTH": an older lease's provisions "FIRST:", "SECOND:", cited by their word
_BY_ORDINAL = lazy_re(rf"(?:Article|ARTICLE|Paragraph|PARAGRAPH)\s+(?:{CONVENTION.ordinal_words})")
_SENTENCE_OF, _PARAGRAPH_OF = SENTENCE_OF, counted_part("paragraph")
# "immediately after the first sentence thereof": beside a sentence counted in the provision
_BESIDE_SENTENCE = lazy_re(
    r"(?:immediately\s+)?(?P<side>after|following|before|preceding|prior\s+to)\s+(?:the\s+)?"
    rf"(?P<ordinal>{'|'.join(COUNTED)}|last|final)\s+sentence",
    re.IGNORECASE,
)


def insert_at_edge(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "... by inserting "Except as provided in Section 5.2," immediately before the first
    word of Section 5.1(c)", "... by adding the following sentence at the end of clause (b)
    thereof: "..."": the words begin, or end, the provision's text (after its caption; at
    the end of a provision with subdivisions, after them, as the sentence forms put it).
    Only words of one provision the agreement numbers; None for any other place or text."""
    sel = c.selector
    kind = _edge_kind(c.position, sel.printed)
    counted = sentence_of(sel.printed) if sel.kind == "sentence" else None
    if kind and counted is not None and "\n\n" not in c.payload.text.strip():
        # "The first sentence of Paragraph 8 is amended by adding "; provided ..." at the
        # end thereof": the words end that sentence, the sentences after it as they were
        return edit_sentence(doc, counted, WordEdit(kind, old="", new=c.payload.text), ctx)
    if not kind or sel.kind != "provision" or len(sel.labels) != 1:
        return None
    if sel.scope and not (in_article(sel) or within_provision(sel)):
        return None  # a chain the agreement does not number ("clause (b) of Exhibit C")
    if is_exhibit(sel.printed):
        return None  # an exhibit's text is lines of the back matter, not a provision's words
    words = c.payload.text.strip()
    if not c.payload.one_paragraph or CONVENTION.lead.match(words):
        return None  # a paragraph or a labelled provision of its own: not words of a sentence
    edit = WordEdit(kind, old="", new=c.payload.text, where="paragraph" if c.paragraph else "")
    return apply_text_edits(doc, TextEdits(target_of(c), (edit,)), ctx)


def _edge_kind(position: str, printed: str) -> str:
    """ "at the end", "at the end thereof", "at the end of clause (b)" (of the clause the
    selector names, "clause (b) of Section 4.3"): the words are appended (or, at the
    beginning, prepended); "" for a position naming anything else."""
    for edge, kind in (("at the beginning", "prepend_text"), ("at the end", "append_text")):
        if not position.startswith(edge):
            continue
        rest = position[len(edge) :].strip()
        rest = rest[3:] if rest.startswith("of ") else rest
        if rest in ("", "of", "thereof") or printed == rest or printed.startswith(f"{rest} of "):
            return kind
    return ""


_HEADING_OF = lazy_re(r"(?:heading|caption|title) of (?P<cite>.+)", re.IGNORECASE)
_ARTICLE = lazy_re(r"(?:Article|ARTICLE)\s+(?:[IVXLC]+|\d{1,3})")


def edit_heading_words(doc: Document, c: Change, edit: WordEdit, ctx: Context) -> Document | None:
    """ "The heading of Section 9 is changed from "Assignment" to "Transfers"", "deleting
    "INSURANCE" in the heading of Article 9 and inserting ...": the words of that heading
    only; None where the words are not said to be in a heading."""
    m = _HEADING_OF.fullmatch(c.selector.scope) or _HEADING_OF.fullmatch(
        without_words(c.selector.printed)
    )
    if m is None:
        return None
    path = locate_target(doc, Target(parse_citation(m["cite"])), ctx)
    node = doc.get(path)
    if not node.heading.strip():
        raise TargetNotFound(f"{m['cite']} has no heading to amend")
    heading = edit_words(node.heading, edit, f"the heading of {m['cite']}")
    change = ctx.change("replace", f"Heading amended (was {node.heading.strip()})")
    return doc.update(path, lambda p: p.evolve(heading=heading, changes=(*p.changes, change)))


def replace_heading(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The heading of Section 3.03 is amended to read "Liens; Sales"": the heading only,
    printed as the agreement prints its headings (with its full stop); None for any other
    part.  A provision with no heading is refused: there is nothing to amend."""
    m = _HEADING_OF.fullmatch(c.selector.printed)
    if c.selector.words:  # words of the heading: consolidator/change_words.heading_words
        return None
    if m is None or not (PLAIN_PROVISION.fullmatch(m["cite"]) or _ARTICLE.fullmatch(m["cite"])):
        return None
    words = " ".join(c.payload.text.split())
    if c.verb != "replace" or c.payload.kind not in ("quoted", "text") or not words:
        return None
    if "\n\n" in c.payload.text.strip() or len(words) > 200:
        return None  # a heading is a line of words, not a block of text
    path = locate_target(doc, Target(parse_citation(m["cite"])), ctx)
    old = doc.get(path).heading.strip()
    if not old:
        raise TargetNotFound(f"{m['cite']} has no heading to amend")
    new = words
    if old.endswith(".") and not new.endswith((".", ":")):
        new += "."
    change = ctx.change("replace", f"Heading amended (was {old})")
    return doc.update(path, lambda p: p.evolve(heading=new, changes=(*p.changes, change)))
