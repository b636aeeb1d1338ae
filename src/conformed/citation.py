"""Labels and citations: "5(c)", "2.g.ii.", "6.9(e)", "Section 1.1".

A :class:`Label` is one level's number as printed ("(c)", "b.", "4.", "6.9")
split into its style, ordinal value and punctuation, so that it can be
renumbered in its own style ("b." -> "c.", "(d)" -> "(e)", "ii." -> "iii.").
A :class:`Citation` is a reference to a provision as an amendment prints it,
reduced to *keys* ("5", "c") that are compared with the keys of the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property, lru_cache

from .layout.convention import CONVENTION
from .lazy_re import lazy_re


class Style(Enum):
    ARABIC = "arabic"
    LOWER_ALPHA = "lower-alpha"
    UPPER_ALPHA = "upper-alpha"
    LOWER_ROMAN = "lower-roman"
    UPPER_ROMAN = "upper-roman"
    UPPER_ORDINAL = "upper-ordinal"  # "FIRST:", "SECOND:": items of older leases and charters
    TITLE_ORDINAL = "title-ordinal"  # "First:", "Second:": the same, as a plan amendment prints it


_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip
_ROMAN_RE = lazy_re(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def to_roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def from_roman(text: str) -> int | None:
    text = text.lower()
    if not text or not _ROMAN_RE.match(text):
        return None
    value, i = 0, 0
    for number, letters in _ROMAN:
        while text.startswith(letters, i):
            value += number
            i += len(letters)
    return value or None


def to_alpha(value: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa, 28 -> bb: the doubled-letter style of US drafting."""
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def from_alpha(text: str) -> int | None:
    text = text.lower()
    if not text.isalpha() or not text.isascii() or len(set(text)) != 1:
        return None
    return (len(text) - 1) * 26 + (ord(text[0]) - ord("a") + 1)


def format_value(style: Style, value: int) -> str:
    if style is Style.ARABIC:
        return str(value)
    if style is Style.UPPER_ORDINAL:
        return CONVENTION.ordinal_word(value).upper()
    if style is Style.TITLE_ORDINAL:
        return CONVENTION.ordinal_word(value).capitalize()
    if style is Style.LOWER_ALPHA:
        return to_alpha(value)
    if style is Style.UPPER_ALPHA:
        return to_alpha(value).upper()
    if style is Style.LOWER_ROMAN:
        return to_roman(value)
    return to_roman(value).upper()


@dataclass(frozen=True)
class Label:
    """One level's number as printed: ``prefix + value + extra + suffix``.

    ``prefix`` holds opening punctuation, a unit word ("Section ") or the
    parent's number in dotted styles ("6." in "6.9"); ``suffix`` the closing
    punctuation ("." or ")").  ``width`` zero-pads an arabic value ("2.01"),
    and ``extra`` is the letter of a provision inserted between two others
    ("6A." between "6." and "7.").
    """

    style: Style
    value: int
    prefix: str = ""
    suffix: str = ""
    width: int = 0
    extra: str = ""
    words: bool = False  # the number is spelt out ("ARTICLE TWO"), in the case of ``prefix``

    @cached_property
    def text(self) -> str:
        number = format_value(self.style, self.value)
        if self.words:
            number = CONVENTION.number_word(self.value)
            number = number.upper() if self.prefix.isupper() else number.capitalize()
        elif self.width and self.style is Style.ARABIC:
            number = number.zfill(self.width)
        return f"{self.prefix}{number}{self.extra}{self.suffix}"

    @cached_property
    def key(self) -> str:
        return label_key(self.text)

    @property
    def shape(self) -> tuple[str, str, str]:
        """What siblings share: the style family and the punctuation around it."""
        return (self.style.value, _DIGIT_RUNS.sub("#", self.prefix), self.suffix)

    @property
    def unit(self) -> str:
        """The unit word printed before the number ("SECTION", "Article"), if any."""
        m = _UNIT_PREFIX.match(self.prefix)
        return m.group(0).strip() if m else ""

    def with_value(self, value: int) -> Label:
        return replace(self, value=value, extra="")

    def __str__(self) -> str:
        return self.text


