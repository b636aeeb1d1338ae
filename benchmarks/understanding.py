"""How many operative changes of real amendments ``conformed parse`` understands, against blind labels.

    python benchmarks/understanding.py [--half dev|held|dev3|held3|dev4|held4|held5|held6|held7|held8|held9|held10|held11|held12|held13|held14|all] [--show FILE] [--misses]

The 170 amendments of ../shared/real/amendments and ../shared/real2/amendments
(kept outside the repository; skipped cleanly when absent) were labelled by
readers who never saw this program's output, one entry per change, following
benchmarks/labels/CONVENTIONS.md (file format: benchmarks/labels/FORMAT.md).
The filings were split by drafter into a development half and a held-out half
before the grammar was changed (benchmarks/splits.json).  ../shared/real3 holds
filings drawn later from the same public collection, none of real2's, labelled the
same way and split by filer into halves of their own (dev3, held3) before any of them
was read by this program: a measure on documents no rule was written from.  Two more
draws from it followed: held4, held out whole (measured on the code before and after the
stop that drew it, never developed on), and dev4, development material.  A fourth,
held5 (eight filings: three from that collection, five 2020-2025 credit amendments from
another public one), is held out whole.  A fifth, held6 (ten 2020-2025 credit amendments
of that other collection, ten filers), was measured blind on the code of the stop that drew
it, then developed on; so were a sixth, held7 (ten more from it, ten filers), and a seventh,
held8 (seven more, seven filers), an eighth, held9 (ten more, ten filers), a ninth,
held10 (ten more, ten filers), a tenth, held11 (ten more, ten filers), an eleventh,
held12 (ten more, ten filers), a twelfth, held13 (five 2003 credit amendments of the
first collection, five filers), and a thirteenth, held14 (five more of those, five filers).
../shared may be read-only: the real3 to real11 texts may then sit in ../real3 to ../real11, beside the
checkout, or in a folder CONFORMED_CORPORA names.

Scoring, as the conventions define it (borderline entries are not scored):

- recalled: the parse lists an operation with the entry's action in the item
  with the entry's number (numbers compared on their letters and digits; an
  unnumbered item, "¶1", answers an entry numbered ""; a change listed in an
  attachment, reported as "3.(a) of Attachment A", by its own number, "3(a)");
- understood: recalled, and the operation's target contains the entry's
  citation (its words and numbers; for a definition, its term);
- an item of several amending sentences fails whole when one of them is not read; what
  its other sentences were read as is in the report's ``read`` and counts as recalled
  and understood, and the totals say how many were such;
- silent: the item is missing from the report or reported as changing no text
  -- the figure that must be 0.  Everything else is reported loudly (failed).
  The two are printed apart: an item number the report does not have is most
  often an item read under another number (benchmarks/amendment_accounting.py
  checks that every operative sentence is inside some reported item).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conformed.amendment import Amendment, read_amendments  # noqa: E402
from conformed.cli import parse_report  # noqa: E402
from conformed.errors import ConformedError  # noqa: E402
from conformed.report import AmendmentReport, ItemReport  # noqa: E402

SHARED = ROOT.parent / "shared"
# ../shared may be read-only: filings drawn later (real3/...) may sit beside the checkout
# instead, or in the folders CONFORMED_CORPORA lists; a label's "file" is looked up in each.
ROOTS = [
    SHARED,
    ROOT.parent,
    *(Path(p) for p in os.environ.get("CONFORMED_CORPORA", "").split(os.pathsep) if p),
]
LABELS = Path(__file__).parent / "labels"
SPLITS = json.loads((Path(__file__).parent / "splits.json").read_text())
HALVES = sorted({meta["half"] for meta in SPLITS["amendments"].values()})  # dev, held, dev3 ...
STOP = {
    "the", "of", "section", "sections", "subsection", "subsections", "clause", "clauses",
    "paragraph", "paragraphs", "article", "articles", "part", "this", "to", "in", "definition",
    "a", "and", "agreement", "sub", "item", "items",
}  # fmt: skip
_ACTIONS = {"replace", "amend_text", "insert", "delete", "renumber"}


def source_of(rel: str) -> Path:
    """Where a labelled filing is kept: the first root that holds it (../shared if none)."""
    return next((root / rel for root in ROOTS if (root / rel).is_file()), SHARED / rel)


def number_key(number: str) -> tuple[str, ...]:
    """ "1.a.(3)", "1(a)(3)" and "(1)(a)(3)" all read ("1", "a", "3"); "¶2" reads ()."""
    if number.startswith("\u00b6"):
        return ()
    number = _OF_ATTACHMENT.sub("", number)
    return tuple(re.findall(r"[a-z0-9]+", number.lower()))


# A change listed in an attachment is reported as "3.(a) of Attachment A" (the attachment
# numbers its changes afresh); the label gives the number as printed, "3(a)".  (An attachment
# named by its title: "4 of Schedule of Amendments".)
_OF_ATTACHMENT = re.compile(
    r"\s+of\s+(?:Attachment|Annex|Exhibit|Schedule|Appendix|Rider)\s+(?:of\s+\w+|\S+)$",
    re.IGNORECASE,
)


def tokens(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    return [t for t in re.findall(r"[a-z0-9]+", text) if t not in STOP]


def target_ok(label: str, got: str) -> bool:
    """Does the operation's target name what the label names?"""
    want, have = tokens(label), set(tokens(got))
    if not want:
        return True
    if set(want) <= have:
        return True
    # label parts are digits, single letters and roman numerals ("1.01", "(b)", "(xii)")
    words = [t for t in want if not t.isdigit() and not re.fullmatch(r"[a-z]|[ivxl]{1,5}", t)]
    numbers = [t for t in want if t not in words]
    # "1.1 Applicable Margin": a definition is named by its term, its section optional
    return bool(words) and len(words) >= 2 and set(words) <= have and len(numbers) <= 2


