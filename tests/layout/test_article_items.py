"""An amendment laid out as a credit agreement is: ARTICLE headings with their titles on the
line below, in capitals or in Title Case, over SECTION 1.1, 2.1 ... items, each paragraph on
a line of its own (text taken from HTML without wrapping).  The amendment is invented.

Two faults this layout showed, both found on a real filing of that shape:

- the lead ("NOW THEREFORE, ... hereby agree as follows:") and each article's heading, being
  outside every item, were joined into one unnumbered item "¶1" that ran over the items
  between them, so the change of item 2.1 was reported twice (and would be made twice);
- a title in Title Case under "ARTICLE III" was taken for text, not the article's title, so
  the conditions listed under "Conditions Precedent" were not known for conditions.
"""

from __future__ import annotations

from itertools import pairwise

from conformed.amendment import parse_amendment
from conformed.cli import parse_report
from conformed.consolidator import consolidate
from conformed.io.text import read_text_document, write_text

BASE = """CASK STORAGE AGREEMENT

1. Definitions. "Cask" means an oak barrel of fifty-three (53) gallons.

2. Storage. The Keeper shall store each Cask in the Warehouse.

3. Fees. The Distiller shall pay the Keeper four dollars ($4) per Cask per month.
"""

AMENDMENT = (
    "FIRST AMENDMENT TO CASK STORAGE AGREEMENT\n"
    'This FIRST AMENDMENT TO CASK STORAGE AGREEMENT (this "Amendment"), dated as of May 6, '
    "2025, is entered into by and between Birchmoor Distilling Co., a Vermont corporation (the "
    '"Distiller"), and Ashby Bonded Stores LLC, a Vermont limited liability company (the '
    '"Keeper").\n'
    "WHEREAS, the Distiller and the Keeper are parties to the Cask Storage Agreement, dated as "
    "of January 10, 2023 (as amended, restated, supplemented or otherwise modified from time to "
    'time prior to the date hereof, the "Agreement"); and\n'
    "NOW THEREFORE, in consideration of the foregoing premises and the mutual agreements "
    "contained herein, and for other good and valuable consideration, the receipt and "
    "sufficiency of which are hereby acknowledged, the parties hereto, intending to be legally "
    "bound, hereby agree as follows:\n"
    "ARTICLE I\n"
    "Definitions\n"
    "SECTION 1.1. Defined Terms Terms used but not defined herein have the respective meanings "
    "given to such terms in the Agreement, and the rules of construction set forth in the "
    "Agreement apply to this Amendment as if set out in it in full.\n"
    "ARTICLE II\n"
    "Amendments to the Agreement\n"
    "SECTION 2.1. As of the Amendment Date, Section 3 of the Agreement is hereby amended by "
    'inserting the words "or part thereof" immediately after the word "month" in the first '
    "sentence thereof.\n"
    "ARTICLE III\n"
    "Conditions Precedent\n"
    "SECTION 3.1. This Amendment will be effective upon the satisfaction of each of the "
    "following conditions:\n"
    "(a) the execution and delivery of this Amendment by the parties hereto; and\n"
    "(b) all fees due and owing to the Keeper on or prior to the Amendment Date have been paid "
    "in full in immediately available funds to the account the Keeper has named in writing.\n"
    "ARTICLE IV\n"
    "Miscellaneous\n"
    "SECTION 4.1. Counterparts . The parties hereto may sign one or more copies of this "
    "Amendment in counterparts, all of which together constitute one and the same instrument, "
    "and delivery of a signed copy by electronic mail is as good as delivery of an original.\n"
)


def test_each_section_is_an_item_and_no_item_runs_over_another() -> None:
    report = parse_report(parse_amendment(AMENDMENT, source="first.txt"))
    assert [(i.number, i.status) for i in report.items] == [
        ("1.1", "parsed"),
        ("2.1", "parsed"),
        ("3.1.(a)", "parsed"),
        ("3.1.(b)", "parsed"),
        ("4.1", "parsed"),
    ]
    spans = [(i.line, i.end_line) for i in report.items]
    assert all(a[1] < b[0] for a, b in pairwise(spans))
    assert report.items[1].operations == [
        {"action": "amend_text", "kind": "insert_words", "target": "first sentence of Section 3"}
    ]


def test_the_conditions_under_an_article_titled_so_change_no_text() -> None:
    report = parse_report(parse_amendment(AMENDMENT, source="first.txt"))
    conditions = [i for i in report.items if i.number.startswith("3.1")]
    assert [i.message for i in conditions] == ["conditions: changes no text of the agreement"] * 2


def test_the_change_is_made_once() -> None:
    done = consolidate(read_text_document(BASE), [parse_amendment(AMENDMENT, source="first.txt")])
    assert done.report.ok
    assert write_text(done.document).count("or part thereof") == 1
