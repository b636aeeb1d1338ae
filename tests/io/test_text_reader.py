"""The plain-text reader on the corpus: structure the amendments imply, and fidelity."""

from __future__ import annotations

import pytest

from conformed import read_document
from conformed.io.text import read_fragment, write_text
from conformed.layout.lines import is_page_number
from helpers import CORPUS

BASES = sorted(p.name for p in (CORPUS / "bases").glob("*.txt")) + [
    f"../variants/{p.name}" for p in (CORPUS / "variants").glob("*.base.txt")
]


@pytest.mark.parametrize("name", BASES)
def test_untouched_document_writes_back_byte_for_byte(name: str) -> None:
    """Reading and writing an agreement changes nothing but the page-number lines."""
    path = CORPUS / "bases" / name
    raw = path.read_text()
    out = write_text(read_document(path))
    kept = [line.rstrip() for line in raw.splitlines() if not is_page_number(line)]
    got = out.splitlines()
    assert " ".join(got).split() == " ".join(kept).split()
    # Line for line, except where a page break's blank lines were folded.
    assert [x for x in got if x.strip()] == [x for x in kept if x.strip()]


@pytest.mark.parametrize(
    "name, sections, counts",
    [
        ("kopyt_severance_2002.txt", 14, {"1": 5, "2": 4}),
        ("kopyt_termination_benefits_1997.txt", 10, {"5": 6}),
        ("../variants/severance_variant.base.txt", 14, {"1": 5, "2": 4}),
        ("../variants/termination_variant.base.txt", 10, {"5": 6}),
        ("../variants/severance_v3.base.txt", 14, {"1": 5, "2": 4}),
        ("../variants/termination_v4.base.txt", 10, {"5": 6}),
    ],
)
def test_structure_matches_what_the_amendments_imply(
    name: str, sections: int, counts: dict[str, int]
) -> None:
    doc = read_document(CORPUS / "bases" / name)
    assert [p.key for p in doc.body] == [str(n) for n in range(1, sections + 1)]
    for key, n in counts.items():
        section = next(p for p in doc.body if p.key == key)
        assert len(section.children) == n
    assert "IN WITNESS WHEREOF" in "\n".join(doc.back)
    assert any("EXHIBIT" in line for line in doc.back)  # the exhibit is matter, not Sections


def test_headings_and_legal_fees_section() -> None:
    doc = read_document(CORPUS / "bases" / "kopyt_termination_benefits_1997.txt")
    fees = doc.body[7]
    assert (fees.label_text, fees.heading) == ("8.", "Legal Fees.")
    assert fees.text.startswith("The Company is aware")


@pytest.mark.parametrize(
    "text, outline",
    [
        ("(g)(i) Notwithstanding the foregoing. (ii) If payment is delayed.", "(g)[(i) (ii)]"),
        (
            "g. i. Notwithstanding the foregoing.\n\n ii. If payment.\n\n iii. In the event.",
            "g.[i. ii. iii.]",
        ),
        (
            "6. Certain Increases in Payment. (a) Gross-up Payment. Text. (b) Determination. "
            "Text. (c) Fees and Expenses. Text.",
            "6.[(a) (b) (c)]",
        ),
        ("(h) Alpha text.\n\n(i) Still alphabetic.\n\n(j) Next.", "(h) (i) (j)"),
        ("(c) For a period of three\n(3) years following termination.", "(c)"),
        ("Section 409A of the Code. This Agreement is intended to comply.", "-"),
    ],
)
def test_fragment_outline(text: str, outline: str) -> None:
    def show(nodes) -> str:
        parts = []
        for n in nodes:
            inner = f"[{show(n.children)}]" if n.children else ""
            parts.append((n.label_text or "-") + inner)
        return " ".join(parts)

    assert show(read_fragment(text)) == outline


def test_unlabelled_fragment_keeps_heading() -> None:
    (node,) = read_fragment("Section 409A of the Code. This Agreement is intended to comply.")
    assert node.heading == "Section 409A of the Code."
    assert node.text == "This Agreement is intended to comply."


def test_roman_i_after_h_is_alphabetic() -> None:
    nodes = read_fragment("(h) Alpha.\n\n(i) Still alphabetic.\n\n(j) Next.")
    assert [n.label.style.value for n in nodes if n.label] == ["lower-alpha"] * 3
