"""The grammar composed of parts (citation, verbs, payload, lead-ins): invented
instructions in composed/*.yaml are read, through ``interpret``, into the changes a
lawyer reading them would list -- one per change, with its action and target."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conformed.change import Selector
from conformed.errors import InstructionParseError, PayloadError
from conformed.grammar.instruction import parse_changes
from conformed.grammar.interpret import interpret
from conformed.grammar.no_text_change import non_textual
from conformed.layout.convention import CONVENTION
from conformed.layout.item import Item
from conformed.operations import NoTextChange, describe
from helpers import load_yaml

CASES = sorted((Path(__file__).parent / "composed").glob("*.yaml"))


def _cases() -> list[tuple[str, dict]]:
    return [
        (f"{path.stem}-{i + 1}", case)
        for path in CASES
        for i, case in enumerate(load_yaml(path)["cases"])
    ]


def _item(number: str, instruction: str, payload: str | None = None) -> Item:
    return Item(number, instruction, payload, instruction, 1)


def _read_or_refused(
    number: str, instruction: str, payload: str | None = None, *, agreement: str = ""
) -> list[dict[str, str]] | None:
    """What an item is read as (its operations described), or None where it is refused:
    for the guards, either is right so long as no change is lost or misplaced."""
    try:
        op = interpret(_item(number, instruction, payload), (), agreement=agreement)
    except InstructionParseError:
        return None
    return describe(op)


@pytest.mark.parametrize("case", [c for _, c in _cases()], ids=[n for n, _ in _cases()])
def test_case(case: dict) -> None:
    ancestors = (_item("1", case["parent"]),) if "parent" in case else ()
    op = interpret(
        _item("1.a" if ancestors else "1", case["instruction"], case.get("payload")), ancestors
    )
    got = describe(op)
    want = case["expect"]
    assert [g["action"] for g in got] == [w["action"] for w in want], got
    for g, w in zip(got, want, strict=True):
        if "kind" in w:
            assert g["kind"] == w["kind"], got
        for needle in w["target"]:
            assert needle in g["target"], f"{needle!r} not in {g['target']!r}"


@pytest.mark.parametrize(
    "instruction",
    [
        'Section 9 of the Release Agreement shall now read as follows: "9. Term. Five years."',
        "Section 4 of the Supply Agreement is superseded by the following: «TEXT»",
        "Section 4 of the Supply Agreement is hereby changed to read: «TEXT»",
        "The Base Rent set out in Section 3 is hereby increased to $4,000 per month.",
        "Section 11 of the Ground Lease is hereby terminated.",
        "Whereas Section 2 previously read as stated, it now reads as set out below.",
        # the imperative, in words the grammar does not read, naming a closed-list word
        "Delete the counterparts clause wherever the Schedule and the Annex print it, save as "
        "the Lenders otherwise agree.",
        "In clause 12, strike the second proviso regarding counterparts, as the parties agree.",
        # a new figure for a term, said beside the amendment's effectiveness
        "Effectiveness. This Amendment shall become effective on May 1, 2026, and from that "
        "date the Base Rent shall be $5,200 per month.",
        "Commencement. The variations set out in this deed shall take effect on 1 June 2026, "
        "from which date the Licence Fee shall be 12,000 pounds a year.",
        # the same change asked for in another part, in the words of the applicability form
        "The amendment made by paragraph 2 of this Amendment shall apply to Section 7.4 "
        "of the Plan as well.",
        # a term of the agreement given another meaning: not the amendment's own terms
        "Loan, as defined in the Credit Agreement, shall have the meaning given to such term "
        "in the Second Lien Agreement.",
        # a definition of the agreement, not of the amending instrument
        'In the Supply Agreement, "Depot" means the warehouse at 4 Quay Street.',
        'In Section 1.1 of the Supply Agreement, "Depot" shall mean the Quay Street warehouse.',
    ],
)
def test_operative_items_are_never_no_text_change(instruction: str) -> None:
    """An item that changes text, in words the grammar may not know, fails or is read --
    it is never dropped as changing nothing."""
    try:
        op = interpret(_item("1", instruction, "new words"), ())
    except InstructionParseError:
        return
    assert not isinstance(op, NoTextChange), describe(op)


@pytest.mark.parametrize(
    "instruction",
    [
        # a change described, then a new figure said in a sentence of its own
        "The Term of the Boathouse Lease is hereby extended for two (2) years, expiring on "
        "May 31, 2029. The Licence Fee is increased to $900 per month.",
        "Section 7 of the Boathouse Lease is amended to provide that the Licensee may moor one "
        "launch. The Mooring Fee shall be reduced to $40 a week.",
    ],
)
def test_a_second_change_said_in_its_own_sentence_is_never_swallowed(instruction: str) -> None:
    """Each sentence that changes something is a change of its own: read as one (two
    described changes), or the item fails -- never one description running on over it."""
    try:
        op = interpret(_item("1", instruction), ())
    except InstructionParseError:
        return
    assert len(describe(op)) == 2, describe(op)


@pytest.mark.parametrize(
    "instruction, kind",
    [
        (
            "This Amendment shall be binding upon the parties and their successors and assigns.",
            "binding effect",
        ),
        ("The Borrower shall pay the Agent's costs and expenses of this Amendment.", "costs"),
        ("Each Guarantor reaffirms its guaranty of the Obligations.", "acknowledgment"),
        (
            "The Lenders hereby waive the Default arising from the late delivery of the budget.",
            "waiver or consent",
        ),
        ("This Amendment may be executed in counterparts.", "counterparts"),
        ("[Reserved].", "reserved"),
        (
            "No Default shall have occurred and be continuing on the Second Amendment Date.",
            "conditions",
        ),
        (
            "The Lender shall have received this Amendment, duly executed by the Borrower.",
            "conditions",
        ),
        ("Intentionally Omitted.", "reserved"),
        (
            "Assignment. This Second Amendment to Consulting Agreement shall not be assignable "
            "by either party without the written consent of the other.",
            "assignment",
        ),
        (
            "Costs and Expenses. The Borrower shall pay the Agent's costs of this Amendment.",
            "costs",
        ),
        ("Notices. All notices under this Amendment go to the addresses in the Lease.", "notices"),
        (
            "Stockholder Approval. This Amendment shall be submitted to the Company's "
            "stockholders for approval at the next annual meeting.",
            "stockholder approval",
        ),
        (
            "Commencement. The variations set out in this deed shall take effect on and from "
            "1 June 2025.",
            "effectiveness",
        ),
        # the amending instrument's own definitions ("this" is the document that prints it)
        ('In this deed, "Variation Date" means 1 November 2029.', "defined terms"),
        (
            'In this Amendment Agreement, "Switch Date" means the first Business Day of May 2028.',
            "defined terms",
        ),
        (
            "Terms defined in the Pooling Agreement and not otherwise defined herein shall have "
            "the meanings given to them in the Pooling Agreement.",
            "defined terms",
        ),
    ],
)
def test_closed_list_of_items_that_change_no_text(instruction: str, kind: str) -> None:
    assert non_textual(instruction) == (kind, f"{kind}: changes no text of the agreement")


@pytest.mark.parametrize(
    "instruction",
    [
        "Utility Costs. Tenant shall pay the cost of the electricity it uses, by its own meter.",
        "Notices to the Landlord shall be sent to 40 Quarry Lane, Dorset.",
        "The Guarantor's obligations are those of a primary obligor and not a surety.",
        "The new term shall be effective for five years from the Renewal Date.",
        "Notices. The Tenant's address for notices is 12 Quarry Lane, Dorset.",
        "Fees. The Facility Fee is one quarter of one percent a year.",
        "Assignment. Neither party may assign its rights under the Agreement to a competitor.",
        "Parking. Ten spaces in the Garage shall be reserved for the Tenant's use.",
    ],
)
def test_broad_words_in_what_may_be_the_agreements_own_text_are_no_known_form(
    instruction: str,
) -> None:
    """Costs, notices, guaranties, effectiveness: words the agreement's own provisions use.
    Only a sentence about the amendment itself is a form that changes no text."""
    assert non_textual(instruction) is None


def test_an_item_in_no_known_form_fails_instead_of_being_dropped() -> None:
    assert non_textual("The Tenant may keep two bicycles in the lobby.") is None
    with pytest.raises(InstructionParseError):
        interpret(_item("1", "The Tenant may keep two bicycles in the lobby."), ())


@pytest.mark.parametrize(
    "hidden",
    [
        '(ii) deleting the period at the end of clause (c) thereof and inserting "; and"',
        "(iii) renumbering clause (d) thereof as clause (e)",
        'All references in the Supply Agreement to the term "Depot" are hereby deleted.',
        "Subsection 4(a) The second paragraph of this Subsection is deleted.",
        "and (ii) Section 27.6 of the Supply Agreement shall be deleted in its entirety.",
        "and (iii) adding the following sentence at the end of said Section:",
        "(ii) to add the following to the end of such Section before the period:",
        'and by inserting the words "or a Depot" after the word "Warehouse" therein.',
        "This Subsection is further amended by adding the following to the end of it:",
        "The Supplier shall keep the depots clean. Accordingly, Exhibit E to the Supply\n"
        "Agreement is hereby amended by deleting the rate for Depot 3.",
        # the next item, its label and heading first, run into the new text before it
        "1.5 Depot Fees. Section 4.3 of the Supply Agreement shall be amended as follows:",
        "Storage. Section 12 of the Supply Agreement shall be deleted in its entirety.",
    ],
)
def test_new_text_that_hides_another_instruction_is_refused(hidden: str) -> None:
    """An edit the reader took for a paragraph of new text would vanish if the item were
    applied; the item is refused, naming the paragraph."""
    instruction = "Section 9.3 of the Supply Agreement is hereby amended to read as follows: «TEXT»"
    payload = f"9.3 Depots. The Supplier shall keep two depots in the county.\n\n{hidden}\n"
    fine = "9.3 Depots. The Supplier shall keep two depots.\n\nEach depot is inspected yearly.\n"
    _refused_but_read_without(
        instruction, payload, fine, "holds what reads as another instruction", "replace"
    )


def _refused_but_read_without(
    instruction: str, payload: str, fine: str, refused: str, action: str
) -> None:
    """The item is refused with ``payload`` (the message says ``refused``), and read, with
    ``action``, once its new text is ``fine``: the refusal is for what the payload adds."""
    with pytest.raises(InstructionParseError, match=refused):
        interpret(_item("1", instruction, payload), ())
    assert describe(interpret(_item("1", instruction, fine), ()))[0]["action"] == action


@pytest.mark.parametrize(
    "instruction",
    [
        "This section amends section 12 of the Plan. Rollovers are accepted from 2003. "
        "Section 14 of the Plan is hereby deleted.",
        "Rollovers are accepted from 2003, and Section 14 of the Plan is hereby deleted. "
        "This section amends section 12 of the Plan.",
    ],
)
def test_a_plans_own_rule_never_hides_another_change(instruction: str) -> None:
    """ "This section amends section 12 of the Plan." with the rule it makes around it is a
    change described; a sentence beside it that deletes another Section is a change of its
    own, never words of the description: the item is refused rather than lose it."""
    with pytest.raises(InstructionParseError):
        interpret(_item("3", instruction), ())
    fine = "This section amends section 12 of the Plan. Rollovers are accepted from 2003."
    assert describe(interpret(_item("3", fine), ()))[0]["kind"] == "described_change"


@pytest.mark.parametrize(
    "hidden",
    [
        "(b) The table in Schedule 2 of the Charter Agreement under the heading \u201cRates\u201d is "
        "deleted and replaced with the table attached hereto as Schedule 2.",
        "(c) In the definition of \u201cHire\u201d in Section 1.01 of the Charter Agreement, replace the "
        "last sentence therein with the following:",
    ],
)
def test_a_sub_item_run_on_inside_new_text_is_refused(hidden: str) -> None:
    """A converted filing runs its sub-items on in one paragraph; new definitions read to the
    paragraph's end would take the next sub-item in as words of the last definition (a real
    filing's item was so applied, the next two changes in no operation).  A labelled sentence
    in the new text that reads as an instruction refuses the item."""
    instruction = (
        "The following defined terms shall be added to Section 1.01 of the Charter Agreement in "
        "appropriate alphabetical order: \u00abTEXT\u00bb"
    )
    payload = (
        "\u201cDock Fee\u201d shall mean $400 per day. \u201cDock Date\u201d shall mean May 1, 2026. "
        f"{hidden}\n"
    )
    with pytest.raises(InstructionParseError, match="holds what reads as another instruction"):
        interpret(_item("1.(a)", instruction, payload), ())
    fine = (
        "\u201cDock Fee\u201d shall mean $400 per day, except that: (a) The fee is halved on a Sunday. "
        "(b) The Section 2.01 rate applies to any part of a day.\n"
    )
    assert [d["action"] for d in describe(interpret(_item("1.(a)", instruction, fine), ()))] == [
        "insert"
    ]


def test_an_instruction_long_only_for_what_it_quotes_is_read_with_its_words_whole() -> None:
    """The length bound is on the instruction's structure: three hundred quoted words
    are one token, and they come back in the change exactly as quoted."""
    inserted = " ".join(f"the Grower shall keep record {n} of the seed lots" for n in range(60))
    instruction = (
        f'Section 8.4(a) of the Seed Supply Agreement is hereby amended by (A) inserting the text "{inserted}" '
        'immediately after the text "provided that" appearing in said Section and (B) deleting the word '
        '"Fifty" appearing therein.'
    )
    assert len(instruction) > 2000
    op = interpret(_item("1", instruction), ())
    got = describe(op)
    assert [g["action"] for g in got] == ["amend_text", "amend_text"], got
    changes = op.steps  # type: ignore[attr-defined]
    assert changes[0].payload.text == inserted
    assert changes[0].position == 'immediately after "provided that"'
    assert changes[1].selector.words == ("Fifty",)


def test_a_long_quotation_never_swallows_the_words_between_two_short_ones() -> None:
    """Quotations pair from the left: the text between "Orchard Rent" and "2031" (closing
    quote to opening quote) is not a quotation, however long it is."""
    instruction = (
        'The definitions of "Orchard Rent" and "Orchard Rent Schedule" appearing in Section 1.01 '
        'of the Orchard Lease are hereby amended by deleting each reference to "2031" in such '
        'definitions and in each case inserting the text "2034" in lieu thereof.'
    )
    got = describe(interpret(_item("1", instruction), ()))
    assert [g["action"] for g in got] == ["amend_text"]
    assert "Orchard Rent" in got[0]["target"]


@pytest.mark.parametrize(
    ("instruction", "amends_the_amendment"),
    [
        ("Paragraph 6 of the First Amendment is hereby deleted in its entirety.", True),
        (
            'Section 2(b) of the Second Amendment is hereby amended by deleting the words "ten days".',
            True,
        ),
        (
            "The second sentence of Section 4.2 of the Orchard Lease, as amended by Section 3 of "
            "the First Amendment, is hereby deleted in its entirety.",
            False,
        ),
    ],
)
def test_a_provision_of_an_earlier_amendment_is_never_the_agreements(
    instruction: str, amends_the_amendment: bool
) -> None:
    """An amendment names the earlier amendment it amends; one that names it only as what
    amended the agreement's provision amends the agreement."""
    op = interpret(_item("1", instruction, None), ())
    target = describe(op)[0]["target"]
    assert ("First Amendment" in target or "Second Amendment" in target) == amends_the_amendment
    assert bool(getattr(op, "other_document", "")) == amends_the_amendment


