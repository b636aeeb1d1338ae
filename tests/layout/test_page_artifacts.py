"""Page artifacts a law firm's document system stamps: its document number at each page's
foot, in the forms firms print it, dropped when printed twice or more -- and never a line of
the agreement's own that only looks like one (a year's range, a label, a figure)."""

from __future__ import annotations

import pytest

from conformed.layout.rules.page_artifact import page_artifacts, page_marks


def _pages(stamp: str) -> list[str]:
    lines: list[str] = []
    for n in range(1, 4):
        lines += [f"{n}. The Tenant shall keep the Boathouse in repair.", "", stamp, "", ""]
    return lines


@pytest.mark.parametrize(
    "stamp",
    [
        "4838-2291-0476.3",
        "4861-3307-2215.v6",
        "LON-DOCS\\48812376.4",
        "NY:1234567.2",
        "#91234567v2",
        "US_ACTIVE-187230466.4",
        "[First Amendment to Boathouse Lease]",
        "[Signature Page to Boathouse Lease]",
    ],
)
def test_a_document_number_printed_on_every_page_is_an_artifact(stamp: str) -> None:
    lines = _pages(stamp)
    assert {lines[i] for i in page_artifacts(lines)} == {stamp}


@pytest.mark.parametrize(
    "line",
    ["2025-2026", "12,500,000", "4.1.1", "Section 4.02", "[Reserved]", "[Intentionally Omitted]"],
)
def test_lines_of_the_agreement_that_look_like_one_are_kept(line: str) -> None:
    lines = _pages(line)
    assert page_artifacts(lines) == set()


def test_a_number_printed_once_is_kept() -> None:
    lines = ["1. The Tenant shall keep the Boathouse in repair.", "", "4861-3307-2215.v6"]
    assert page_artifacts(lines) == set()


def _amendment_pages(footer: str) -> list[str]:
    lines: list[str] = []
    for n in range(1, 4):
        lines += [f'{n}. Section {n}.1 of the Plan is amended by deleting the word "may".', ""]
        lines += ["", f"           {footer}", f"              Page {n} of 3", ""]
    return lines


def test_a_title_printed_over_each_page_number_is_a_page_mark() -> None:
    lines = _amendment_pages("Harrow Orchards Plan - First Amendment")
    marked = {lines[i].strip() for i in page_marks(lines)}
    assert "Harrow Orchards Plan - First Amendment" in marked
    assert not any(m.startswith(("1.", "2.", "3.")) for m in marked)


def test_a_line_naming_the_plan_that_no_page_number_is_beside_is_kept() -> None:
    """The same heading twice, as an amendment repeats its own headings, but with no page
    number beside it: the amendment's words, not a footer."""
    lines = ["Amendment to the Plan", "", "1. Text.", "", "Amendment to the Plan", "", "2. Text."]
    assert page_marks(lines) == set()