def whole_filing(amendments: list[Amendment]) -> AmendmentReport:
    """The report of every amendment a filing holds, its items one list (a label numbers
    the items of a filing as printed, whichever amendment they are in)."""
    first, *later = (parse_report(a) for a in amendments)
    for report in later:
        first.items += report.items
    return first


def score_file(label: dict, report: AmendmentReport | None) -> Counter[str]:
    row: Counter[str] = Counter()
    items: list[ItemReport] = report.items if report else []
    for entry in label.get("entries", []):
        if entry.get("borderline"):
            continue
        row["entries"] += 1
        key = number_key(str(entry.get("n", "")))
        mine = [i for i in items if number_key(i.number) == key]
        ops = [o for i in mine for o in i.operations]
        recalled = [o for o in ops if o["action"] == entry["action"]]
        if not recalled:  # a sentence of a failed item, read while another was not
            recalled = [o for i in mine for o in i.read if o["action"] == entry["action"]]
            row["in failed items"] += bool(recalled) and any(
                target_ok(entry["target"], o["target"]) for o in recalled
            )
        if recalled:
            row["recalled"] += 1
            if any(target_ok(entry["target"], o["target"]) for o in recalled):
                row["understood"] += 1
        if not mine or all(i.status == "no_text_change" for i in mine):
            row["silent"] += 1
            row["no text change" if mine else "no such item"] += 1
        elif all(i.status == "failed" for i in mine) and not recalled:
            row["reported"] += 1
    return row


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=[*HALVES, "all"], default="all")
    ap.add_argument("--show", default="", help="list the entries of files whose name has this")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here")
        return 0
    cols = ("entries", "understood", "recalled", "reported", "silent")
    print(f"| file | half | {' | '.join(cols)} |")
    print("|---|---|" + "---:|" * len(cols))
    totals: dict[str, Counter[str]] = {}
    for path in sorted(LABELS.glob("*.json")):
        label = json.loads(path.read_text())
        meta = SPLITS["amendments"].get(label["file"])
        if meta is None or (args.half != "all" and meta["half"] != args.half):
            continue
        source = source_of(label["file"])
        if not source.exists():
            continue
        try:
            report: AmendmentReport | None = whole_filing(read_amendments(source))
        except ConformedError:
            report = None
        row = score_file(label, report)
        if args.show and args.show in label["file"]:
            show(label, report)
        name = Path(label["file"]).name[:44]
        print(f"| {name} | {meta['half']} | " + " | ".join(str(row[c]) for c in cols) + " |")
        totals.setdefault(meta["half"], Counter()).update(row)
    for half, t in sorted(totals.items()):
        n = t["entries"] or 1
        print(
            f"{half}: {t['entries']} changes; understood {t['understood'] / n:.1%} "
            f"(item, action and target; {t['in failed items']} of them sentences of items that "
            f"failed on another sentence); recalled {t['recalled'] / n:.1%}; "
            f"reported {t['reported']}; silent {t['silent']} "
            f"({t['no such item']} numbers not in the report, {t['no text change']} no text change)"
        )
    return 0


def show(label: dict, report: AmendmentReport | None) -> None:
    for entry in label.get("entries", []):
        key = number_key(str(entry.get("n", "")))
        mine = [i for i in (report.items if report else []) if number_key(i.number) == key]
        got = (
            "; ".join(f"{i.status}:{o['action']} {o['target']}" for i in mine for o in i.operations)
            or "; ".join(f"{i.status}: {i.message[:90]}" for i in mine)
            or "no such item"
        )
        print(
            f"  {entry.get('n')!s:>10} {entry['action']:<10} {entry['target'][:40]:<40} <- {got[:150]}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
