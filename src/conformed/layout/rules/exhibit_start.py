"""Exhibits, schedules and annexes printed after the agreement: back matter, kept as printed."""

from __future__ import annotations

import re

from ...lazy_re import lazy_re
from ..convention import CONVENTION

_START = lazy_re(
    rf"^\s*(?P<word>{CONVENTION.unit_pattern('attachment')})\s+[A-Z0-9][A-Za-z0-9.\-]*"
    r"(?:\([A-Za-z0-9]{1,4}\))*\s*$",  # "SCHEDULE 6.1(g)"
    re.IGNORECASE,
)


def starts_attachment(raw: str) -> bool:
    """A line that is only "EXHIBIT A", "Schedule 6.11", "ANNEX I", "SCHEDULE 6.1(g)" (any
    attachment word)."""
    m = _START.match(raw)
    return m is not None and m.group("word")[0].isupper()
