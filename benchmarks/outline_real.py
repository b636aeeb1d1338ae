"""How well the layout engine reads real agreements by other drafters, against hand outlines.

    python benchmarks/outline_real.py [--half dev|held|all] [--show FILE]

Each base agreement in ../shared/real/bases and ../shared/real2/bases (kept
outside the repository; skipped cleanly when absent) has a hand outline in
benchmarks/outlines/, written from the document alone by a reader who never
saw this program's output (conventions: benchmarks/outlines/CONVENTIONS.md).
The bases were split into a development half and a held-out half by drafter
before any work on them (benchmarks/splits.json).

For every numbered provision of the body the outline lists, it counts as

- found: the outline read by ``conformed`` has a provision with that label
  starting on that line;
- placed: found, and its numbered ancestors are the outline's (ARTICLE II >
  2.01 > (a));
- heading kept: where the outline gives a caption, the provision carries it as
  its heading (not glued into text).

Spurious counts provisions ``conformed`` reports that the outline does not have.
Moved counts the words of the base, read and written back untouched, that are not where
the base prints them (page artefacts dropped are not counted): text the layout engine put
out of order, which any copy that amends the provision it sits in would print so.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conformed import render_document  # noqa: E402
from conformed.citation import from_roman  # noqa: E402
from conformed.document import Document, Provision  # noqa: E402
from conformed.io import read_document  # noqa: E402
from conformed.layout.convention import CONVENTION  # noqa: E402

SHARED = ROOT.parent / "shared"
OUTLINES = Path(__file__).parent / "outlines"
SPLITS = json.loads((Path(__file__).parent / "splits.json").read_text())
_UNIT = re.compile(rf"^\W*(?:{CONVENTION.citation_unit})\s*", re.IGNORECASE)


def key(label: str) -> str:
    """A label compared by its number: "SECTION 2.01." -> "2.1", "ARTICLE II" -> "art2"."""
    text = label.strip().strip('"\u201c')
    m = re.match(rf"^(?:{CONVENTION.unit_pattern('article')})\s+(\S+?)\.?$", text, re.IGNORECASE)
    if m:
        word = m.group(1)
        value = (
            int(word)
            if word.isdigit()
            else from_roman(word) or CONVENTION.number_word_value(word) or word
        )
        return f"art{value}"
    core = _UNIT.sub("", text).strip().strip("().").lower().replace(")(", ".")
    core = "1" if core == "l" else core  # a text layer's "(l)" for "(1)" is one label either way
    return re.sub(r"(?<!\d)0+(?=\d)", "", core)


def words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def tool_provisions(doc: Document) -> dict[tuple[int, str], tuple[tuple[str, ...], str]]:
    """(line, key) -> (path of keys, heading) for every labelled provision."""
    out: dict[tuple[int, str], tuple[tuple[str, ...], str]] = {}

    def walk(nodes: tuple[Provision, ...], path: tuple[str, ...]) -> None:
        for node in nodes:
            if node.label is None:
                walk(node.children, path)
                continue
            k = f"art{node.label.value}" if node.kind == "article" else key(node.label_text)
            out.setdefault((node.line, k), ((*path, k), node.heading))
            walk(node.children, (*path, k))

    walk(doc.body, ())
    return out


def moved_words(source: str, doc: Document) -> int:
    """Words of the base written back that the base does not print there."""
    a, b = source.split(), render_document(doc, "text").split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(j2 - j1 for op, _, _, j1, j2 in ops if op in ("insert", "replace"))


def score(name: str, truth: dict, show: bool) -> dict[str, int]:
    doc = read_document(SHARED / truth["file"])
    got = tool_provisions(doc)
    lo, hi = truth["body"]["first_line"], truth["body"]["last_line"]
    wanted = [p for p in truth["provisions"] if lo <= p["line"] <= hi]
    row = {"expected": len(wanted), "found": 0, "placed": 0, "headings": 0, "kept": 0}
    row["moved"] = moved_words((SHARED / truth["file"]).read_text(errors="replace"), doc)
    seen: set[tuple[int, str]] = set()
    for p in wanted:
        k = (p["line"], key(p["label"]))
        path = tuple(key(x) for x in p["path"])
        if p["heading"]:
            row["headings"] += 1
        hit = got.get(k)
        if hit is None:
            if show:
                print(f"  missing  {p['line']:>5} {' > '.join(p['path'])}")
            continue
        seen.add(k)
        row["found"] += 1
        if hit[0] == path:
            row["placed"] += 1
        elif show:
            print(
                f"  misplaced {p['line']:>4} {' > '.join(p['path'])}  read as {' > '.join(hit[0])}"
            )
        if p["heading"] and words(p["heading"]) and words(hit[1]).startswith(words(p["heading"])):
            row["kept"] += 1
        elif p["heading"] and show:
            print(f"  heading  {p['line']:>5} {p['label']} {p['heading']!r}: read {hit[1]!r}")
    spurious = [k for k in got if k not in seen and lo <= k[0] <= hi]
    row["spurious"] = len(spurious)
    if show:
        for line, k in sorted(spurious):
            print(f"  spurious {line:>5} {k}")
    return row


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["dev", "held", "all"], default="all")
    ap.add_argument("--show", default="", help="list the differences for files containing this")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here")
        return 0
    cols = ("expected", "found", "placed", "headings", "kept", "spurious", "moved")
    print(f"| file | half | {' | '.join(cols)} |")
    print("|---|---|" + "---:|" * len(cols))
    totals: dict[str, dict[str, int]] = {}
    for path in sorted(OUTLINES.glob("*.json")):
        truth = json.loads(path.read_text())
        half = SPLITS["bases"][truth["file"]]["half"]
        if args.half != "all" and half != args.half:
            continue
        if not (SHARED / truth["file"]).exists():
            continue
        show = bool(args.show) and args.show in truth["file"]
        row = score(path.name, truth, show)
        name = Path(truth["file"]).name[:40]
        print(f"| {name} | {half} | " + " | ".join(str(row[c]) for c in cols) + " |")
        for c in cols:
            totals.setdefault(half, dict.fromkeys(cols, 0))[c] += row[c]
    for half, t in sorted(totals.items()):
        found = t["found"] / t["expected"] if t["expected"] else 0
        placed = t["placed"] / t["expected"] if t["expected"] else 0
        kept = t["kept"] / t["headings"] if t["headings"] else 0
        print(
            f"{half}: {t['expected']} provisions; found {found:.1%}, placed {placed:.1%}; "
            f"headings kept {kept:.1%} of {t['headings']}; spurious {t['spurious']}; "
            f"words moved when written back {t['moved']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
