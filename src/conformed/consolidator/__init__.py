"""Apply amendments in order: base document -> Consolidation(document, report).

Pure: the base document is never mutated, and every item is applied against
the state the previous items left.  An item that cannot be applied is
reported as ``failed`` with the reason and leaves the document as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..amendment import Amendment
from ..definitions import DefinedTerms, defined_terms, terms_defined_in
from ..document import Document
from ..errors import AmbiguousTarget, AmendmentError, PayloadError
from ..operations import NoTextChange, Operation, describe
from ..parsed import ParsedAmendment, amendment_report, failed_item, iso, parse_instructions
from ..report import APPLIED, NO_TEXT_CHANGE, ItemReport, Report
from .context import Context
from .exhibits import AttachmentMissing, attachments_in, exhibit_key
from .heading_article import in_heading_article
from .instruments import front_words, heading_instruments, instruments_named, named_elsewhere
from .references import find_stale_references, update_references
from .registry import APPLY


@dataclass(frozen=True)
class Consolidation:
    document: Document
    report: Report

    @property
    def ok(self) -> bool:
        return self.report.ok


def consolidate(
    base: Document,
    amendments: Sequence[Amendment | ParsedAmendment],
    *,
    omitted_text: str = "[Intentionally Omitted]",
    rewrite_references: bool = False,
    base_name: str = "",
    attachments: dict[str, str] | None = None,
    as_of: dt.date | None = None,
) -> Consolidation:
    doc = base
    report = Report(base=base_name, as_of=iso(as_of))
    earlier: list[dict[int, tuple[str, ...]]] = []
    readings = [parse_instructions(a) for a in amendments]  # parse every item, then apply
    parsed_by = {id(r.amendment): r for r in readings}
    ordered, warnings = in_effect_order([r.amendment for r in readings])
    report.warnings += warnings
    if as_of is not None:
        later = [a for a in ordered if (a.effective_date or a.date or as_of) > as_of]
        report.not_yet_effective = [a.source for a in later]
        ordered = [a for a in ordered if a not in later]
    for amendment in ordered:
        start = {node.uid: doc.key_path(path) for path, node in doc.walk()}
        cites = {node.uid: doc.name_of(path) for path, node in doc.walk()}
        areport = amendment_report(amendment)
        report.amendments.append(areport)
        supplied = {**attachments_in(amendment.signature), **_keyed(attachments or {})}
        for problem in amendment.problems:
            areport.items.append(failed_item(problem, amendment))
        terms = _Terms(doc)
        # no short name for the agreement in the amendment: the items' instruments are told
        # from it by the agreement's own title and opening
        front = frozenset() if amendment.agreement_name else front_words(base)
        label = amendment.label  # once, not once per item: a property that formats a date
        for parsed in parsed_by[id(amendment)].items:
            item = parsed.item
            ireport = ItemReport(number=item.number, line=item.line, end_line=item.end_line)
            areport.items.append(ireport)
            ctx = Context(
                amendment=label,
                item=item.number,
                start=start,
                earlier=list(earlier),
                start_cites=cites,
                omitted_text=omitted_text,
                attachments=supplied,
            )
            for note in parsed.warnings:
                ctx.warn(note)
            try:
                if parsed.error is not None:
                    raise parsed.error
                assert parsed.operation is not None
                op = parsed.operation
                ireport.operations = describe(op)
                named = instruments_named(item.instruction)
                named += heading_instruments([a.instruction for a in parsed.ancestors])
                elsewhere = named_elsewhere(named, front)
                if elsewhere and not isinstance(op, NoTextChange):
                    raise PayloadError(
                        f"the item amends the {elsewhere}, which the agreement's title and "
                        "opening never name; nothing was applied"
                    )
                noted = list(ctx.warnings)
                try:
                    doc = apply_operation(doc, op, ctx, ireport)
                except AmbiguousTarget:
                    scoped = in_heading_article(op, parsed.ancestors)
                    if scoped is None:
                        raise
                    op, ctx.warnings = scoped, noted  # the first try's doc is dropped whole
                    ireport.operations = describe(op)
                    doc = apply_operation(doc, op, ctx, ireport)
                terms.check(op, ctx)
            except AmendmentError as exc:
                if isinstance(exc, AttachmentMissing):
                    doc = exc.partial  # never keep a superseded exhibit silently
                ireport.fail(exc, label, span=item.text)
            ireport.warnings = ctx.warnings
        earlier.append(start)
    stale = find_stale_references(base, doc)
    if rewrite_references and stale:
        doc = update_references(doc, stale)
        report.references_updated = True
    report.stale_references = [s.to_json() for s in stale]
    return Consolidation(doc, report)


def in_effect_order(amendments: list[Amendment]) -> tuple[list[Amendment], list[str]]:
    """Amendments in order of effective date (stable); a warning if that is not the given order."""
    warnings = [
        f"{a.source}: no effective date found; applied in the order given"
        for a in amendments
        if (a.effective_date or a.date) is None
    ]
    dated = [a for a in amendments if (a.effective_date or a.date) is not None]
    by_date = sorted(dated, key=lambda a: a.effective_date or a.date or dt.date.min)
    if by_date != dated:
        order = "; ".join(f"{a.label} ({iso(a.effective_date or a.date)})" for a in by_date)
        warnings.append(f"amendments were given out of order; applied by effective date: {order}")
    merged = iter(by_date)
    ordered = [a if (a.effective_date or a.date) is None else next(merged) for a in amendments]
    return ordered, warnings


def apply_operation(doc: Document, op: Operation, ctx: Context, ireport: ItemReport) -> Document:
    if isinstance(op, NoTextChange):
        ireport.status, ireport.message = NO_TEXT_CHANGE, op.reason
        return doc
    new = APPLY[type(op)](doc, op, ctx)
    ireport.status = APPLIED
    ireport.message = "; ".join(f"{o['action']} {o['target']}" for o in ireport.operations)
    return new


class _Terms:
    """The terms the agreement defines, for the near-miss warning on new text: read once
    per amendment and grown by each item's new text, not re-read from the whole agreement
    after every item (which made a 5,000-item amendment quadratic)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.defined: DefinedTerms | None = None

    def check(self, op: Operation, ctx: Context) -> None:
        """Warn about capitalised terms in new text that nearly match a defined term."""
        text = getattr(op, "text", "")
        if not text:
            return
        if self.defined is None:
            self.defined = DefinedTerms(defined_terms([node for _, node in self.doc.walk()]))
        self.defined.add(terms_defined_in(text))
        for phrase, term in self.defined.near_misses(text):
            ctx.warn(f'"{phrase}" is not defined in the agreement; did the drafter mean "{term}"?')


def _keyed(attachments: dict[str, str]) -> dict[str, str]:
    return {exhibit_key(name): text for name, text in attachments.items()}


__all__ = ["Consolidation", "consolidate"]