_UNIT_WORDS = CONVENTION.citation_unit
_DIGIT_RUNS = lazy_re(r"\d+")
_KEY_STRIP = lazy_re(rf"^\W*(?:{_UNIT_WORDS})?\s*", re.IGNORECASE)
_LEADING_ZEROS = lazy_re(r"(?<![\d])0+(?=\d)")


def label_key(text: str) -> str:
    """The comparable core of a printed label: "(c)" -> "c", "Section 5." -> "5",
    "SECTION 2.01." -> "2.1" (zero padding is not part of a number)."""
    core = _KEY_STRIP.sub("", text.strip())
    return _LEADING_ZEROS.sub("", core.strip("().:").lower())  # "SECOND:", "Section 2:"


_ORDINAL_TOKEN = lazy_re(rf"^({CONVENTION.ordinal_labels})([:.])$")
_LABEL_TOKEN = lazy_re(
    rf"""^(?P<prefix>\(|(?:\d{{1,{CONVENTION.max_digits}}}\.)+)?   # "(" or a dotted parent number "6."
         (?P<core>\d{{1,{CONVENTION.max_digits}}}|[A-Za-z]{{1,6}})
         (?P<extra>(?<=\d)[A-Z])?                                 # "6A": inserted between 6 and 7
         (?P<suffix>\)|\.|(?<=\d):)?$""",  # "2:": how "Section 2:" prints it
    re.VERBOSE,
)


def label_candidates(token: str) -> list[Label]:
    """Every reading of a printed label token, most likely first.

    "i" may be roman one or the ninth letter; "c" may be a letter or roman
    one hundred.  The reader picks the reading that continues a sequence.
    A leading unit word ("Section 4.") is kept as part of the prefix.
    """
    return list(_candidates(token))


@lru_cache(maxsize=4096)
def _candidates(token: str) -> list[Label]:
    """Remembered: the layout engine asks of the same few tokens ("(a)", "2.") again and
    again.  The list is only ever copied, and labels are frozen, so sharing them is safe."""
    ordinal = _ORDINAL_TOKEN.match(token)
    if ordinal:
        value = CONVENTION.ordinal_value(ordinal.group(1))
        style = Style.UPPER_ORDINAL if ordinal.group(1).isupper() else Style.TITLE_ORDINAL
        return [Label(style, value, "", ordinal.group(2))] if value else []
    unit = _UNIT_PREFIX.match(token)
    if unit:
        return [
            replace(c, prefix=unit.group(0) + c.prefix) for c in _candidates(token[unit.end() :])
        ]
    m = _LABEL_TOKEN.match(token)
    if not m:
        return []
    prefix, core, suffix = m.group("prefix") or "", m.group("core"), m.group("suffix") or ""
    extra = m.group("extra") or ""
    if prefix == "(" and suffix != ")":
        return []
    if prefix.endswith(".") and not core.isdigit():
        return []
    if suffix == ")" and not prefix and not (core.isdigit() or core.islower()):
        return []  # "b)" and "2)" are labels ("2) Section 4.1 is amended ..."); "B)" is too rare
    out: list[Label] = []
    if core.isdigit():
        width = len(core) if core.startswith("0") and len(core) > 1 else 0
        return [Label(Style.ARABIC, int(core), prefix, suffix, width, extra)]
    lower = core.islower()
    if not (core.islower() or core.isupper()):
        return []
    roman = from_roman(core)
    alpha = from_alpha(core)
    roman_style = Style.LOWER_ROMAN if lower else Style.UPPER_ROMAN
    alpha_style = Style.LOWER_ALPHA if lower else Style.UPPER_ALPHA
    if roman is not None and (len(core) > 1 or core.lower() == "i"):
        out.append(Label(roman_style, roman, prefix, suffix))
    if alpha is not None:
        out.append(Label(alpha_style, alpha, prefix, suffix))
    if roman is not None and len(core) == 1 and core.lower() != "i":
        out.append(Label(roman_style, roman, prefix, suffix))
    if core == "l":  # a text layer's "(l)" for "(1)": the sequence decides
        out.append(Label(Style.ARABIC, 1, prefix, suffix))
    return out


