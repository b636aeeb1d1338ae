"""Is every operative sentence of a real amendment accounted for?  (Nothing may go missing.)

    python benchmarks/amendment_accounting.py [--half dev|held|dev3|held3|dev4|held4|all] [--show FILE]

For each amendment in ../shared/real/amendments and ../shared/real2/amendments
(kept outside the repository; skipped cleanly when absent) this finds, with its
own regular expression and without asking ``conformed``, every sentence before
the signature block that uses amending language ("is hereby amended", "is
deleted", "shall be replaced", "in lieu thereof", "is added", "shall read" ...),
then looks where ``conformed parse`` put the line it is on:

- item: inside an item that was understood (it has operations);
- failed: inside an item reported as failed, with its reason;
- no change: inside an item reported as changing no text (reviewed by hand: it
  may be a sentence about the amendment itself or another instrument);
- missing: in no item at all (title, recitals, or nowhere) -- must be 0.

A sentence that is inside an item's new text is counted where that item is, but
when it opens a paragraph it is also listed as "in new text?": an instruction
taken as the new text of the one before it would otherwise look accounted for
(an unnumbered amendment once lost forty instructions that way).  The list is
read by hand; the count is printed per half.

A line that prints the line before it again without its label (some filings' list
markers come out as text, and every numbered paragraph is printed twice) is the same
sentence: it lands where its first print does.  So does a sentence of a passage printed
twice in a row (some conversions print every page twice: run together, then with its line
breaks), which the reader reads once: a sentence in no item whose amending words, with the
three words before them and up to fifty characters after (to a colon or semicolon), are a
sentence's in an item lands where that one does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conformed.amendment import Amendment, read_amendments  # noqa: E402
from conformed.errors import ConformedError  # noqa: E402
from conformed.report import AmendmentReport  # noqa: E402
from understanding import source_of, whole_filing  # noqa: E402

SHARED = ROOT.parent / "shared"
SPLITS = json.loads((Path(__file__).parent / "splits.json").read_text())
HALVES = sorted({meta["half"] for meta in SPLITS["amendments"].values()})  # dev, held, dev3 ...

AMENDING = re.compile(
    # (a circumstance between commas too: "is, effective as of the Amendment Date, hereby amended")
    r"\b(?:is|are|shall\s+be|will\s+be)(?:\s*,\s*[^,;:.]{1,120},)?\s*,?\s+(?:hereby\s+)?(?:further\s+)?(?:each\s+)?"
    r"(?:amended|deleted|restated|replaced|added|inserted|modified|supplemented|substituted|"
    r"renumbered|relettered|redesignated|struck|stricken|superseded)\b"
    r"|\bin\s+lieu\s+thereof\b|\bshall\s+(?:hereafter\s+|now\s+)?read\b|\bhereby\s+amends?\b",
    re.IGNORECASE,
)
ABOUT_ITSELF = re.compile(
    r"\bthis\s+(?:Amendment|Agreement|Waiver|Consent|letter)\b[^.;]{0,40}\b(?:may|shall|will)\s+"
    r"(?:not\s+)?be\s+(?:amended|modified|supplemented|waived)"
    r"|\bas\s+(?:the\s+same\s+)?(?:now\s+exists?\s+(?:and|or)\s+)?is\s+amended\s+hereby\b",  # a recital
    re.IGNORECASE,
)
# "The Credit Agreement is hereby amended as follows:": it introduces the items that amend,
# and is never an item of its own (the labelling conventions' umbrella sentence).
UMBRELLA = re.compile(
    r"\b(?:amend(?:ed|s)?|modif(?:y|ied)|supplement(?:ed)?)\b[^:]{0,160}"
    r"(?:(?:as\s+follows|as\s+set\s+forth\s+below|\bby)\s*(?:\([^()]{0,120}\))?(?:,?\s*(?:effective\s+)?as\s+of\s+[^:]{0,80}|,\s*(?:effective|with\s+effect)\b[^:]{0,80})?"
    r"|in\s+(?:each\s+of\s+)?the\s+following\s+respects\b[^:]{0,160})"
    r"\s*[:.,;\-]*\s*$"
    # "... the following provisions of the Lease are hereby modified:"
    r"|\b(?:is|are)\s+(?:hereby\s+)?(?:amended|modified|supplemented)\s*:\s*$"
    # "Schedule C is hereby amended as set forth in Attachment A hereto.": the attachment lists
    # the changes, which the reader reads as this item's sub-items (or, the attachment not
    # printed, the item is reported as a change it describes)
    r"|\b(?:amended|modified|supplemented)\s+(?:as\s+)?(?:set\s+(?:forth|out)|described|provided"
    r"|specified)\s+(?:in|on)\s+(?:the\s+)?(?:Attachment|Annex|Exhibit|Schedule|Appendix|Rider)"
    r"\s+[A-Z0-9][\w\-]*(?:\s+(?:attached\s+)?hereto|\s+to\s+this\s+Amendment)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
WORDED = re.compile(
    r"\bto\s+read\b|\bto\s+include\s+(?:a|the\s+following)\s+new\b|\brestated\b|\bby\s+(?:adding|inserting|deleting|replacing|striking|"
    r"substituting)\b|\breplaced\s+(?:with|by)\b|\bin\s+lieu\b|\bdeleted\b|\badded\b",
    re.IGNORECASE,
)
WITNESS = re.compile(r"IN\s+WITNESS\s+WHEREOF", re.IGNORECASE)
# ... at the start of a line: where a filing printed twice, first run together on one line, has
# its signatures (that line's "IN WITNESS WHEREOF" is in its middle, before the second print)
WITNESS_LINE = re.compile(r"(?m)^[^\S\n]*IN\s+WITNESS\s+WHEREOF", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.;:])[^\S\n]*\n\s*|(?<=[.;:])\s+(?=[A-Z(\"\u201c\d])")


@dataclass
class Sentence:
    line: int
    text: str
    opens: bool = False  # the first sentence of its paragraph
    core: str = ""  # its amending words with three words before and some after: its twin's too


def operative_sentences(text: str) -> list[Sentence]:
    """Sentences with amending language before the signature block, each with the line
    its amending words are on (sentences are read across the lines of a paragraph)."""
    witness = WITNESS_LINE.search(text) or WITNESS.search(text)
    body = text[: witness.start()] if witness else text
    out: list[Sentence] = []
    for para in re.finditer(r"\S(?:.|\n(?![^\S\n]*\n))*", body):
        start = 0
        chunk = para.group(0)
        for piece in SENTENCE_END.split(chunk):
            at = chunk.find(piece, start)
            start = at + len(piece)
            m = AMENDING.search(piece)
            if not m or ABOUT_ITSELF.search(piece):
                continue
            if UMBRELLA.search(piece) and not WORDED.search(piece):
                continue
            line = body.count("\n", 0, para.start() + at + m.start()) + 1
            folded = " ".join(piece.split())
            f = AMENDING.search(folded) or m
            after = re.split(r"[:;]", folded[f.start() : f.end() + 50])[0]  # to the clause's end
            core = " ".join([*folded[: f.start()].split()[-3:], after])
            out.append(Sentence(line, " ".join(piece.split())[:90], opens=at == 0, core=core))
    return out


_LABEL = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\)?|\([0-9A-Za-z]{1,5}\)|[A-Za-z]{1,4}[.)])"
    r"(?:\s*\([0-9A-Za-z]{1,5}\))*\s+"
)


def reprints(text: str) -> dict[int, int]:
    """Lines that print the line before them again without its label (a filing whose list
    markers came out as text prints each numbered paragraph twice): line -> the first
    print's line.  Such a sentence is the first print's, not an operative sentence of its
    own, and lands where the first print does."""
    out: dict[int, int] = {}
    prev, prev_line = "", 0
    for n, raw in enumerate(text.split("\n"), start=1):
        words = " ".join(raw.split())
        if not words:
            continue
        if prev and words == prev:
            out[n] = prev_line
            prev = ""
            continue
        m = _LABEL.match(words)
        prev, prev_line = (words[m.end() :], n) if m and len(words) - m.end() >= 20 else ("", n)
    return out


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\"\u201c\u201d\u2019'`]", "", text).split())


def in_new_text(amendments: list[Amendment], s: Sentence) -> bool:
    """Does a sentence that opens a paragraph lie in an item's new text, not its words?"""
    if not s.opens:
        return False
    probe = _fold(s.text)[:50]
    for item, _ in (leaf for a in amendments for leaf in a.leaves()):
        if item.line <= s.line <= max(item.end_line, item.line):
            new = _fold(f"{item.payload or ''} {item.payload2 or ''}")
            if probe in new and probe not in _fold(item.instruction):
                return True
    return False


