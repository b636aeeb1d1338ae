"""The forms adapt to agreements that number differently, and the check refuses wrong data.

The two fictional executives' agreements differ from the seeds': Dana
Whitlock's labels subsections "5.b." and her Section 5 runs a. to g.; Tomas
Ferreira's labels them "3(b)", defines one more term and shifts every
Section from 2 on by one.  Their drafts must cite what their own agreements
number, and the conformed copies must hold the new provisions there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed import read_document
from conformed.templates import check_draft, render
from conformed.templates.data import read_row
from helpers import CORPUS, load_yaml

HERE = Path(__file__).parent
EXECUTIVES = CORPUS / "executives"
WRONG = load_yaml(HERE / "wrong_data.yaml")


def draft_of(name: str, **change: object):
    record = {**load_yaml(EXECUTIVES / name), **change}
    row = read_row(record, name, EXECUTIVES, "", Path(name).stem)
    assert row.executive is not None, row.error
    return render(row.executive.template, row.executive)


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        (
            "whitlock_termination_benefits.yaml",
            [
                "2. Subsection 5.d. of the Termination Agreement is hereby deleted",
                "3. Subsection 5.d. of the Termination Agreement, as renumbered (formerly "
                'subsection 5.e.), is hereby amended in its entirety to read as follows: "d.',
                "4. A new subsection 5.e., as renumbered, is hereby added",
                "(other than those in subsections 5.d. and e.)",
                "6. Subsection 5.g. of the Termination Agreement, as renumbered (formerly "
                'subsection 5.f.), is deleted in its entirety and replaced with the following: "g. i.',
                "pursuant to subsections 5.a., b., c., d., e. and f. are delayed",
                "subject to subsection 5.g. below",
                "7. A new Section 6 is hereby added",
                "8. The second to last sentence in Section 9, as renumbered (formerly Section 8),",
                "9. A new Section 12 is hereby added",
                "effective as of December 31, 2008",
                "her spouse and dependents",
            ],
        ),
        (
            "ferreira_severance.yaml",
            [
                "1. A new subsection 1(c) is hereby added to the Severance Agreement to read in "
                "its entirety as follows, and the remainder of Section 1 is renumbered "
                "accordingly: \"(c) `Code' shall mean",
                "2. Subsection 3(b) of the Severance Agreement is hereby amended in its entirety "
                'to read as follows: "(b) Within five (5) days',
                "subject to subsection 3(g) below",
                "(other than those in subsections 3(c) and (d))",
                "including those provided in the Employment Agreement,",
                "6. A new subsection 3(g), as renumbered, is hereby added",
                '"(g)(i) Notwithstanding',
                "pursuant to subsections 3(a) through 3(e) are delayed",
                "as calculated pursuant to subsection 3(g)(ii) above",
                "7. A new Section 5 is hereby added",
                '"11. Legal Fees. Except as provided in Section 10 of this Agreement',
                "9. A new Section 18 is hereby added",
                'Tomas Ferreira ("Executive")',
            ],
        ),
    ],
)
def test_fictional_agreements_are_cited_as_they_number(name: str, phrases: list[str]) -> None:
    text = folded(draft_of(name).text)
    missing = [p for p in phrases if folded(p) not in text]
    assert missing == []


def test_fictional_conformed_copies_hold_the_new_provisions() -> None:
    draft = draft_of("whitlock_termination_benefits.yaml")
    assert draft.executive.base is not None
    result = check_draft(draft, read_document(draft.executive.base))
    assert result.ok, result.problems
    assert result.document is not None
    body = {p.key: p for p in result.document.body}
    assert [c.label_text for c in body["5"].children] == [f"{k}." for k in "abcdefgh"]
    assert "Mitigat" not in body["5"].children[6].text  # 5.g. is the 409A delay now
    assert body["5"].children[7].text.startswith("Executive shall not be required to mitigate")
    assert body["6"].heading == "Certain Increases in Payment."
    assert body["9"].heading == "Legal Fees."
    assert body["12"].text.startswith("This Agreement is intended to comply")


@pytest.mark.parametrize("case", WRONG, ids=[c["name"] for c in WRONG])
def test_check_refuses_data_that_disagrees_with_the_base(case) -> None:
    draft = draft_of(case["executive"], **case["change"])
    assert draft.executive.base is not None
    result = check_draft(draft, read_document(draft.executive.base))
    assert not result.ok
    assert any(case["problem"] in p for p in result.problems), result.problems


def test_check_follows_identity_not_labels() -> None:
    """Data claiming 5(e) is the health subsection drafts "formerly 5(e)"; the consolidator
    refuses nothing it cannot see, but the check sees mitigation text where health belongs."""
    draft = draft_of("kopyt_termination_benefits.yaml", health_subsection="e")
    assert "(formerly subsection 5(e))" in folded(draft.text)
    assert draft.executive.base is not None
    result = check_draft(draft, read_document(draft.executive.base))
    assert any("Health insurance" in p for p in result.problems)


def test_pronouns_and_role_follow_the_data() -> None:
    text = folded(draft_of("kopyt_severance.yaml", pronouns="they", role="Executive").text)
    assert "where applicable, their spouse and dependents" in text
    assert "to enforce their rights under this Agreement" in text
    assert " his " not in text and "Employee" not in text
    assert 'Leon Kopyt ("Executive")' in text
