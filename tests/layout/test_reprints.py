"""A passage printed twice in a row is read once, loudly; a text that repeats itself in part
is read as it is.

Some conversions of a filing to text print every page twice: run together on a few long
lines, then with its line breaks (or a paragraph's words once after its label and again on
the lines below).  The amendments below are invented; each doubled print is made from the
clean one by hand, as such a conversion lays it out.
"""

from __future__ import annotations

from pathlib import Path

from conformed.amendment import parse_amendment, parse_amendments
from conformed.cli import main, parse_report
from conformed.consolidator import consolidate
from conformed.io.text import read_text_document, write_text
from conformed.layout.reprints import set_aside_reprints

BASE = """CASK STORAGE AGREEMENT

1. Definitions. "Cask" means an oak barrel of fifty-three (53) gallons. "Warehouse" means the
bonded warehouse at 12 Ferry Lane, Ashby.

2. Storage. The Keeper shall store each Cask delivered by the Distiller in the Warehouse at a
temperature between 50 and 65 degrees Fahrenheit.

3. Fees. The Distiller shall pay the Keeper four dollars ($4) per Cask per month.

4. Notices. Notices are given in writing to the addresses above.
"""

# The clean print: two pages, the break falling inside item 2's new text.
PAGE_1 = [
    "FIRST AMENDMENT TO CASK STORAGE AGREEMENT",
    "This First Amendment is made as of May 6, 2025 between Birchmoor Distilling Co. (the",
    '"Distiller") and Ashby Bonded Stores LLC (the "Keeper"), who agree to amend the Cask',
    'Storage Agreement dated as of January 10, 2023 (the "Agreement") as follows:',
    '1. The definition of "Cask" in Section 1 of the Agreement is hereby amended by deleting',
    'the words "fifty-three (53) gallons" and inserting in lieu thereof the words "sixty (60)',
    'gallons".',
    "2. Section 2 of the Agreement is hereby amended and restated in its entirety to read as",
    "follows:",
    '"2. Storage. The Keeper shall store each Cask delivered by the Distiller in the Warehouse',
    "at a temperature between 50 and 60 degrees Fahrenheit and a relative humidity between",
]
PAGE_2 = [
    "60 and 75 percent, shall turn each Cask once in every twelve months, and shall keep a",
    "log of each Cask's location, temperature and humidity, which the Distiller may inspect on",
    "two days' notice.\"",
    '3. Section 3 of the Agreement is hereby amended by deleting the words "four dollars ($4)"',
    'and inserting in lieu thereof the words "five dollars ($5)".',
    "4. Except as amended hereby, the Agreement remains in full force and effect and is hereby",
    "ratified and confirmed in all respects.",
    "5. This First Amendment may be executed in counterparts, each of which is an original.",
]
CLEAN = "\n".join(PAGE_1 + PAGE_2) + "\n"


def _run_together(lines: list[str]) -> list[str]:
    """A page as such a conversion first prints it: its words on two long lines."""
    words = " ".join(lines).split()
    half = len(words) // 2
    return [" ".join(words[:half]), " ".join(words[half:])]


DOUBLED = "\n".join(_run_together(PAGE_1) + PAGE_1 + _run_together(PAGE_2) + PAGE_2) + "\n"


def _items(text: str) -> list[tuple[str, str, list[dict[str, str]]]]:
    report = parse_report(parse_amendment(text, source="first.txt"))
    return [(i.number, i.status, i.operations) for i in report.items]


def test_a_page_printed_twice_is_read_once_and_said() -> None:
    clean = parse_report(parse_amendment(CLEAN, source="first.txt"))
    doubled = parse_report(parse_amendment(DOUBLED, source="first.txt"))
    assert [i.status for i in clean.items] == ["parsed"] * 5
    assert _items(DOUBLED) == _items(CLEAN)
    assert clean.warnings == []
    # lines 1-2 are page 1 run together, 3-13 page 1 as printed, 14-15 and 16-23 page 2
    assert doubled.warnings == [
        f"lines 1-2 and lines 3-13 print the same {len(' '.join(PAGE_1).split())} words, "
        "word for word: read once, from lines 3-13",
        f"lines 14-15 and lines 16-23 print the same {len(' '.join(PAGE_2).split())} words, "
        "word for word: read once, from lines 16-23",
    ]


def test_the_items_keep_their_lines_in_the_file() -> None:
    doubled = parse_report(parse_amendment(DOUBLED, source="first.txt"))
    lines = DOUBLED.split("\n")
    for item in doubled.items:
        assert lines[item.line - 1].startswith(f"{item.number}. ")
    assert [i.line for i in doubled.items] == [7, 10, 19, 21, 23]


def test_a_doubled_amendment_conforms_as_the_clean_one() -> None:
    clean = consolidate(read_text_document(BASE), [parse_amendment(CLEAN, source="first.txt")])
    doubled = consolidate(read_text_document(BASE), [parse_amendment(DOUBLED, source="first.txt")])
    assert clean.report.ok and doubled.report.ok
    assert write_text(doubled.document) == write_text(clean.document)
    assert "sixty (60) gallons" in write_text(clean.document)
    assert "turn each Cask once in every twelve months" in write_text(clean.document)


