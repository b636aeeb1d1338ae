"""The drafting convention: the unit words and label formats agreements are written in.

Every module that needs to recognise "Section 2.01", "ARTICLE II", "Clause 12.1"
or "(iv)" asks this one object, so that a unit word or a label format is added
in one place and every reader, the citation parser and the grammar learn it
together.  It holds data and the regular expressions built from it; turning a
printed token into a :class:`~conformed.citation.Label` stays in citation.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..lazy_re import lazy_re

# What kind of division a unit word names:
#   article     a container whose sections are cited without it ("Section 2.5", not "Article 2, 2.5")
#   section     a numbered provision at any level ("Section", "Paragraph", "Clause", "Part")
#   attachment  something printed after the signatures ("Exhibit A", "Schedule 1.1")
ARTICLE, SECTION, ATTACHMENT = "article", "section", "attachment"


@dataclass(frozen=True)
class Unit:
    """One unit word, the forms it is printed in, and what it divides."""

    word: str  # canonical, as messages print it
    kind: str
    forms: tuple[str, ...]  # singular forms as printed (case is ignored when matching)
    plurals: tuple[str, ...] = ()
    lead: bool = True  # may print before a provision's own label ("SECTION 2.01.")


_QUOTED = lazy_re(r'("[^"]*"|\u201c[^\u201d]*\u201d)')

# The nouns an instrument's name ends in: "the Pledge Agreement", "GROUND LEASE", "the Plan".
INSTRUMENT_NOUNS = (
    "Agreement", "Lease", "Sublease", "Plan", "Indenture", "Guaranty", "Guarantee", "Note",
    "Contract", "Mortgage", "Deed", "License", "Licence", "Charter", "Policy", "Trust",
)  # fmt: skip


# The words an instrument's name names: its nouns, and "Amendment" ("[Second Amendment to
# Lease]", "Harrow Plan - First Amendment"), as an alternation for patterns.
NAMING_WORDS = "|".join(("Amendment", *INSTRUMENT_NOUNS))
# Words of a name that say which version it is, not which instrument: "the Existing Credit
# Agreement" names the Credit Agreement.
NAME_QUALIFIERS = frozenset(
    ["existing", "original", "amended", "restated", "prior", "underlying", "current", "said", "and"]
)
_NOT_NAMING = NAME_QUALIFIERS | {"of", "the", "for", "to", "a", "an", "&"}
# A short name in capitals that may be an instrument's initials ("the MSA"), as patterns spell it
# (the grammars' ACRONYM and DOCNAME spell it too: lark files cannot import it)
SHORT_NAME = r"[A-Z]{2,6}"
# The months, and a date as drafters print it ("March 1, 2024")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"(?:{MONTHS})\s+\d{{1,2}}\s*,\s*\d{{4}}"


def initials(name: str) -> str:
    """ "MSA" for "Amended and Restated Master Services Agreement": the first letters of
    the words that name an instrument (not its version, nor "of", "and", "the"), as a
    short name in capitals abbreviates it ('the "MSA"', 'the "LPA"')."""
    words = [w for w in name.split() if w.lower() not in _NOT_NAMING]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def abbreviates(short: str, name: str) -> bool:
    """Is ``short`` a name in capitals made of ``name``'s initials ("MSA", "Master Services
    Agreement")?  The one test wherever a short name in capitals is taken for the agreement."""
    return short.isupper() and short.isalpha() and initials(name) == short


# A document's title line: words ending in one of those nouns ("GRAIN STORAGE AGREEMENT").
TITLE_LINE = lazy_re(rf"(?i:[A-Z][\w&'.,\- ]{{0,80}}\b(?:{'|'.join(INSTRUMENT_NOUNS)}))")