def landing(report: AmendmentReport | None, line: int) -> str:
    if report is None:
        return "missing"
    found = [i for i in report.items if i.line and i.line <= line <= max(i.end_line, i.line)]
    if any(i.status == "failed" for i in found):
        return "failed"
    if any(i.operations and i.status != "no_text_change" for i in found):
        return "item"
    if found:
        return "no change"
    return "missing"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=[*HALVES, "all"], default="all")
    ap.add_argument("--show", default="", help="list the sentences of files containing this")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here")
        return 0
    cols = ("item", "failed", "no change", "missing")
    print(f"| file | half | sentences | {' | '.join(cols)} |")
    print("|---|---|---:|" + "---:|" * len(cols))
    totals: dict[str, dict[str, int]] = {}
    for rel, meta in sorted(SPLITS["amendments"].items()):
        half = meta["half"]
        path = source_of(rel)
        if (args.half != "all" and half != args.half) or not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences = operative_sentences(text)
        twice = reprints(text)
        try:
            amendments = read_amendments(path)  # a filing may print several, one after another
            report: AmendmentReport | None = whole_filing(amendments)
        except ConformedError:
            amendments, report = [], None
        row = dict.fromkeys((*cols, "in new text?"), 0)
        show = bool(args.show) and args.show in rel
        wheres = [landing(report, twice.get(s.line, s.line)) for s in sentences]
        printed = {s.core: w for s, w in zip(sentences, wheres, strict=True) if w != "missing"}
        for s, where in zip(sentences, wheres, strict=True):
            if where == "missing" and len(s.core) >= 60:
                where = printed.get(s.core, where)  # a passage printed twice: read once
            row[where] += 1
            if show or where == "missing":
                print(f"  {where:<9} {Path(rel).name}:{s.line}: {s.text}")
            if in_new_text(amendments, s):
                row["in new text?"] += 1
                print(f"  new text? {Path(rel).name}:{s.line}: {s.text}")
        print(f"| {Path(rel).name[:44]} | {half} | {len(sentences)} | "
              + " | ".join(str(row[c]) for c in cols) + " |")  # fmt: skip
        t = totals.setdefault(half, dict.fromkeys(("sentences", *cols, "in new text?"), 0))
        t["sentences"] += len(sentences)
        for c in (*cols, "in new text?"):
            t[c] += row[c]
    for half, t in sorted(totals.items()):
        print(
            f"{half}: {t['sentences']} operative sentences; "
            + ", ".join(f"{c} {t[c]}" for c in (*cols, "in new text?"))
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
