"""Provision by provision: which amendment item changed it, and how."""

from __future__ import annotations

from typing import Any

from .definitions import term_of
from .document import Document


def history(doc: Document) -> list[dict[str, Any]]:
    """Every changed provision (definitions and exhibits included), in document order."""
    out: list[dict[str, Any]] = []
    for path, node in doc.walk():
        if node.changes:
            name = doc.name_of(path) if node.label else f"{doc.name_of(path[:-1])}, definition"
            term = term_of(node)
            out.append(
                {
                    "provision": f'{name} "{term}"' if term else name,
                    "changes": [c.to_json() for c in node.changes],
                }
            )
    for name, change in doc.matter_changes:
        out.append({"provision": name, "changes": [change.to_json()]})
    return out