def test_deliverables_listed_under_a_conditions_item_change_no_text() -> None:
    """ "(a) this Amendment duly executed by the Borrower;" under "Conditions to the
    Effectiveness of this Amendment." lists a condition: its container's heading says so
    (a heading may hold "this", as "Effect of this Amendment." does)."""
    parent = _item(
        "4",
        "Conditions to the Effectiveness of this Amendment. This Amendment becomes effective "
        "when the Agent has received the following:",
    )
    op = interpret(_item("4.a", "this Amendment duly executed by the Borrower;"), (parent,))
    assert isinstance(op, NoTextChange), describe(op)
    assert op.kind == "conditions"


def test_an_attachment_named_twice_is_the_one_attached() -> None:
    """ "... in the form of Exhibit C attached hereto as Annex 2": the text is Annex 2's."""
    for instruction in (
        "Exhibit C to the Haulage Agreement is hereby amended and restated in the form of "
        "Exhibit C attached hereto as Annex 2.",
        "Exhibit C to the Haulage Agreement is hereby replaced with the form of Exhibit C as "
        "set forth on Annex 2 attached hereto.",
    ):
        op = parse_changes(instruction, None, None)
        assert [c.payload.text for c in op] == ["Annex 2"], op


@pytest.mark.parametrize(
    ("instruction", "attached"),
    [
        # a part of the amendment named without a label, or as a part of one
        (
            "Schedule 4 (Tariffs) to the Haulage Agreement is deleted and replaced with the "
            "schedule set out in the Appendix to this Amendment Agreement.",
            "Appendix",
        ),
        (
            "Schedule 7 (Form of Drawdown Notice) shall be deleted and replaced with the form set "
            "out in Part 2 of the Schedule to this Deed.",
            "Part 2 of the Schedule",
        ),
        (
            "Schedule 7 to the Haulage Agreement is replaced with the form set out in the "
            "Annexure to this Deed.",
            "Annexure",
        ),
        # the attachment, and where the amendment prints it
        (
            "Schedule 4 to the Haulage Agreement is deleted and replaced with Schedule 4 attached "
            "as Appendix 1 to this Agreement.",
            "Appendix 1",
        ),
        (
            "Schedule 4 to the Haulage Agreement is deleted and replaced with the schedule set out "
            "in Appendix 1 to this Amendment.",
            "Appendix 1",
        ),
    ],
)
def test_an_attachment_set_out_in_a_part_of_the_amendment(instruction: str, attached: str) -> None:
    """The new attachment is the part of the amendment that holds it: the one named last,
    which the consolidator must then find among the amendment's attachments."""
    changes = parse_changes(instruction, None, None)
    assert [(c.action, c.payload.kind, c.payload.text) for c in changes] == [
        ("replace", "attachment", attached)
    ]


