"""Random and mutated documents through every reader: a typed error or a valid reading,
never an exception of another kind (Hypothesis; the seeds are the corpus documents)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformed.amendment import parse_amendment
from conformed.errors import ConformedError
from conformed.io.docx_reader import read_docx_document
from conformed.io.text import read_text_document
from conformed.parsed import parse_instructions
from helpers import CORPUS, rezip

BASES = sorted((CORPUS / "bases").glob("*.txt"))
AMENDMENTS = sorted((CORPUS / "amendments").glob("*.txt"))
# Pieces drafters' documents are made of, so mutations land on the readers' decisions.
PIECES = [
    "\n", "\n\n", "  ", "1.", "(a)", "(iv)", "2.01", "Section ", "ARTICLE II", '"', "\u201c",
    "\u201d", ":", " as follows:", " is hereby amended ", " to read as follows:\n\n\"",
    " is hereby deleted", "6A.", "(formerly 5)", "IN WITNESS WHEREOF", "\f", "\t", "-----",
]  # fmt: skip
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn, sources: list[Path]) -> str:
    text = draw(st.sampled_from(sources)).read_text(encoding="utf-8", errors="replace")
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "copy", "insert", "noise"]))
        span = draw(st.integers(0, 400))
        if kind == "cut":
            text = text[:at] + text[at + span :]
        elif kind == "copy":
            text = text[:at] + text[at : at + span] + text[at:]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = text[:at] + draw(st.text(max_size=30)) + text[at:]
    return text


@FUZZ
@given(mutated(BASES))
def test_agreements_read_or_fail_with_a_message(text: str) -> None:
    try:
        doc = read_text_document(text, name="mutated.txt")
    except ConformedError:
        return
    for _, node in doc.walk():
        assert node.label is None or node.label_text


@FUZZ
@given(mutated(AMENDMENTS))
def test_amendments_read_and_parse_or_fail_with_a_message(text: str) -> None:
    try:
        amendment = parse_amendment(text, source="mutated.txt")
    except ConformedError:
        return
    parsed = parse_instructions(amendment)  # every item: an operation or its error
    for item in parsed.items:
        assert (item.operation is None) != (item.error is None)


@FUZZ
@given(st.text(max_size=3000))
def test_any_text_reads_or_fails_with_a_message(text: str) -> None:
    for read in (lambda: read_text_document(text), lambda: parse_amendment(text)):
        with contextlib.suppress(ConformedError):
            read()


def _docx_bytes() -> bytes:
    out = io.BytesIO()
    d = docx.Document()
    for line in BASES[0].read_text(encoding="utf-8").splitlines()[:60]:
        d.add_paragraph(line)
    d.save(out)
    return out.getvalue()


DOCX = _docx_bytes()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), max_size=8))
def test_damaged_docx_reads_or_fails_with_a_message(flips: list[tuple[int, int]]) -> None:
    data = bytearray(DOCX)
    for at, value in flips:
        data[at] = value
    with contextlib.suppress(ConformedError):
        read_docx_document(bytes(data), name="damaged.docx")


@FUZZ
@given(st.binary(max_size=2000))
def test_damaged_document_xml_reads_or_fails_with_a_message(junk: bytes) -> None:
    def with_junk(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        return data[: len(data) // 2] + junk + data[len(data) // 2 :]

    with contextlib.suppress(ConformedError):
        read_docx_document(rezip(DOCX, with_junk), name="damaged.docx")
