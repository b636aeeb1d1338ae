"""Edits inside a provision's words: sentences, paragraphs, the lead-in, words.

Matching is exact.  Struck words that do not appear fail; words that appear
several times fail unless the item says "each place it appears".  Nothing is
ever fuzzy-matched here: a near miss in struck text is a drafting error for a
lawyer to resolve, not for the tool to guess.
"""

from __future__ import annotations

import re

from ..citation import parse_citation
from ..document import Document, Path, Provision
from ..errors import PayloadError, PlacementError, TargetNotFound
from ..layout.engine import read_new_text
from ..layout.heads import split_heading
from ..operations import (
    DescribedChange,
    Ordinal,
    ReplaceLeadIn,
    ReplaceParagraph,
    ReplaceReading,
    ReplaceSentence,
    Target,
    TextEdits,
)
from ..sentences import sentence_spans
from .apply import locate_target
from .context import Context
from .exhibits import edit_exhibit, is_exhibit
from .word_edits import apply_word_edit, count_words, ends_with
from .word_places import edit_provision_words, record_edits


def apply_replace_sentence(doc: Document, op: ReplaceSentence, ctx: Context) -> Document:
    path, node, (start, end) = _sentence_at(doc, op.target, op.ordinal, ctx)
    replacement = _without_restatement(" ".join(op.text.split()), node, ctx, op.target.printed)
    text = node.text[:start] + replacement + node.text[end:]
    return _sentence_changed(doc, path, text, f"{op.ordinal.printed} sentence amended", ctx)


def apply_delete_sentence(
    doc: Document, target: Target, ordinal: Ordinal, ctx: Context
) -> Document:
    """ "The last sentence of Section 3 is hereby deleted": that sentence goes, and the
    sentences either side close up; every other word stays as it was."""
    path, node, (start, end) = _sentence_at(doc, target, ordinal, ctx)
    before, after = node.text[:start].rstrip(), node.text[end:].lstrip()
    gap = node.text[len(before) : start] + node.text[end : len(node.text) - len(after)]
    joint = "\n\n" if "\n\n" in gap else " "
    text = f"{before}{joint}{after}" if before and after else before or after
    return _sentence_changed(doc, path, text, f"{ordinal.printed} sentence deleted", ctx)


def apply_insert_beside_sentence(
    doc: Document, target: Target, ordinal: Ordinal, side: str, text: str, ctx: Context
) -> Document:
    """ "... by adding the following sentence after the first sentence thereof": the new
    sentence between that one and the next, every other word as it was."""
    path, node, (start, end) = _sentence_at(doc, target, ordinal, ctx)
    new = " ".join(text.split())
    if side == "after":
        rest = node.text[end:].lstrip()
        joined = f"{node.text[:end].rstrip()} {new}" + (f" {rest}" if rest else "")
    else:
        joined = f"{node.text[:start]}{new} {node.text[start:]}"
    detail = f"Sentence added {side} the {ordinal.printed} sentence"
    return _sentence_changed(doc, path, joined, detail, ctx)


def end_of_sentence(
    doc: Document, counted: tuple[Ordinal, str], last: str, new: str, ctx: Context
) -> Document:
    """ "... by deleting the period at the end of the first sentence thereof and inserting in
    lieu thereof "; provided that ..."": the words or mark that sentence ends with, replaced
    by ``new`` (or deleted), every other word as it was.  Refused where the sentence ends
    otherwise, or where a sentence follows and the new words would leave it unended."""
    ordinal, cited = counted
    target = Target(parse_citation(cited))
    path, node, (start, end) = _sentence_at(doc, target, ordinal, ctx)
    sentence = node.text[start:end].rstrip()
    printed = f"the {ordinal.printed} sentence of {cited}"
    if not ends_with(sentence, last):
        raise PlacementError(f'{printed} does not end with "{last}" (it ends "{sentence[-30:]}")')
    rest = node.text[start + len(sentence) :]
    if rest.strip() and not re.search(r"[.!?][\"'\u201d\u2019)]*$", new):
        raise PlacementError(
            f"{printed} is followed by another, and the words put in place of its "
            f'"{last}" do not end a sentence; where it now ends is not said'
        )
    kept = sentence[: len(sentence) - len(last)]
    text = node.text[:start] + (kept + new if new else kept.rstrip()) + rest
    return _sentence_changed(doc, path, text, f"end of the {ordinal.printed} sentence amended", ctx)