_UNIT_PREFIX = lazy_re(rf"^{CONVENTION.lead_unit}")


def parse_label(token: str) -> Label | None:
    found = label_candidates(token)
    return found[0] if found else None


# Built once (compiled on first use, by re's cache): built as an f-string at each call, the
# long pattern was hashed again for that cache every time a provision was named.
# Compiled once: join_labels asks it of every label.
_LEADING_UNIT = lazy_re(rf"^(?:{_UNIT_WORDS})\s*", re.IGNORECASE)


def join_labels(labels: list[str]) -> str:
    """Print a path of labels in the document's own citation style.

    ``["2.", "g.", "ii."] -> "2.g.ii."``, ``["5.", "(g)", "(ii)"] -> "5(g)(ii)"``,
    ``["6.9", "(e)"] -> "6.9(e)"``.
    """
    out = ""
    for text in labels:
        text = _LEADING_UNIT.sub("", text.strip())
        if text.startswith("("):
            out = out.rstrip(".") + text
        elif out and not out.endswith("."):
            out += "." + text
        else:
            out += text
    return out


def name_path(labels: list[str]) -> str:
    """How a message names a provision: "Section 9", "subsection 5(c)"."""
    cite = join_labels(labels)
    if len(labels) == 1:
        return f"Section {cite.rstrip('.')}" if cite[:1].isdigit() else cite
    return f"subsection {cite}"


# --- citations -------------------------------------------------------------

