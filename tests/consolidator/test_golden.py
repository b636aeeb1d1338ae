"""Golden conformed copies, written by hand, for the seed amendments.

Two of the five bases were typed independently (different wording, wrapping,
page breaks, one single-spaced), so passing is not tuning to one reconstruction.
"""

from __future__ import annotations

import json
import re

import pytest

from conformed import consolidate, read_amendment, read_document, render_document
from conformed.citation import citation_keys
from conformed.io.jsontree import tree_to_json
from conformed.layout.lines import is_page_number
from helpers import ATTACHMENTS, CORPUS, GOLDEN, word_diff


@pytest.fixture(scope="module", params=GOLDEN, ids=lambda g: g[2].split("/")[-1])
def case(request: pytest.FixtureRequest):
    base_path, amendment_path, expected = request.param
    base = read_document(CORPUS / base_path)
    before = tree_to_json(base)
    attach = {
        name: (CORPUS / path).read_text()
        for name, path in ATTACHMENTS.get(amendment_path, {}).items()
    }
    result = consolidate(base, [read_amendment(CORPUS / amendment_path)], attachments=attach)
    assert tree_to_json(base) == before, "consolidate() mutated its input"
    return base_path, result, CORPUS / expected


def test_every_item_applies(case) -> None:
    _, result, expected = case
    statuses = {i.number: i.status for i in result.report.amendments[0].items}
    assert result.ok, statuses
    if "loan" in expected.name:
        applied = [n for n, s in statuses.items() if s == "applied"]
        assert applied == [f"1.a.({k})" for k in range(1, 10)] + [f"1.{x}" for x in "bcdef"]
        assert set(statuses) - set(applied) == {
            "1.g", "2.a", "2.b", "2.c", "2.d", "3", "4.a", "4.b", "4.c", "4.d", "4.e",
            "5", "6", "7", "8",
        }  # fmt: skip
        assert {statuses[n] for n in set(statuses) - set(applied)} == {"no_text_change"}
    else:
        want = ["applied"] * 9 + ["no_text_change"] * 2
        assert [statuses[str(n)] for n in range(1, 12)] == want


def test_conformed_copy_is_word_exact(case) -> None:
    _, result, expected = case
    got = render_document(result.document, "text")
    want = expected.with_suffix(".conformed.txt").read_text()
    assert word_diff(got, want) == ""


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each as its words (page numbers dropped).  A table
    (lines of columns) joins the paragraph that introduces it: seed 002 was flattened onto
    one line, so no reader can know where its table's rows and columns were."""
    kept = "\n".join(x for x in text.splitlines() if not is_page_number(x))
    out: list[str] = []
    for para in re.split(r"\n\s*\n", kept):
        if not para.strip():
            continue
        rows = para.splitlines()
        tabular = [x for x in rows if _TABLE_ROW.search(x) or len(x.split()) <= 3]
        if out and len(rows) >= 3 and len(tabular) == len(rows):
            out[-1] += " " + " ".join(para.split())
        else:
            out.append(" ".join(para.split()))
    return out


_TABLE_ROW = re.compile(r"\S {3,}\S")


def test_conformed_copy_has_the_golden_paragraphs(case) -> None:
    """Line by line, not only word by word: every paragraph of the golden copy is a paragraph
    of ours, so new sub-provisions start lines of their own as the amendment prints them."""
    _, result, expected = case
    got = _paragraphs(render_document(result.document, "text"))
    want = _paragraphs(expected.with_suffix(".conformed.txt").read_text())
    assert got == want


def test_stale_references_match_hand_list(case) -> None:
    _, result, expected = case
    want = json.loads(expected.with_suffix(".stale.json").read_text())

    def norm(refs):
        return sorted((citation_keys(r["provision"]), r["reference"], r["now"]) for r in refs)

    assert norm(result.report.stale_references) == norm(want)


def test_untouched_paragraphs_are_byte_identical(case) -> None:
    """Every paragraph the golden copy keeps verbatim from the base is verbatim in ours."""
    base_path, result, expected = case
    base_text = "\n".join(
        line for line in (CORPUS / base_path).read_text().splitlines() if not is_page_number(line)
    )
    golden = expected.with_suffix(".conformed.txt").read_text()
    got = render_document(result.document, "text")
    if "\n\n" not in golden.strip():
        pytest.skip("single-spaced document: no blank-line paragraphs to compare")
    kept = [p for p in golden.split("\n\n") if p.strip() and p in base_text]
    assert len(kept) > 20
    missing = [p[:80] for p in kept if p not in got]
    assert missing == []
