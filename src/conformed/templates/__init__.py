"""Drafting: amendments generated from Jinja2 templates and executive data, proven by round trip.

``load_rows`` reads and validates the data, ``render`` drafts one executive's
amendment, and ``check_draft`` parses that draft with our own grammar, applies
it to the base agreement and holds the result to the data.
"""

from .check import CheckResult, check_draft
from .data import DraftDataError, Executive, Row, load_rows
from .render import Draft, DraftTemplateError, draft, render, render_draft, template_for

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
