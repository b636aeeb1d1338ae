"""A provision renumbered twice by one item names, once, the label it had before the item."""

from __future__ import annotations

from pathlib import Path

from conformed import consolidate
from conformed.amendment import parse_amendment
from conformed.io.text import read_text_document
from helpers import load_yaml

CASE = Path(__file__).parent / "cases" / "several_sections_deleted_and_the_rest_renumbered.yaml"


def test_each_renumbered_section_names_its_label_before_the_item() -> None:
    case = load_yaml(CASE)
    result = consolidate(
        read_text_document(case["base"]), [parse_amendment(case["amendment"], "1")]
    )
    history = {
        result.document.name_of(path): [c.detail for c in node.changes]
        for path, node in result.document.walk()
        if node.changes
    }
    assert history["Section 3"] == ["Renumbered (formerly Section 5)"]
    assert history["Section 4"] == ["Renumbered (formerly Section 6)"]
