"""An amendment parsed: every item's operation, or why it has none, before anything is applied.

Parse, then apply.  ``parse_instructions`` reads each item of an :class:`Amendment`
(the layout engine's reading) through the grammar once, and the result is a value
of its own: ``conformed parse`` prints it, ``consolidate`` applies it, and a failure
to parse is known -- with the item and the reason -- before the first change is made.
Reading an instruction does not depend on the agreement, only on the amendment.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .amendment import Amendment
from .errors import AmendmentError, InstructionParseError
from .grammar.interpret import interpret
from .grammar.no_text_change import changing_clause
from .layout.items import Item
from .lazy_re import lazy_re
from .operations import Operation
from .report import FAILED, AmendmentReport, ItemReport

# Unquoted new text: EDGAR underline debris ("Loans ------ shall") is not text.
_UNDERLINE = lazy_re(r"\s-{3,}(?=\s+[a-z])")


@dataclass(frozen=True)
class ParsedItem:
    """One item as read: its operation (which may be "no text change") or its error."""

    item: Item
    ancestors: tuple[Item, ...]
    operation: Operation | None
    error: AmendmentError | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def number(self) -> str:
        return self.item.number


@dataclass(frozen=True)
class ParsedAmendment:
    amendment: Amendment
    items: tuple[ParsedItem, ...]

    @property
    def failed(self) -> list[ParsedItem]:
        return [p for p in self.items if p.error is not None]


def parse_instructions(amendment: Amendment | ParsedAmendment) -> ParsedAmendment:
    """Every applied item of ``amendment`` through the grammar, in order."""
    if isinstance(amendment, ParsedAmendment):
        return amendment
    items = []
    seen: set[int] = set()
    for item, ancestors in amendment.leaves():
        for umbrella in ancestors:  # an item whose sub-items amend: only that, or it fails
            if id(umbrella) in seen:
                continue
            seen.add(id(umbrella))
            said = changing_clause(umbrella.instruction, umbrella=True)
            if said is not None:
                error = InstructionParseError(
                    f'the item says more than that the items under it amend ("{said[:80]}"): '
                    "that change is in none of them",
                    span=umbrella.instruction,
                )
                items.append(ParsedItem(umbrella, (), None, error))
        notes = list(item.notes)
        item, cleaned = _cleaned(item)
        warnings = [*notes, *cleaned]
        try:
            op = interpret(item, ancestors, agreement=amendment.agreement_called)
        except AmendmentError as exc:
            items.append(ParsedItem(item, ancestors, None, exc, tuple(warnings)))
            continue
        items.append(ParsedItem(item, ancestors, op, None, tuple(warnings)))
    return ParsedAmendment(amendment, tuple(items))


def _cleaned(item: Item) -> tuple[Item, list[str]]:
    if item.quoted or not item.payload:
        return item, []
    payload, count = _UNDERLINE.subn("", item.payload)
    if not count:
        return item, []
    note = f"removed {count} run(s) of dashes left by underlining from the new text"
    return replace(item, payload=payload), [note]


# --- the report of an amendment as parsed (``conformed parse``; ``consolidate`` adds
# what applying did)


def amendment_report(amendment: Amendment) -> AmendmentReport:
    return AmendmentReport(
        source=amendment.source,
        title=amendment.title,
        effective_date=iso(amendment.effective_date),
        label=amendment.label,
        date=iso(amendment.date),
        agreement=amendment.agreement_name,
        warnings=list(amendment.notes),
    )


def failed_item(problem: Exception, amendment: Amendment) -> ItemReport:
    number = getattr(problem, "item", "") or "?"
    message = str(problem)
    if isinstance(problem, AmendmentError):
        problem.located(amendment=amendment.label)
        message = str(problem)
    line = getattr(problem, "line", 0)
    return ItemReport(
        number=number, status=FAILED, message=message, reason="structure", line=line, end_line=line
    )


def iso(value: object) -> str | None:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else None
