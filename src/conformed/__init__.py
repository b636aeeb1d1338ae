"""conformed: conformed copies of agreements from their amendments.

The two data types in the middle are the document tree (:mod:`conformed.document`)
and the operations (:mod:`conformed.operations`); everything else reads or
writes them.
"""

from .amendment import Amendment, parse_amendment, read_amendment
from .consolidator import Consolidation, consolidate
from .document import Document, Provision
from .io import read_document, render_document

__all__ = [
    "Amendment",
    "Consolidation",
    "Document",
    "Provision",
    "consolidate",
    "parse_amendment",
    "read_amendment",
    "read_document",
    "render_document",
]
__version__ = "0.1.0"
