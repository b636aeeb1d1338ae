"""Whole amendments applied to whole agreements, against conformed copies written by hand.

    python benchmarks/apply_probes.py [--list]

Each apply_probes/*.yaml is an invented agreement (credit, lease, employment, plan, deal,
licence, indenture, LLC, franchise, construction, settlement, services, supplemental indenture,
guaranty, pledge, warrant, director pay policy, board resolutions; English facility,
share purchase and lease deeds; some in the layouts of older EDGAR text), an invented amendment to
it, and the conformed copy a helper wrote by reading the two -- never by running conformed
(the helpers had no access to the code).  Cases are named by the round they were written in
(r1 to r13); each round was run once before any of its failures was looked at, and those
first figures are in the README (rounds 5 to 9 were written after the fixes the rounds
before led to, so their first runs measure them on cases they were not written from).  Every case here was then
used to find faults, so the figure now is a development figure, not a held-apart one.

Per case, one of:

- *exact*: every item has the status the copy expects and the conformed copy matches it
  word for word;
- *refused*: some item the copy expects applied was reported failed, with its reason (loud:
  nothing is written without --allow-partial);
- *wrong*: an item reported applied where the copy expects otherwise, or every status as
  expected and the copy different -- silent wrong output, the figure that must be 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from conformed import consolidate, parse_amendment, render_document  # noqa: E402
from conformed.io.text import read_text_document  # noqa: E402
from helpers import load_yaml, word_diff  # noqa: E402

CASES = sorted((ROOT / "benchmarks" / "apply_probes").glob("*.yaml"))


def _key(number: object) -> str:
    """ "2.(a)" and "2.a" are one item: its letters and digits."""
    return ".".join(re.findall(r"[a-z0-9]+", str(number).lower()))


_GOT = re.compile(r"got '(.*?)' want", re.DOTALL)
_AMENDING = re.compile(
    r"\b(?:is|are)\s+hereby\s+amended|\bin\s+lieu\s+thereof\b|\(i{1,3}v?\)\s+(?:by\s+)?"
    r"(?:deleting|inserting|adding|substituting|amending|replacing)\b"
)


def verdict(path: Path) -> tuple[str, str]:
    case = load_yaml(path)
    result = consolidate(
        read_text_document(case["base"]), [parse_amendment(case["amendment"], source=path.stem)]
    )
    items = {_key(i.number): i for a in result.report.amendments for i in a.items}
    want = {_key(k): v for k, v in case["expect"]["status"].items()}
    for number, status in want.items():
        got = items[number].status if number in items else "missing"
        if (got == "applied" and status != "applied") or got == "missing":
            return "wrong", f"item {number}: {got}, expected {status}"
    refused = [n for n, s in want.items() if items[n].status != s]
    # an item the copy does not list (a parent of listed sub-items) that failed: loud too
    refused += [n for n, i in items.items() if n not in want and i.status == "failed"]
    diff = word_diff(render_document(result.document, "text"), case["expect"]["conformed"])
    # An item applied wrongly hides behind another's refusal unless looked for: the amendment's
    # own amending words printed into the copy, where the hand copy has none, are wrong output
    printed = [g for g in _GOT.findall(diff) if _AMENDING.search(g)]
    if printed and not _AMENDING.search(case["expect"]["conformed"]):
        return "wrong", f"the amendment's words printed into the copy: {printed[0][:120]}"
    if refused:
        return "refused", f"item {refused[0]}: {items[refused[0]].message[:150]}"
    return ("wrong", diff.splitlines()[0]) if diff else ("exact", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="one line per case")
    args = parser.parse_args()
    if not CASES:
        print("no probe cases found")
        return
    counts = {"exact": 0, "refused": 0, "wrong": 0}
    for path in CASES:
        kind, why = verdict(path)
        counts[kind] += 1
        if args.list or kind == "wrong":
            print(f"{path.stem:24} {kind:8} {why}")
    print("| cases | exact | refused (loud) | wrong (silent) |")
    print("|---|---|---|---|")
    print(f"| {len(CASES)} | {counts['exact']} | {counts['refused']} | {counts['wrong']} |")


if __name__ == "__main__":
    main()
