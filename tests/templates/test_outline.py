"""The outline: what each item calls a provision, and what the finished numbering will be."""

from __future__ import annotations

import pytest

from conformed.templates.labels import LabelStyle
from conformed.templates.outline import Outline, OutlineError

PAREN, DOTTED = LabelStyle("5(b)"), LabelStyle("2.b.")


def termination_items(outline: Outline) -> list[str]:
    """Items 1-9 of the Termination Benefits form, as the macros ask them."""
    printed = []
    for step in (
        lambda: outline.replace(["5", "a"]),
        lambda: outline.delete(["5", "c"]),
        lambda: outline.replace(["5", "d"]),
        lambda: outline.insert(after=["5", "d"], name="insurance"),
        lambda: outline.insert(after="insurance", name="benefits"),
        lambda: outline.replace(["5", "f"]),
        lambda: outline.insert(after="5", name="gross_up"),
        lambda: outline.sentence("8"),
        lambda: outline.insert(end_of="", name="section_409a", renumber=False),
    ):
        outline.item()
        t = step()
        printed.append(
            f"{t.name}{' as renumbered' if t.as_renumbered else ''} {t.formerly}".strip()
        )
    return printed


def test_seed_numbering_is_derived_from_the_data() -> None:
    outline = Outline(PAREN, 10, {"5": 6})
    assert termination_items(outline) == [
        "subsection 5(a)",
        "subsection 5(c)",
        "subsection 5(c) as renumbered subsection 5(d)",
        "subsection 5(d) as renumbered",
        "subsection 5(e) as renumbered",
        "subsection 5(g) as renumbered subsection 5(f)",
        "Section 6",
        "Section 9 as renumbered Section 8",
        "Section 12",
    ]


def test_second_pass_knows_the_final_numbering() -> None:
    first = Outline(DOTTED, 10, {"5": 7})
    termination_items(first)
    second = Outline(DOTTED, 10, {"5": 7}, final=first.final_keys())
    assert second.cite(["5", "f"]) == "5.g." and second.cite(["5", "g"]) == "5.h."
    assert second.cite("benefits") == "5.e." and second.label("insurance") == "d."
    assert second.cite(["5", "f"], "ii") == "5.g.ii."  # cited before item 6 replaces it
    assert second.span(["5", "a"], "benefits") == ["5.a.", "b.", "c.", "d.", "e."]
    assert second.cite("8") == "9" and second.name("gross_up") == "Section 6"


def test_citing_what_is_gone_or_never_was_is_an_error() -> None:
    outline = Outline(PAREN, 10, {"5": 6})
    outline.item()
    outline.delete(["5", "c"])
    with pytest.raises(OutlineError, match=r"subsection 5\(c\), which item 1 deleted"):
        outline.replace(["5", "c"])  # the old (c) is gone; (d) is now called (c)
    with pytest.raises(OutlineError, match="whose subsections the data does not list"):
        outline.insert(end_of="4")
    with pytest.raises(OutlineError, match="numbering does not have"):
        outline.replace(["6", "a"])
