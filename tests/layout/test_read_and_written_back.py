"""Every invented agreement of the probes, read and written back untouched, prints its words
in the order it printed them: the layout engine may drop nothing but page artefacts and may
move nothing.  (A paragraph after a table in a definition, and the definitions after it, were
once printed in another order: untouched text moved, which no amendment had asked for.)"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conformed import render_document
from conformed.io.text import read_text_document
from helpers import load_yaml

PROBES = sorted((Path(__file__).parents[2] / "benchmarks" / "apply_probes").glob("*.yaml"))


@pytest.mark.skipif(not PROBES, reason="no probe agreements")
def test_every_probe_agreement_is_written_back_in_its_own_order() -> None:
    moved = []
    for path in PROBES:
        source = load_yaml(path)["base"]
        printed = render_document(read_text_document(source), "text")
        a, b = source.split(), printed.split()
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        added = [" ".join(b[j1:j2])[:80] for op, _, _, j1, j2 in ops if op in ("insert", "replace")]
        if added:
            moved.append(f"{path.stem}: {added[0]}")
    assert moved == []
