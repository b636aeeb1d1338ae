"""An amendment of 1,200 items, each restating a section from a quoted block: every item
is read with its own number and exactly its own text (a reader once left a stray quote
at the end of item 999's text once the items ran past 1,000)."""

from __future__ import annotations

from conformed.amendment import parse_amendment

N = 1_200


def _amendment() -> str:
    lines = [
        "AMENDMENT NO. 1 TO MASTER SERVICES AGREEMENT",
        "",
        "This Amendment No. 1 is made as of May 1, 2024 between Alder Co. and Birch LLC, who",
        "agree to amend the Master Services Agreement dated as of January 2, 2020 as follows:",
        "",
    ]
    for i in range(1, N + 1):
        lines += [
            f"{i}. Section {i} of the Agreement is hereby amended and restated in its entirety",
            "to read as follows:",
            "",
            f'"{i}. Service {i}. The Provider shall perform service {i} within sixty days."',
            "",
        ]
    return "\n".join(lines)


def test_past_a_thousand_items_each_keeps_its_number_and_exactly_its_text() -> None:
    amendment = parse_amendment(_amendment(), source="many.txt")
    leaves = [item for item, _ in amendment.leaves()]
    assert [item.number for item in leaves] == [str(i) for i in range(1, N + 1)]
    for i, item in enumerate(leaves, start=1):
        want = f"{i}. Service {i}. The Provider shall perform service {i} within sixty days."
        assert (item.payload or "").strip() == want, item.number
    assert not amendment.problems
