"""Drafting speed: 1,000 amendments from the corpus's five executives, renamed.

Each synthetic executive copies one of the five in ``corpus/executives/``
(two forms, both label styles, three numberings) under a new name, so every
draft is rendered afresh.  Stages timed:

- *render*: two template passes and the layout, per output format;
- *batch*: the ``conformed draft`` path (render, format, atomic write), no check,
  for .txt and for .docx (the Word package is built once, then only each
  draft's body XML is written into it);
- *render + check*: parse the draft with our grammar, apply it to the base and
  hold the result to the data, on a sample (the check is the slow part).

The targets are under 10 s for 1,000 drafts, as text and as .docx.  Prints a
table.  PDF is not timed here: LibreOffice takes about a second per draft.

    python benchmarks/draft.py [--count 1000] [--sample 50] [--formats text,md,docx]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from conformed import read_document
from conformed.templates import check_draft, load_rows, render, render_draft, template_for
from conformed.templates.batch import Drafter, draft_all
from conformed.templates.data import Executive, Row

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = {"text": "txt", "docx": "docx"}

FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan"]
LAST = ["Adler", "Brooks", "Castro", "Dunne", "Ellis", "Foster", "Greer", "Hale", "Ibarra"]


def executives(count: int) -> list[Executive]:
    seeds = [r.executive for r in load_rows(ROOT / "corpus" / "executives" / "executives.csv")]
    out = []
    for n in range(count):
        seed = seeds[n % len(seeds)]
        assert seed is not None
        name = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]} {n:04d}"
        out.append(dataclasses.replace(seed, id=f"exec_{n:04d}", name=name, possessive=f"{name}'s"))
    return out


def timed(fn: object, *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)  # type: ignore[operator]
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=50, help="drafts checked by round trip")
    parser.add_argument("--formats", default="text,md,docx")
    args = parser.parse_args()
    people = executives(args.count)
    templates = {name: template_for(name) for name in {p.template for p in people}}
    rows: list[tuple[str, int, float]] = []

    seconds, drafts = timed(lambda: [render(templates[p.template], p) for p in people])
    rows.append(("render (text)", len(people), seconds))
    for fmt in args.formats.split(","):
        if fmt != "text":
            seconds, _ = timed(lambda f=fmt: [render_draft(d.text, f) for d in drafts])
            rows.append((f"  + format as {fmt}", len(people), seconds))

    batch = [Row(p.source, p.id, p) for p in people]
    for fmt in ("text", "docx"):
        with tempfile.TemporaryDirectory() as folder, open(os.devnull, "w") as quiet:
            drafter = Drafter("auto", check=False)
            start = time.perf_counter()
            outcomes = draft_all(batch, drafter, Path(folder), fmt, quiet)
            seconds = time.perf_counter() - start
            assert all(o.ok for o in outcomes)
            rows.append((f"batch: render + write .{SUFFIX[fmt]}", len(people), seconds))

    bases = {p.base: read_document(p.base) for p in people if p.base}
    sample = drafts[: args.sample]
    seconds, results = timed(
        lambda: [check_draft(d, bases[d.executive.base]) for d in sample]  # type: ignore[index]
    )
    assert all(r.ok for r in results), [r.problems for r in results if not r.ok][:1]
    rows.append(("check (parse + apply + compare)", len(sample), seconds))

    print(f"{'stage':<34} {'drafts':>7} {'seconds':>8} {'ms/draft':>9} {'drafts/s':>9}")
    for stage, n, s in rows:
        print(f"{stage:<34} {n:>7,} {s:>8.2f} {1000 * s / n:>9.2f} {n / s:>9.0f}")
    per_check = rows[-1][2] / max(1, len(sample))
    render_total = rows[0][2]
    docx_total = next(s for stage, _, s in rows if stage.endswith(".docx"))
    print(
        f"\n{args.count:,} drafts rendered in {render_total:.2f} s, written as .docx in "
        f"{docx_total:.2f} s (target < 10 s); with a round-trip check each: about "
        f"{render_total + per_check * args.count:.0f} s"
    )


if __name__ == "__main__":
    main()
