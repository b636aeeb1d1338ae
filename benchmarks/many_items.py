"""Amendments with thousands of items: reading, parsing and applying must grow linearly.

A synthetic services agreement of N sections and an amendment of N items, half word
edits ("deleting the words ... and inserting in lieu thereof ...") and half sections
restated from a quoted block, so both the item splitter and the quotation reader run
N times.  Prints seconds per stage and per size, the median of the repeats.

    python benchmarks/many_items.py [--sizes 500,1000,5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from conformed import consolidate, parse_amendment
from conformed.io.text import read_text_document
from conformed.parsed import parse_instructions


def agreement(n: int) -> str:
    lines = ["MASTER SERVICES AGREEMENT", ""]
    for i in range(1, n + 1):
        lines += [f"{i}. Service {i}. The Provider shall perform service {i} within thirty", ""]
    return "\n".join(lines)


def amendment(n: int) -> str:
    lines = [
        "AMENDMENT NO. 1 TO MASTER SERVICES AGREEMENT",
        "",
        "This Amendment No. 1 is made as of May 1, 2024 between Alder Co. and Birch LLC,",
        "who agree to amend the Master Services Agreement dated as of January 2, 2020 (the",
        '"Agreement") as follows:',
        "",
    ]
    for i in range(1, n + 1):
        if i % 2:
            lines += [
                f"{i}. Section {i} of the Agreement is hereby amended by deleting the word",
                '"thirty" and inserting in lieu thereof the word "sixty".',
                "",
            ]
        else:
            lines += [
                f"{i}. Section {i} of the Agreement is hereby amended and restated in its",
                "entirety to read as follows:",
                "",
                f'"{i}. Service {i}. The Provider shall perform service {i} within ninety."',
                "",
            ]
    return "\n".join(lines)


def timed(fn: object, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="500,1000,5000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print("| items | read the items | parse the instructions | apply | per item |")
    print("|---:|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        base, text = read_text_document(agreement(n)), amendment(n)
        t_read, am = timed(lambda t=text: parse_amendment(t, source="many.txt"), args.repeat)
        t_parse, parsed = timed(lambda a=am: parse_instructions(a), args.repeat)
        t_apply, done = timed(lambda p=parsed, b=base: consolidate(b, [p]), args.repeat)
        assert done.ok, "every item must apply"  # type: ignore[attr-defined]
        total = t_read + t_parse + t_apply
        print(
            f"| {n:,} | {t_read:.2f} s | {t_parse:.2f} s | {t_apply:.2f} s "
            f"| {total / n * 1000:.1f} ms |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