@pytest.mark.parametrize(
    ("instruction", "target", "position"),
    [
        (
            "Section 6 of the Mill Lease is amended by adding a new paragraph at the end thereof "
            "to read as follows: «TEXT»",
            "Section 6",
            "at the end of thereof",
        ),
        (
            "Section 6 of the Mill Lease is amended by adding the following new sentence at the "
            "end of clause (c) thereof: «TEXT»",
            "clause (c) of Section 6",
            "at the end of clause (c)",
        ),
        (
            "Section 6 of the Mill Lease is amended by adding the following sentence immediately "
            "after clause (c) thereof: «TEXT»",
            "clause (c) of Section 6",
            "after clause (c)",
        ),
    ],
)
def test_a_new_thing_beside_or_at_the_edge_keeps_its_side(
    instruction: str, target: str, position: str
) -> None:
    """ "a new paragraph at the end thereof", "the following sentence immediately after clause
    (c)": where the new words go beside the part named is kept; until the tenth stop of issue
    11 both were read as words "in" the part, and the side was lost."""
    changes = parse_changes(instruction, "The Miller shall keep the race clear.")
    assert [c.selector.printed for c in changes] == [target]
    assert [str(c.position) for c in changes] == [position]


def test_only_words_are_read_as_referring_to_other_words() -> None:
    """'All references to "X" shall be deemed references to "Y"' replaces words; a
    provision said to "refer to" words is no reading at all, and fails loudly rather than
    being restated as those words."""
    with pytest.raises(InstructionParseError, match="not words"):
        parse_changes('Section 4 of the Mill Lease is hereby amended to refer to "the Headrace".')


