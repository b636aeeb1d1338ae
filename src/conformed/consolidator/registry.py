"""Operation type -> apply function: one vocabulary from grammar rule to code.

Keyed by the operation's class rather than its report ``kind``, because the
plural forms ("Sections 5.1 and 5.2 ...") report the same kind as the singular.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .. import operations as ops
from ..change import Change, Selector
from ..document import Document
from ..errors import PayloadError
from .agreement import apply_marked_changes, apply_restate_agreement
from .apply import (
    apply_delete_provision,
    apply_insert_provision,
    apply_insert_provisions,
    apply_replace_clauses,
    apply_replace_provision,
    apply_replace_provisions,
)
from .apply_change import apply_change, apply_delete_renumbered, renumbers_after
from .apply_definitions import (
    apply_delete_definition,
    apply_insert_definition,
    apply_replace_definition,
)
from .apply_text import (
    apply_described_change,
    apply_replace_lead_in,
    apply_replace_paragraph,
    apply_replace_reading,
    apply_replace_sentence,
    apply_text_edits,
)
from .context import Context
from .exhibits import apply_add_to_exhibit, apply_insert_exhibits, apply_replace_exhibit

APPLY: dict[type, Callable[[Document, Any, Context], Document]] = {
    ops.ReplaceProvision: apply_replace_provision,
    ops.ReplaceProvisions: apply_replace_provisions,
    ops.DeleteProvision: apply_delete_provision,
    ops.InsertProvision: apply_insert_provision,
    ops.InsertProvisions: apply_insert_provisions,
    ops.ReplaceSentence: apply_replace_sentence,
    ops.ReplaceReading: apply_replace_reading,
    ops.ReplaceLeadIn: apply_replace_lead_in,
    ops.ReplaceParagraph: apply_replace_paragraph,
    ops.ReplaceDefinition: apply_replace_definition,
    ops.DeleteDefinition: apply_delete_definition,
    ops.InsertDefinition: apply_insert_definition,
    ops.TextEdits: apply_text_edits,
    ops.DescribedChange: apply_described_change,
    ops.ReplaceExhibit: apply_replace_exhibit,
    ops.InsertExhibits: apply_insert_exhibits,
    ops.ReplaceClauses: apply_replace_clauses,
    ops.AddToExhibit: apply_add_to_exhibit,
    ops.RestateAgreement: apply_restate_agreement,
    ops.MarkedChanges: apply_marked_changes,
}


def apply_steps(doc: Document, op: ops.Steps, ctx: Context) -> Document:
    """Each change of a compound item in the order written; any failure fails the item.
    A deletion followed by its own "renumbered accordingly" is one step."""
    steps = _freed_first(list(op.steps))
    k = 0
    while k < len(steps):
        step, then = steps[k], steps[k + 1] if k + 1 < len(steps) else None
        if isinstance(step, Change) and isinstance(then, Change) and renumbers_after(step, then):
            doc, k = apply_delete_renumbered(doc, step, then, ctx), k + 2
            continue
        doc, k = APPLY[type(step)](doc, step, ctx), k + 1
    return doc


def _freed_first(steps: list[ops.Operation]) -> list[ops.Operation]:
    """ "adding a new Section 3.3 ..., and redesignating current Section 3.3 as Section
    3.4": the existing provision moves out of the label before the new one takes it, in
    whichever order the item says them."""
    for k, step in enumerate(steps):
        if not (isinstance(step, Change) and step.verb == "renumber" and step.new_label):
            continue
        first = next(
            (
                j
                for j, s in enumerate(steps[:k])
                if isinstance(s, Change) and s.verb == "insert" and _same(s.selector, step.selector)
            ),
            None,
        )
        if first is not None:
            steps = [*steps[:first], step, *steps[first:k], *steps[k + 1 :]]
    return steps


def _same(a: Selector, b: Selector) -> bool:
    """The same thing cited, whichever instruments each clause happened to name."""
    return replace(a, documents=()) == replace(b, documents=())


def apply_in_part(doc: Document, op: ops.InPart, ctx: Context) -> Document:
    """Refused: the provision cited is one of another part, not of the agreement's body."""
    said = "; ".join(e["target"] for e in ops.describe(op))
    raise PayloadError(
        f"the item amends {said}: its heading item amends {op.part}, and provisions inside "
        "a schedule, an exhibit or another instrument are not conformed here; nothing was applied"
    )


APPLY[ops.Steps] = apply_steps
APPLY[ops.InPart] = apply_in_part
APPLY[Change] = apply_change
