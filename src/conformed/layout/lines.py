"""Line classification for hard-wrapped EDGAR text: the layout engine's first pass.

Decides, for every line, whether it continues a paragraph, surely starts one
(a blank line or a first-line indent before it) or may start one if it begins
with a label that continues the numbering (a "soft" break, settled by the
tree).  Page artifacts are left out here, and a paragraph that a page break cut
in two is joined again.  What a line *is* (a heading, a label, a definition)
is for the rules that run over these lines (rules/).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..lazy_re import lazy_re
from .convention import CONVENTION
from .rules.page_artifact import is_page_number

# What a conversion to Markdown escapes ("1\\. Interpretation"): read as the character.
_ESCAPE = lazy_re(r"\\([.()\[\]*_#+\-!`])")
# A sentence's end: ". ", "; and", ": --".  Its first character is taken first (the
# look-behinds then say which it was), so a search skips to the next punctuation mark.
_TERMINAL = lazy_re(
    r"[.:;!?,](?:(?<=[.:;!?])[\"'`)\u2019\u201d]*|(?<=[;,])\s+(?:and|or)|(?<=:)\s*(?:-{1,2}|\u2014))$"
)
LEAD = CONVENTION.lead


@dataclass(frozen=True)
class Line:
    """A classified line.  Its words and indentation are worked out once, here: the rules
    and the tree ask for them several times a line."""

    raw: str
    brk: str  # "hard", "soft", "none", or "rule" (underlining: raw only, no words)
    index: int = 0  # position in the source's raw lines (0-based)
    number: int = 0  # the line's number in the file, 1-based (0: index + 1)
    # The words of the line: stripped, Markdown escapes read ("1\\." is "1."); and its
    # indentation.  Worked out from ``raw`` unless the caller has them already (indent -1).
    text: str = field(default="", kw_only=True, repr=False, compare=False)
    indent: int = field(default=-1, kw_only=True, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.indent < 0:
            object.__setattr__(self, "text", unescape(self.raw.strip()))
            object.__setattr__(self, "indent", indent_of(self.raw))

    @property
    def lineno(self) -> int:
        return self.number or self.index + 1

    @classmethod
    def known(cls, raw: str, brk: str, index: int, number: int, text: str, indent: int) -> Line:
        """A line whose words and indentation the caller has worked out.  Built without the
        frozen dataclass's ``__init__`` (a ``setattr`` per field): classify makes one per
        line of every document, and that ``__init__`` cost as much as classifying."""
        line = object.__new__(cls)
        line.__dict__.update(raw=raw, brk=brk, index=index, number=number, text=text, indent=indent)
        return line


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def indent_of(raw: str) -> int:
    """Leading white space in columns (tabs count to the next multiple of 8)."""
    expanded = raw.expandtabs(8)
    return len(expanded) - len(expanded.lstrip(" "))


def ends_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def starts_with_label(text: str) -> bool:
    return bool(LEAD.match(text.lstrip()))


def blank_separated(lines: tuple[str, ...] | list[str]) -> list[list[str]]:
    """Lines in runs parted by blank lines (each run a paragraph as printed), as they are."""
    runs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def clean_raw_lines(text: str) -> list[str]:
    """Normalise newlines and form feeds; keep everything else (tabs too) as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = join_wrapped_units(text).replace("\f", "")  # once, not once a line
    return [line.rstrip() for line in text.split("\n")]


def join_wrapped_units(text: str) -> str:
    """ "SECTION" alone on its line, "1.02. Amendment to ..." on the next: one heading.
    The line moves down, so every other line keeps its number."""
    if not _UNIT_AT_END.search(text):  # the word ending a line: a search skips to S and A
        return text
    return _WRAPPED_UNIT.sub(r"\n\1\2 ", text)


_UNITS = r"(SECTION|Section|ARTICLE|Article|Sec\.|SEC\.)[^\S\n]*\n"
_WRAPPED_UNIT = lazy_re(
    rf"(?m)^([^\S\n]*){_UNITS}(?=[^\S\n]*\d{{1,3}}(?:\.\d{{1,3}})*\.?[^\S\n]+[A-Z])"
)
# What every match holds: the pattern above begins at each line's start and so is tried at
# every character; this one begins with a unit word's first letter.
_UNIT_AT_END = lazy_re(_UNITS)


_RULE = lazy_re(r"^\s*[-_=]{3,}(?:\s+[-_=]{3,})*\s*$")
_RULE_FIRST = frozenset("-_=")  # what a rule's words start with: the test of most lines


