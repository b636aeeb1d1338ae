"""The layout engine on invented documents, one layout per case file (markdown-it-py's fixtures).

Each cases/*.yaml holds a document as a drafter would lay it out and, written
by hand from that document, the outline it must be read as: one line per
provision, indented two spaces per level, ``LABEL [Heading]`` (``# HEADING``
for a heading with no number, ``-`` for an unlabelled paragraph such as a
definition).  ``notes`` lists what the reader must say it was unsure of, as
``kind@line``; ``front_ends`` and ``back_starts`` pin where the body begins and ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed.document import Document
from conformed.io.text import read_text_document
from helpers import load_yaml

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def outline(doc: Document) -> str:
    lines = []
    for path, node in doc.walk():
        pad = "  " * (len(path) - 1)
        heading = node.heading.rstrip(".:").strip()
        if node.kind == "heading":
            lines.append(f"{pad}# {heading}")
        elif node.label is None:
            lines.append(f"{pad}-" + (f" [{heading}]" if heading else ""))
        else:
            lines.append(f"{pad}{node.label_text}" + (f" [{heading}]" if heading else ""))
    return "\n".join(lines)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_layout(path: Path) -> None:
    case = load_yaml(path)
    doc = read_text_document(case["text"], name=path.name)
    assert outline(doc) == case["outline"].strip()
    if "notes" in case:
        assert sorted(f"{n.kind}@{n.line}" for n in doc.notes) == sorted(case["notes"])
    if "front_ends" in case:
        assert doc.front[-1].strip() == case["front_ends"]
    if "back_starts" in case:
        assert doc.back[0].strip() == case["back_starts"]
    for needle in case.get("text_of", {}).items():
        label, words = needle
        node = next(n for _, n in doc.walk() if n.label_text == label)
        assert words in node.text, (label, node.text)
