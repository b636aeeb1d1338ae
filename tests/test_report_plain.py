"""A report's and a batch outcome's JSON values are those dataclasses.asdict gives."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from conformed import consolidate, read_amendment, read_document
from conformed.batch.runner import Outcome
from conformed.report import ItemReport, Report, plain
from helpers import CORPUS


def test_corpus_reports_as_asdict() -> None:
    for base in sorted((CORPUS / "bases").glob("*.txt")):
        for amendment in sorted((CORPUS / "amendments").glob("*.txt")):
            result = consolidate(read_document(base), [read_amendment(amendment)])
            assert plain(result.report) == dataclasses.asdict(result.report)


def test_other_values_copied_as_asdict_copies_them() -> None:
    odd = ItemReport("1", operations=[{"a": "b"}], warnings=["w"])
    odd.message = Fraction(1, 3)  # type: ignore[assignment]
    report = Report(amendments=[], warnings=["x"], stale_references=[{"k": "v"}])
    for value in (odd, report, Outcome("p", "applied", seconds={"read": 0.5}, outputs=["o"])):
        got, want = plain(value), dataclasses.asdict(value)
        assert got == want
    copied = plain(odd)
    assert copied["operations"][0] is not odd.operations[0]
    assert copied["message"] == odd.message
