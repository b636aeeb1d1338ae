"""How an agreement prints its labels: "2.b." (dotted) or "5(b)" (parenthesized).

A drafted amendment must cite provisions the way the agreement it amends
numbers them, both in instructions ("Subsection 5(c)", "subsection 2.g.ii.")
and at the head of new text ("(c) For a period ...", "c. For a period ...").
Sections are arabic, their subsections lower-case letters, and the level
below lower-case roman numerals, in either style.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..citation import Style, format_value, join_labels

DOTTED, PARENTHESIZED = "2.b.", "5(b)"
STYLE_NAMES = {
    "2.b.": DOTTED,
    "dotted": DOTTED,
    "5(b)": PARENTHESIZED,
    "parenthesized": PARENTHESIZED,
    "parentheses": PARENTHESIZED,
}
LEVEL_STYLES = (Style.ARABIC, Style.LOWER_ALPHA, Style.LOWER_ROMAN)


def key_of(depth: int, value: int) -> str:
    """The comparable key of the ``value``-th provision at ``depth``: 5, "c", "ii"."""
    return format_value(LEVEL_STYLES[min(depth, 2)], value)


@dataclass(frozen=True)
class LabelStyle:
    """One agreement's label punctuation; ``name`` is "2.b." or "5(b)"."""

    name: str

    @property
    def dotted(self) -> bool:
        return self.name == DOTTED

    def own(self, keys: tuple[str, ...]) -> str:
        """A provision's own label as it heads its text: "4.", "(c)" or "c.", "(ii)" or "ii."."""
        last = keys[-1]
        if len(keys) == 1 or self.dotted:
            return f"{last}."
        return f"({last})"

    def labels(self, keys: tuple[str, ...]) -> list[str]:
        return [self.own(keys[: i + 1]) for i in range(len(keys))]

    def cite(self, keys: tuple[str, ...]) -> str:
        """A full citation: "5" (a Section), "5(g)(ii)", "2.g.ii."."""
        if len(keys) == 1:
            return keys[0]
        return join_labels(self.labels(keys))

    def run(self, keys: tuple[str, ...], depth: int) -> str:
        """Labels that open a provision and its first child at once: "(g)(i)" or "g. i."."""
        own = self.labels(keys)[depth:]
        return " ".join(own) if self.dotted else "".join(own)

    def name_of(self, keys: tuple[str, ...], *, capital: bool = False) -> str:
        """ "Section 9", "subsection 5(c)" ("Subsection" at the start of a sentence)."""
        if len(keys) == 1:
            return f"Section {keys[0]}"
        unit = "Subsection" if capital else "subsection"
        return f"{unit} {self.cite(keys)}"


def parse_style(value: object) -> LabelStyle | None:
    name = STYLE_NAMES.get(str(value).strip().lower()) if value is not None else None
    return LabelStyle(name) if name else None
