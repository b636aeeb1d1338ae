"""The templates reproduce the seeds, and every draft survives the round trip.

Seeds: word for word after whitespace folding, except the documented list of
the seeds' own typos (seeds.yaml).  Round trip: each of the five executives'
drafts is parsed by our grammar, applied to that executive's base agreement,
and the result is held to the data.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conformed import read_document, render_document
from conformed.amendment import strip_debris
from conformed.templates import check_draft, load_rows, render
from helpers import CORPUS, load_yaml

HERE = Path(__file__).parent
EXECUTIVES = CORPUS / "executives"
SEEDS = load_yaml(HERE / "seeds.yaml")
ALL = sorted(p.name for p in EXECUTIVES.glob("*.yaml"))


def drafted(name: str):
    (row,) = load_rows(EXECUTIVES / name)
    assert row.error is None, row.error
    assert row.executive is not None
    return render(row.executive.template, row.executive)


def differences(old: str, new: str) -> list[list[str]]:
    """[as filed, as drafted] for every place the two texts differ word-wise."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return [[" ".join(a[i1:i2]), " ".join(b[j1:j2])] for op, i1, i2, j1, j2 in ops if op != "equal"]


@pytest.mark.parametrize("case", SEEDS, ids=[c["seed"][:3] for c in SEEDS])
def test_seed_is_reproduced_but_for_its_typos(case) -> None:
    seed = strip_debris((CORPUS / "amendments" / case["seed"]).read_text())
    assert differences(seed, drafted(case["executive"]).text) == case["corrections"]


@pytest.mark.parametrize("case", SEEDS, ids=[c["seed"][:3] for c in SEEDS])
def test_drafted_seed_conforms_like_the_filing(case) -> None:
    """Applied to the base, the draft gives the hand-written golden copy, typo fixes aside."""
    draft = drafted(case["executive"])
    assert draft.executive.base is not None
    result = check_draft(draft, read_document(draft.executive.base))
    assert result.ok, result.problems
    assert result.document is not None
    got = render_document(result.document, "text")
    golden = (CORPUS / "expected" / f"{case['expected']}.conformed.txt").read_text()
    fixed = [c for c in differences(golden, got)]
    assert fixed, "the typo corrections inside new text should show in the conformed copy"
    assert all(c in case["corrections"] for c in fixed), fixed


@pytest.mark.parametrize("name", ALL)
def test_round_trip_applies_every_item(name: str) -> None:
    draft = drafted(name)
    assert draft.executive.base is not None
    result = check_draft(draft, read_document(draft.executive.base))
    assert result.ok, result.problems
    assert result.report is not None
    statuses = [i.status for i in result.report.amendments[0].items]
    assert statuses == ["applied"] * 9 + ["no_text_change"] * 2


def test_csv_rows_draft_as_the_yaml_files_do() -> None:
    rows = load_rows(EXECUTIVES / "executives.csv")
    assert [r.error for r in rows] == [None] * 5
    assert sorted(f"{r.id}.yaml" for r in rows) == ALL
    for row in rows:
        assert row.executive is not None
        assert render(row.executive.template, row.executive).text == drafted(f"{row.id}.yaml").text
