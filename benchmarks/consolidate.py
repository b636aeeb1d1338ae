"""Consolidation speed and scale: synthetic agreements, 1.5k to 150k words.

Each agreement is EDGAR-style text (Sections with run-in headings, six
subsections each, page numbers); each amendment has 25 items of every kind
the engine applies, spread over the whole agreement.  Prints seconds per
stage and per size; the target is under 0.5 s for consolidation at 150k words
(a 300-page credit agreement), growing linearly.

    python benchmarks/consolidate.py [--sizes 1500,15000,150000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from conformed import consolidate, parse_amendment
from conformed.io.text import read_text_document, write_text

WORDS_PER_SUB = 42
SUBS = "abcdef"
FILLER = [
    "the",
    "Borrower",
    "shall",
    "maintain",
    "and",
    "comply",
    "with",
    "the",
    "covenants",
    "set",
    "forth",
    "herein,",
    "including",
    "without",
    "limitation",
    "the",
    "delivery",
    "of",
    "financial",
    "statements,",
    "certificates",
    "and",
    "other",
    "reports",
    "reasonably",
    "requested",
    "by",
    "the",
    "Agent,",
    "i.e.",
    "on",
    "a",
    "quarterly",
    "basis,",
    "in",
    "form",
    "and",
    "substance",
    "satisfactory",
    "to",
    "the",
    "Lenders",
]


def sentence(n: int, k: int) -> str:
    words = [FILLER[(n * 7 + k + i) % len(FILLER)] for i in range(WORDS_PER_SUB // 2)]
    return " ".join(words).capitalize() + "."


def agreement(sections: int) -> str:
    out = ["                         CREDIT AGREEMENT", ""]
    out += textwrap.wrap(
        'THIS CREDIT AGREEMENT (the "Agreement") is made as of May 31, 2002, by and '
        'among Acme Holdings, Inc. (the "Borrower") and the Lenders. The parties agree '
        "as follows:",
        72,
        initial_indent="     ",
    )
    for s in range(1, sections + 1):
        out += ["", *textwrap.wrap(f"{s}. Covenant Number {s}. {sentence(s, 0)}", 72,
                                   initial_indent="     ")]  # fmt: skip
        for j, letter in enumerate(SUBS):
            body = f"({letter}) {sentence(s, j + 1)} {sentence(s, j + 2)}"
            out += ["", *textwrap.wrap(body, 72, initial_indent="          ",
                                       subsequent_indent="     ")]  # fmt: skip
        if s % 4 == 0:
            out += ["", f"{s // 4:>36}"]
    out += ["", "     IN WITNESS WHEREOF, the parties have executed this Agreement.", ""]
    return "\n".join(out)


def amendment(sections: int) -> str:
    """25 items spread over the agreement, each valid against the state before it."""
    items: list[str] = []
    step = max(1, sections // 6)
    for k in range(5):  # replace subsections
        s = 1 + k * step
        items.append(
            f"Subsection {s}(b) of the Agreement is hereby amended and restated in its entirety "
            f'as follows: "(b) The Borrower shall deliver report {k} within ten days."'
        )
    for k in range(3):  # replace sentences
        s = 2 + k * step
        items.append(
            f"The last sentence of subsection {s}(a) of the Agreement is hereby amended to read as "
            f'follows: "The Borrower shall comply with covenant {k}."'
        )
    for k in range(4):  # delete and renumber, then amend the moved one with a formerly claim
        s = 3 + k * step
        items.append(
            f"Subsection {s}(c) of the Agreement is hereby deleted in its entirety and the "
            f"remainder of Section {s} is renumbered accordingly."
        )
        items.append(
            f"Subsection {s}(c) of the Agreement, as renumbered (formerly subsection {s}(d)), is "
            "hereby amended in its entirety to read as follows: "
            f'"(c) The Borrower shall maintain insurance number {k}."'
        )
    for k in range(3):  # insert with renumbering
        s = 4 + k * step
        items.append(
            f"A new subsection {s}(b) is hereby added to the Agreement to read in its entirety "
            f"as follows, and the remainder of Section {s} is renumbered accordingly: "
            f'"(b) The Borrower shall give notice of event {k}."'
        )
    for k in range(2):  # delete without renumbering
        s = 5 + k * step
        items.append(f"Subsection {s}(f) of the Agreement is hereby deleted in its entirety.")
    items.append(  # a new Section near the front: every later Section renumbers
        "A new Section 2 is hereby added to the Agreement to read in its entirety as follows, "
        "and the remaining Sections of the Agreement are renumbered accordingly: "
        '"2. Sanctions. The Borrower shall comply with all sanctions laws."'
    )
    items.append(
        f"A new Section {sections + 2} is hereby added to the Agreement to read in its entirety "
        'as follows: "Counterparts. This Agreement may be signed in counterparts."'
    )
    items.append("In all respects not amended, the Agreement is hereby ratified and confirmed.")
    items.append("This Amendment No. 1 shall be effective as of June 1, 2008.")
    assert len(items) == 25, len(items)
    numbered = "\n\n".join(f"{i + 1}. {t}" for i, t in enumerate(items))
    return (
        "AMENDMENT NO. 1 TO CREDIT AGREEMENT\n\n"
        'THIS AMENDMENT NO. 1 (the "Amendment") is entered into as of June 1, 2008, by and '
        'between Acme Holdings, Inc. (the "Borrower") and the Lenders.\n\n'
        "WHEREAS, the parties are parties to a Credit Agreement dated as of May 31, 2002 "
        '(the "Agreement");\n\nNOW, THEREFORE, the Agreement is hereby amended as follows:\n\n'
        f"{numbered}\n\nIN WITNESS WHEREOF, the parties have signed this Amendment.\n"
    )


def timed(fn, repeat: int):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1500,5000,15000,50000,150000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'words':>8} {'sections':>8} {'read':>7} {'amend':>7} {'apply':>7} {'write':>7}  "
          f"{'apply/10k words':>15}")  # fmt: skip
    for target in (int(x) for x in args.sizes.split(",")):
        sections = max(8, round(target / (WORDS_PER_SUB * (len(SUBS) + 0.5) + 3)))
        text, amend = agreement(sections), amendment(sections)
        words = len(text.split())
        t_read, base = timed(lambda text=text: read_text_document(text), args.repeat)
        t_amend, parsed = timed(lambda amend=amend: parse_amendment(amend, "bench"), args.repeat)
        t_apply, result = timed(
            lambda base=base, parsed=parsed: consolidate(base, [parsed]), args.repeat
        )
        failed = [i.message for i in result.report.amendments[0].items if i.status == "failed"]
        if failed:
            print("FAILED ITEMS:", *failed, sep="\n  ")
            return 1
        t_write, _ = timed(lambda result=result: write_text(result.document), args.repeat)
        print(f"{words:>8} {sections:>8} {t_read:>7.3f} {t_amend:>7.3f} {t_apply:>7.3f} "
              f"{t_write:>7.3f}  {t_apply / words * 10_000:>15.4f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