def test_words_described_after_them_never_swallow_a_place() -> None:
    """ "deleting "2022" as the last day of the term, and substituting ..." says what the
    words are and changes nothing; "as the same appears in clause (b)" names where they are,
    and is never dropped as if it were a description (the item is not read at all)."""
    described = parse_changes(
        'Section 4.1 of the Mill Lease is hereby amended by deleting "2022" as the last day of '
        'the term, and substituting therefor "2023".'
    )
    assert [(c.verb, c.selector.words) for c in described] == [("replace", ("2022",))]
    with pytest.raises(InstructionParseError):
        parse_changes(
            'Section 4.1 of the Mill Lease is hereby amended by deleting "2022" as the same '
            'appears in clause (b), and substituting therefor "2023".'
        )


def test_a_mark_named_as_a_full_stop_is_the_mark() -> None:
    """ "replacing the semicolon at the end thereof with a full stop": the new words are ".",
    never the words "full stop" (the marks named in words are one table, change.MARKS)."""
    changes = parse_changes(
        "Section 4.2 of the Mill Lease is hereby amended by replacing the semicolon at the end "
        "thereof with a full stop."
    )
    assert [c.payload.text for c in changes] == ["."]


def test_such_sentence_is_the_sentence_the_item_cites_and_no_other() -> None:
    """ "... at the end of such sentence" is the subject when the subject is a sentence; after
    a provision, with a sentence named only by an earlier edit, it names no sentence the item
    cites, and is refused rather than read as the whole provision."""
    got = parse_changes(
        "The second sentence of Section 8 of the Pasture Lease is hereby amended by deleting the "
        'period at the end of such sentence and substituting therefor ", as amended."'
    )
    assert [c.selector.printed for c in got] == [
        "period at the end of second sentence of Section 8"
    ]
    with pytest.raises(InstructionParseError, match="names no sentence"):
        parse_changes(
            'Section 8 of the Pasture Lease is hereby amended by deleting the word "and" after '
            "clause (a) of the first sentence thereof and by adding the following at the end of "
            'such sentence: ", as amended"'
        )


def test_a_line_named_by_its_words_never_takes_the_verb_after_it() -> None:
    """ "amending the line relating to the Audit Chair by striking ...": the line's name ends
    before "by"; a line named "Audit Chair by striking" would be a reading of nothing."""
    try:
        got = parse_changes(
            "Section 1.1 of the Pasture Policy is hereby amended by amending the line relating to "
            'the Grazing Warden by striking "$900" and replacing it with "$950".'
        )
    except InstructionParseError:
        return
    assert not any("by striking" in c.selector.printed for c in got), got


def test_words_said_besides_an_instruction_never_hide_another() -> None:
    """ ", and Tenant agrees that ..." after an instruction is kept out of it only where it
    amends nothing; one that amends is refused, never dropped."""
    with pytest.raises(InstructionParseError, match="goes on after its instruction"):
        parse_changes(
            "Section 5.3 of the Kiln Lease is hereby deleted in its entirety, and Tenant agrees "
            'that Section 5.4 is hereby amended by deleting "kiln".'
        )
    with pytest.raises(InstructionParseError, match="goes on after its instruction"):
        parse_changes(  # a term set with no amending word and no provision named
            "Section 5.3 of the Kiln Lease is hereby deleted in its entirety, and Tenant agrees "
            "that the Base Rent shall be $5,000 per month."
        )


