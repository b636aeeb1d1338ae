"""New definitions an amendment sets out, each quoted whole: the quotation's marks are not
the definition's, whether a space stands between them and the term's or not."""

from __future__ import annotations

import pytest

from conformed.definitions import split_definitions


@pytest.mark.parametrize(
    "block",
    [
        "\u201c\u201cKiln Date\u201d means the day the kiln is first fired.\u201d",
        "\u201c \u201cKiln Date\u201d means the day the kiln is first fired.\u201d",
        '"" Kiln Date " means the day the kiln is first fired."',
    ],
)
def test_a_definition_quoted_whole_loses_the_quotations_marks(block: str) -> None:
    ((term, paragraph),) = split_definitions(block)
    assert term == "Kiln Date"
    assert paragraph.endswith("first fired.")
    assert paragraph[0] in '\u201c"' and paragraph[1] not in '\u201c"'


def test_several_definitions_each_quoted_whole() -> None:
    block = (
        "\u201c\u201cGlaze Fee\u201d means the fee for glazing.\u201d\n\n"
        "\u201c\u201cKiln Date\u201d: the day the kiln is first fired.\u201d"
    )
    assert [t for t, _ in split_definitions(block)] == ["Glaze Fee", "Kiln Date"]
    assert all(not p.endswith("\u201d") for _, p in split_definitions(block))


def test_a_term_said_to_be_as_defined_elsewhere_is_a_definition_of_its_own() -> None:
    """'"Closing Date" as defined in Section 5 of the First Amendment.' among new definitions
    is one of them: read as more words of the definition before it, it would be added inside
    that definition and its own term would be in no report."""
    block = (
        '"First Amendment" means the First Amendment to the Pier Agreement.\n\n'
        '"First Amendment Effective Date" as defined in Section 5 of the First Amendment.\n\n'
        '"Pier Fee" means the fee set out in Schedule 2.'
    )
    assert [t for t, _ in split_definitions(block)] == [
        "First Amendment",
        "First Amendment Effective Date",
        "Pier Fee",
    ]


@pytest.mark.parametrize(
    ("paragraph", "term"),
    [
        ('The term "Plan Year" means the twelve months ending each June 30.', "Plan Year"),
        ('Berth Fee. The term "Berth Fee" shall mean the fee of Schedule 2.', "Berth Fee"),
        (
            "\u201c Pier Amendment . The term \u201cPier Amendment\u201d means the First Amendment "
            "to the Pier Agreement.\u201d",
            "Pier Amendment",
        ),
    ],
)
def test_a_definition_said_as_the_term_means(paragraph: str, term: str) -> None:
    """'The term "Plan Year" means ...', headed or not by the term, as plans and some loan
    agreements print their definitions: a new one so printed names its term in the report
    (it was reported as "definitions" of no term, and placed by none)."""
    assert [t for t, _ in split_definitions(paragraph)] == [term]
