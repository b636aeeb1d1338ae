"""Instructions per second: the sentence forms (LALR) and the grammar composed of parts (Earley).

    python benchmarks/grammar_speed.py

The instructions are the invented examples of the test suite: every "// e.g."
example of amendment.lark for the forms, and tests/grammar/composed/*.yaml for
the parts.  Each set is parsed in a loop for at least a second (after one
warm-up pass, so the grammars are built); the table prints the rate and the
slowest single instruction (timed in a second pass, so not the grammar's build).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conformed.errors import InstructionParseError, PayloadError  # noqa: E402
from conformed.grammar.instruction import _reading, parse_changes  # noqa: E402
from conformed.grammar.parser import examples, parse_instruction  # noqa: E402
from conformed.layout.payload import PAYLOAD_MARK  # noqa: E402


def _forms(text: str) -> object:
    return parse_instruction(text, "new text" if PAYLOAD_MARK in text else None)


def _parts(text: str) -> object:
    _reading.cache_clear()  # readings are kept per process: measure the parse, not the cache
    return parse_changes(text, "(a) new text")


def rate(parse: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    for text in texts:  # warm-up: the first call builds the grammar
        with contextlib.suppress(InstructionParseError, PayloadError):
            parse(text)
    slowest = 0.0
    for text in texts:  # the slowest one
        t = time.perf_counter()
        with contextlib.suppress(InstructionParseError, PayloadError):
            parse(text)
        slowest = max(slowest, time.perf_counter() - t)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < 1.0:
        for text in texts:
            with contextlib.suppress(InstructionParseError, PayloadError):
                parse(text)
            done += 1
    return done / (time.perf_counter() - start), slowest


def main() -> int:
    forms = [ex for _, ex in examples()]
    parts = [
        case["instruction"]
        for path in sorted((ROOT / "tests/grammar/composed").glob("*.yaml"))
        for case in yaml.safe_load(path.read_text())["cases"]
        if "parent" not in case
    ]
    print("| grammar | instructions | per second | slowest |")
    print("|---|---:|---:|---:|")
    for name, fn, texts in (
        ("sentence forms (LALR)", _forms, forms),
        ("composed parts (Earley)", _parts, parts),
    ):
        per_second, slowest = rate(fn, texts)
        print(f"| {name} | {len(texts)} | {per_second:,.0f} | {slowest * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
