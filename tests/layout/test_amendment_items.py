"""Amendment items read by the layout engine, on invented amendments laid out as drafters do.

Each amendments/*.yaml holds an amendment and, written by hand from it, the items it must
be read as: ``number: first words of the instruction`` in order, with ``| first words of
the new text`` where the item carries new text; ``problems`` are words each structural
problem's message must contain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed.amendment import parse_amendment
from helpers import load_yaml

CASES = sorted((Path(__file__).parent / "amendments").glob("*.yaml"))


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_items(path: Path) -> None:
    case = load_yaml(path)
    amendment = parse_amendment(case["text"], source=path.name)
    got: list[str] = []
    for item, _ in amendment.leaves():
        seen = sum(1 for g in got if g.split(":")[0] == item.number)  # two items "2": in order
        wants = [w for w in case["items"] if str(w).split(":")[0] == item.number]
        want = wants[seen] if seen < len(wants) else None
        n = len(str(want).split(":", 1)[1].split("|")[0].split()) if want else 6
        line = f"{item.number}: {_words(item.instruction, n)}"
        if item.payload is not None and want and "|" in str(want):
            m = len(str(want).split("|", 1)[1].split())
            line += f" | {_words(item.payload.strip(), m)}"
        got.append(line)
    assert got == [str(w) for w in case["items"]]
    problems = [str(p) for p in amendment.problems]
    assert len(problems) == len(case.get("problems", [])), problems
    for message, needles in zip(problems, case.get("problems", []), strict=True):
        for needle in needles:
            assert needle in message, (needle, message)
