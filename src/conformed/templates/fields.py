"""Typed reads of one executive's record, each bad value noted rather than raised.

Reading goes on after a bad value (with a stand-in) so that one pass over a
row finds every problem in it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from ..amendment import parse_date
from ..lazy_re import lazy_re

PRONOUNS = {
    "he": ("he", "him", "his"),
    "she": ("she", "her", "her"),
    "they": ("they", "them", "their"),
}
_WORD = lazy_re(r"^[A-Z][A-Za-z\-]*$")
_RANGE = lazy_re(r"^\s*(\d+)\s*[:=]\s*\(?a\)?\.?\s*(?:-|–|to|through)\s*\(?([a-z])\)?\.?\s*$")


class FieldReader:
    """Typed reads of one record; a bad value is noted in ``problems`` and read as a stand-in."""

    def __init__(self, raw: dict[str, Any], problems: list[str]) -> None:
        self.raw, self.problems = raw, problems

    def text(self, key: str) -> str:
        return " ".join(str(self.raw.get(key, "")).split())

    def word(self, key: str) -> str:
        value = self.text(key)
        if key in self.raw and not _WORD.match(value):
            self.problems.append(f"{key}: {value!r} should be one capitalised word")
        return value

    def date(self, key: str) -> dt.date:
        value = self.raw.get(key)
        if isinstance(value, dt.date):
            return value
        text = str(value or "").strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            found = parse_date(text)
            if found is None and key in self.raw:
                self.problems.append(f"{key}: not a date: {text!r} (use YYYY-MM-DD)")
            return found or dt.date.min

    def integer(self, key: str) -> int:
        text = str(self.raw.get(key, "0")).strip()
        if not text.isdigit() or int(text) < 1:
            if key in self.raw:
                self.problems.append(f"{key}: {text!r} is not a whole number of 1 or more")
            return 1
        return int(text)

    def boolean(self, key: str) -> bool:
        value = self.raw.get(key)
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("yes", "true", "y", "1"):
            return True
        if text not in ("no", "false", "n", "0") and key in self.raw:
            self.problems.append(f"{key}: {value!r} is not yes or no")
        return False

    def pronouns(self) -> tuple[str, str, str]:
        text = self.text("pronouns").lower()
        parts = tuple(p.strip() for p in text.split("/"))
        if len(parts) == 3 and all(p.isalpha() for p in parts):
            return (parts[0], parts[1], parts[2])
        if parts[0] in PRONOUNS:
            return PRONOUNS[parts[0]]
        if "pronouns" in self.raw:
            self.problems.append(
                f"pronouns: {text!r} (use he/him/his, she/her/her or they/them/their)"
            )
        return PRONOUNS["he"]

    def subsections(self, sections: int) -> tuple[tuple[str, int], ...]:
        """ "5: a-f; 2: a-d" (or a mapping {5: "a-f"}) -> (("5", 6), ("2", 4))."""
        value = self.raw.get("subsections", "")
        parts = (
            [f"{k}: {v}" for k, v in value.items()]
            if isinstance(value, Mapping)
            else re.split(r"[;,]", str(value))
        )
        out = []
        for part in filter(str.strip, parts):
            part = re.sub(r":\s*([a-z])$", r": a-\1", part.strip())  # "5: f" means a-f
            m = _RANGE.match(part)
            if not m or int(m.group(1)) > sections:
                self.problems.append(f"subsections: cannot read {part!r} (write e.g. '5: a-f')")
                continue
            out.append((m.group(1), ord(m.group(2)) - ord("a") + 1))
        return tuple(out)
