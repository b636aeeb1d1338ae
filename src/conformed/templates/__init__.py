"""Drafting: amendments generated from Jinja2 templates and executive data, proven by round trip.

``load_rows`` reads and validates the data, ``render`` drafts one executive's
amendment, and ``check_draft`` parses that draft with our own grammar, applies
it to the base agreement and holds the result to the data.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .check import CheckResult, check_draft
    from .data import DraftDataError, Executive, Row, load_rows
    from .drafting import Draft, DraftTemplateError, draft, render, render_draft, template_for

_HOME = {
    "CheckResult": ".check",
    "check_draft": ".check",
    "DraftDataError": ".data",
    "Executive": ".data",
    "Row": ".data",
    "load_rows": ".data",
    "Draft": ".drafting",
    "DraftTemplateError": ".drafting",
    "draft": ".drafting",
    "render": ".drafting",
    "render_draft": ".drafting",
    "template_for": ".drafting",
}
__all__ = [
    "CheckResult",
    "Draft",
    "DraftDataError",
    "DraftTemplateError",
    "Executive",
    "Row",
    "check_draft",
    "draft",
    "load_rows",
    "render",
    "render_draft",
    "template_for",
]


def __getattr__(name: str) -> Any:  # imported on first use: Jinja2 and docx load only then
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name], __name__), name)
    globals()[name] = value
    return value
