"""An item with sub-items is also applied in its own right when its words amend beyond
the lead that introduces the sub-items; only that lead is set aside."""

from conformed.layout.item import _without_lead
from conformed.layout.payload import amends


def test_an_edit_run_in_before_the_lead_is_kept() -> None:
    text = (
        "the Facility Agreement shall be amended as follows: 3.1.1 Section 8.4 of the Facility "
        'Agreement is hereby amended by replacing the phrase "June 1, 2020" with the phrase '
        '"March 1, 2021" 3.1.2 Schedule B of the Facility Agreement is hereby amended as follows:'
    )
    kept = _without_lead(text)
    assert "Section 8.4" in kept and amends(kept)
    assert "Schedule B" not in kept


def test_a_lead_alone_is_set_aside() -> None:
    text = "Harbour Lease. Section 6 of the Harbour Lease is hereby amended as follows:"
    assert not amends(_without_lead(text))
