"""Amendment metadata and item splitting on the four seed filings."""

from __future__ import annotations

from datetime import date

import pytest

from conformed.amendment import parse_amendment, read_amendment, strip_debris
from conformed.layout.items import PAYLOAD_MARK
from helpers import CORPUS

A = CORPUS / "amendments"


@pytest.mark.parametrize(
    "name, title, agreement, agreement_date, parties",
    [
        (
            "000_kopyt_severance_amendment_1.txt",
            "AMENDMENT NO. 1 TO LEON KOPYT'S SEVERANCE AGREEMENT",
            "Severance Agreement",
            date(2002, 6, 10),
            (("RCM Technologies, Inc.", "Company"), ("Leon Kopyt", "Employee")),
        ),
        (
            "003_xxxxx_termination_benefits_amendment_1.txt",
            "AMENDMENT NO. 1 TO XXXX XXXXX'X SECOND AMENDED AND RESTATED TERMINATION BENEFITS "
            "AGREEMENT",
            "Termination Agreement",
            date(1997, 3, 18),
            (("RCM Technologies, Inc.", "Company"), ("Xxxx Xxxxx", "Executive")),
        ),
        (
            "004_kopyt_termination_benefits_amendment_1.txt",
            "AMENDMENT NO. 1 TO LEON KOPYT'S SECOND AMENDED AND RESTATED TERMINATION BENEFITS "
            "AGREEMENT",
            "Termination Agreement",
            date(1997, 3, 18),
            (("RCM Technologies, Inc.", "Company"), ("Leon Kopyt", "Executive")),
        ),
    ],
)
def test_executive_amendment_metadata(name, title, agreement, agreement_date, parties) -> None:
    a = read_amendment(A / name)
    assert a.title == title
    assert (a.number, a.date, a.effective_date) == (1, date(2007, 12, 12), date(2007, 12, 12))
    assert (a.agreement_name, a.agreement_date) == (agreement, agreement_date)
    assert a.parties == parties
    assert a.label == "Amendment No. 1 dated as of December 12, 2007"
    assert [i.number for i in a.items] == [str(n) for n in range(1, 12)]
    assert a.signature.startswith("IN WITNESS WHEREOF")


def test_loan_amendment_metadata() -> None:
    a = read_amendment(A / "002_loan_fourth_amendment.txt")
    assert a.title.startswith("FOURTH AMENDMENT AND MODIFICATION TO AMENDED AND RESTATED LOAN")
    assert (a.number, a.date) == (4, date(2004, 7, 27))
    assert (a.agreement_name, a.agreement_date) == ("Loan Agreement", date(2002, 5, 31))


def test_flattened_and_multiline_forms_split_identically() -> None:
    """003 (multi-line) and 004 (one line) are one form: same instructions and payload words."""
    x = read_amendment(A / "003_xxxxx_termination_benefits_amendment_1.txt")
    k = read_amendment(A / "004_kopyt_termination_benefits_amendment_1.txt")
    assert [i.instruction for i in x.items] == [i.instruction for i in k.items]
    assert [(i.payload or "").split() for i in x.items] == [
        (i.payload or "").split() for i in k.items
    ]


def test_only_outer_quotes_are_removed() -> None:
    items = read_amendment(A / "003_xxxxx_termination_benefits_amendment_1.txt").items
    g = items[5].payload or ""
    assert g.startswith("(g)(i) Notwithstanding") and g.endswith("subsection 5(g)(ii) above.")
    assert '"key employee"' in g and "`specified employee'" in g
    assert items[0].instruction.endswith(f"as follows: {PAYLOAD_MARK}")


def test_edgar_debris_is_removed() -> None:
    text = "EX-99.2I 3 file.txt AMENDMENT NO. 1 TO X AGREEMENT AMENDMENT NO. 1 TO X AGREEMENT THIS"
    assert strip_debris(text).startswith("AMENDMENT NO. 1 TO X AGREEMENT THIS")