def test_a_paragraph_printed_again_below_its_label() -> None:
    words = (
        "Section 3 of the Agreement is hereby amended and restated in its entirety to read as "
        'follows: "3. Fees. The Distiller shall pay the Keeper five dollars ($5) per Cask per '
        "month for each Cask stored in the Warehouse during any part of that month, and one "
        "dollar ($1) per Cask for each turning of a Cask that the Distiller asks for in writing "
        "outside the yearly turning, each payable within thirty (30) days after the Keeper's "
        'invoice, which the Keeper shall send on or before the fifth day of each month."'
    )
    head = "\n".join(PAGE_1[:4])
    clean = f"{head}\n1. {words}\n"
    again = f"{head}\n1. {words}\n{words}\n"
    assert _items(again) == _items(clean)
    assert _items(clean)[0][1] == "parsed"
    folded, notes = set_aside_reprints(again)
    assert folded.count("\n") == again.count("\n")
    # the first print follows the label on line 5: the second, on a line of its own, is set aside
    assert notes == [
        (
            5,
            f"line 5 and line 6 print the same {len(words.split())} words, word for word: "
            "read once, from line 5",
        )
    ]


def test_a_text_that_repeats_itself_in_part_is_read_as_printed() -> None:
    """Two items giving two provisions the same long new text: the words repeat, but not
    right after themselves, so nothing is set aside and both items are read."""
    new = (
        '"The Keeper shall keep the Warehouse locked at all times when no employee of the '
        "Keeper is present, shall keep a register of every person who enters the Warehouse, "
        "with the time of entry and of leaving, shall give the Distiller a copy of the register "
        "within five (5) Business Days after the Distiller asks for it, and shall not allow any "
        'person to sample, move or mark any Cask without the written consent of the Distiller."'
    )
    text = (
        "\n".join(PAGE_1[:4])
        + f"\n1. Section 2 of the Agreement is hereby amended by adding at the end thereof the "
        f"following: {new}\n"
        f"2. Section 4 of the Agreement is hereby amended by adding at the end thereof the "
        f"following: {new}\n"
    )
    folded, notes = set_aside_reprints(text)
    assert (folded, notes) == (text, [])
    report = parse_report(parse_amendment(text, source="first.txt"))
    assert [(i.number, i.status) for i in report.items] == [("1", "parsed"), ("2", "parsed")]
    assert report.warnings == []


def test_blocks_repeated_alike_are_no_passage_printed_twice() -> None:
    """Sixty lenders' signature blocks, each the same five words: a run of words that
    repeats, but no page printed twice (a page's words are many different words)."""
    blocks = "\n".join("[LENDER]\nBy: ____________\nName:\nTitle:" for _ in range(60))
    text = f"{CLEAN}IN WITNESS WHEREOF, the parties have signed this Amendment.\n{blocks}\n"
    assert set_aside_reprints(text) == (text, [])


def test_a_title_printed_twice_starts_no_second_amendment(tmp_path: Path) -> None:
    """Read as a file, the doubled print's second title ("FIRST AMENDMENT TO ...", after
    text that amends) looked like a second amendment printed after the first: the filing
    was two amendments, each holding one print, and items 1 and 2 were applied twice.  The
    prints are set aside before the filing is split."""
    (doubled,) = parse_amendments(DOUBLED, source="first.txt")
    report = parse_report(doubled)
    assert [(i.number, i.status, i.operations) for i in report.items] == _items(CLEAN)
    assert [w.split(":")[0] for w in report.warnings] == [
        f"lines 1-2 and lines 3-13 print the same {len(' '.join(PAGE_1).split())} words, word for word",
        f"lines 14-15 and lines 16-23 print the same {len(' '.join(PAGE_2).split())} words, word for word",
    ]
    base, amendment = tmp_path / "base.txt", tmp_path / "first.txt"
    base.write_text(BASE)
    amendment.write_text(DOUBLED)
    out = tmp_path / "conformed.txt"
    assert main(["apply", str(base), str(amendment), "-o", str(out)]) == 0
    clean = consolidate(read_text_document(BASE), [parse_amendment(CLEAN, source="first.txt")])
    assert out.read_text() == write_text(clean.document)


def test_a_page_printed_three_times_is_read_once() -> None:
    """Run together, with its line breaks, and again: two pairs, found by searching again
    what the first search left."""
    tripled = "\n".join(_run_together(PAGE_1) + PAGE_1 + PAGE_1 + PAGE_2) + "\n"
    assert _items(tripled) == _items(CLEAN)
    report = parse_report(parse_amendment(tripled, source="first.txt"))
    assert len(report.warnings) == 2
    (once,) = parse_amendments(tripled, source="first.txt")
    assert parse_report(once).warnings == report.warnings
