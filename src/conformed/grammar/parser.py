"""Instruction text -> operation, with errors a paralegal can act on.

The grammar is built once (LALR, contextual lexer, cached).  A failure names
the column, the words the grammar expected there, and the nearest forms the
grammar documents, so "is hereby delted" reads as a typo, not a crash.
"""

from __future__ import annotations

import difflib
import re
from functools import cache, partial
from pathlib import Path

from lark import Lark, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.exceptions import VisitError

from ..errors import AmendmentError, InstructionParseError
from ..layout.convention import CONVENTION, NAME_QUALIFIERS, abbreviates
from ..layout.items import PAYLOAD_MARK
from ..lazy_re import lazy_re
from ..operations import Operation
from .transformer import ToOperations

GRAMMAR = Path(__file__).with_name("amendment.lark")
_DIGIT_OF = lazy_re(r"\dof\s")


@cache
def _lark() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer="contextual", cache=True)


def grammar_text() -> str:
    """The grammar, its unit words taken from the drafting convention (layout/convention.py)."""
    text = GRAMMAR.read_text(encoding="utf-8")
    words = CONVENTION.grammar_words("section", "article")
    return re.sub(r"(?m)^UNIT: .*$", f"UNIT: /({words})(?![A-Za-z])/i", text)


@cache
def examples() -> list[tuple[str, str]]:
    """(rule, example) pairs from the grammar's "// e.g." comments."""
    out = []
    pending: str | None = None
    for line in GRAMMAR.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"\s*// e\.g\. (.*)", line):
            pending = m.group(1).strip()
        elif pending and (m := re.match(r"\s*\??(\w+)\s*:", line)):
            out.append((m.group(1), pending))
            pending = None
    return out


def parse_instruction(
    instruction: str,
    payload: str | None = None,
    *,
    agreement: str = "",
    payload2: str | None = None,
) -> Operation:
    """Parse one item's instruction (payload already replaced by the marker)."""
    text = CONVENTION.signs_as_words(" ".join(instruction.split()))
    if _DIGIT_OF.search(text):  # a scan that skips to the digits; the sub tries every place
        text = re.sub(r"(?<=\d)(?=of\s)", " ", text)  # "Part 3of the Schedule"
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as exc:
        col = getattr(exc, "column", 0) or 0
        raise InstructionParseError(
            "not a form the grammar knows",
            hint=partial(_explain, text, exc),
            span=text,
            unread=len(text) - max(col - 1, 0),
        ) from None
    transformer = ToOperations(payload, payload2)
    try:
        op: Operation = transformer.transform(tree)
    except VisitError as exc:  # pragma: no cover - transformer bugs surface here
        if isinstance(exc.orig_exc, AmendmentError):
            raise exc.orig_exc from None
        raise
    if (PAYLOAD_MARK in text) != (payload is not None):
        raise InstructionParseError("quoted text does not match the instruction", span=text)
    _check_agreement(transformer.agreements, agreement, text)
    return op


_AN_AMENDMENT = lazy_re(r"(?i)\bamendments?(?:\s+(?:no\.?|number)\s*\w+)?$")


def is_an_amendment(name: str) -> bool:
    """ "the First Amendment", "Amendment No. 2": an instrument that amends, never the one
    amended."""
    return bool(_AN_AMENDMENT.search(name))


def names_the_agreement(name: str, agreement: str) -> bool:
    """Does ``name`` name the agreement the amendment amends, called ``agreement``?  "the
    Agreement" and "the Existing Credit Agreement" name the Credit Agreement; "the Pledge
    Agreement" never names the Services Agreement, nor an agreement the amendment calls
    only "the Agreement": a name of its own is another instrument's."""
    if not agreement or name in ("Agreement", agreement):
        return True
    if abbreviates(name, agreement):
        return True  # "the MSA" for the Master Services Agreement
    return set(name.lower().split()) - NAME_QUALIFIERS <= set(agreement.lower().split())


def _check_agreement(mentioned: list[str], expected: str, text: str) -> None:
    """An item that names another agreement must not be applied to this one.  An
    amendment ("the First Amendment", "Amendment No. 2") is never the agreement conformed,
    whatever the agreement is called."""
    for name in mentioned:
        if is_an_amendment(name):
            raise InstructionParseError(
                f"the item amends the {name}, not the {expected or 'agreement'} it amends",
                span=text,
            )
    if not expected:
        return
    for name in mentioned:
        if names_the_agreement(name, expected):
            continue
        raise InstructionParseError(
            f"the item amends the {name}, not the {expected} this amendment amends", span=text
        )


def _explain(text: str, exc: UnexpectedInput) -> str:
    col = getattr(exc, "column", 0) or 0
    where = text[max(0, col - 1) : col + 30]
    message = f' (at column {col}: "{where}")'
    allowed: set[str] = set()
    if isinstance(exc, UnexpectedToken):
        allowed = set(exc.expected)
    elif isinstance(exc, UnexpectedCharacters):
        allowed = set(exc.allowed or ())
    if allowed:
        names = {t.name: t.pattern.value for t in _lark().terminals}
        expected = sorted({names.get(e, e) for e in allowed if e != "$END"})[:8]
        if expected:
            message += "; expected one of: " + ", ".join(expected)
    near = nearest_forms(text)
    if near:
        message += "; nearest known forms: " + " | ".join(near)
    return message


def nearest_forms(text: str, n: int = 2) -> list[str]:
    forms = [ex for _, ex in examples()]
    scored = sorted(
        forms,
        key=lambda ex: difflib.SequenceMatcher(
            None, text.lower(), ex.lower()[: len(text) + 10]
        ).ratio(),
        reverse=True,
    )
    return scored[:n]
