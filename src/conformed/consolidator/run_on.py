"""Clauses that run on inside a sentence: "(i) a salary ..., (ii) an allowance ...; and
(iii) ...".  A provision or a definition may print its list so instead of as paragraphs;
such a clause is found by its label, printed once, and runs to the next label -- the last
one to where the list ends, before a proviso or the sentence's full stop.  Its words are
edited, or it is restated, there only.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..change import Change, Selector
from ..citation import BRACKETED, parse_citation, parse_label
from ..document import Document, Path
from ..errors import ConformedError, PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import Target, WordEdit
from .apply import locate_target
from .cited import LAST_PART, plain_part
from .context import Context
from .word_edits import apply_word_edit
from .word_places import record_edits


def edit_span(
    doc: Document, path: Path, span: tuple[int, int], edit: WordEdit, where: str, ctx: Context
) -> Document:
    """The word edit made in ``span`` of the provision's text, and nowhere else."""
    node = doc.get(path)
    start, end = span
    part = apply_word_edit(node.evolve(text=node.text[start:end], children=()), edit, where)
    node = node.evolve(text=node.text[:start] + part.text + node.text[end:])
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


def restate_run_on(
    doc: Document,
    path: Path,
    offset: int,
    label: str,
    where: str,
    text: str,
    ctx: Context,
    end: int | None = None,
) -> Document:
    """A clause that runs on in a sentence restated: "Clause (ii) of the definition of "Good
    Reason" is amended and restated in its entirety to read as follows: "(ii) ..."", or of
    a provision that prints its clauses so: the words from "(ii)" up to "(iii)" are the new
    ones, label and all (from ``offset``, where a definition starts inside the text)."""
    node = doc.get(path)
    span = run_on_span(node.text[offset:end], label)
    if span is None:
        raise TargetNotFound(f"{where} is not printed once in its sentence")
    start, end = span[0] + offset, span[1] + offset
    new = " ".join(text.split())
    if not new.lower().startswith(label.lower()):
        new = f"{label} {new}"
    old = node.text[start:end]
    # the list's conjunction before the next clause (", or (iii) ...") joins the clauses;
    # it stays unless the new words end with it themselves
    conjunction = _CONJUNCTION.search(old)
    nxt = node.text[end:]
    tail = " " if nxt[:1] == "(" else ""  # the next clause's label; a proviso or stop closes up
    if conjunction is not None and tail and not new.endswith(conjunction["word"]):
        tail = f" {conjunction['word']} "
    if not tail and new[-1:] in ".;," and nxt[:1] in ".;,":
        new = new[:-1]  # the list's own stop or semicolon follows: printed once
    edit = WordEdit("replace_words", old=old.strip(), new=new)
    node = node.evolve(text=node.text[:start] + new + tail + node.text[end:])
    return doc.update(path, lambda _: record_edits(node, (edit,), ctx))


_CONJUNCTION = lazy_re(r"\s(?P<word>and/or|and|or|plus|minus|less)\s*$")


def restate_run_on_part(
    doc: Document, cited: str, label: str, text: str, ctx: Context
) -> Document | None:
    """ "Clause (iii) of Paragraph 6(b) is amended and restated in its entirety to read as
    follows: "(iii) ..."" where Paragraph 6(b) prints its clauses inside its sentence; None
    where it prints clause (iii) as a paragraph of its own (a provision, looked up as one)."""
    path = locate_target(doc, Target(parse_citation(cited)), ctx)
    if any(child.key == label.strip("()").lower() for child in doc.get(path).children):
        return None
    return restate_run_on(doc, path, 0, label, f"clause {label} of {cited}", text, ctx)


def edit_run_on_part(
    doc: Document, cited: str, label: str, edit: WordEdit, ctx: Context
) -> Document | None:
    """ "Clause (iii) of Section 9 is amended by inserting ... after the words "X"", where
    Section 9 prints its clauses inside its sentence ("... (ii) ...; (iii) ..."): the words
    from "(iii)" to "(iv)" (or the end), edited there only; None where Section 9 prints
    clause (iii) as a paragraph of its own (a provision, looked up as one) or not once."""
    path = locate_target(doc, Target(parse_citation(cited)), ctx)
    if any(child.key == label.strip("()").lower() for child in doc.get(path).children):
        return None
    return edit_run_on(doc, path, label, edit, f"clause {label} of {cited}", ctx)


def edit_run_on(
    doc: Document,
    path: Path,
    label: str,
    edit: WordEdit,
    where: str,
    ctx: Context,
    offset: int = 0,
    end: int | None = None,
) -> Document | None:
    """The edit made in the words of the clause ``label`` runs over in the text of the
    provision at ``path`` (its sentence, not its subdivisions; from ``offset`` to ``end``,
    where a definition is inside it); None where it is not printed once."""
    text = doc.get(path).text
    span = run_on_span(text[offset:end], label)
    if span is None:
        return None
    start, end = span[0] + offset, span[1] + offset
    mark = text[end : end + 1]
    if mark in (";", ",", ".") and edit.old.endswith(mark):
        end += 1  # 'after the words "... by the Company;"': the mark that closes the clause
    return edit_span(doc, path, (start, end), edit, where, ctx)


