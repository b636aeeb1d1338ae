"""Parse, then apply: an amendment's items are read through the grammar into a value of
their own before the first change is made (invented agreement and amendment)."""

from __future__ import annotations

import pytest

import conformed.parsed
from conformed.amendment import parse_amendment
from conformed.cli import parse_report
from conformed.consolidator import consolidate
from conformed.io.text import read_text_document, write_text
from conformed.parsed import parse_instructions
from conformed.report import ItemReport

BASE = """SUPPLY AGREEMENT

1. Term. This Agreement runs for two (2) years from the Effective Date.

2. Price. The price of each crate is forty dollars ($40).

3. Delivery. Deliveries are made each Monday.
"""

AMENDMENT = """FIRST AMENDMENT TO SUPPLY AGREEMENT

This First Amendment is made as of April 2, 2024 between Orchard Row LLC and Tallis Grocers,
Inc., who agree to amend the Supply Agreement dated as of March 1, 2022 as follows:

1. Section 1 of the Agreement is hereby amended by deleting the words "two (2) years" and
inserting in lieu thereof the words "three (3) years".

2. Section 2 of the Agreement is hereby wrapped in ribbon and sealed with wax.

3. Section 3 of the Agreement is hereby deleted in its entirety.

4. This First Amendment is governed by the laws of Vermont.
"""


def test_every_item_is_read_before_any_is_applied() -> None:
    parsed = parse_instructions(parse_amendment(AMENDMENT, source="first.txt"))
    assert [p.number for p in parsed.items] == ["1", "2", "3", "4"]
    assert [p.number for p in parsed.failed] == ["2"]  # known before a word is changed
    assert parsed.items[0].operation is not None and parsed.items[2].operation is not None
    assert parsed.items[3].operation is not None  # governing law: no text change


