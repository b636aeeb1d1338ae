"""A table under an item is a table of changes only where every row says what is done to
the provision it names; a table of figures set out as new text is the item's new text."""

from __future__ import annotations

from conformed.grammar.table_rows import table_rows


def test_rows_that_say_what_is_done_are_a_table_of_changes() -> None:
    block = (
        "Clause of the Agreement\nAmendment\n7.2\n"
        'Delete "thirty (30) days" and substitute "sixty (60) days".\n'
        "9.4(b)\nDeleted in its entirety.\n"
    )
    assert table_rows(block) == [
        ("Clause 7.2", 'Delete "thirty (30) days" and substitute "sixty (60) days".'),
        ("Clause 9.4(b)", "Deleted in its entirety."),
    ]


def test_a_rent_table_set_out_as_new_text_is_no_table_of_changes() -> None:
    # "Section 4 of the Boathouse Lease is amended to read as set forth in the table below:"
    block = "Lease Year\nMonthly Rent\n1\n$5,000\n2\n$5,150\n3\n$5,300\n"
    assert table_rows(block) is None
