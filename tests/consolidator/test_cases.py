"""Consolidation cases: small agreements and amendments with hand-worked results.

Each cases/*.yaml holds a base, an amendment and what must happen: the status
of every item, words each failure message must contain, the exit code, and
(where every item applies) the whole expected conformed copy.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conformed import consolidate, parse_amendment, render_document
from conformed.citation import citation_keys
from conformed.io.text import read_text_document
from helpers import load_yaml, word_diff

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


@pytest.mark.skipif(not CASES, reason="no consolidation cases")
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case = load_yaml(path)
    expect = case["expect"]
    base = read_text_document(case["base"])
    texts = case.get("amendments") or [case["amendment"]]
    chain = [parse_amendment(t, source=f"{k + 1}") for k, t in enumerate(texts)]
    as_of = case.get("as_of")
    result = consolidate(
        base,
        chain,
        attachments=case.get("attachments") or {},
        as_of=dt.date.fromisoformat(str(as_of)) if as_of else None,
    )
    prefix = len(texts) > 1
    items = {
        (f"{a.source}:{i.number}" if prefix else i.number): i
        for a in result.report.amendments
        for i in a.items
    }
    got = {n: i.status for n, i in items.items()}
    assert got == {str(k): v for k, v in expect["status"].items()}, _messages(items)
    for number, needles in (expect.get("messages") or {}).items():
        message = items[str(number)].message
        for needle in needles:
            assert needle in message, f"item {number}: {needle!r} not in {message!r}"
    for number, wanted in (expect.get("operations") or {}).items():  # as the report lists them
        listed = [f"{o['action']} {o['target']}" for o in items[str(number)].operations]
        assert listed == wanted, f"item {number}: {listed}"
    for number, needles in (expect.get("warnings") or {}).items():
        warnings = " | ".join(items[str(number)].warnings)
        for needle in needles:
            assert needle in warnings, f"item {number}: {needle!r} not in {warnings!r}"
    if expect.get("order_warning"):
        assert any("out of order" in w for w in result.report.warnings)
    assert (0 if result.ok else 1) == expect.get("exit", 0 if result.ok else 1)
    if expect.get("conformed"):
        assert word_diff(render_document(result.document, "text"), expect["conformed"]) == ""
    if expect.get("paragraphs"):  # words that must stand as a paragraph of their own
        rendered = render_document(result.document, "text")
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rendered)]
        for want in expect["paragraphs"]:
            assert " ".join(want.split()) in paragraphs, f"{want!r} is not a paragraph of its own"
    if "stale" in expect:

        def norm(refs):
            return sorted((citation_keys(r["provision"]), r["reference"], r["now"]) for r in refs)

        assert norm(result.report.stale_references) == norm(expect["stale"] or [])


def _messages(items) -> str:
    return "\n".join(f"{n}: {i.status} {i.message}" for n, i in items.items())