# A provision cited plainly, by unit word and label ("Section 5.2(b)"): one the agreement's
# own numbering can look up, with no chain through another part or document.
# ("Section II.A", "Section IV.B.2": a Roman Article's lettered Section, as older agreements
# number them)
_PLAIN_LABEL = r"(?P<label>(?:\d[\w.]*|[IVXLC]{1,7}\.[A-Z](?:\.\d{1,3})?)(?:\([\w]{1,5}\))*)"
# A bracketed label as cited: "(c)", "(iv)", "(12)"; its words in group 1.
BRACKETED = lazy_re(r"\(([A-Za-z0-9]{1,6})\)")
# (in lower case too where the label is numbered in full: English drafting's "clause 7.4";
# and "clause 12", as English drafting cites its clauses: never "section 12", which is as
# often a statute's as the agreement's)
PLAIN_PROVISION = lazy_re(
    rf"(?P<unit>Section|Subsection|Paragraph|Clause|Rule"
    rf"|(?i:clause|section|paragraph)(?=\s+\d{{1,3}}\.\d)|clause(?=\s+\d))\s+{_PLAIN_LABEL}"
)
_ATOM = lazy_re(r"\d+(?:\.\d+)+[A-Z]?(?![A-Za-z])|\d+[A-Z](?![A-Za-z])|\d+|[A-Za-z]+")
_UNIT_RE = lazy_re(rf"^\s*(?P<unit>{_UNIT_WORDS})\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """A reference as printed ("Subsection 5(c)") reduced to keys ("5", "c")."""

    printed: str
    keys: tuple[str, ...]
    unit: str = ""

    @property
    def label_text(self) -> str:
        """The citation without its unit word: "Subsection 5(c)" -> "5(c)"."""
        return _UNIT_RE.sub("", self.printed).strip()

    @property
    def last(self) -> str:
        return self.keys[-1]

    @property
    def parent_keys(self) -> tuple[str, ...]:
        if len(self.keys) == 1 and "." in self.keys[0]:
            return tuple(self.keys[0].split(".")[:-1])
        return self.keys[:-1]

    def __str__(self) -> str:
        return self.printed


def citation_keys(label_text: str) -> tuple[str, ...]:
    """ "2.g.ii." -> ("2", "g", "ii"); "6.9(e)" -> ("6.9", "e"); "5(g)(ii)" -> ("5", "g", "ii");
    "2.01" -> ("2.1",), as :func:`label_key` reads zero-padded numbers."""
    return tuple(_LEADING_ZEROS.sub("", atom.lower()) for atom in _ATOM.findall(label_text))


def expand_labels(first: str, last: str) -> tuple[str, ...] | None:
    """ "11.1" to "11.3" -> 11.1, 11.2, 11.3 (dotted numbers with one prefix); None otherwise."""
    if "." not in first or "." not in last:
        return None
    (pa, na), (pb, nb) = first.rsplit(".", 1), last.rsplit(".", 1)
    if pa == pb and na.isdigit() and nb.isdigit() and int(na) < int(nb) <= int(na) + 50:
        return tuple(f"{pa}.{n}" for n in range(int(na), int(nb) + 1))
    return None


def parse_citation(printed: str) -> Citation:
    printed = " ".join(printed.split())
    summary = _IN_SUMMARY.fullmatch(printed)
    if summary is not None:  # "Item 6 of the Basic Lease Information": the summary's item 6
        keys = (SUMMARY_KEY, *citation_keys(summary["label"]))
        return Citation(printed=printed, keys=keys, unit=summary["unit"])
    m = _UNIT_RE.match(printed)
    unit = m.group("unit") if m else ""
    rest = printed[m.end() :] if m else printed
    return Citation(printed=printed, keys=citation_keys(rest), unit=unit)


# What "Item 6 of the Basic Lease Information" is looked for under: a lease's summary of
# numbered items, a part of its own (layout/summary.py)
SUMMARY_KEY = "part:summary"
_IN_SUMMARY = lazy_re(
    r"(?P<unit>(?i:items?|paragraphs?|sections?))\s+(?P<label>\d{1,3}(?:\([a-z0-9]{1,5}\))*)\s+of\s+"
    r"(?:the\s+)?" + CONVENTION.summary_title()
)


def in_summary(printed: str) -> bool:
    """ "Item 6 of the Basic Lease Information": an item of a lease's summary."""
    return _IN_SUMMARY.fullmatch(" ".join(printed.split())) is not None


def with_stems(labels: list[str]) -> tuple[str, ...]:
    """ "8.3(u), (v) and (w)": a bracketed label after a full one shares its stem (8.3(v),
    8.3(w)); the first label, and one that is full itself, are left as they are.  The stem is
    the nearest full label's ("5.2, 5.3(a), (c)": 5.3(c), never a bare (c))."""
    out: list[str] = []
    for label in labels:
        stem = re.match(r"(.+?)(?:\([^()]*\))$", out[-1]) if out and label.startswith("(") else None
        out.append(stem.group(1) + label if stem and not stem.group(1).startswith("(") else label)
    return tuple(out)


def singular_unit(unit: str) -> str:
    """ "Sections" as one of them is cited: "Section" ("Clauses" -> "Clause")."""
    return re.sub(r"(?i)(?<=[a-z])s$", "", unit)


_ATTACHMENT_NAMED = lazy_re(
    r"(?:(?P<noun>(?i:exhibit|schedule|annex|appendix|appendice|attachment|rider))(?:e?s)?\s+)?"
    r"(?P<label>\S+)"
)


def attachment_names(listed: str) -> list[str]:
    """ "Schedule 2.01 and Exhibit C" -> both; "Exhibits A, B and C" -> each with its noun
    ("Exhibit A", ...); [] where a part of the list names no attachment."""
    out: list[str] = []
    noun = ""
    for part in re.split(r"\s*(?:,\s*and|,|\band\b)\s*", listed.strip()):
        m = _ATTACHMENT_NAMED.fullmatch(part)
        if m is None:
            return []
        noun = m["noun"].capitalize().replace("Appendice", "Appendix") if m["noun"] else noun
        if not noun:
            return []
        out.append(f"{noun} {m['label']}")
    return out