def test_new_words_given_respectively_pair_one_for_one() -> None:
    """Each of the words replaced takes the new words in the same place of the list."""
    changes = parse_changes(
        'Section 3 of the Pier Lease is hereby amended by deleting "ten" and "June" and '
        'substituting "twelve" and "July", respectively.'
    )
    assert [(c.selector.words, c.payload.text) for c in changes] == [
        (("ten",), "twelve"),
        (("June",), "July"),
    ]
    with pytest.raises(InstructionParseError, match="do not pair one for one"):
        parse_changes(
            'Section 3 of the Pier Lease is hereby amended by deleting "ten" and "June" and '
            'substituting "twelve", "July" and "May", respectively.'
        )


def test_every_reference_to_two_terms_replaced_with_one() -> None:
    """Each of the terms takes the one new term, everywhere it is printed."""
    changes = parse_changes(
        'Each reference in the Pier Lease to "Boathouse" and "Slipway" is hereby replaced with '
        'a reference to "Marina".'
    )
    assert [(c.selector.words, c.payload.text, c.selector.every) for c in changes] == [
        (("Boathouse",), "Marina", True),
        (("Slipway",), "Marina", True),
    ]


def test_words_of_a_part_named_in_full_keep_the_instrument_the_item_amends() -> None:
    """'Section 4 of the Pledge Agreement is amended by deleting "X" in Section 4(a)': the
    words are Section 4(a)'s -- of the Pledge Agreement, which applying checks."""
    subject = Selector("provision", "Section 4", ("4",), "Section", documents=("Pledge Agreement",))
    (change,) = parse_changes(
        'by deleting "$90,000" in Section 4(a) and substituting "$95,000" therefor;',
        start="start_edits",
        subject=subject,
    )
    assert change.selector.scope == "Section 4(a)"
    assert "Pledge Agreement" in change.selector.documents


@pytest.mark.parametrize(
    "instruction, at",
    [
        (
            "Amendment of Section 4.1. Section 4.1 of the Supply Agreement is hereby wrapped in "
            "ribbon and sealed with wax.",
            "wrapped in ribbon",
        ),
        (
            "Amendments to Section 12.03(b). Section 12.03(b) of the Facility Agreement is "
            "hereby folded into a paper boat.",
            "folded into",
        ),
    ],
)
def test_an_unread_item_under_a_heading_that_cites_a_provision_is_told_where_it_fails(
    instruction: str, at: str
) -> None:
    """ "Amendment of Section 4.1." heads the item: the error told is where the instruction
    under it stops reading, not the heading's first word (the stops in "4.1" are no end)."""
    with pytest.raises(InstructionParseError) as info:
        interpret(_item("1", instruction), ())
    where = re.search(r'at column \d+: "([^"]*)"', str(info.value))
    assert where is not None and where.group(1).startswith(at), str(info.value)


@pytest.mark.parametrize(
    "instruction, at",
    [
        (
            "With effect from the Transfer Date, Section 9 of the Lease is hereby amended by "
            "folding clause (b) into a paper boat.",
            "folding clause",
        ),
        (
            "Subject to the consent of the Agent, clause (c) of Section 7.1 is hereby amended by "
            "folding it into a paper boat.",
            "folding it",
        ),
    ],
)
def test_an_unread_item_after_a_lead_in_is_told_where_it_fails(instruction: str, at: str) -> None:
    """The sentence forms have no lead-in "Effective as of ...," and stop at its first
    word; the error told is where the grammar that reads lead-ins stops."""
    with pytest.raises(InstructionParseError) as info:
        interpret(_item("1", instruction), ())
    where = re.search(r'at column \d+: "([^"]*)"', str(info.value))
    assert where is not None and where.group(1).startswith(at), str(info.value)


@pytest.mark.parametrize(
    "instruction, where",
    [
        (
            "Immediately after clause 7.3, the following new clause 7.4 shall be inserted: "
            "\u00abTEXT\u00bb",
            "after clause 7.3",
        ),
        (
            "Following Section 4.2 of the Hire Agreement, the following new Section 4.3 is "
            "hereby added: \u00abTEXT\u00bb",
            "following Section 4.2",
        ),
    ],
)
def test_a_place_said_first_is_where_the_new_text_goes_never_a_time(
    instruction: str, where: str
) -> None:
    """ "Immediately after clause 7.3," names a place, as "Immediately after the Effective
    Date," names a time: the new clause goes there (it had been read as a lead-in and the
    place dropped)."""
    (change,) = parse_changes(instruction, "7.4 Returns. The Hirer returns the crane clean.")
    assert change.verb == "insert" and where in change.position, change.position


@pytest.mark.parametrize(
    "instruction",
    [
        "The Kiln Agreement shall be amended as follows: 2.1 Section 10.2 of the Kiln Agreement "
        'is hereby amended by replacing "July 1" with "April 1".',
        "Section 4 of the Kiln Lease is amended as follows: Section 4.2 is hereby deleted.",
    ],
)
def test_words_after_a_colon_that_amend_are_never_the_new_text(instruction: str) -> None:
    """ "... shall be amended as follows: 2.1 Section 10.2 ... is hereby amended by ...": what
    follows the colon on the same line is the item's next instruction, not the new text of
    the agreement or Section named first (which would replace it whole with those words)."""
    try:
        got = describe(interpret(_item("2", instruction), ()))
    except InstructionParseError:
        return
    assert all(
        g["action"] != "replace" or "10.2" in g["target"] or "4.2" in g["target"] for g in got
    )


@pytest.mark.parametrize(
    "said",
    [
        "which deletion shall also apply to Section 4.2",
        "which amount shall be $5,000 per month",
        'which is amended by deleting "kiln"',
        "which Schedule 2 shall also reflect",
    ],
)
def test_what_a_change_is_for_never_hides_another(said: str) -> None:
    """ "..., which shall apply to all orders placed after the date hereof" is kept out of the
    change; words after "which" that amend, name a provision or set a figure are refused."""
    got = parse_changes(
        "Exhibit B to the Kiln Agreement is hereby replaced with Exhibit B attached hereto, "
        "which shall apply to all orders placed after the date hereof."
    )
    assert [(c.verb, c.selector.printed) for c in got] == [("replace", "Exhibit B")]
    with pytest.raises(InstructionParseError):
        parse_changes(f"Section 4.1 of the Kiln Agreement is hereby deleted, {said}.")


