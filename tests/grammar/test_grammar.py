"""The grammar is the spec: every documented example parses to its rule, and the
hand-written cases in cases/*.yaml parse to the operations they list."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed.errors import InstructionParseError
from conformed.grammar.parser import _lark, examples, parse_instruction
from conformed.layout.items import PAYLOAD_MARK
from conformed.operations import describe
from helpers import load_yaml

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def _cases() -> list[tuple[str, dict]]:
    out = []
    for path in CASES:
        for i, case in enumerate(load_yaml(path)["cases"]):
            out.append((f"{path.stem}-{i + 1}", case))
    return out


def test_every_operation_rule_has_an_example() -> None:
    documented = {rule for rule, _ in examples()}
    operations = {"replace_provision", "delete_provision", "insert_provision", "replace_sentence",
                  "ratification", "effectiveness"}  # fmt: skip
    assert operations <= documented


@pytest.mark.parametrize("rule, example", examples(), ids=[r for r, _ in examples()])
def test_example_parses_to_its_rule(rule: str, example: str) -> None:
    tree = _lark().parse(example)
    assert rule in {t.data for t in tree.iter_subtrees()}


@pytest.mark.skipif(not CASES, reason="no case files")
@pytest.mark.parametrize("case", [c for _, c in _cases()], ids=[n for n, _ in _cases()])
def test_case(case: dict) -> None:
    instruction = case["instruction"]
    payload = "quoted text" if PAYLOAD_MARK in instruction else None
    agreement = case.get("agreement", "")
    if "error" in case:
        with pytest.raises(InstructionParseError) as info:
            parse_instruction(instruction, payload, agreement=agreement)
        if case["error"] == "agreement":
            assert "not the" in str(info.value)
        else:
            assert "not a form the grammar knows" in str(info.value)
        return
    op = parse_instruction(instruction, payload, agreement=agreement)
    assert describe(op) == case["operations"]
    target = getattr(op, "target", None)
    if "as_renumbered" in case:
        assert target.as_renumbered == case["as_renumbered"]
    if case.get("formerly") is not None:
        assert target.formerly.printed == case["formerly"]
    if case.get("ordinal") is not None:
        assert op.ordinal.index == case["ordinal"]
    if case.get("position") is not None:
        assert op.position.relation == case["position"]["relation"]
        assert op.position.anchor.printed == case["position"]["anchor"]


def test_unparsed_instruction_names_column_expected_words_and_nearest_forms() -> None:
    with pytest.raises(InstructionParseError) as info:
        parse_instruction("Subsection 5(c) of the Agreement is hereby delted in its entirety.")
    message = str(info.value)
    assert "column 44" in message
    assert "expected one of" in message
    assert "nearest known forms" in message


def test_a_number_run_into_of_is_parted() -> None:
    """ "Section 3of the Agreement": the space the conversion lost is put back."""
    run_on = parse_instruction("Section 3of the Agreement is hereby deleted in its entirety.")
    spaced = parse_instruction("Section 3 of the Agreement is hereby deleted in its entirety.")
    assert describe(run_on) == describe(spaced)
