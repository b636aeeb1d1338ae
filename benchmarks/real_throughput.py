"""How fast real amendments by other drafters are read, each once: the figure ``batch.py``'s
seed pairs cannot give.

    python benchmarks/real_throughput.py [--half dev|held|all] [--limit N]

``batch.py`` repeats the four corpus pairs, whose items the sentence forms read; and an item
read by the compositional grammar (grammar/instruction.lark, Earley) is kept in a cache by its
text, so repeated pairs pay for it once.  A portfolio's filings are all different.  This reads
the real filings of ../shared (kept outside the repository; skipped cleanly when absent) of one
half (benchmarks/splits.json), each once, with the compositional grammar built first as a batch
worker's parent builds it, and prints filings and items a second and the share of the time
spent in the compositional grammar's readings.  Nothing is printed of a filing but counts.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conformed.amendment import read_amendments  # noqa: E402
from conformed.cli import parse_report  # noqa: E402
from conformed.errors import ConformedError  # noqa: E402
from conformed.grammar import instruction  # noqa: E402

SHARED = ROOT.parent / "shared"
SPLITS = json.loads((Path(__file__).parent / "splits.json").read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["dev", "held", "all"], default="dev")
    ap.add_argument("--limit", type=int, default=0, help="only the first N filings, by name")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here")
        return 0
    files = sorted(
        SHARED / name
        for name, meta in SPLITS["amendments"].items()
        if args.half in ("all", meta["half"]) and (SHARED / name).exists()
    )
    if args.limit:
        files = files[: args.limit]
    start = time.perf_counter()
    instruction._lark()  # built once per process
    built = time.perf_counter() - start
    read = instruction._reading.__wrapped__
    spent = [0.0, 0]

    def timed(text: str, rule: str) -> object:
        t = time.perf_counter()
        try:
            return read(text, rule)
        finally:
            spent[0] += time.perf_counter() - t
            spent[1] += 1

    instruction._reading = functools.lru_cache(maxsize=512)(timed)  # type: ignore[assignment]
    items, start = 0, time.perf_counter()
    for path in files:
        with contextlib.suppress(ConformedError):  # an unreadable filing counts as read
            items += sum(len(parse_report(a).items) for a in read_amendments(path))
    elapsed = time.perf_counter() - start
    print(f"| measure ({args.half} half, {len(files)} filings, each read once) | ours |")
    print("|---|---:|")
    print(f"| filings read and parsed / s | {len(files) / elapsed:.2f} |")
    print(f"| items / s | {items / elapsed:.0f} |")
    print(f"| compositional grammar: readings | {spent[1]:,} |")
    print(f"| compositional grammar: share of the time | {spent[0] / elapsed:.0%} |")
    print(f"| compositional grammar: ms a reading | {1000 * spent[0] / max(1, spent[1]):.0f} |")
    print(f"| compositional grammar: built once per process | {built:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