def run_on_clause(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "Section 7(b) is amended by deleting clause (iii) thereof and renumbering clause (iv)
    thereof as clause (iii)", where 7(b) prints its clauses inside its sentence: clause (iii)
    struck from its label to the next one's (the "and" or "or" before the next kept), and
    "(iv)" printed "(iii)".  None where the clause is a provision of its own, or not printed
    once in the text of the provision cited; the last clause of a list is refused (what
    becomes of the "and" before it is not said)."""
    if c.verb == "renumber" and len(c.selector.labels) > 1:
        return _each_renumbered(doc, c, ctx)
    m = LAST_PART.fullmatch(plain_part(c.selector.printed) or "")
    if c.verb not in ("delete", "renumber") or c.selector.kind != "provision" or m is None:
        return None
    said = [q for q in c.selector.qualifiers if not _WHAT_IT_IS.fullmatch(q)]
    if c.payload.kind != "none" or said or len(c.selector.labels) != 1:
        return None
    label = m["label"]
    try:
        path = locate_target(doc, Target(parse_citation(m["cite"])), ctx)
    except ConformedError:
        return None
    node = doc.get(path)
    if any(child.key == label.strip("()").lower() for child in node.children):
        return None
    span = run_on_span(node.text, label)
    if span is None:
        return None
    start, end = span
    where = f"clause {label} of {m['cite']}"
    if c.verb == "renumber":
        new = LAST_PART.fullmatch(c.new_label) if c.new_label else None
        if new is None:
            return None
        text = node.text[:start] + new["label"] + node.text[start + len(label) :]
        detail = f"Clause {label} renumbered {new['label']}"
    else:
        if not _list_labels(node.text[end:], _next(label)):
            raise PlacementError(
                f"{where} is the last clause of its list; the item does not say what becomes "
                "of the conjunction and punctuation before it"
            )
        joined = re.search(r"[,;]\s*(?P<conj>(?:and|or)\s+)$", node.text[start:end])
        if joined is not None:  # "(iii) ..., and (iv)": the clause and its comma; "and" stays
            end = start + joined.start("conj")
        text = node.text[:start] + node.text[end:]
        detail = f"Clause {label} deleted"
    changed = node.evolve(text=text, changes=(*node.changes, ctx.change(c.verb, detail)))
    return doc.update(path, lambda _: changed)


# what a clause is, said beside its citation ('(definition of "Cause")'): nothing to check
_WHAT_IT_IS = lazy_re(r'\((?:the\s+)?definition\s+of\s+["\u201c][^"\u201d]{1,80}["\u201d]\)')


def _each_renumbered(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "clauses (iv) and (v) of Section 2.1(c) are renumbered as clauses (iii) and (iv),
    respectively": each in turn, all or none."""
    new = [m.group(0) for m in BRACKETED.finditer(c.new_label)]
    if len(new) != len(c.selector.labels) or not c.selector.scope:
        return None
    for old, label in zip(c.selector.labels, new, strict=True):
        one = Selector("provision", f"clause {old} of {c.selector.scope}", (old,), "clause")
        done = run_on_clause(doc, replace(c, selector=one, new_label=f"clause {label}"), ctx)
        if done is None:
            return None
        doc = done
    return doc


def _next(label: str) -> str:
    own = parse_label(label)
    return own.with_value(own.value + 1).text if own is not None else label


def run_on_span(text: str, label: str) -> tuple[int, int] | None:
    """Where clause ``label`` ("(b)") runs in a sentence: from its label to the next one's.
    The last clause ends where the list does: before a proviso ("; provided, that ..."), at
    the end of its sentence, and before the final full stop -- never over them."""
    own = parse_label(label)
    if own is None or label.count("(") != 1:
        return None
    starts = _list_labels(text, label)
    if len(starts) != 1:
        return None
    following = [k for k in _list_labels(text, _next(label)) if k > starts[0]]
    if following:
        return starts[0], following[0]
    ends = _LIST_ENDS.search(text, starts[0])
    return starts[0], ends.start() if ends else len(text)


def _list_labels(text: str, label: str) -> list[int]:
    """Where ``label`` opens a clause of a list in ``text``: never a cross-reference to
    another provision's clause ("clause (iii) of Section 9", "Section 9(c) hereof")."""
    return [
        m.start()
        for m in re.finditer(re.escape(label), text)
        if not _REFERENCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]


_REFERENCE_BEFORE = lazy_re(
    r"(?:[\w)\]]|\b(?i:clauses?|sections?|subsections?|paragraphs?|subparagraphs?|articles?"
    r"|items?|exhibits?|schedules?|parts?)\s+)$"
)
# Where a list's last clause ends: a proviso after it, or its sentence's full stop (never an
# abbreviation's: "U.S. Bank", "Acme Co. Ltd.")
_LIST_ENDS = lazy_re(
    r"[;,:]?\s*\bprovided\b"
    r"|(?<!\b[A-Z])(?<!\bInc)(?<!\bCo)(?<!\bNo)(?<!\bCorp)(?<!\bLtd)(?<!\bJr)(?<!\bSr)(?<!\bSt)"
    r"\.(?=\s+[A-Z\"\u201c(]|\s*$)",
    re.IGNORECASE,
)
