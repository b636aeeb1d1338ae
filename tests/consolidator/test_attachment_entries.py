"""An entry added at the end of a schedule is printed as the schedule prints its entries.

The case files compare conformed copies word by word; where a new line goes (after a blank
line or straight under the last entry) is white space, so it is checked here on the lines.
"""

from __future__ import annotations

from pathlib import Path

from conformed import consolidate, parse_amendment, render_document
from conformed.io.text import read_text_document
from helpers import load_yaml

CASES = Path(__file__).parent / "cases"


def _conformed(name: str) -> list[str]:
    case = load_yaml(CASES / name)
    result = consolidate(read_text_document(case["base"]), [parse_amendment(case["amendment"])])
    assert result.ok
    return render_document(result.document, "text").rstrip().splitlines()


def test_a_list_printed_a_line_each_gets_a_line() -> None:
    lines = _conformed("a_title_added_to_a_schedule_printed_line_by_line.yaml")
    assert lines[-4:] == [
        "Chief Executive Officer",
        "Chief Financial Officer",
        "General Counsel",
        "Chief Technology Officer",
    ]


def test_entries_printed_as_paragraphs_get_a_paragraph() -> None:
    lines = _conformed("each_reference_therein_and_an_entry_added_to_a_schedule.yaml")
    assert lines[-3:] == [
        "Tamsworth Storage, LLC, a Texas limited liability company",
        "",
        "Tamsworth Gathering, LLC, a Texas limited liability company",
    ]


def test_lines_replaced_in_a_schedule_keep_its_spacing() -> None:
    lines = _conformed("lines_of_a_schedule_named_by_their_words.yaml")
    assert lines[-7:] == [
        "SITES",
        "",
        "Dock 4 (Portsmouth), berths 1 to 3",
        "",
        "Dock 5 (Portsmouth), berths 1 to 4",
        "",
        "Warehouse 9 (Chesapeake)",
    ]
