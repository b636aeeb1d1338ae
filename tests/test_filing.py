"""A filing that prints several amendments one after another (tests/data/filings,
invented): each is read and applied in the filing's order, and an exhibit after the
last signatures -- even a form of a further amendment -- is not an amendment."""

from __future__ import annotations

import json
from pathlib import Path

from conformed.amendment import parse_amendments, read_amendment, read_amendments
from conformed.cli import main
from conformed.filing import split_filing

DATA = Path(__file__).parent / "data" / "filings"
FILING = DATA / "hangar_amendments_2_and_3.txt"


def test_each_amendment_is_read_with_the_files_line_numbers() -> None:
    second, third = read_amendments(FILING)
    assert second.title == "SECOND AMENDMENT TO HANGAR LEASE"
    assert third.title == "THIRD AMENDMENT TO HANGAR LEASE"
    assert [i.number for i in second.items] == ["1", "2"]
    assert [i.number for i in third.items] == ["1", "2"]
    lines = FILING.read_text().splitlines()
    assert '"$3,400" and' in lines[third.items[0].line - 1]  # the file's own line
    assert "FORM OF FOURTH AMENDMENT" in third.signature  # the exhibit: no third part


def test_read_alone_the_later_amendment_is_only_the_first_ones_signature_block() -> None:
    """What ``read_amendment`` still does, and why the commands read every amendment."""
    only = read_amendment(FILING)
    assert [i.number for i in only.items] == ["1", "2"]
    assert "THIRD AMENDMENT" in only.signature


def test_one_amendment_and_its_exhibits_is_one_part() -> None:
    text = FILING.read_text()
    first_signatures = text.index("THIRD AMENDMENT TO HANGAR LEASE")
    exhibit = text.index("                                   EXHIBIT A")
    assert len(split_filing(text[:first_signatures] + text[exhibit:])) == 1


def test_apply_conforms_the_lease_with_both_amendments_in_order(tmp_path: Path) -> None:
    out, report = tmp_path / "lease.txt", tmp_path / "report.json"
    code = main(["apply", str(DATA / "hangar_base.txt"), str(FILING), "-o", str(out),
                 "--report", str(report)])  # fmt: skip
    assert code == 0
    want = (DATA / "hangar_conformed.txt").read_text().split()
    assert out.read_text().split() == want
    data = json.loads(report.read_text())
    titles = [a["title"] for a in data["amendments"]]
    assert titles == ["SECOND AMENDMENT TO HANGAR LEASE", "THIRD AMENDMENT TO HANGAR LEASE"]
    assert [
        a["source"].endswith(f"(amendment {k} of 2)") for k, a in enumerate(data["amendments"], 1)
    ] == [True, True]


