"""Sentence splitting on legal text: hand-written cases in data/sentences.yaml."""

from __future__ import annotations

import pytest

from conformed.sentences import split_sentences
from helpers import TESTS, load_yaml

DATA = TESTS / "data" / "sentences.yaml"
CASES = load_yaml(DATA) if DATA.exists() else []


@pytest.mark.skipif(not CASES, reason="no sentence cases")
@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_sentences(case: dict) -> None:
    assert split_sentences(case["text"]) == case["sentences"]


def test_seed_sentences_in_legal_fees_section() -> None:
    """The Termination Agreement's Section 8: its 6th of 7 sentences is the fee sentence."""
    from conformed import read_document
    from helpers import CORPUS

    fees = read_document(CORPUS / "bases" / "kopyt_termination_benefits_1997.txt").body[7]
    sentences = split_sentences(fees.text)
    assert len(sentences) == 7
    assert sentences[-2].startswith("The reasonable fees and expenses of counsel")