def _sentence_at(
    doc: Document, target: Target, ordinal: Ordinal, ctx: Context
) -> tuple[Path, Provision, tuple[int, int]]:
    """The provision and the span of its sentence an ordinal names ("the last sentence of
    Section 3"); counting from the end is refused where subdivisions follow the text."""
    path = locate_target(doc, target, ctx)
    node = doc.get(path)
    if node.children and ordinal.index < 0:
        raise PlacementError(
            f"{target.printed} has subdivisions, so counting its sentences from the end "
            "is ambiguous"
        )
    return path, node, sentence_span(node.text, ordinal, target.printed)


def _sentence_changed(doc: Document, path: Path, text: str, detail: str, ctx: Context) -> Document:
    change = ctx.change("amend_text", detail[:1].upper() + detail[1:])
    return doc.update(path, lambda p: p.evolve(text=text, changes=(*p.changes, change)))


def apply_replace_reading(doc: Document, op: ReplaceReading, ctx: Context) -> Document:
    """ "whereas it previously read: "old" it now reads: "new"": check "old", then replace."""
    path = locate_target(doc, op.target, ctx)
    node = doc.get(path)
    if "[*]" in op.old or "[*]" in op.new:
        raise PayloadError(
            "the amendment's text is redacted ([*]) in this copy; apply the unredacted amendment"
        )
    old = _without_restatement(" ".join(op.old.split()), node, ctx, op.target.printed)
    new = _without_restatement(" ".join(op.new.split()), node, ctx, op.target.printed)
    if op.ordinal is None:
        if folded(old) != folded(node.text):
            raise PayloadError(
                f"{op.target.printed} does not read as the amendment says it previously read "
                f'(it reads "{short(node.text)}")'
            )
        text = new
        detail = "Amended"
    else:
        start, end = sentence_span(node.text, op.ordinal, op.target.printed)
        if folded(old) != folded(node.text[start:end]):
            raise PayloadError(
                f"the {op.ordinal.printed} sentence of {op.target.printed} does not read as the "
                f'amendment says it previously read (it reads "{short(node.text[start:end])}")'
            )
        text = node.text[:start] + new + node.text[end:]
        detail = f"{op.ordinal.printed.capitalize()} sentence amended"
    return doc.update(
        path, lambda p: p.evolve(text=text, changes=(*p.changes, ctx.change("replace", detail)))
    )


def sentence_span(text: str, ordinal: Ordinal, printed: str) -> tuple[int, int]:
    spans = provision_sentences(text)
    index = ordinal.index - 1 if ordinal.index > 0 else len(spans) + ordinal.index
    if not 0 <= index < len(spans):
        raise TargetNotFound(
            f"the {ordinal.printed} sentence of {printed} does not exist: "
            f"it has {len(spans)} sentence(s)"
        )
    return spans[index]


def folded(text: str) -> str:
    """Words as compared with what an item says they read: white space and the kind of
    quotation marks aside."""
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return " ".join(text.split()).strip(' "')


def short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def apply_described_change(doc: Document, op: DescribedChange, ctx: Context) -> Document:
    """Refused: the item says what the provision should mean, not what it should say."""
    locate_target(doc, op.target, ctx)
    raise PayloadError(
        f"the item describes a change to {op.target.printed} without giving its words "
        f'("... {short(op.description)}"); a lawyer must draft the text'
    )


def apply_replace_lead_in(doc: Document, op: ReplaceLeadIn, ctx: Context) -> Document:
    """ "The first four lines of Section 6.9": lines do not survive re-wrapping, so the
    target is read as the lead-in, and only when the new text restates its label."""
    path = locate_target(doc, op.target, ctx)
    node = doc.get(path)
    new = read_new_text(op.text)
    restated = len(new) == 1 and new[0].label is not None and new[0].key == node.key
    if not restated or not node.children or new[0].children:
        raise PlacementError(
            f'"the {op.printed} of {op.target.printed}" names lines of a printed page; it can be '
            "applied only as the provision's lead-in, and the new text does not restate "
            f"{op.target.printed}'s label and lead-in"
        )
    ctx.warn(
        f'"the {op.printed} of {op.target.printed}" was read as its lead-in (the text before '
        f"{node.children[0].label_text})"
    )
    heading = new[0].heading or node.heading
    return doc.update(
        path,
        lambda p: p.evolve(
            heading=heading,
            text=new[0].text,
            changes=(*p.changes, ctx.change("amend_text", "Lead-in amended")),
        ),
    )


