"""conformed: conformed copies of agreements from their amendments.

The two data types in the middle are the document tree (:mod:`conformed.document`)
and the operations (:mod:`conformed.operations`); everything else reads or
writes them.  The names below are imported on first use, so that a command
(or ``conformed --help``) loads only what it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .amendment import (
        Amendment,
        parse_amendment,
        parse_amendments,
        read_amendment,
        read_amendments,
    )
    from .consolidator import Consolidation, consolidate
    from .document import Document, Provision
    from .io import read_document, render_document

_HOME = {
    "Amendment": ".amendment",
    "parse_amendment": ".amendment",
    "read_amendment": ".amendment",
    "parse_amendments": ".amendment",
    "read_amendments": ".amendment",
    "Consolidation": ".consolidator",
    "consolidate": ".consolidator",
    "Document": ".document",
    "Provision": ".document",
    "read_document": ".io",
    "render_document": ".io",
}
__all__ = [
    "Amendment",
    "Consolidation",
    "Document",
    "Provision",
    "consolidate",
    "parse_amendment",
    "parse_amendments",
    "read_amendment",
    "read_amendments",
    "read_document",
    "render_document",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'conformed' has no attribute {name!r}")
    value = getattr(import_module(_HOME[name], __name__), name)
    globals()[name] = value
    return value