def test_a_lead_in_that_names_its_date_never_hides_a_change() -> None:
    """ "Effective as of December 1, 2026 (the "Expansion Date"), ..." is a lead-in; words
    in its parentheses that amend are refused, never read as the lead-in's."""
    got = parse_changes(
        'Effective as of December 1, 2026 (the "Expansion Date"), Section 4 of the Kiln Lease '
        "is hereby deleted."
    )
    assert [(c.verb, c.selector.printed) for c in got] == [("delete", "Section 4")]
    with pytest.raises(InstructionParseError):
        parse_changes(
            "Effective as of the date hereof (and Section 5 is hereby deleted), Section 4 of the "
            "Kiln Lease is hereby deleted."
        )


def test_new_words_after_changed_to_never_take_the_next_sentence() -> None:
    """ "... is hereby changed to: 12 Flue Street, Dover. Section 10 is hereby deleted.": the
    unquoted new words end before a sentence that amends; that deletion is its own change."""
    try:
        got = describe(
            interpret(
                _item(
                    "4",
                    "The address of the Guarantor for notices set forth in Paragraph 17 of the Kiln "
                    "Guaranty is hereby changed to: 12 Flue Street, Dover. Paragraph 18 of the Kiln "
                    "Guaranty is hereby deleted.",
                ),
                (),
            )
        )
    except InstructionParseError:
        return
    assert any(g["action"] == "delete" and "18" in g["target"] for g in got), got


def test_a_reading_that_divides_new_text_needs_the_items_new_text() -> None:
    """The grammar is also asked for readings with no new text (an umbrella read for its
    subject, a sentence of a heading): there a block that cannot be divided is a reading that
    does not apply, refused as any other, never a failure of the new text's."""
    with pytest.raises(InstructionParseError):
        parse_changes(
            "Section 6.3 of the Kiln Lease is hereby amended by amending and restating clause (ii) "
            "thereof and inserting a new clause (iv) immediately after clause (iii) thereof, as "
            "follows: \u00abTEXT\u00bb"
        )


def test_an_attachment_added_under_its_own_name_is_the_new_part_and_its_text() -> None:
    """ "adding thereto Exhibit D-1 attached to this Amendment": Exhibit D-1 is the new part,
    and the attachment of that name its text (the composed case for it checks the target's
    words only, which the reading before, "Exhibit D-1 of this Amendment" with no text, had
    too)."""
    got = parse_changes(
        "The Kiln Lease is further amended by adding thereto Exhibit D-1 attached to this Amendment."
    )
    assert [(c.verb, c.selector.printed, c.payload.kind, c.payload.text) for c in got] == [
        ("insert", "Exhibit D-1", "attachment", "Exhibit D-1")
    ]


def test_a_section_sign_the_agreement_prints_is_never_rewritten() -> None:
    """ "§ 4.2" is cited as "Section 4.2", but quoted words and the words after "reference
    to" are what to find in the agreement: the sign stays in them."""
    op = interpret(
        _item(
            "1",
            'Section 9 of the Mooring Agreement is amended by deleting "§ 4(b)" and '
            'inserting "§ 4(c)".',
        ),
        (),
    )
    assert describe(op) == [
        {"action": "amend_text", "kind": "replace_words", "target": "Section 9"}
    ]
    edit = op.edits[0]  # type: ignore[attr-defined]
    assert (edit.old, edit.new) == ("§ 4(b)", "§ 4(c)")
    assert CONVENTION.signs_as_words("each reference to § 4(b) in § 9") == (
        "each reference to § 4(b) in Section 9"
    )
    assert CONVENTION.signs_as_words("¶ The Tenant shall pay.") == "¶ The Tenant shall pay."


@pytest.mark.parametrize(
    "instruction",
    [
        "The Berth Rent is hereby increased as set forth in Section 4.1 of the Mooring "
        "Agreement, which is hereby deleted and replaced with the following: \u00abTEXT\u00bb",
        'The Expiry Date is hereby extended to March 31, 2031 by deleting "2029" in Section 2.1 '
        'of the Mooring Agreement and inserting "2031".',
        "Section 3 of the Mooring Agreement is hereby amended so that the Expiry Date is March "
        '31, 2031 by deleting "2029" in Section 2.1 and inserting "2031".',
    ],
)
def test_a_change_described_never_hides_a_change_to_another_provision(instruction: str) -> None:
    """A description is read as a change to apply by hand; one that itself deletes or
    inserts in another provision would leave that change out of the report: refused."""
    with pytest.raises(InstructionParseError):
        new = "2.1 Berth Rent. The rent is $90." if "\u00ab" in instruction else None
        interpret(_item("1", instruction, new), ())


@pytest.mark.parametrize(
    "instruction",
    [
        "Exhibit B attached to the Hangar Lease is hereby deleted in its entirety.",
        "Rider C annexed to the Hangar Lease is hereby replaced with Rider C attached hereto.",
    ],
)
def test_a_labelled_attachment_said_attached_is_cited_by_its_label(instruction: str) -> None:
    """ "Exhibit B attached to the Lease" is Exhibit B, cited as an attachment, never a title
    of words ("the Pilotage Certificate attached to the Lease") read as a document's name."""
    (change,) = parse_changes(instruction, None)
    assert change.selector.kind == "attachment", change.selector