# The heading an English agreement (or amendment agreement) prints over its operative
# clauses, after its parties and background, alone on its line.
OPERATIVE_HEADING = (
    r"(?:AGREED\s+TERMS|IT\s+IS\s+(?:HEREBY\s+)?AGREED|OPERATIVE\s+PROVISIONS|TERMS\s+AGREED)"
    r"(?:\s+as\s+follows)?[.:]?"
)

_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
# (longest first, so that an alternation takes "SEVENTEENTH" whole, not "SEVENTH")
_ORDINALS_LONGEST_FIRST = sorted(_ORDINAL_WORDS, key=lambda w: (-len(w), w))
_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


@dataclass(frozen=True)
class Convention:
    units: tuple[Unit, ...]
    number_words: tuple[str, ...] = tuple(_NUMBER_WORDS)
    max_digits: int = 6  # "Section 1000" is a label; a 40-digit number is not

    # --- unit words ---------------------------------------------------------
    def unit(self, word: str) -> Unit | None:
        """The unit a printed word names ("SECTION", "Sec.", "sub-paragraphs" ...)."""
        return self._units_by_form.get(word.strip().lower())

    @cached_property
    def _units_by_form(self) -> dict[str, Unit]:
        """Each lower-cased form's unit, the first that prints it (asked for per citation)."""
        out: dict[str, Unit] = {}
        for unit in self.units:
            for form in (*unit.forms, *unit.plurals):
                out.setdefault(form.lower(), unit)
        return out

    def forms(self, *kinds: str, plural: bool = False, lead_only: bool = False) -> list[str]:
        """Printed forms of the units of ``kinds`` (all kinds if none), longest first."""
        out: list[str] = []
        for unit in self.units:
            if (kinds and unit.kind not in kinds) or (lead_only and not unit.lead):
                continue
            out += unit.forms
            if plural:
                out += unit.plurals
        return sorted(set(out), key=lambda f: (-len(f), f))

    def unit_pattern(self, *kinds: str, plural: bool = False, lead_only: bool = False) -> str:
        """A regex alternation of unit words (case-insensitive where used with re.I)."""
        forms = self.forms(*kinds, plural=plural, lead_only=lead_only)
        words = [re.escape(f) + ("" if f.endswith(".") or not f[-1].isalpha() else r"(?![A-Za-z])")
                 for f in forms]  # fmt: skip
        return "(?:" + "|".join(words) + ")"

    def grammar_words(self, *kinds: str) -> str:
        """Unit words (singular and plural, lower case) as one alternation for a lark terminal."""
        forms = self.forms(*kinds, plural=True)
        words = {re.escape(f.lower()) for f in forms if f[0].isalpha()}
        return "|".join(sorted(words, key=lambda w: (-len(w), w)))  # the same text every run

    def signs_as_words(self, text: str) -> str:
        """ "§ 4.2", "§§ 4.2 and 4.3", "¶ 7": a unit printed as its sign, cited as its word
        ("Section 4.2"), so that instructions read one vocabulary.  Only before a label: a
        pilcrow that decorates a paragraph ("¶ The Tenant shall ...") is left alone.  Words
        the agreement prints are never changed: quoted ones, and those after "reference to"
        (the sign is what to find there)."""
        if "\u00a7" not in text and "\u00b6" not in text:
            return text
        parts = _QUOTED.split(text)  # quoted words at the odd places
        return "".join(
            p if k % 2 else self._signs.sub(lambda m: self._sign_words[m.group(1)] + " ", p)
            for k, p in enumerate(parts)
        )

    @cached_property
    def _sign_words(self) -> dict[str, str]:
        words = {"\u00b6\u00b6": "Paragraphs", "\u00b6": "Paragraph"}
        for unit in self.units:
            words |= {f: unit.word for f in unit.forms if not f[0].isalpha()}
            words |= {f: unit.plurals[0] for f in unit.plurals if not f[0].isalpha()}
        return words

    @cached_property
    def _signs(self) -> re.Pattern[str]:
        signs = "|".join(re.escape(s) for s in sorted(self._sign_words, key=lambda s: -len(s)))
        return re.compile(
            rf"(?<!\bto )(?<!\bto  )({signs})\s*(?=\d|\([A-Za-z0-9]{{1,5}}\)|[A-Z](?![a-z]))"
        )

    @cached_property
    def lead_unit(self) -> str:
        """A unit word a provision may print before its label: "Section ", "ARTICLE ", "Sec. "."""
        forms = self.forms(ARTICLE, SECTION, lead_only=True)
        variants: list[str] = []
        for f in forms:
            if f[0].isalpha():
                variants += sorted({f, f.upper(), f.capitalize()}, key=lambda v: (-len(v), v))
            else:
                variants.append(f)
        return "(?:" + "|".join(re.escape(v) for v in variants) + r")[^\S\n]*"

    @cached_property
    def citation_unit(self) -> str:
        """Unit words as citations print them, singular or plural, any case."""
        return self.unit_pattern(ARTICLE, SECTION, plural=True)

    @cached_property
    def attachment_unit(self) -> str:
        return self.unit_pattern(ATTACHMENT, plural=True)

    # --- a lease's summary --------------------------------------------------
    def summary_title(self, *, cited: bool = False) -> str:
        """The titles a lease prints over its summary of basic terms ("BASIC LEASE
        PROVISIONS", "Summary of Basic Terms", "REFERENCE PAGES"), as a regex.  Printed
        alone, "Basic Terms" needs its "Lease" (an employment agreement's BASIC TERMS is no
        lease summary); ``cited`` -- "the Parking item of the Basic Terms" -- it does not,
        since the citation already says which summary."""
        lease = r"(?:lease\s+)?" if cited else r"lease\s+"
        return (
            rf"(?i:(?:summary\s+of\s+)?(?:the\s+)?basic\s+{lease}(?:information|provisions|terms)"
            r"|summary\s+of\s+(?:the\s+)?(?:basic\s+)?(?:lease\s+)?(?:terms|information|provisions)"
            r"|lease\s+summary|reference\s+(?:pages?|provisions|data))(?![A-Za-z])"
        )

    # --- label formats ------------------------------------------------------
    @cached_property
    def token(self) -> str:
        """A label as printed, without its unit word: "(a)", "iv.", "2.01.", "6A.", "b)"."""
        d = rf"\d{{1,{self.max_digits}}}"
        return (
            rf"(?:(?:{self.ordinal_labels})[:.](?=\s|$)"  # FIRST:  SECOND.  Third:
            rf"|\((?:{d}[A-Z]?|[A-Za-z]{{1,6}})\)"  # (a) (iv) (12) (6A)
            rf"|{d}(?:\.{d})*[A-Z]?(?:\.|:(?=\s))?"  # 5.  2.01  1.1.1  6A.  10.1A  2:
            rf"|[A-Za-z]{{1,6}}\."  # a.  iv.  B.
            rf"|[a-z]{{1,4}}\)|\d{{1,3}}\))"  # b)  2)  (continental: "b) the Supplier ...")
        )

    @cached_property
    def lead(self) -> re.Pattern[str]:
        """A label at the start of a paragraph, optionally after its unit word.

        The label must be followed by a space, the end, another bracket, or --
        as EDGAR conversions often print -- straight by the text after a
        bracketed or numbered label ("(a)Section 1.1", "SECTION 2.Amendments"), or a
        lettered one before a capitalised word ("a.Base Salary", but not "U.S. Bank").
        """
        return re.compile(
            rf"^(?P<unit>{self.lead_unit})?(?P<token>{self.token})"
            r"(?=\s|$|\(|(?<=[)\d.])(?<![A-Za-z]\.)[A-Z\"\u201c]|(?<=[A-Za-z]\.)[A-Z][a-z])"
        )

    @cached_property
    def article_numeral(self) -> str:
        words = "|".join(self.number_words)
        return rf"(?:[IVXLC]{{1,7}}|\d{{1,3}}|(?i:{words})(?:-(?i:{words}))?)"

    @cached_property
    def ordinal_words(self) -> str:
        """ "FIRST" ... "TWENTIETH", in capitals: the items of older leases and charters."""
        return "|".join(w.upper() for w in _ORDINALS_LONGEST_FIRST)

    @cached_property
    def ordinal_labels(self) -> str:
        """The ordinal words as item labels print them: in capitals, or with a capital only
        ("Second:"), never in lower case (a sentence's "first." is no label)."""
        return self.ordinal_words + "|" + "|".join(w.capitalize() for w in _ORDINALS_LONGEST_FIRST)

    def ordinal_word(self, value: int) -> str:
        return _ORDINAL_WORDS[value - 1] if 1 <= value <= len(_ORDINAL_WORDS) else str(value)

    def ordinal_value(self, word: str) -> int | None:
        w = word.lower()
        return _ORDINAL_WORDS.index(w) + 1 if w in _ORDINAL_WORDS else None

    def number_word(self, value: int) -> str:
        """1 -> "one", 21 -> "twenty-one" (as far as the words go; digits beyond)."""
        words = self.number_words
        if 1 <= value <= len(words):
            return words[value - 1]
        if len(words) < value < len(words) + 10 and len(words) == 20:
            return f"twenty-{words[value - 21]}"
        return str(value)

    def number_word_value(self, word: str) -> int | None:
        w = word.lower()
        if "-" in w:
            tens, _, ones = w.partition("-")
            a, b = self.number_word_value(tens), self.number_word_value(ones)
            return a + b if a and b else None
        return self.number_words.index(w) + 1 if w in self.number_words else None


