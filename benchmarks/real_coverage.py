"""Real-world coverage: how many operative instructions by other drafters we parse.

    python benchmarks/real_coverage.py [FOLDER] [--expected FILE] [--show]

FOLDER defaults to ../shared/real/amendments (public filings kept outside the
repository; the benchmark skips cleanly when it is absent).  The expected
file (benchmarks/real_coverage_expected.json, hand-labelled) lists every
operative instruction of each filing as {item, action, kind, target}.  Each
expected change counts as:

- correct: the same item parsed to an operation with that action and target;
- reported: the item is reported as failed (unrecognised, never silent);
- dropped: anything else: parsed as the wrong thing or as changing no text.

Target: at least 95% correct, and nothing dropped that is not also reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conformed.amendment import read_amendment  # noqa: E402
from conformed.cli import parse_report  # noqa: E402
from conformed.errors import ConformedError  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "real" / "amendments"
STOP = {"the", "of", "section", "sections", "subsection", "clause", "paragraph", "this", "to"}


def norm_item(number: str) -> tuple[str, ...]:
    """ "1.a.(3)", "1(a)(3)" and "(1)(a)(3)" all read ("1", "a", "3")."""
    return tuple(re.findall(r"#?[a-z0-9]+", number.lower()))


def norm_target(target: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9]+", target.lower())
    return tuple(w for w in words if w not in STOP)


def score(folder: Path, expected: dict[str, dict], show: bool) -> tuple[int, int, int, int]:
    totals = [0, 0, 0, 0]
    print(f"{'file':<52} {'expected':>8} {'correct':>8} {'reported':>8} {'dropped':>8}")
    for name, truth in sorted(expected.items()):
        path = folder / name
        if not path.exists():
            continue
        try:
            report = parse_report(read_amendment(path))
            items = report.items
        except ConformedError as exc:
            items = []
            if show:
                print(f"  unreadable: {exc}")
        by_item: dict[tuple[str, ...], list] = {}
        for item in items:
            by_item.setdefault(norm_item(item.number), []).append(item)
        correct = reported = dropped = 0
        for entry in truth["operative"]:
            key = norm_item(entry["item"])
            mine = by_item.get(key, [])
            if not mine:  # a sub-item inside an item that failed as a whole
                parents = [k for k in by_item if k and key[: len(k)] == k]
                mine = by_item[max(parents, key=len)] if parents else []
            ops = [o for i in mine for o in i.operations]
            hit = any(
                o["action"] == entry["action"] and _same_target(o["target"], entry["target"])
                for o in ops
            )
            if hit:
                correct += 1
            elif any(i.status == "failed" for i in mine) or (not mine and _file_failed(items)):
                reported += 1
                if show:
                    print(f"  reported  {name} {entry['item']}: {entry['kind']} {entry['target']}")
            else:
                dropped += 1
                if show:
                    got = "; ".join(f"{o['kind']} {o['target']}" for o in ops) or (
                        mine[0].message[:70] if mine else "no such item"
                    )
                    print(
                        f"  DROPPED   {name} {entry['item']}: want {entry['kind']} "
                        f"{entry['target']!r}, got {got}"
                    )
        n = len(truth["operative"])
        print(f"{name:<52} {n:>8} {correct:>8} {reported:>8} {dropped:>8}")
        for k, v in enumerate((n, correct, reported, dropped)):
            totals[k] += v
    n, correct, reported, dropped = totals
    share = correct / n * 100 if n else 0.0
    print(f"{'TOTAL':<52} {n:>8} {correct:>8} {reported:>8} {dropped:>8}   {share:.1f}% correct")
    return n, correct, reported, dropped


def _same_target(mine: str, theirs: str) -> bool:
    """The same words, or one of them with a qualifier before or after it
    ("Part 4(f)" and "Part 4(f) of the Schedule"); whole words only, so that
    "Section 12" never matches "Section 2"."""
    a, b = norm_target(mine), norm_target(theirs)
    short, long = sorted((a, b), key=len)
    return bool(short) and (long[: len(short)] == short or long[-len(short) :] == short)


def _file_failed(items: list) -> bool:
    return not items or any(i.status == "failed" and i.reason == "structure" for i in items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument(
        "--expected", type=Path, default=ROOT / "benchmarks" / "real_coverage_expected.json"
    )
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"skipped: {args.folder} is absent")
        return 0
    expected = json.loads(args.expected.read_text())
    score(args.folder, expected, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
