"""A lease's Basic Lease Information is a part of its own; other titled runs are not."""

from __future__ import annotations

from conformed.io.text import read_text_document

ITEMS = "1. Position: Chief Financial Officer\n\n2. Salary: $300,000\n\n3. Bonus: 50% of salary\n\n"


def test_a_leases_summary_holds_its_numbered_items() -> None:
    doc = read_text_document(
        "OFFICE LEASE\n\nBASIC LEASE INFORMATION\n\n" + ITEMS + "ARTICLE 1\nPREMISES\n\n"
        "1.1 Lease. Landlord leases the Premises.\n"
    )
    assert [n.kind for n in doc.body] == ["summary", "article"]
    assert [c.label_text for c in doc.body[0].children] == ["1.", "2.", "3."]


def test_other_basic_terms_are_the_agreements_own_sections() -> None:
    doc = read_text_document(
        "EMPLOYMENT AGREEMENT\n\nBASIC TERMS\n\n" + ITEMS + "GENERAL PROVISIONS\n\n"
        "4. Term. Two years.\n"
    )
    assert "summary" not in [n.kind for n in doc.body]
    assert [n.label_text for n in doc.body if n.label] == ["1.", "2.", "3.", "4."]
