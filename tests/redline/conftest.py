"""The ``pair`` fixture: every corpus consolidation, in both modes (see ``pairs``)."""

from __future__ import annotations

import pytest
from pairs import CASES, Pair, corpus_pair


@pytest.fixture(params=CASES, ids=lambda c: f"{c[0].split('/')[-1]}-{c[1]}")
def pair(request: pytest.FixtureRequest) -> Pair:
    return corpus_pair(*request.param)