def test_outline_shows_every_amendment_of_the_filing(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["outline", str(FILING), "--as", "amendment", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "SECOND AMENDMENT TO HANGAR LEASE"
    [third] = data["later_amendments"]
    assert third["title"] == "THIRD AMENDMENT TO HANGAR LEASE"
    assert [i["number"] for i in third["items"]] == ["1", "2"]
    assert third["items"][1]["instruction"].startswith("Section 4 of the Lease")


def test_an_amendment_of_another_instrument_is_never_read_as_this_ones() -> None:
    """After the signatures of an amendment of the Hangar Lease, an executed amendment of a
    Pledge Agreement: its unnamed "Section 2" must never be applied to the lease."""
    text = FILING.read_text()
    first = text[: text.index("THIRD AMENDMENT TO HANGAR LEASE")]
    other = (
        "                     AMENDMENT NO. 1 TO PLEDGE AGREEMENT\n\n"
        '     THIS AMENDMENT NO. 1 (this "Amendment") is made as of March 1, 2021, by\n'
        "Pell Aviation LLC in favour of Corvin Field Authority.\n\n"
        "     1. Section 2 is hereby deleted in its entirety.\n"
    )
    assert len(split_filing(first + other)) == 1
    assert len(split_filing(first + other.replace("PLEDGE AGREEMENT", "HANGAR LEASE"))) == 2


def test_plan_amendments_printed_with_no_signatures_between_are_each_read() -> None:
    """A plan's amendments adopted by resolution, printed one after another without
    signature blocks: a title in capitals that the plan's "is amended ..., as follows:"
    follows at once starts the next one.  Before, the second was read as more words of the
    first one's last item."""
    text = (
        "AMENDMENT NUMBER ONE\n\nTO THE\n\nPELL RIDGE QUARRY SAVINGS PLAN\n\n"
        'The Pell Ridge Quarry Savings Plan (the "Plan") is amended, effective as of\n'
        "January 1, 2024, as follows:\n\n"
        "1. Section 4.2 of the Plan is hereby deleted in its entirety.\n\n"
        "AMENDMENT NUMBER TWO\n\nTO THE\n\nPELL RIDGE QUARRY SAVINGS PLAN\n\n"
        'The Pell Ridge Quarry Savings Plan (the "Plan") is amended, effective as of\n'
        "January 1, 2025, except as otherwise provided, as follows:\n\n"
        '1. Section 5.1 of the Plan is amended by replacing "60" with "65".\n'
    )
    first, second = split_filing(text)
    assert "Section 4.2" in first and "Section 5.1" not in first
    assert "AMENDMENT NUMBER TWO" in second and "Section 4.2" not in second
    # a title repeated over a page, with nothing amended before it, starts nothing
    cover = "AMENDMENT NUMBER ONE\n\nTO THE PLAN\n\n" + text
    assert len(split_filing(cover)) == 2


def test_plan_amendments_numbered_by_title_with_no_opening_are_each_read() -> None:
    """A later amendment whose title numbers it ("SECOND AMENDMENT TO THE" over the plan's
    name, "AMENDMENT NO. 3" over a cover) starts a part of its own where an opening follows
    it, or where its items start again at 1 and the first amends.  Before, both were read
    as more words of the first amendment's last item.  A running header that repeats the
    first title over items that do not restart starts nothing."""
    first = (
        "AMENDMENT NO. 1\n\nWILLOW FERRY PENSION PLAN\n\nAMENDMENT\n\n"
        "1.    Article II - Section 2.1 of the Plan shall be amended, effective as of\n"
        "      January 1, 2020, to read in its entirety as follows:\n\n"
        "      2.1 Eligibility. Each Employee is eligible on hire.\n\n"
    )
    header = (
        "AMENDMENT NO. 1\n\n"
        "2.    Article III - Section 3.2 of the Plan shall be amended, effective as of\n"
        '      January 1, 2020, by replacing "five" with "three".\n\n'
    )
    second = (
        "SECOND AMENDMENT TO THE\nWILLOW FERRY PENSION PLAN\n\n"
        "The Board hereby amends the Plan as follows, effective as of January 1, 2021.\n\n"
        'Section 4.4 of the Plan is amended by replacing "65" with "62".\n\n'
    )
    third = (
        "AMENDMENT NO. 3\n\nDOCUMENT: 1044\nBOARD APPROVAL DATE: ______\n\nAMENDMENT\n\n"
        "1.    Section 5.1 - Section 5.1 shall be amended, effective as of January\n"
        "      1, 2022, to read in its entirety as follows:\n\n"
        "      5.1 Vesting. Accounts vest after three years.\n"
    )
    parts = split_filing(first + header + second + third)
    assert len(parts) == 3
    assert "Section 3.2" in parts[0] and "Section 4.4" not in parts[0]
    assert "Section 4.4" in parts[1] and "Section 5.1" not in parts[1]
    assert "AMENDMENT NO. 3" in parts[2] and "Section 5.1 - Section 5.1" in parts[2]
    assert len(split_filing(first + header)) == 1


LEGEND_FILING = """SECOND AMENDMENT TO GRAIN ELEVATOR LOAN AGREEMENT

This Second Amendment is made as of March 3, 2025 between Prairie Silo Co. (the
"Borrower") and Cotton Belt Bank (the "Lender"), who agree that the Grain Elevator Loan
Agreement dated as of June 1, 2022 (the "Agreement") is hereby amended as follows:

1. Section 4.2 of the Agreement is hereby amended by deleting the words "ninety (90) days"
and inserting in lieu thereof the words "sixty (60) days".

2. This Second Amendment may be executed in counterparts.

THIS WRITTEN AMENDMENT REPRESENTS THE FINAL AGREEMENT BETWEEN THE PARTIES AND
MAY NOT BE CONTRADICTED BY EVIDENCE OF PRIOR, CONTEMPORANEOUS OR SUBSEQUENT ORAL
AGREEMENTS OF THE PARTIES.
THIS AMENDMENT REPRESENTS THE FINAL AGREEMENT AMONG THE PARTIES HERETO AND MAY NOT BE
CONTRADICTED BY EVIDENCE OF PRIOR, CONTEMPORANEOUS OR SUBSEQUENT ORAL AGREEMENTS.

IN WITNESS WHEREOF, this Second Amendment is executed as of the date first written above.

PRAIRIE SILO CO.
By: ______________
"""


def test_the_final_agreement_legend_starts_no_amendment() -> None:
    """The legend Texas loan documents print above their signatures ("THIS AMENDMENT
    REPRESENTS THE FINAL AGREEMENT ... MAY NOT BE CONTRADICTED ...") is no title: its
    first word is no ordinal and its "NOT" numbers nothing, so the signatures that follow
    ("this Second Amendment is executed as of ...") open no further amendment."""
    assert len(split_filing(LEGEND_FILING)) == 1
    (only,) = parse_amendments(LEGEND_FILING, source="legend.txt")
    assert [i.number for i in only.items] == ["1", "2"]
    assert "IN WITNESS WHEREOF" in only.signature