def is_rule(raw: str) -> bool:
    """A line of dashes under a heading: how EDGAR text renders underlining."""
    return bool(_RULE.match(raw))


def classify(
    raw_lines: list[str], skip: set[int] | None = None, numbers: list[int] | None = None
) -> tuple[list[Line], bool]:
    """Classify content lines; returns the lines and whether paragraphs are blank-separated.

    ``skip`` holds the indices of page artifacts (page numbers, running headers);
    by default page-number lines.  ``numbers`` gives each raw line's number in
    the file where the caller split a line in two.
    """
    if skip is None:
        skip = {i for i, raw in enumerate(raw_lines) if is_page_number(raw)}
    entries: list[tuple[str, bool, bool]] = []  # raw, after_blank, after_page
    indices: list[int] = []
    after_blank = after_page = False
    for index, raw in enumerate(raw_lines):
        if index in skip:
            after_page = True
            continue
        if not raw.strip():
            after_blank = True
            continue
        entries.append((raw, after_blank, after_page))
        indices.append(index)
        after_blank = after_page = False
    blanks = sum(1 for _, b, p in entries if b and not p)
    blank_mode = blanks >= max(2, len(entries) // 12)
    # Each line with its tabs expanded, once: its width and its indentation come from it.
    expanded = [raw.expandtabs(8) if "\t" in raw else raw for raw, _, _ in entries]
    width = _width(expanded)
    indents = [len(e) - len(e.lstrip(" ")) for e in expanded]  # once each: asked for thrice
    cont_indent = _continuation_indent(indents)
    # Whole paragraphs on one line each (text taken from HTML without wrapping):
    # every line break is a paragraph break.
    unwrapped = width > 250 and not blank_mode
    lines: list[Line] = []
    prev, prev_indent = "", 0
    for i, (raw, blank, page) in enumerate(entries):
        text = unescape(raw.strip())
        if i and text[:1] in _RULE_FIRST and is_rule(raw) and not blank:
            number = numbers[indices[i]] if numbers else 0
            lines.append(Line.known(raw, "rule", indices[i], number, text, indents[i]))
            continue
        if i == 0:
            brk = "hard"
        elif page:
            brk = _after_page_break(prev, text, blank_mode, indents[i] != prev_indent)
        elif blank or unwrapped:
            brk = "hard"
        elif blank_mode:
            brk = "soft" if starts_with_label(text) and ends_terminal(prev) else "none"
            if brk == "soft" and indents[i] > prev_indent:
                brk = "hard"  # indented as a paragraph's first line: single-spaced provisions
        else:
            brk = _single_spaced_break(prev, text, indents[i], cont_indent, width)
        number = numbers[indices[i]] if numbers else 0
        lines.append(Line.known(raw, brk, indices[i], number, text, indents[i]))
        prev, prev_indent = text, indents[i]
    return lines, blank_mode


def _after_page_break(prev: str, text: str, blank_mode: bool, reindented: bool) -> str:
    """A page break between paragraphs separates them; inside one it does not.

    A capitalised line at a new indentation starts a paragraph even after a line
    with no final stop ("under 1.00  20.0" / page / "     The Fee accrues ...").
    """
    if not ends_terminal(prev):
        if starts_with_label(text):
            return "soft"  # the numbering decides: "7. INDEMNITY" after "... Specifications"
        return "hard" if reindented and text[:1].isupper() else "none"
    if starts_with_label(text):
        return "hard" if blank_mode else "soft"
    return "none" if text[:1].islower() else "hard"


def _single_spaced_break(prev: str, text: str, indent: int, cont_indent: int, width: int) -> str:
    terminal = ends_terminal(prev)
    if starts_with_label(text) and terminal and indent > cont_indent:
        return "hard"  # indented as a paragraph's first line, after a finished sentence
    if starts_with_label(text) and (terminal or indent > cont_indent):
        return "soft"
    if indent > cont_indent and (terminal or len(prev) < 0.7 * width):
        return "hard"
    if terminal and len(prev) < 0.6 * width and text[:1].isupper():
        return "hard"
    return "none"


def _width(expanded: list[str]) -> int:
    lengths = sorted(map(len, expanded))
    if not lengths:
        return 72
    return lengths[int(len(lengths) * 0.95) - 1 if len(lengths) > 20 else -1]


def _continuation_indent(indents: list[int]) -> int:
    counts = Counter(indents)
    return counts.most_common(1)[0][0] if counts else 0


__all__ = [
    "LEAD",
    "Line",
    "classify",
    "clean_raw_lines",
    "ends_terminal",
    "indent_of",
    "is_page_number",
    "is_rule",
    "starts_with_label",
]
