"""What is listed under a lead that is itself a form of the closed list is of that form.

"The Lessee represents and warrants as follows:" over "(a) It has taken all necessary
corporate action ..." and "(b) This Amendment has been duly executed ...": the sub-items
are the representations the lead announces, and change no text, as they would under a
heading "Representations".  A sub-item that amends or says something of the agreement is
never hidden so.  The amendment is invented.
"""

from __future__ import annotations

import pytest

from conformed.amendment import parse_amendment
from conformed.cli import parse_report

HEAD = """FIRST AMENDMENT TO KILN LEASE

This First Amendment is made as of March 3, 2025 between Flint Yard Properties LLC (the
"Lessor") and Ember Row Ceramics, Inc. (the "Lessee"), who agree to amend the Kiln Lease
dated as of June 1, 2021 (the "Lease") as follows:

1. Section 3 of the Lease is hereby amended by deleting the words "nine hundred dollars
($900)" and inserting in lieu thereof the words "one thousand dollars ($1,000)".

2. Authority. The Lessee represents and warrants as follows:

(a) It has taken all necessary corporate action to authorize the execution, delivery and
performance of this Amendment.

(b) This Amendment has been duly executed and delivered by the Lessee and constitutes its
legal, valid and binding obligation.
"""


def _items(text: str) -> list[tuple[str, str, str]]:
    """Each item's number, status and what ``parse`` says of it (its operations' kinds, or
    the closed form's reason)."""
    report = parse_report(parse_amendment(text, source="first.txt"))
    return [
        (i.number, i.status, " ".join(o["kind"] for o in i.operations) or i.message)
        for i in report.items
    ]


def test_what_a_representations_lead_lists_changes_no_text() -> None:
    no_change = "representations: changes no text of the agreement"
    assert _items(HEAD) == [
        ("1", "parsed", "replace_words"),
        ("2.(a)", "parsed", no_change),
        ("2.(b)", "parsed", no_change),
    ]


@pytest.mark.parametrize(
    "third",
    [
        "(c) Section 2 of the Lease is hereby deleted in its entirety.",
        "(c) Section 2 of the Lease shall be of no further force or effect.",
    ],
)
def test_a_change_listed_under_it_is_never_hidden(third: str) -> None:
    number, status, said = _items(f"{HEAD}\n{third}\n")[-1]
    assert number == "2.(c)"
    assert "changes no text" not in said  # read as a change, or failed (loud)
    assert said == "delete_provision" or status == "failed"
