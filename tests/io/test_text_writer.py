"""The text writer prints what an amendment did not touch as it was read: within a
provision some of whose paragraphs changed, the others keep their raw lines."""

from __future__ import annotations

from conformed import consolidate, parse_amendment, render_document
from conformed.io.text import read_text_document

PLAN = """EQUITY PLAN

ARTICLE 1
PURPOSE

1.1 Purpose. The Plan rewards long service by employees of the Company and its Subsidiaries.

ARTICLE 2
DEFINITIONS

As used in the Plan, the following terms have the meanings below.

"Option" means a right to buy
Shares at the price the Committee sets.

"Share" means a common share of the Company.

ARTICLE 3
ADMINISTRATION

3.1 Committee. The Committee runs the Plan.
"""


def _conformed(agreement: str, item: str) -> str:
    """The agreement as conformed by an amendment of one item, printed as text."""
    amendment = parse_amendment(f"AMENDMENT NO. 1\n\n1. {item}\n", "Amendment")
    result = consolidate(read_text_document(agreement), [amendment])
    assert result.report.ok, result.report
    return render_document(result.document, "text")


def test_an_articles_head_and_untouched_paragraphs_keep_their_lines() -> None:
    out = _conformed(
        PLAN,
        'The definition of "Share" in Article 2 of the Plan is hereby amended by deleting '
        '"common" and substituting "ordinary".',
    )
    # the head on its two lines, the definition the item did not touch wrapped as read
    assert "ARTICLE 2\nDEFINITIONS\n" in out
    assert '"Option" means a right to buy\nShares at the price the Committee sets.' in out
    assert '"Share" means a ordinary share of the Company.' in out


def test_a_clause_on_the_line_after_the_one_before_prints_there() -> None:
    """ "...; and" / "(d) ..." read as two provisions on consecutive lines print on
    consecutive lines: the writer adds no blank line the agreement did not have."""
    text = (
        "CREDIT AGREEMENT\n\n"
        "Section 7.02 Indebtedness. The Borrower shall not incur any Debt, except: (a) Debt\n"
        "under the Loan Documents; (b) Debt listed on Schedule 7.02; (c) intercompany Debt\n"
        "permitted under Section 7.03; and\n"
        "(d) purchase money Debt not to exceed $15,000,000 at any time.\n\n"
        "Section 7.03 Liens. The Borrower shall not create any Lien.\n"
    )
    assert render_document(read_text_document(text), "text") == text


SCHEDULE = """SCHEDULE OF FEES

1. The monthly storage fee is $400 for each bay.

2. The handling fee is $35 for each pallet.
"""


def test_a_provision_whose_label_is_below_its_read_heading_keeps_its_label() -> None:
    """The title over the first provision is read as that provision's heading ("1." /
    "SCHEDULE OF FEES" / "The monthly ..."), so the raw lines do not run one per printed
    paragraph: the label stands on the second run, the printed form puts it on the first.
    When an item changes the provision's words, the label must still be printed.  Before,
    the first run was kept from its raw lines (the title, no label) and the second wrapped
    anew without its label: the conformed copy lost "1." and the command exited 0."""
    words = _conformed(
        SCHEDULE,
        'Section 1 of the Schedule is hereby amended by deleting "$400" and substituting "$450".',
    ).split()
    assert "1." in words and "$450" in words and "$400" not in words
    assert words.index("1.") < words.index("monthly")
