"""Redlines: OLD against NEW, aligned by provision, then compared word by word."""

from __future__ import annotations

from .edits import Entry, Redline, compare
from .words import Segment

__all__ = ["Entry", "Redline", "Segment", "compare"]
