"""Reverse drafting end to end: refuse what is out of scope, plan, render, prove by round trip.

The proof is the same rule as ``conformed apply``: the drafted amendment is
parsed by our grammar and applied to BASE, and the result must equal EDITED
provision by provision (labels, headings, text, whitespace folded).  Any
difference means the draft is wrong, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from ..amendment import format_date, parse_amendment, parse_date
from ..consolidator import consolidate
from ..document import Document
from ..errors import UsageError
from ..lazy_re import lazy_re
from ..report import FAILED
from .agreement import read_facts
from .align import ReverseError, fold, head_key
from .reverse import Planner, Step, render_steps


@dataclass(frozen=True)
class Options:
    agreement: str = "Agreement"  # the short name the amendment uses
    number: int = 1
    date: str = ""  # the amendment's date and effective date; default today
    title: str = ""  # the agreement's title, when BASE's front matter does not say
    agreement_date: str = ""


@dataclass
class ReverseDraft:
    text: str
    steps: list[Step]
    warnings: list[str] = field(default_factory=list)


def draft_from_diff(base: Document, edited: Document, options: Options) -> ReverseDraft:
    """The amendment that turns ``base`` into ``edited``, proven by round trip."""
    check_matter(base, edited)
    check_reading(edited)
    context = amendment_context(base, options)
    steps = Planner(base, edited, context).plan()
    if not steps:
        raise ReverseError("BASE and EDITED read the same: there is nothing to amend")
    text = render_steps(steps, context)
    warnings = round_trip(base, edited, text, len(steps) + 2)
    return ReverseDraft(text, steps, warnings)


def amendment_context(base: Document, options: Options) -> dict[str, object]:
    short = " ".join(options.agreement.split())
    if not short.endswith("Agreement") or not short[:1].isupper():
        raise UsageError(f'--agreement "{short}": the short name must end in "Agreement"')
    when = options.date or format_date(dt.date.today())
    if parse_date(when) is None:
        raise UsageError(f'--date "{when}": write the date as "Month D, YYYY"')
    facts = read_facts(base, options.title, options.agreement_date)
    return {
        "amendment_number": options.number,
        "amendment_date": when,
        "effective_date": when,
        "agreement_title": facts.title,
        "agreement_date": facts.date,
        "agreement_short_name": short,
        "article": facts.article,
        "parties": list(facts.parties),
    }


def check_matter(base: Document, edited: Document) -> None:
    """Title, recitals, signature blocks and exhibits are out of scope: they must not change."""
    for what, old, new in (
        ("front matter (title, opening, recitals)", base.front, edited.front),
        ("back matter (signatures, exhibits)", base.back, edited.back),
    ):
        a, b = fold("\n".join(old)).split(), fold("\n".join(new)).split()
        if a != b:
            raise ReverseError(
                f"EDITED changes the {what}{_where(a, b)}; only the numbered "
                "provisions can be amended by reverse drafting"
            )


_LABEL = lazy_re(r"(?:\([a-z0-9]{1,5}\)|[a-z]{1,4}\.|\d{1,3}(?:\.\d+)*\.)\s")


def check_reading(edited: Document) -> None:
    """A paragraph that opens with a label but was read as plain text means EDITED's labels
    do not run on (a deletion not relettered, a label typed wrong): refuse, do not guess."""
    for path, node in edited.walk():
        for part in (node.text, node.trailing):
            for para in part.split("\n\n")[1:]:
                if _LABEL.match(para.strip()):
                    raise ReverseError(
                        f'{edited.name_of(path)} of EDITED has a paragraph "{fold(para)[:40]}..." '
                        "that does not read as a provision: its label does not follow the one "
                        "before it"
                    )


def _where(a: list[str], b: list[str]) -> str:
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            was, now = " ".join(a[i1:i2][:8]), " ".join(b[j1:j2][:8])
            if not was:
                return f' (adds "{now}")'
            return f' (drops "{was}")' if not now else f' ("{was}" -> "{now}")'
    return ""


def round_trip(base: Document, edited: Document, text: str, items: int) -> list[str]:
    """Apply the draft to BASE; raise unless the result reads as EDITED.  Returns warnings."""
    amendment = parse_amendment(text, source="the drafted amendment")
    if len(amendment.leaves()) != items:
        raise ReverseError(f"the draft reads as {len(amendment.leaves())} items, not {items}")
    done = consolidate(base, [amendment])
    warnings = []
    for item in done.report.amendments[0].items:
        if item.status == FAILED:
            raise ReverseError(f"item {item.number} of the draft would not apply: {item.message}")
        warnings += [f"item {item.number}: {w}" for w in item.warnings]
    problems = differences(done.document, edited)
    if problems:
        raise ReverseError("the draft does not turn BASE into EDITED: " + "; ".join(problems[:5]))
    for stale in done.report.stale_references:
        warnings.append(
            f"EDITED's {stale['provision']} still cites {stale['reference']} (now {stale['now']})"
        )
    return warnings


def differences(got: Document, want: Document) -> list[str]:
    """Provision by provision, in reading order: where the result and EDITED part."""
    rows_got = [(got.cite(p), head_key(n), len(n.children)) for p, n in got.walk()]
    rows_want = [(want.cite(p), head_key(n), len(n.children)) for p, n in want.walk()]
    out = []
    for (cite, head, kids), (wcite, whead, wkids) in zip(rows_got, rows_want, strict=False):
        if cite != wcite:
            out.append(f"the result has {cite} where EDITED has {wcite}")
            break  # everything after is out of step
        if head != whead:
            out.append(f"{cite} reads {_diff(head, whead)}")
        elif kids != wkids:
            out.append(f"{cite} has {kids} subdivisions; EDITED's has {wkids}")
    if not out and len(rows_got) != len(rows_want):
        out.append(f"the result has {len(rows_got)} provisions; EDITED has {len(rows_want)}")
    return out


def _diff(got: tuple[object, ...], want: tuple[object, ...]) -> str:
    a, b = " ".join(map(str, got)).split(), " ".join(map(str, want)).split()
    return f"otherwise than EDITED{_where(a, b)}"
