"""Parse tree -> operations.  One method per grammar rule, named after it."""

from __future__ import annotations

from typing import Any

from lark import Token, Transformer

from ..citation import Citation, parse_citation
from ..operations import (
    DeleteProvision,
    InsertProvision,
    NoTextChange,
    Operation,
    Ordinal,
    Position,
    Renumber,
    ReplaceProvision,
    ReplaceSentence,
    Target,
)

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip


class _Agreement(str):
    """An agreement name mentioned in the instruction (checked by the parser)."""


class ToOperations(Transformer[Token, Any]):
    def __init__(self, payload: str | None) -> None:
        super().__init__()
        self.payload = payload or ""
        self.agreements: list[str] = []

    # --- items ---------------------------------------------------------------
    def start(self, children: list[Any]) -> Operation:
        op: Operation = children[0]
        return op

    def replace_provision(self, children: list[Any]) -> ReplaceProvision:
        return ReplaceProvision(target=_first(children, Target), text=self.payload)

    def delete_provision(self, children: list[Any]) -> DeleteProvision:
        return DeleteProvision(target=_first(children, Target), renumber=_maybe(children, Renumber))

    def insert_provision(self, children: list[Any]) -> InsertProvision:
        return InsertProvision(
            target=_first(children, Target),
            text=self.payload,
            position=_maybe(children, Position),
            renumber=_maybe(children, Renumber),
        )

    def replace_sentence(self, children: list[Any]) -> ReplaceSentence:
        return ReplaceSentence(
            target=_first(children, Target), ordinal=_first(children, Ordinal), text=self.payload
        )

    def ratification(self, children: list[Any]) -> NoTextChange:
        return NoTextChange("ratification", "ratifies the agreement; changes no text")

    def effectiveness(self, children: list[Any]) -> NoTextChange:
        when = " ".join(str(children[-1]).split())
        return NoTextChange("effectiveness", f"states the amendment is effective as of {when}")

    # --- pieces --------------------------------------------------------------
    def target(self, children: list[Any]) -> Target:
        return _target(children)

    new_target = target

    def renumbered(self, children: list[Any]) -> tuple[str, Citation | None]:
        return ("renumbered", children[0] if children else None)

    def formerly(self, children: list[Any]) -> Citation:
        return parse_citation(" ".join(str(c) for c in children))

    def agreement(self, children: list[Any]) -> _Agreement:
        name = _Agreement(" ".join(str(children[-1]).split()))
        self.agreements.append(name)
        return name

    def after(self, children: list[Any]) -> Position:
        return Position("after", _citation(children))

    def before(self, children: list[Any]) -> Position:
        return Position("before", _citation(children))

    def at_end(self, children: list[Any]) -> Position:
        return Position("end", _citation(children))

    into = at_end

    def renumber_remainder(self, children: list[Any]) -> Renumber:
        scope = _citation(children)
        return Renumber(scope=scope, printed=f"the remainder of {scope.printed}")

    def renumber_remaining(self, children: list[Any]) -> Renumber:
        unit = str(children[0])
        return Renumber(scope=None, printed=f"the remaining {unit}")

    def ordinal(self, children: list[Any]) -> Ordinal:
        word = str(children[0]).lower()
        to_last = len(children) > 1
        if word in ("last", "final"):
            return Ordinal(-1, word)
        if word == "penultimate":
            return Ordinal(-2, word)
        if word == "next":
            return Ordinal(-2, "next to last")
        n = _ORDINALS[word]
        return Ordinal(-n if to_last else n, f"{word} to last" if to_last else word)


def _citation(children: list[Any]) -> Citation:
    tokens = [str(c) for c in children if isinstance(c, Token) and c.type in ("UNIT", "CITATION")]
    return parse_citation(" ".join(tokens))


def _target(children: list[Any]) -> Target:
    citation = _citation(children)
    renumbered = next((c for c in children if isinstance(c, tuple)), None)
    return Target(
        citation=citation,
        as_renumbered=renumbered is not None,
        formerly=renumbered[1] if renumbered else None,
    )


def _first(children: list[Any], kind: type) -> Any:
    return next(c for c in children if isinstance(c, kind))


def _maybe(children: list[Any], kind: type) -> Any:
    return next((c for c in children if isinstance(c, kind)), None)