def test_a_sentence_that_amends_after_unquoted_new_text_is_its_own_change() -> None:
    """New definitions set out unquoted under an item, then, in the same item, a sentence
    that amends another definition: the layout ends the block at that sentence, and the
    item's words go on after it; the sentence is a change of its own (the item had failed,
    the sentence read as words after the block)."""
    from conformed.amendment import parse_amendment
    from conformed.cli import parse_report

    text = (
        "FIRST AMENDMENT TO MOORING AGREEMENT\n\n"
        "This First Amendment is made as of May 1, 2020 between Tarn Marina Ltd. and Cole.\n\n"
        "1. Amendment to Section 1. Section 1 of the Mooring Agreement is hereby amended by "
        "adding the following defined terms thereto in their appropriate alphabetical order:\n\n"
        '     "Berth Plan" means the plan of the marina.\n\n'
        '     "Launch" means the Licensee\'s boat.\n\n'
        'The definition of "Slip" in Section 1 of the Mooring Agreement is amended by inserting '
        'the words "numbered" immediately after the words "a berth".\n\n'
        "2. Counterparts. This Amendment may be executed in counterparts.\n"
    )
    report = parse_report(parse_amendment(text, source="invented"))
    first = report.items[0]
    assert first.status == "parsed", first.message
    got = [(o["action"], o["target"]) for o in first.operations]
    assert [a for a, _ in got] == ["insert", "insert", "amend_text"], got
    assert "Berth Plan" in got[0][1] and "Launch" in got[1][1] and "Slip" in got[2][1], got


def test_what_a_part_shows_never_swallows_where_it_is() -> None:
    """ "The column setting forth the Berth Fees in Schedule 2 to the Mooring Agreement": the
    words after "setting forth" say what the column shows, and stop at the citation; a
    reading that took "in Schedule 2" as more of them named the column "of the Mooring
    Agreement" (a first version did so to a development filing)."""
    instruction = (
        "The column setting forth the Berth Fees in Schedule 2 to the Mooring Agreement shall "
        "be amended and restated to read in entirety as set forth in Schedule 2 to this Amendment."
    )
    try:
        op = interpret(_item("1", instruction), ())
    except InstructionParseError:
        return  # loud: a person reads it
    assert all("Schedule 2" in d["target"] for d in describe(op)), describe(op)


def test_corresponding_attachments_are_each_parts_namesake() -> None:
    """ "replaced with the corresponding schedules attached hereto": Schedule 1's new text is
    the Schedule 1 attached, Schedule 3's the Schedule 3 -- never one attachment for both."""
    changes = parse_changes(
        "Schedule 1 (Berths) and Schedule 3 (Fees) to the Mooring Agreement are each hereby "
        "replaced with the corresponding schedules attached hereto."
    )
    assert [(c.selector.printed, c.payload.kind, c.payload.text) for c in changes] == [
        ("Schedule 1", "attachment", "Schedule 1"),
        ("Schedule 3", "attachment", "Schedule 3"),
    ]


def test_a_condition_under_a_heading_of_conditions_changes_no_text() -> None:
    """ "Conditions to Amendment." over "(b) The Borrower shall deliver a certificate of its
    Secretary ...": the heading the sub-item stands under says what it is."""
    said = "The Borrower shall deliver a certificate of its Secretary to the Lender."
    assert non_textual(said) is None
    assert non_textual(said, "Conditions to Amendment.") == (
        "conditions",
        "conditions: changes no text of the agreement",
    )


@pytest.mark.parametrize(
    "verb",
    ["shall hereby be amended", "will hereby be amended", "shall hereby be deleted"],
)
def test_a_change_in_force_from_a_date_is_never_its_effectiveness(verb: str) -> None:
    """ "Effective as of the Second Amendment Effective Date, clause (j) of ... shall hereby be
    amended ...": the sentence opens as an item about the amendment's effectiveness does,
    but its verb amends (its adverb between "shall" and "be"); it is read, or refused, and
    never reported as changing no text (the change would vanish from the report)."""
    instruction = (
        "Amendment to Lease. Effective as of the Second Amendment Effective Date, clause (j) "
        f"of the definition of \u201cPermitted Kilns\u201d in the Lease {verb} to add the "
        "underlined text (indicated textually as in this example: underlined text) as "
        "follows: \u00abTEXT\u00bb"
    )
    payload = "\u201cany kiln fired with wood in the ordinary course\u201d"
    try:
        op = interpret(_item("1", instruction, payload), ())
    except InstructionParseError:
        return
    assert not isinstance(op, NoTextChange), describe(op)


@pytest.mark.parametrize(
    "umbrella",
    [
        "The parties hereby agree to amend the Kiln Supply Agreement as follows:",
        "Amendment. The parties agree that the Kiln Supply Agreement is amended as follows:",
        "Effective as of the date hereof, the Kiln Supply Agreement is hereby amended in the following "
        "respects:",
    ],
)
def test_one_change_after_an_umbrella_on_the_same_line(umbrella: str) -> None:
    """An umbrella over the whole agreement, then on its line the one change it announces
    (a flattened filing, or a drafter who wrote no list): the change is read."""
    change = (
        "The definition of \u201cFiring Date\u201d in Section 1.1 of the Kiln Supply Agreement is hereby "
        "amended and restated in its entirety to read as follows: \u00abTEXT\u00bb"
    )
    payload = "\u201cFiring Date\u201d means the first Monday of each month."
    op = interpret(
        _item("2", f"{umbrella} {change}", payload), (), agreement="Kiln Supply Agreement"
    )
    assert describe(op) == [
        {"action": "replace", "kind": "replace_definition", "target": "Section 1.1 Firing Date"}
    ]


def test_an_umbrella_over_one_provision_keeps_its_scope() -> None:
    """ "Section 2 ... is amended as follows: the words ..." : the words are Section 2's;
    the change after the umbrella, read alone, would change them wherever they are."""
    instruction = (
        "Section 2 of the Kiln Supply Agreement is hereby amended as follows: the words \u201ckiln\u201d "
        "are replaced with \u201coven\u201d."
    )
    got = _read_or_refused("3", instruction, agreement="Kiln Supply Agreement")
    assert got is None or all("Section 2" in o["target"] for o in got), got


