"""An entry added at the end of a schedule is printed as the schedule prints its entries.

The case files compare conformed copies word by word; where a new line goes (after a blank
line or straight under the last entry) is white space, so it is checked here on the lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed import consolidate, parse_amendment, render_document
from conformed.io.text import read_text_document
from helpers import load_yaml

CASES = Path(__file__).parent / "cases"


def _conformed(name: str) -> list[str]:
    case = load_yaml(CASES / name)
    result = consolidate(read_text_document(case["base"]), [parse_amendment(case["amendment"])])
    assert result.ok
    return render_document(result.document, "text").rstrip().splitlines()


# (case file, the conformed copy's last lines as they must print)
TAILS = [
    (  # a list printed a line each gets a line
        "a_title_added_to_a_schedule_printed_line_by_line.yaml",
        ["Chief Executive Officer", "Chief Financial Officer", "General Counsel",
         "Chief Technology Officer"],
    ),
    (  # entries printed as paragraphs get a paragraph
        "each_reference_therein_and_an_entry_added_to_a_schedule.yaml",
        ["Tamsworth Storage, LLC, a Texas limited liability company", "",
         "Tamsworth Gathering, LLC, a Texas limited liability company"],
    ),
    (  # lines replaced in a schedule keep its spacing
        "lines_of_a_schedule_named_by_their_words.yaml",
        ["SITES", "", "Dock 4 (Portsmouth), berths 1 to 3", "",
         "Dock 5 (Portsmouth), berths 1 to 4", "", "Warehouse 9 (Chesapeake)"],
    ),
]  # fmt: skip


@pytest.mark.parametrize("name, tail", TAILS, ids=[n.removesuffix(".yaml") for n, _ in TAILS])
def test_new_lines_print_as_the_schedule_prints_its_entries(name: str, tail: list[str]) -> None:
    assert _conformed(name)[-len(tail) :] == tail