def paragraph_index(paragraphs: list[str], ordinal: Ordinal, printed: str) -> int:
    """Which of a provision's own paragraphs the ordinal counts (from 1, or from -1 at the
    end); refused where there is no such paragraph."""
    index = ordinal.index - 1 if ordinal.index > 0 else len(paragraphs) + ordinal.index
    if not 0 <= index < len(paragraphs):
        raise TargetNotFound(
            f"the {ordinal.printed} paragraph of {printed} does not exist: "
            f"it has {len(paragraphs)} paragraph(s) of its own"
        )
    return index


def apply_replace_paragraph(doc: Document, op: ReplaceParagraph, ctx: Context) -> Document:
    path = locate_target(doc, op.target, ctx)
    node = doc.get(path)
    paragraphs = node.text.split("\n\n") if node.text else []
    index = paragraph_index(paragraphs, op.ordinal, op.target.printed)
    paragraphs[index] = _without_restatement(
        " ".join(op.text.split()), node, ctx, op.target.printed
    )
    detail = f"{op.ordinal.printed.capitalize()} paragraph amended"
    return doc.update(
        path,
        lambda p: p.evolve(
            text="\n\n".join(paragraphs), changes=(*p.changes, ctx.change("amend_text", detail))
        ),
    )


def apply_text_edits(doc: Document, op: TextEdits, ctx: Context) -> Document:
    if is_exhibit(op.target.citation.printed) and not op.target.qualifier:
        return edit_exhibit(doc, op, ctx)
    path = locate_target(doc, op.target, ctx)
    node = doc.get(path)
    if op.sentence is not None:  # edit inside one sentence, leave the rest as it was
        if node.children and op.sentence.index < 0:
            raise PlacementError(
                f"{op.target.printed} has subdivisions, so counting its sentences from the end "
                "is ambiguous"
            )
        start, end = sentence_span(node.text, op.sentence, op.target.printed)
        where = f"the {op.sentence.printed} sentence of {op.target.printed}"
        part = node.evolve(text=node.text[start:end], children=())
        for edit in op.edits:
            part = apply_word_edit(part, edit, where)
        node = node.evolve(text=node.text[:start] + part.text + node.text[end:])
    else:  # the words of the provision cited whole, its subdivisions among them
        return edit_provision_words(doc, path, op.edits, ctx, op.target.printed)
    for edit in op.edits:
        if edit.kind in ("replace_words", "delete_words") and count_words(node.heading, edit.old):
            ctx.warn(
                f'the words "{edit.old}" also appear in the heading of {op.target.printed}, '
                "which was left as it was (a heading is changed only where the item says so)"
            )
    return doc.update(path, lambda _: record_edits(node, op.edits, ctx))


def provision_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of a provision's text.  A paragraph break ends a sentence, except
    after a colon: "as follows:" and the table or list it introduces are one sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n\n"):
        local = [(a + offset, b + offset) for a, b in sentence_spans(para)]
        if spans and local and text[spans[-1][0] : spans[-1][1]].rstrip().endswith(":"):
            spans[-1] = (spans[-1][0], local[0][1])  # the table or list it introduces
            local = local[1:]
        spans.extend(local)
        offset += len(para) + 2
    return spans


def _without_restatement(text: str, node: Provision, ctx: Context, printed: str) -> str:
    """Drop a restated label and heading ("(b) Unused Line Fee. So long as ...")."""
    label = node.label_text
    if label and text.startswith(label + " "):
        rest = text[len(label) :].lstrip()
        heading, after = split_heading(rest)
        if node.heading and heading and _same(heading, node.heading):
            rest = after
        elif heading and node.heading:
            raise PayloadError(
                f'the new text restates {printed} with the heading "{heading}", but its heading '
                f'is "{node.heading}"'
            )
        ctx.warn(f"the new text restates {printed}'s label; it is not repeated")
        return rest
    return text


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W", "", a.lower()) == re.sub(r"\W", "", b.lower())