@pytest.mark.parametrize(
    "subject",
    [
        "Each Lender agrees that,",
        "Kiln Supply Extension. Each Kiln Owner listed on Schedule 2.01 set forth on Annex A hereto "
        "(collectively, the \u201cExtending Owners\u201d), each Glazier and each Potter agrees that,",
        "Each party hereto acknowledges and agrees that,",
    ],
)
def test_what_the_parties_agree_is_the_change(subject: str) -> None:
    """ "<whoever> agrees that, on and as of <a date>, <the change>": the change is read,
    however long the list of who agrees (longer than the lead-ins' own list of parties)."""
    instruction = (
        f"{subject} on and as of the First Amendment Effective Date (as defined below), "
        "Section 4 of the Kiln Supply Agreement is hereby deleted in its entirety."
    )
    op = interpret(_item("2", instruction), (), agreement="Kiln Supply Agreement")
    assert describe(op) == [{"action": "delete", "kind": "delete_provision", "target": "Section 4"}]


def test_a_subject_that_amends_is_never_set_aside_as_who_agrees() -> None:
    """ "Section 5 ... is hereby deleted and each Lender agrees that Section 4 ...": the words
    before "agrees that" amend; read without them, the deletion of Section 5 would vanish."""
    instruction = (
        "Section 5 of the Kiln Supply Agreement is hereby deleted and each Lender agrees that "
        "Section 4 of the Kiln Supply Agreement is hereby deleted."
    )
    got = _read_or_refused("2", instruction, agreement="Kiln Supply Agreement")
    assert got is None or any("Section 5" in o["target"] for o in got), got


def test_new_text_that_runs_into_a_signature_is_refused() -> None:
    """Unquoted new text read to the end of an amendment took in its signature block
    ("By /s/ DANA VALE"): applied, the plan would print it.  The item is refused."""
    instruction = (
        "Subsection 21(d): This Subsection is amended by adding the following sentence at "
        "the end of the Subsection: \u00abTEXT\u00bb"
    )
    payload = (
        "The foregoing provisions shall apply only to Plan Years beginning after 2025.\n\n"
        "ORRIN KILNWORKS INC.\n\nDate: March 3, 2026     By  /s/ DANA VALE\n"
        "                             Dana Vale, President\n"
    )
    fine = "The foregoing provisions shall apply only to Plan Years beginning after 2025.\n"
    _refused_but_read_without(instruction, payload, fine, "runs into a signature", "amend_text")


@pytest.mark.parametrize(
    "instruction",
    [
        "The Glaze Supply Agreement is hereby amended as follows: Section 4 of the Agreement is "
        "hereby deleted in its entirety.",
        "Each party to the Glaze Supply Agreement agrees that Section 4 of the Agreement is "
        "hereby deleted in its entirety.",
    ],
)
def test_words_set_aside_never_take_the_instrument_they_name(instruction: str) -> None:
    """An umbrella or a subject that names another instrument ("The Glaze Supply Agreement
    is amended as follows:"), then a change that says only "the Agreement": read without
    those words, the change would fall on the agreement the amendment amends (the Kiln
    Supply Agreement's Section 4 deleted).  It is refused, or read as of the instrument
    named."""
    got = _read_or_refused("2", instruction, agreement="Kiln Supply Agreement")
    assert not got, got


def test_a_change_said_before_agrees_that_is_never_set_aside() -> None:
    """ "Each Lender consents to the deletion of Section 5 ... and agrees that Section 4 ...
    is hereby deleted": the words before "agrees that" say a change in no words that amend;
    read without them, the deletion of Section 5 would vanish.  Only the amendment's own
    attachments ("listed on Schedule 2.01 set forth on Annex A hereto") may be cited there."""
    got = _read_or_refused(
        "2",
        "Each Lender consents to the deletion of Section 5 of the Kiln Supply Agreement and "
        "agrees that Section 4 of the Kiln Supply Agreement is hereby deleted in its entirety.",
        agreement="Kiln Supply Agreement",
    )
    assert got is None or any("Section 5" in o["target"] for o in got), got


def test_terms_listed_before_the_new_definitions_are_never_dropped() -> None:
    """New definitions whose block opens with a paragraph that defines several terms at once
    ('"Berth", "Quay" and "Slip" have the meanings the Harbour Code gives them'): no one
    definition names it, so read as the definitions after it, its terms would be in no report
    and lost when applied.  The item is refused at once, naming those words."""
    payload = (
        '"Berth", "Quay" and "Slip" shall have the respective meanings given to them in the '
        'Harbour Code.\n\n"Pier Fee" means the fee set out in Schedule 2.'
    )
    with pytest.raises(PayloadError, match="no definition"):
        interpret(
            _item(
                "1",
                "Section 1.1 of the Pier Agreement is hereby amended by inserting the following "
                "new definitions therein in their appropriate alphabetical positions to read as "
                "follows: «TEXT»",
                payload,
            ),
            (),
        )


def test_new_text_that_goes_on_amending_a_definition_is_refused() -> None:
    """New text with a later paragraph "(ii) amending the definition of the term "U.S. Dock
    Base" by (A) deleting ..." holds an edit of the item's own (a term with stops in it hid it
    from the guard): applied, the edit would be written into the agreement as text."""
    payload = (
        "Rating          Berth Margin\nCategory 1         1.50%\n\n"
        '(ii) amending the definition of the term "U.S. Dock Base" by (A) deleting the word '
        '"and" at the end of clause (b)(iii) thereof, and'
    )
    got = _read_or_refused(
        "1.(a)",
        "Section 1.01 of the Loan Agreement is hereby amended by deleting the table set forth "
        'in the definition of the term "Berth Margin" and substituting in lieu thereof the '
        "following: «TEXT»",
        payload,
    )
    assert got is None, got