def test_applying_a_parsed_amendment_reads_no_instruction(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = parse_instructions(parse_amendment(AMENDMENT, source="first.txt"))

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the grammar was called while applying")

    monkeypatch.setattr(conformed.parsed, "interpret", refuse)
    done = consolidate(read_text_document(BASE), [parsed])
    items = done.report.amendments[0].items
    assert [(i.number, i.status) for i in items] == [
        ("1", "applied"),
        ("2", "failed"),
        ("3", "applied"),
        ("4", "no_text_change"),
    ]
    assert "three (3) years" in write_text(done.document)
    assert "Deliveries" not in write_text(done.document)


def test_a_parsed_amendment_conforms_as_its_text_does() -> None:
    amendment = parse_amendment(AMENDMENT, source="first.txt")
    from_text = consolidate(read_text_document(BASE), [amendment])
    from_parsed = consolidate(read_text_document(BASE), [parse_instructions(amendment)])
    assert write_text(from_parsed.document) == write_text(from_text.document)
    assert from_parsed.report.to_json() == from_text.report.to_json()


# An item of several amending sentences, one of which the grammar cannot read: the item
# fails whole (nothing of it applied), and the report says what its other sentences were
# read as, so that a reader knows which changes are left to make by hand.
SENTENCES = """SECOND AMENDMENT TO SUPPLY AGREEMENT

This Second Amendment is made as of May 6, 2024 between Orchard Row LLC and Tallis Grocers,
Inc., who agree to amend the Supply Agreement dated as of March 1, 2022 as follows:

1. Section 1 of the Agreement is hereby deleted in its entirety. Section 2 of the
Agreement is hereby amended by rounding every price stated therein up to the nearest
whole dollar.

2. The Agreement, as amended hereby, is ratified and confirmed in all respects. Section 3
of the Agreement is hereby deleted in its entirety. Section 2 of the Agreement is hereby
amended by rounding every price stated therein up to the nearest whole dollar.

3. This Second Amendment is governed by the laws of Vermont.
"""


def test_a_failed_item_reports_what_its_other_sentences_were_read_as() -> None:
    amendment = parse_amendment(SENTENCES, source="second.txt")
    parsed = parse_instructions(amendment)
    assert [p.number for p in parsed.failed] == ["1", "2"]
    done = consolidate(read_text_document(BASE), [parsed])
    report = done.report.to_json()["amendments"][0]["items"]
    assert [(i["number"], i["status"]) for i in report] == [
        ("1", "failed"),
        ("2", "failed"),  # its ratification is no reason to call the item "no change"
        ("3", "no_text_change"),
    ]
    assert [(o["action"], o["target"]) for o in report[0]["read"]] == [("delete", "Section 1")]
    assert [(o["action"], o["target"]) for o in report[1]["read"]] == [("delete", "Section 3")]
    assert report[0]["operations"] == [] and "read" not in report[2]
    text = write_text(done.document)  # the failed items applied in no part
    assert "two (2) years" in text and "Deliveries" in text


def _items(words: str) -> list[ItemReport]:
    """The parse report's items of an amendment whose one item is ``words``."""
    text = SENTENCES.split("1. Section 1")[0] + f"1. {words}\n"
    return parse_report(parse_amendment(text, source="probe.txt")).items


# A sentence whose subject is a provision, that defines a term or that gives a named term its
# value changes the agreement, whatever its verb: after an instruction that parses, it is never
# set aside as freestanding words (the change it makes would vanish from the report).
@pytest.mark.parametrize(
    "second",
    [
        "Section 2 of the Agreement shall be of no further force or effect.",
        "Section 2 of the Agreement is hereby rendered null and void.",
        "Section 2 of the Agreement shall no longer apply.",
        "Section 14 ( Governing Law ) of the Agreement shall be of no further force or effect.",
        '"Crate" means a case of twelve bottles.',
        'The definition of "Crate" shall mean a case of twelve bottles.',
        "The Crate Price shall be fifty dollars ($50).",
        "The Final Delivery Date is March 31, 2027.",
        "In addition, Section 2 of the Agreement shall no longer apply.",
        'Further, "Crate" means a case of twelve bottles.',
        "With effect from June 1, 2025, the Crate Price shall be fifty dollars ($50).",
        "Item 4 of the Basic Supply Terms shall be fifty dollars ($50).",
        "Part 3 of the Schedule shall no longer apply.",
        "§ 2 of the Agreement shall be of no further force or effect.",
        "Crate Price: fifty dollars ($50).",
        "Final Delivery Date: March 31, 2027.",
        "The Pricing Schedule shall no longer apply.",
        "The Seasonal Pricing Addendum to the Agreement is terminated.",
        "Orchard Row and Tallis Grocers agree that the Final Delivery Date is June 30, 2030.",
        "Crate Rent for the Extension Term shall be $5,000 per month.",
        "Tallis's Share shall be 12.5%.",
        "The term of the Agreement shall end on June 30, 2030.",
        "The Final Delivery Date shall mean June 30, 2030.",
        "The interest rate on late payments shall be 6.5% per annum.",
        "The first sentence of Section 4 shall be disregarded.",
        # the agreement's terms that hold a word the amendment may call itself by
        "The Letter of Credit Fee shall be 2.00% per annum.",
        "The Required Consent Threshold shall be 51%.",
    ],
)
def test_a_provision_said_of_in_words_not_read_fails_the_item(second: str) -> None:
    items = _items(f"Section 3 of the Agreement is hereby deleted in its entirety. {second}")
    assert [(i.number, i.status) for i in items] == [("1", "failed")]
    assert [(o["action"], o["target"]) for o in items[0].read] == [("delete", "Section 3")]


@pytest.mark.parametrize(
    "second",
    [
        "The parties acknowledge that Tallis Grocers, Inc. shall be paid for crates already "
        "delivered.",
        "Section 4 of the Agreement is not affected hereby.",
        "Sections 4 and 5 of the Agreement are unaffected by this change.",
        "Schedule 1 attached hereto is incorporated herein by reference.",
        'As used herein, "Second Amendment Date" means June 1, 2024.',
        "The Disclosure Schedule attached hereto is true and complete.",
        "Note: the parties met on March 31, 2024.",
        "This Second Amendment shall be effective on June 1, 2024.",
        "The Consent Fee shall be $5,000.",
        "The fee payable under this Letter shall be $5,000.",
        "The Second Amendment Effective Date is June 1, 2024.",
        "Such deletion shall be effective as of January 1, 2025.",
        "The amount of crates outstanding on the date hereof is $10,000.",
        "Orchard Row and Tallis Grocers acknowledge that Tallis Grocers, Inc. shall be paid for "
        "crates already delivered.",
    ],
)
def test_freestanding_words_after_an_instruction_are_still_set_aside(second: str) -> None:
    items = _items(f"Section 3 of the Agreement is hereby deleted in its entirety. {second}")
    assert [(i.number, i.status) for i in items] == [("1", "parsed")]
    assert [(o["action"], o["target"]) for o in items[0].operations] == [("delete", "Section 3")]


# An item whose heading or first sentence is a form of the closed list that changes no text
# is still no "no change" where a clause of it says something of a provision, a term or a
# named value in other words: it fails, naming the item, rather than vanish.
@pytest.mark.parametrize(
    "item",
    [
        "Ratification. Except as amended hereby, the Agreement remains in full force and "
        "effect. Section 3 of the Agreement shall be of no further force or effect.",
        "Except as amended hereby, the Agreement remains in full force and effect, provided "
        "that Section 3 of the Agreement shall be of no further force or effect.",
        "Costs. Orchard Row LLC shall pay the costs of this Second Amendment. The Crate "
        "Price shall be fifty dollars ($50).",
        "Counterparts. This Second Amendment may be signed in counterparts. Section 3 of the "
        "Agreement shall no longer apply.",
        "The parties acknowledge that the Final Delivery Date is March 31, 2027.",
        # a provision's caption is no form of the list, nor its word "Law" a statute
        "Representations. Section 7 (Representations) of the Agreement shall be of no further "
        "force or effect.",
        "Governing Law. Section 14 (Governing Law) of the Agreement is void.",
        # the same with spaces inside the parentheses, as conversions of a filing print them
        "Representations. Section 7 ( Representations ) of the Agreement shall be of no "
        "further force or effect.",
        "Governing Law. Section 14 ( Governing Law ) of the Agreement is void.",
        'Counterparts. Section 12 of the Agreement now provides: "This Agreement may be '
        'executed in counterparts by facsimile."',
    ],
)
def test_a_change_beside_words_that_change_nothing_fails_the_item(item: str) -> None:
    assert [(i.number, i.status) for i in _items(item)] == [("1", "failed")]


@pytest.mark.parametrize(
    "item",
    [
        "Governing Law. This Second Amendment is governed by the law of the State of New "
        "York; provided that Section 5-1401 of the New York General Obligations Law shall "
        "apply.",
        "Ratification. The Agreement is ratified, and Sections 2 and 3 of the Agreement "
        "shall survive its termination.",
        "Except as amended hereby, Section 3 of the Agreement shall remain in full force and "
        "effect.",
        # the amendment's own execution, after its caption's colon
        "Ratification. The Agreement, as amended hereby, is ratified and confirmed. Dated: "
        "March 14, 2024.",
    ],
)
def test_words_that_change_nothing_are_still_no_change(item: str) -> None:
    items = _items(item)
    assert [(i.number, i.status) for i in items] == [("1", "parsed")]
    assert items[0].operations == [] and items[0].message


# A letter's paragraph before its instruction paragraph that says something of a provision
# in words that amend nothing was read as the letter's head, in no item: the change vanished.
LETTER = """ORCHARD ROW LLC
14 Quarry Lane, Exeter, Vermont

May 6, 2024

Tallis Grocers, Inc.
2 Market Street, Rutland, Vermont

Re: Supply Agreement dated as of March 1, 2022

Dear Ms. Tallis:

Reference is made to the Supply Agreement dated as of March 1, 2022 between Orchard Row LLC
and Tallis Grocers, Inc. (the "Agreement").

Section 2 of the Agreement shall be of no further force or effect from June 1, 2024.

The parties agree that Section 3 of the Agreement is hereby amended and restated in its
entirety to read as follows:

"3. Delivery. Deliveries are made each Tuesday."

Very truly yours,

ORCHARD ROW LLC

By: ______________________
"""


def test_a_letters_change_before_its_instruction_is_an_item() -> None:
    report = parse_report(parse_amendment(LETTER, source="letter.txt"))
    assert [(i.number, i.status) for i in report.items] == [("¶1", "failed"), ("¶2", "parsed")]
    assert "no further force" in report.items[0].message
    assert [(o["action"], o["target"]) for o in report.items[1].operations] == [
        ("replace", "Section 3")
    ]
    # its new text is the Section alone: never the letter's close and signature block after
    # it, nor the quotation's closing mark (both had been printed into Section 3)
    (_, _), (restated, _) = parse_amendment(LETTER, source="letter.txt").leaves()
    assert restated.payload is not None
    assert restated.payload.strip() == "3. Delivery. Deliveries are made each Tuesday."


# New text that holds a paragraph saying something of a provision, in words that amend
# nothing: the item is refused rather than print the paragraph inside the restated provision
# (and lose the change it makes). (1) A quotation that closes at a paragraph's end, then an
# unquoted paragraph: the layout reads the quotation as never closed (no item follows it).
# (2) Unquoted new text runs to the next item; a paragraph of it whose subject is a provision
# of the agreement as the amendment names it ("of the Agreement"; the agreement's own text
# says "this Agreement") is the amendment speaking. (New definitions that cite "Section 28 of
# the Agreement" are new text still.)
@pytest.mark.parametrize(
    ("new_text", "said", "kept"),
    [
        (
            '"1. Term. This Agreement runs for three (3) years from the Effective Date."\n\n'
            "Section 2 of the Agreement shall no longer apply.",
            "shall no longer apply",
            "two (2) years",
        ),
        (
            "1. Term. This Agreement runs for three (3) years from the Effective Date.\n\n"
            "Section 2 of the Agreement shall be of no further force or effect.",
            "Section 2 of the Agreement shall be",
            "two (2) years",
        ),
    ],
)
def test_a_change_inside_new_text_refuses_the_item(new_text: str, said: str, kept: str) -> None:
    text = SENTENCES.split("1. Section 1")[0] + (
        "1. Section 1 of the Agreement is hereby amended and restated in its entirety to read "
        f"as follows:\n\n{new_text}\n\n"
        "2. This Second Amendment is governed by the laws of Vermont.\n"
    )
    done = consolidate(read_text_document(BASE), [parse_amendment(text, source="sixth.txt")])
    items = done.report.amendments[0].items
    assert [(i.number, i.status) for i in items] == [("1", "failed"), ("2", "no_text_change")]
    assert said in items[0].message
    assert kept in write_text(done.document)


# An item whose sub-items amend is no item of its own in the report; a clause of it that
# changes the agreement besides ("..., and Section 1 of the Agreement shall be of no further
# force or effect:") was in no reported item at all. A list of provisions as the subject
# ("Section 1 and Section 3 of the Agreement are ...") is one clause.
@pytest.mark.parametrize(
    ("lead", "failed"),
    [
        (
            "Section 2 of the Agreement is hereby amended as follows, and Section 1 of the "
            "Agreement shall be of no further force or effect:",
            ["1"],
        ),
        (
            "The first sentence of Section 2 and Section 3 of the Agreement are amended as follows:",
            [],
        ),
    ],
)
def test_a_change_beside_an_umbrella_fails_it(lead: str, failed: list[str]) -> None:
    text = SENTENCES.split("1. Section 1")[0] + (
        f'1. {lead}\n\n(a) the word "crate" is hereby deleted and replaced with the word '
        '"case"; and\n\n(b) the word "Monday" is hereby deleted and replaced with the word '
        '"Tuesday".\n'
    )
    report = parse_report(parse_amendment(text, source="eighth.txt"))
    assert [i.number for i in report.items if i.status == "failed"] == failed
    assert [i.number for i in report.items if i.status == "parsed"] == ["1.(a)", "1.(b)"]


# The lead into the items is no item: a change it makes besides leading into them would be in
# none ("... agree that the Crate Price shall be $40, and further agree to amend ... as
# follows:"). The amendment reports it as a failure; the items are read as before.
@pytest.mark.parametrize(
    ("lead", "failed"),
    [
        (
            "NOW, THEREFORE, the parties agree that the Crate Price shall be forty dollars ($40) "
            "from June 1, 2024, and further agree to amend the Supply Agreement as follows:",
            True,
        ),
        (
            "NOW, THEREFORE, in consideration of the premises, the receipt and sufficiency of "
            "which are hereby acknowledged, the parties agree to amend the Supply Agreement as "
            "follows:",
            False,
        ),
    ],
)
def test_a_change_in_the_lead_into_the_items_fails(lead: str, failed: bool) -> None:
    text = (
        "SECOND AMENDMENT TO SUPPLY AGREEMENT\n\nThis Second Amendment is made as of May 6, "
        f"2024 between Orchard Row LLC and Tallis Grocers, Inc.\n\n{lead}\n\n"
        "1. Section 3 of the Agreement is hereby deleted in its entirety.\n"
    )
    items = parse_report(parse_amendment(text, source="lead.txt")).items
    statuses = [(i.number, i.status) for i in items]
    assert statuses == ([("?", "failed")] if failed else []) + [("1", "parsed")]
    if failed:
        assert "Crate Price shall be forty dollars" in items[0].message
