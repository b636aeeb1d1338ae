"""Labels renumber in their own style; citations reduce to keys and print back."""

from __future__ import annotations

import pytest

from conformed.citation import join_labels, label_candidates, parse_citation, parse_label
from conformed.io.text import read_fragment
from helpers import TESTS, load_yaml

DATA = TESTS / "data" / "labels.yaml"
LABELS = load_yaml(DATA) if DATA.exists() else {}


def _reading(label: str, neighbour: str | None):
    """The reading of ``label`` that continues from ``neighbour`` (as the reader does)."""
    options = label_candidates(label)
    for option in options:
        for other in label_candidates(neighbour or ""):
            if option.shape == other.shape and abs(option.value - other.value) == 1:
                return option
    return options[0]


@pytest.mark.skipif(not LABELS, reason="no label cases")
@pytest.mark.parametrize(
    "case", LABELS.get("labels", []), ids=lambda c: f"{c['label']}"
)  # fmt: skip
def test_renumbering_in_its_own_style(case: dict) -> None:
    label = _reading(case["label"], case.get("previous") or case.get("next"))
    if case.get("next"):
        assert label.with_value(label.value + 1).text == case["next"]
    if case.get("previous"):
        assert label.with_value(label.value - 1).text == case["previous"]


@pytest.mark.skipif(not LABELS, reason="no label cases")
@pytest.mark.parametrize("sequence", LABELS.get("sequences", []), ids=lambda s: " ".join(s))
def test_sequences_read_as_one_style(sequence: list[str]) -> None:
    text = "\n\n".join(f"{label} Clause number {i}." for i, label in enumerate(sequence))
    nodes = read_fragment(text)
    assert [n.label_text for n in nodes] == sequence
    assert len({n.label.shape for n in nodes if n.label}) == 1
    values = [n.label.value for n in nodes if n.label]
    assert values == list(range(values[0], values[0] + len(values)))


@pytest.mark.parametrize(
    "printed, keys, label_text",
    [
        ("Subsection 5(c)", ("5", "c"), "5(c)"),
        ("subsection 2.g.ii.", ("2", "g", "ii"), "2.g.ii."),
        ("Section 6.9(e)", ("6.9", "e"), "6.9(e)"),
        ("Section 1.1", ("1.1",), "1.1"),
        ("5(g)(ii)", ("5", "g", "ii"), "5(g)(ii)"),
        ("Section 9", ("9",), "9"),
    ],
)
def test_citation_keys(printed: str, keys: tuple[str, ...], label_text: str) -> None:
    citation = parse_citation(printed)
    assert citation.keys == keys
    assert citation.label_text == label_text


@pytest.mark.parametrize(
    "labels, printed",
    [
        (["2.", "g.", "ii."], "2.g.ii."),
        (["5.", "(g)", "(ii)"], "5(g)(ii)"),
        (["6.9", "(e)"], "6.9(e)"),
        (["Section 4.", "(a)"], "4(a)"),
    ],
)
def test_join_labels_in_document_style(labels: list[str], printed: str) -> None:
    assert join_labels(labels) == printed


def test_label_parsing_rejects_words() -> None:
    assert parse_label("Inc.") is None
    assert parse_label("Code.") is None
    assert parse_label("Section 1000.").value == 1000  # labels of any length are labels


def test_a_year_that_starts_a_wrapped_line_is_not_a_provision() -> None:
    """ "2007." is a possible label; only the sequence decides, so a year that a wrap puts at
    the start of a line stays text of the provision it is in."""
    nodes = read_fragment(
        "1. Term. This Agreement begins on January 1,\n"
        "2007. It ends when either party gives notice.\n\n"
        "2. Notices. Notices are given in writing."
    )
    assert [n.label_text for n in nodes] == ["1.", "2."]
    assert "2007. It ends" in nodes[0].text
