"""Operation kind -> apply function: one vocabulary from grammar rule to code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..document import Document
from .apply import apply_delete_provision, apply_insert_provision, apply_replace_provision
from .apply_definitions import (
    apply_delete_definition,
    apply_insert_definition,
    apply_replace_definition,
)
from .apply_text import (
    apply_replace_lead_in,
    apply_replace_paragraph,
    apply_replace_sentence,
    apply_text_edits,
)
from .context import Context
from .exhibits import apply_replace_exhibit

APPLY: dict[str, Callable[[Document, Any, Context], Document]] = {
    "replace_provision": apply_replace_provision,
    "delete_provision": apply_delete_provision,
    "insert_provision": apply_insert_provision,
    "replace_sentence": apply_replace_sentence,
    "replace_lead_in": apply_replace_lead_in,
    "replace_paragraph": apply_replace_paragraph,
    "replace_definition": apply_replace_definition,
    "delete_definition": apply_delete_definition,
    "insert_definition": apply_insert_definition,
    "text_edits": apply_text_edits,
    "replace_exhibit": apply_replace_exhibit,
}
