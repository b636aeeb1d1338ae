"""Words replaced throughout the agreement: what the report says of the headings."""

from __future__ import annotations

from conformed import consolidate, parse_amendment
from conformed.io.text import read_text_document

BASE = """INCENTIVE PLAN

This Plan is adopted by Halcyon Devices, Inc. (the "Company").

Section 1. Compensation Committee. The Compensation Committee administers the Plan.

Section 2. Awards. The Compensation Committee grants Awards.
"""


def _warnings(instruction: str) -> list[str]:
    amendment = parse_amendment(f"AMENDMENT\n\n1. {instruction}\n", source="amendment")
    result = consolidate(read_text_document(BASE), [amendment])
    (item,) = result.report.amendments[0].items
    assert item.status == "applied", item.message
    return list(item.warnings)


def test_headings_edited_each_place_are_not_said_to_be_left() -> None:
    """The new name prints the old one inside it; the heading was edited, and the report
    must not say it was left as it was."""
    said = _warnings(
        'The Plan is hereby amended by replacing each reference therein to "Compensation '
        'Committee" with "Talent and Compensation Committee".'
    )
    assert not [w for w in said if "headings" in w], said


def test_a_heading_left_by_an_edit_of_one_provision_is_said_to_be() -> None:
    said = _warnings(
        'Section 1 of the Plan is hereby amended by replacing "Compensation Committee" with '
        '"Board".'
    )
    assert any("heading of Section 1" in w for w in said), said
