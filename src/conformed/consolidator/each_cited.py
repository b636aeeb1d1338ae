"""One change of several provisions, made to each as if the item named it alone.

"Sections 4.2, 4.3(a), (c) and (d) ... are hereby deleted", "Each of Sections 2.1
and 2.3 is amended by replacing ...", "... by inserting a new Section 3.3 and a new
Section 3.4 as follows: 3.3 ... 3.4 ...": each provision is found, or refused, the
way a single one is, so nothing here decides what a citation means.  All or none:
the document given back is the one passed in unless every provision took its change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..change import Change, Payload, Selector
from ..citation import expand_labels, parse_citation, parse_label, singular_unit
from ..document import Document
from ..errors import ConformedError, PayloadError
from ..lazy_re import lazy_re
from ..operations import Target
from .apply import parts_by_label
from .context import Context

ApplyOne = Callable[[Document, Change, Context], Document]


def each_cited(doc: Document, c: Change, ctx: Context, apply_one: ApplyOne) -> Document | None:
    """The change made to each provision the selector lists; None for a change that is not
    of several provisions, or a list that is not of labels of one kind (a bare "(c)" with
    no provision before it)."""
    sel = c.selector
    if c.verb == "renumber":
        return _each_renumbered(doc, c, ctx, apply_one)
    deletion = c.verb == "delete" and c.payload.kind == "none" and not c.words_edit
    new_text = c.verb in ("insert", "replace") and c.payload.kind == "text" and not c.words_edit
    # "Sections 11.1 and 11.2 are deleted, and each such Section is replaced with "[Reserved]""
    same_words = c.verb == "replace" and c.payload.kind == "quoted" and not c.words_edit
    kinds = ("provision", "attachment") if deletion else ("provision", "words")
    if not (deletion or new_text or same_words or c.words_edit) or sel.qualifiers or sel.terms:
        return None
    if sel.kind not in kinds or len(sel.labels) < 2 or len(sel.words) > 1:
        return None
    if sel.kind == "words" and sel.scope != sel.printed:
        return None
    if any(label.startswith("(") for label in sel.labels) and not _parent(sel):
        return None
    ones = singles(sel)
    texts = _texts(c, ones) if new_text else [c.payload] * len(ones)
    position = c.position
    for one, payload in zip(ones, texts, strict=True):
        doc = apply_one(doc, replace(c, selector=one, payload=payload, position=position), ctx)
        if new_text and c.verb == "insert" and position:  # the next new one goes after it
            position = f"immediately after {_cited(one)}"
    return doc


def _each_renumbered(
    doc: Document, c: Change, ctx: Context, apply_one: ApplyOne
) -> Document | None:
    """ "relettering clauses (c) and (d) as clauses (d) and (e)", "Sections 2.3 and 2.4 are
    redesignated as Sections 2.2 and 2.3", "redesignating paragraphs (g) through (j) as
    paragraphs (h) through (k)": each takes its new label, paired in order; where each takes
    the label of the next ((c) becomes (d) while (d) is still there), the last goes first so
    no two are ever the same."""
    sel = c.selector
    olds = _listed(sel)
    if olds is None or len(olds) < 2 or sel.qualifiers:
        return None
    if c.new_label in ("", "accordingly"):  # no new labels given: nothing to pair
        return None
    new = _labels_said(c.new_label)
    if new is None or len(new) != len(olds) or len(set(new)) != len(new):
        raise PayloadError(
            f"{sel.printed} are renumbered as {c.new_label}: not one new label for each"
        )
    kind = "provision" if sel.kind == "range" else sel.kind
    one_by_one = replace(sel, kind=kind, labels=olds)
    pairs = list(zip(singles(one_by_one), new, strict=True))
    if any(after == old for (_, after), old in zip(pairs, olds[1:], strict=False)):
        pairs.reverse()
    unit = singular_unit(sel.unit)
    for one, label in pairs:
        doc = apply_one(doc, replace(c, selector=one, new_label=f"{unit} {label}"), ctx)
    return doc


_LABEL = lazy_re(r"\d[\w.]*?(?:\([A-Za-z0-9]{1,6}\))*(?![\w.(])|\([A-Za-z0-9]{1,6}\)")


def _listed(sel: Selector) -> tuple[str, ...] | None:
    """The labels a list or a range of provisions names, each as a single citation prints it
    ("(g)", "(h)", ... for "paragraphs (g) through (j)"); None for any other selector."""
    if sel.kind == "range" and len(sel.labels) == 1 and sel.scope:
        return _labels_said(sel.labels[0])
    if sel.kind == "definition_clause" and len(sel.labels) > 1 and len(sel.terms) == 1:
        return sel.labels  # "clauses (c) and (d) of the definition of "X""
    if sel.kind != "provision" or len(sel.labels) < 2:
        return None
    full = all(not label.startswith("(") for label in sel.labels)
    return sel.labels if full or _parent(sel) else None


def _labels_said(printed: str) -> tuple[str, ...] | None:
    """ "Sections 2.2 and 2.3" -> ("2.2", "2.3"); "clauses (h) through (k)" -> ("(h)", "(i)",
    "(j)", "(k)"); None where a range's ends are not of one kind."""
    found = [label.rstrip(".") for label in _LABEL.findall(printed)]
    if " through " not in printed and " to " not in printed:
        return tuple(found)
    if len(found) != 2:
        return None
    dotted = expand_labels(*found)
    if dotted is not None:
        return dotted
    first, last = parse_label(found[0]), parse_label(found[1])
    if first is None or last is None or first.style is not last.style or last.value <= first.value:
        return None
    return tuple(first.with_value(v).text for v in range(first.value, last.value + 1))


def singles(sel: Selector) -> list[Selector]:
    """One selector per label of a list: "Clauses (a) and (c) of Section 6.2" gives "Clause
    (a) of Section 6.2" and "Clause (c) of Section 6.2"."""
    return [_one(sel, label, _parent(sel)) for label in sel.labels]


def _parent(sel: Selector) -> str:
    """What the listed labels are parts of: "Section 4.3" of "Clauses (a) and (c) of Section
    4.3"; "" for a list of full labels."""
    return sel.scope if sel.kind != "words" else sel.printed.partition(" of ")[2]


def _one(sel: Selector, label: str, parent: str) -> Selector:
    """The selector of one label of the list, printed as a single citation prints it."""
    unit = singular_unit(sel.unit)  # "new Sections 3.2 and 3.3": Section
    printed = f"{unit} {label}" + (f" of {parent}" if parent else "")
    scope = printed if sel.kind == "words" else sel.scope
    return replace(sel, printed=printed, labels=(label,), unit=unit, scope=scope)


def _texts(c: Change, ones: list[Selector]) -> list[Payload]:
    """Each provision's part of the new text, found by the label it begins with."""
    try:
        targets = tuple(Target(parse_citation(_cited(one))) for one in ones)
    except ConformedError as e:
        raise PayloadError(f"the new text cannot be divided among {c.selector.printed}: {e}") from e
    parts = parts_by_label(c.payload.text, targets)
    return [replace(c.payload, text=parts[t.citation.last]) for t in targets]


def _cited(one: Selector) -> str:
    """ "Clause (c) of Section 4.3" as the agreement cites it: Section 4.3(c)."""
    label = one.labels[0]
    return f"{one.scope}{label}" if label.startswith("(") and one.scope else one.printed
