"""The JSON report: a public contract (see README, "The report").

Top level ``amendments``; each with ``source``, ``title``, ``effective_date``
and ``items``; each item with ``number``, ``status`` (applied, failed,
no_text_change; parsed for ``conformed parse``), ``message``, ``warnings`` and
``operations`` (``action``, ``kind``, ``target``).  Fields may be added, never
removed or renamed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, cast

from .errors import AmendmentError, InstructionParseError

APPLIED = "applied"
FAILED = "failed"
NO_TEXT_CHANGE = "no_text_change"
PARSED = "parsed"


@dataclass
class ItemReport:
    number: str
    status: str = FAILED
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    operations: list[dict[str, str]] = field(default_factory=list)
    reason: str = ""  # machine-readable cause of a failure
    line: int = 0
    end_line: int = 0  # the item's last line, its new text included
    # a failed item of several amending sentences: what the ones that parsed were read as
    # (never applied: the item fails whole)
    read: list[dict[str, str]] = field(default_factory=list)

    def fail(self, exc: AmendmentError, amendment: str, span: str = "") -> None:
        """Record why this item failed, the message naming amendment, item and text."""
        exc.located(amendment=amendment, item=self.number)
        if span and not exc.span:
            exc.span = span
        self.status, self.message, self.reason = FAILED, str(exc), exc.reason
        if isinstance(exc, InstructionParseError) and exc.read:
            from .operations import Operation, describe

            self.read = [e for op in exc.read for e in describe(cast(Operation, op))]


@dataclass
class AmendmentReport:
    source: str
    title: str
    effective_date: str | None
    label: str = ""
    date: str | None = None
    agreement: str = ""
    items: list[ItemReport] = field(default_factory=list)
    # how the amendment's text was read (a passage printed twice, read once); added by issue 11
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[ItemReport]:
        return [i for i in self.items if i.status == FAILED]


@dataclass
class Report:
    amendments: list[AmendmentReport] = field(default_factory=list)
    base: str = ""
    stale_references: list[dict[str, str]] = field(default_factory=list)
    references_updated: bool = False
    warnings: list[str] = field(default_factory=list)  # about the chain as a whole
    as_of: str | None = None
    not_yet_effective: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(a.failed for a in self.amendments)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = plain(self)
        for amendment in data["amendments"]:
            for item in amendment["items"]:
                if not item["reason"]:
                    del item["reason"]
                if not item["read"]:
                    del item["read"]
        return data


_ATOMIC = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``dataclasses.asdict``'s value for the reports' types (dataclasses, lists, tuples,
    dicts, strings and numbers), without a ``deepcopy`` call for every string: a batch
    turns a report and an outcome into JSON for every agreement.  Any other value is
    deep-copied, as asdict copies it."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(plain(v) for v in value)
    if hasattr(kind, "__dataclass_fields__") and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return copy.deepcopy(value)
