"""The provision tree as JSON, for tools and for checking structure in tests."""

from __future__ import annotations

import json
from typing import Any

from ..document import Document, Path, Provision


def write_json(doc: Document) -> str:
    return json.dumps(tree_to_json(doc), indent=2, ensure_ascii=False) + "\n"


def tree_to_json(doc: Document) -> dict[str, Any]:
    return {
        "name": doc.name,
        "front": "\n".join(doc.front),
        "body": [_node(doc, (i,), p) for i, p in enumerate(doc.body)],
        "back": "\n".join(doc.back),
    }


def _node(doc: Document, path: Path, p: Provision) -> dict[str, Any]:
    data: dict[str, Any] = {
        "label": p.label_text,
        "citation": doc.cite(path),
        "heading": p.heading,
        "text": p.text,
    }
    if p.children:
        data["children"] = [_node(doc, (*path, i), c) for i, c in enumerate(p.children)]
    if p.trailing:
        data["trailing"] = p.trailing
    if p.changes:
        data["changes"] = [c.to_json() for c in p.changes]
    return data