CONVENTION = Convention(
    units=(
        Unit("Article", ARTICLE, ("Article", "Art."), ("Articles", "Arts.")),
        Unit("Section", SECTION, ("Section", "Sec.", "Sect.", "\u00a7"), ("Sections", "Secs.", "\u00a7\u00a7")),
        Unit("Subsection", SECTION, ("Subsection", "Sub-section"), ("Subsections", "Sub-sections"), lead=False),
        Unit("Paragraph", SECTION, ("Paragraph", "Para."), ("Paragraphs", "Paras.")),
        Unit("Subparagraph", SECTION, ("Subparagraph", "Sub-paragraph"), ("Subparagraphs", "Sub-paragraphs"), lead=False),
        Unit("Clause", SECTION, ("Clause",), ("Clauses",)),
        Unit("Subclause", SECTION, ("Subclause", "Sub-clause"), ("Subclauses", "Sub-clauses"), lead=False),
        Unit("Part", SECTION, ("Part",), ("Parts",)),
        Unit("Subpart", SECTION, ("Subpart", "Sub-part"), ("Subparts", "Sub-parts"), lead=False),
        Unit("Item", SECTION, ("Item",), ("Items",), lead=False),
        # an English share plan's rules ("Rule 5.4"); never a line's lead: "Rule 144 under the
        # Securities Act" begins many a wrapped line
        Unit("Rule", SECTION, ("Rule",), ("Rules",), lead=False),
        Unit("Schedule", ATTACHMENT, ("Schedule",), ("Schedules",), lead=False),
        Unit("Exhibit", ATTACHMENT, ("Exhibit",), ("Exhibits",), lead=False),
        Unit("Annex", ATTACHMENT, ("Annex",), ("Annexes",), lead=False),
        Unit("Appendix", ATTACHMENT, ("Appendix",), ("Appendices", "Appendixes"), lead=False),
        Unit("Attachment", ATTACHMENT, ("Attachment",), ("Attachments",), lead=False),
        Unit("Addendum", ATTACHMENT, ("Addendum",), ("Addenda", "Addendums"), lead=False),
        Unit("Rider", ATTACHMENT, ("Rider",), ("Riders",), lead=False),
    )
)  # fmt: skip