def test_items_out_of_order_are_reported_with_the_item_number() -> None:
    text = (A / "000_kopyt_severance_amendment_1.txt").read_text()
    swapped = text.replace("\n10. In all respects", "\n12. In all respects")
    a = parse_amendment(swapped, source="swapped")
    assert a.problems and "item 12" in str(a.problems[0])


_ENGLISH = """DEED OF AMENDMENT TO HAULAGE AGREEMENT

This Deed of Amendment is made on 1 June 2022 between Tarn Quarries Limited and Wray
Haulage Limited and amends the Haulage Agreement dated 2 May 2019 (the "Agreement").

The parties agree as follows:

1. Delete clause 6.2 of the Agreement.

2. Clause 7.1 of the Agreement is amended by adding at the end thereof: "The Quarry may
rely on any certificate
signed for and on behalf of the Haulier by a director, or
executed by the parties thereto, as conclusive."

3. Delete clause 8 of the Agreement.

EXECUTED as a deed by the parties on the date stated at the beginning of it.

Signed for and on behalf of Tarn Quarries Limited
"""


def test_an_english_execution_clause_ends_the_items_and_a_wrapped_line_does_not() -> None:
    """ "EXECUTED as a deed ..." opening a paragraph ends the amendment's items; the same
    words at the start of a line that continues a sentence ("... or\\nexecuted by the
    parties thereto ...") end nothing, so item 3 is read."""
    amendment = parse_amendment(_ENGLISH, "deed")
    assert [i.number for i in amendment.items] == ["1", "2", "3"]
    assert "EXECUTED" not in amendment.items[-1].instruction
    assert "conclusive" in (amendment.items[1].payload or amendment.items[1].instruction)


_EXECUTION_BLOCK_AMENDED = """DEED OF AMENDMENT TO HAULAGE AGREEMENT

This Deed of Amendment is made on 1 June 2022 between Tarn Quarries Limited and Wray
Haulage Limited and amends the Haulage Agreement dated 2 May 2019 (the "Agreement").

The parties agree as follows:

1. Clause 20 of the Agreement is deleted and replaced with the following:

Signed for and on behalf of each party by two of its directors.

2. Delete clause 8 of the Agreement.

EXECUTED as a deed by the parties on the date stated at the beginning of it.
"""


def test_an_execution_form_inside_new_text_does_not_end_the_items() -> None:
    """New text of an item that happens to open with "Signed for and on behalf of" is not
    the amendment's execution clause: item 2 after it is read, never lost."""
    amendment = parse_amendment(_EXECUTION_BLOCK_AMENDED, "deed")
    assert [i.number for i in amendment.items] == ["1", "2"]
    assert "EXECUTED" not in amendment.items[-1].instruction


def test_a_running_header_that_repeats_the_title_keeps_the_title() -> None:
    """Each page ends with the amendment's title and its number; the title printed at the
    top of the first page is the amendment's, not a page artifact (a37bb39, since withdrawn,
    dropped running footers and the title with them: the amendment had no title)."""
    footer = "FIRST AMENDMENT TO HARBOR LEASE\n                                   {n}\n<PAGE>\n\n"
    text = (
        "FIRST AMENDMENT TO HARBOR LEASE\n\n"
        'This First Amendment is dated as of May 5, 2024 between Larkfield Holdings LLC ("Landlord")'
        ' and Orrin Boats Inc. ("Tenant").\n\n'
        "NOW, THEREFORE, the parties agree as follows:\n\n"
        '1. Section 2.3 of the Lease is hereby amended by deleting "$250" and substituting "$400".'
        "\n\n" + footer.format(n=1) + "2. Section 4 of the Lease is hereby deleted in its entirety."
        "\n\n" + footer.format(n=2) + "3. Section 5 of the Lease is hereby deleted in its entirety."
        "\n\n" + footer.format(n=3) + "4. This First Amendment may be executed in counterparts.\n"
    )
    amendment = parse_amendment(text)
    assert amendment.title == "FIRST AMENDMENT TO HARBOR LEASE"
    assert [i.number for i in amendment.items] == ["1", "2", "3", "4"]
