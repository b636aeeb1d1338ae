"""How many changes of invented amendments ``conformed parse`` understands, against blind labels.

    python benchmarks/understanding_probes.py [--round N] [--show]

The real filings of ``understanding.py`` were split by drafter, and the held-out half is
measured by count only; what a rule does there cannot be looked at.  These amendments can:
helpers who never saw this program's code or output wrote them, each for an invented
agreement in a kind the held-out filings hold (credit agreements in older EDGAR text,
plans and employment papers, leases, deals, English drafting, ISDA schedules), and labelled
them by the same conventions (../shared/notes/labelling.md; no base agreement, so nothing is
applied).  From round 16, three amendments in five also carry the marks of conversion from
other formats (page footers, document numbers, hard-wrapped citations, labels on lines of
their own, double spacing), as the filings do.  A round is run once, on the code of its day, before any of its failures is
looked at; that first figure is the one that measures generalisation (README, Benchmarks).
Scoring is ``understanding.py``'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conformed.amendment import read_amendments
from conformed.errors import ConformedError
from conformed.report import AmendmentReport
from understanding import number_key, score_file, target_ok, whole_filing

HERE = Path(__file__).parent / "understanding_probes"
COLS = ("entries", "understood", "recalled", "reported", "silent")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--round", default="", help="only the files of round N (r14, r15, ...)")
    ap.add_argument("--show", action="store_true", help="list the changes not understood")
    args = ap.parse_args()
    print(f"| file | {' | '.join(COLS)} |")
    print("|---|" + "---:|" * len(COLS))
    totals: dict[str, Counter[str]] = {}
    for path in sorted(HERE.glob(f"r{args.round.removeprefix('r')}*.json")):
        label = json.loads(path.read_text())
        try:
            report: AmendmentReport | None = whole_filing(read_amendments(HERE / label["file"]))
        except ConformedError:
            report = None
        row = score_file(label, report)
        print(f"| {path.stem} | " + " | ".join(str(row[c]) for c in COLS) + " |")
        totals.setdefault(path.stem.split("_")[0], Counter()).update(row)
        if args.show:
            _show(label, report)
    for name, t in sorted(totals.items()):
        n = t["entries"] or 1
        print(
            f"{name}: {t['entries']} changes; understood {t['understood'] / n:.1%}; "
            f"recalled {t['recalled'] / n:.1%}; reported {t['reported']}; silent {t['silent']}"
        )
    return 0


def _show(label: dict, report: AmendmentReport | None) -> None:
    items = report.items if report else []
    for entry in label.get("entries", []):
        if entry.get("borderline"):
            continue
        mine = [i for i in items if number_key(i.number) == number_key(str(entry.get("n", "")))]
        ops = [o for i in mine for o in i.operations]
        if any(
            o["action"] == entry["action"] and target_ok(entry["target"], o["target"]) for o in ops
        ):
            continue
        got = "; ".join(f"{o['action']} {o['target']}" for o in ops) or "; ".join(
            f"{i.status}: {i.message[-120:]}" for i in mine
        )
        print(
            f"    {entry['n']:>8} {entry['action']:<10} {entry['target'][:32]:<32} <- {got[:160]}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
