"""Patterns rewritten to scan faster find what their look-behind-first forms found."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from conformed.definitions import _CAPITALISED
from conformed.grammar.amends import ACTIVE as _ACTIVE
from conformed.grammar.guards import _HEREBY_AMENDED, _HEREBY_VERB, _hereby_amended
from conformed.grammar.no_text_change import OPERATIVE
from conformed.layout.convention import CONVENTION
from conformed.layout.engine import _BODY_END_FIRST
from conformed.layout.item_patterns import _SAME_LINE_LEAD
from conformed.layout.items import _after_and
from conformed.layout.lines import _TERMINAL
from conformed.layout.payload import AMENDING, OPEN, WANTS_TEXT
from conformed.layout.rules import page_artifact, toc
from conformed.layout.rules.exhibit_start import starts_attachment
from conformed.layout.rules.signature_block import ends_body
from conformed.layout.sequence import _INLINE, _TITLE_AT_END, title_at_end
from conformed.operative import _WITNESS
from helpers import CORPUS

TEXT = (
    "the Borrower shall deliver: a. the notes; b. the mortgage, c. the title policy; and "
    "d. Any other documents, or (ii) \u201cBy-laws\u201d and (ii) (Other; e.  Final; "
    "e.Joined and 10. Ten, 10.  Ten or 1. One"
)


def _look_behind_first(token: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?<=[;,]\s)|(?<=\sand\s)|(?<=\sor\s)){re.escape(token)}\s+(?=[A-Z\"\u201c(])"
    )


@pytest.mark.parametrize("token", ["a.", "b.", "c.", "d.", "e.", "(ii)", "10.", "1.", "0."])
def test_same_matches_from_every_start(token: str) -> None:
    ours, theirs = _after_and(token), _look_behind_first(token)
    for start in range(len(TEXT)):
        for end in (len(TEXT), start + 20):
            a, b = ours.search(TEXT, start, end), theirs.search(TEXT, start, end)
            assert (a and a.span()) == (b and b.span()), (start, end)


# (never after "No.": "AMENDMENT NO. 2 TO THE PLAN" numbers the amendment)
_INLINE_BEFORE = re.compile(
    rf"(?:(?<=[.:;\]\"\u201d])(?<![Nn][Oo]\.)\s+|(?P<gap>[^\S\n]{{3,}}))(?P<unit>{CONVENTION.lead_unit})?"
    rf"(?P<token>{CONVENTION.token})\s+(?(gap)(?=[\w\"\u201c(])|(?=[A-Z\"`'\u201c(\[]|\d+\s+[A-Z]{{2}}))"
)


def _inline(m: re.Match[str] | None) -> object:
    if m is None:
        return None
    return m.span(), m.span("unit"), m.span("token"), m.group("gap") is None


@pytest.mark.parametrize(
    "text",
    [
        "Fees.   (b) Interest.\n (c) Costs;   \n\n  2. Foo  3. bar. 4.  Baz \t(d) Quux",
        "x.\t\t\t(a) b, and.\n\n\n(a) B, then   \n  (a) B and \u201d Section 2. Title",
    ],
)
def test_inline_labels_as_before(text: str) -> None:
    assert [_inline(m) for m in _INLINE.finditer(text)] == [
        _inline(m) for m in _INLINE_BEFORE.finditer(text)
    ]
    for start in range(len(text)):
        assert _inline(_INLINE.search(text, start)) == _inline(_INLINE_BEFORE.search(text, start))


def test_inline_labels_across_the_corpus() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for form in (text, " ".join(text.split())):
            ours = [_inline(m) for m in _INLINE.finditer(form)]
            assert ours == [_inline(m) for m in _INLINE_BEFORE.finditer(form)], path.name


_TERMINAL_BEFORE = re.compile(
    r"(?:[.:;!?][\"'`)\u2019\u201d]*|[;,]\s+(?:and|or)|:\s*(?:-{1,2}|\u2014))$"
)
_PIECES = [".", ":", ";", "!", "?", ",", '"', "'", ")", "\u201d", " ", "\t", "and", "or", "-", "x"]


def test_sentence_ends_as_before() -> None:
    texts = [
        line
        for path in CORPUS.rglob("*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")
    ]
    texts += ["".join(p) for n in range(1, 4) for p in itertools.product(_PIECES, repeat=n)]
    for text in texts:
        ours, theirs = _TERMINAL.search(text), _TERMINAL_BEFORE.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), repr(text)


def test_titles_at_line_ends_as_before() -> None:
    lines = [line for path in CORPUS.rglob("*.txt") for line in path.read_text("utf-8").split("\n")]
    lines += ["fiscal month 5. TRADEMARKS", "x 5. AB C\n", "x 5. ABC\n\n", "x Section 3. FOO-BAR"]
    for text in [*lines, *(line + "\n" for line in lines)]:
        ours, theirs = title_at_end(text), _TITLE_AT_END.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), repr(text)


_WANTS_TEXT_BEFORE = re.compile(
    r"\bto\s+read\b|\bread\s+in\s+(?:its|their)\s+entirety\b|\bshall\s+(?:now\s+)?read\b"
    r"|\b(?:replac|substitut|restat)\w*\b(?:[^.:]|(?<=\d)\.(?=\d)){0,120}?\b(?:with|by)\s+the\s+following\b"
    r"|\brestated\b(?:[^.:]|(?<=\d)\.(?=\d)){0,80}\bas\s+follows\b"
    r"|\b(?:add|adding|added|insert|inserting|inserted|include|including)\b(?:[^.:]|(?<=\d)\.(?=\d)){0,100}\bthe\s+following\b"
    r"|\bthe\s+following\s+(?:new\s+|additional\s+|revised\s+|amended\s+)?(?:defined\s+terms?|"
    r"definitions?|paragraphs?|sections?|subsections?|clauses?|sentences?|provisions?|language|words|text)\b"
    r"|\bsubstitut\w*\b(?:[^.:]|(?<=\d)\.(?=\d)){0,100}\bthe\s+following\b"
    r"|\bthe\s+following\s+(?:\w+\s+){0,3}(?:is|are|shall\s+be)\s+(?:hereby\s+)?"
    r"(?:substituted|inserted|added|attached|incorporated)\b"
    r"|\bin\s+lieu\s+thereof\b(?:[^.:]|(?<=\d)\.(?=\d)){0,40}\bthe\s+following\b",
    re.IGNORECASE,
)


def test_instructions_that_ask_for_text_as_before() -> None:
    odd = ["\u017fhall read", "\u0130n lieu thereof, the following", "TO READ", "xto read"]
    for text in [*_corpus_chunks(), *odd]:
        ours, theirs = WANTS_TEXT.search(text), _WANTS_TEXT_BEFORE.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), text


def _corpus_chunks() -> list[str]:
    """Every corpus text, whitespace folded, in overlapping 600-character pieces."""
    texts = [" ".join(path.read_text("utf-8").split()) for path in CORPUS.rglob("*.txt")]
    return [text[i : i + 600] for text in texts for i in range(0, len(text), 300)]


def _without_look_ahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as it was before its first-letter look-ahead was added."""
    text = pattern.pattern
    if text.startswith("(?=\\b["):
        text = text[text.index("])") + 2 :]
        if text.startswith("(?:"):  # the forms, grouped after the look-ahead
            text = text[3:-1]
    else:
        text = re.sub(r"\(\?=\[[a-z]+\]\)", "", text, count=1)
    return re.compile(text, pattern.flags)


@pytest.mark.parametrize("pattern", [OPERATIVE, AMENDING, _ACTIVE, _HEREBY_VERB])
def test_first_letter_look_aheads_change_no_match(pattern: re.Pattern[str]) -> None:
    before = _without_look_ahead(pattern)
    assert before.pattern != pattern.pattern
    odd = ["\u017fhall be amended", "\u0130S HEREBY AMENDED", "xis amended", "Is  hereby amended"]
    for text in [*_corpus_chunks(), *odd]:
        ours, theirs = pattern.search(text), before.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), text


# The forms before they were rewritten to start with one class of first characters.
_OPEN_BEFORE = re.compile(
    r"(?:follows|following|hereto|read|reads)\s*[:,]?[^\S\n]*(?::[^\S\n]*)?\s*(?P<q>[\"\u201c])"
    r"|:[^\S\n]*-*\s*(?P<c>[\"\u201c])",
    re.IGNORECASE,
)
_SAME_LINE_LEAD_BEFORE = re.compile(
    r"\b(?:as\s+follows?|the\s+following(?!\s+example)(?:\s+[\w\-().]+){0,6}?|as\s+set\s+forth\s+below)"
    r"\s*:[^\S\n]*(?=\S)"
    r"|\bas\s+follows?[^\S\n]+(?=[A-Z])",
    re.IGNORECASE,
)
_ODD_LEADS = [
    "xas follows: y",
    "\u0130S follows:  A",
    "\u017fet forth",
    'READS  \n  "x"',
    "follows,:  \u201cx",
    '  as  follows:\n\n "a"',
    "The following example: x",
    "replaced As Follows revolving",
    "hereto - \u201c",
    'x: -- "y',
    "\u0130n witness whereof \u0131N  WITNESS\nwhereof",
    "\u00e9Kopyt Cash_Payment, Kopyt of Ab9 X\u0130y Qr-s",
]


def _spans(m: re.Match[str] | None) -> object:
    return m and [m.span(g) for g in range(m.re.groups + 1)]


_WITNESS_BEFORE = re.compile(r"IN\s+WITNESS\s+WHEREOF", re.IGNORECASE)
_CAPITALISED_BEFORE = re.compile(
    r"\b(?:[A-Z][a-z][\w\-]*)(?:\s+(?:[A-Z][a-z][\w\-]*|of|and|or))+\b"
)


@pytest.mark.parametrize(
    ("ours", "before"),
    [
        (OPEN, _OPEN_BEFORE),
        (_SAME_LINE_LEAD, _SAME_LINE_LEAD_BEFORE),
        (_WITNESS, _WITNESS_BEFORE),
        (_CAPITALISED, _CAPITALISED_BEFORE),
    ],
)
def test_first_character_classes_change_no_match(
    ours: re.Pattern[str], before: re.Pattern[str]
) -> None:
    """A match at every place of every corpus text (so a search from anywhere agrees)."""
    texts = [path.read_text("utf-8") for path in sorted(CORPUS.rglob("*.txt"))]
    for text in [*texts, *_ODD_LEADS]:
        for pos in range(len(text)):
            for end in (len(text), pos + 12):
                assert _spans(ours.match(text, pos, end)) == _spans(before.match(text, pos, end)), (
                    text[pos : pos + 40],
                    end,
                )


def test_first_letters_fold_to_no_other_character() -> None:
    """What the classes rely on: re's case folding maps f, h, r, a and t to themselves."""
    found = re.findall("(?i:[fhrat])", "".join(map(chr, range(0x110000))))
    assert sorted(set(found)) == sorted("fhratFHRAT")


def test_body_end_first_characters_rule_out_no_end() -> None:
    """A line whose first character _body_end rules out is never a signature block's or an
    attachment's first line."""
    lines = [line for path in CORPUS.rglob("*.txt") for line in path.read_text("utf-8").split("\n")]
    lines += [
        "\u0130N WITNESS WHEREOF",
        "\u017fignature page follows",
        " [Remainder of page",
        "rider 3",
        "EXECUTED as a deed by the parties",
        "  This Agreement has been entered into on the date stated at the beginning of it.",
        "As witness the hands of the parties",
    ]
    for raw in lines:
        first = raw.lstrip()[:1]
        if first.isascii() and first not in _BODY_END_FIRST:
            assert not ends_body(raw) and not starts_attachment(raw), raw


def test_hereby_is_in_every_text_that_says_it() -> None:
    """_hereby_amended looks for "hereby" in the text in lower case before searching: no
    character but the ASCII ones folds to its letters, in re's matching or in lower()."""
    every = "".join(map(chr, range(0x110000)))
    assert sorted(set(re.findall("(?i:[hereby])", every))) == sorted("hHeErRbByY")
    assert [c for c in every if set(c.lower()) & set("hereby") and c not in "hHeErRbByY"] == []
    for text in ["Section 2 IS HEREBY AMENDED", "x is\nHereby deleted", "is hereby", "ſ"]:
        assert _hereby_amended(text) == _hereby_amended_before(text)


def _hereby_amended_before(text: str) -> str | None:
    verb = _HEREBY_VERB.search(text)
    if verb is None:
        return None
    hereby = _HEREBY_AMENDED.search(text, max(0, verb.start() - 80))
    return hereby.group(0) if hereby else None


def _page_artifacts_before(raw_lines: list[str]) -> set[int]:
    """page_artifacts as it was, every line shaped."""
    shapes = [page_artifact._shape(raw) for raw in raw_lines]
    out = {i for i, raw in enumerate(raw_lines) if page_artifact.is_page_number(raw)}
    stamps = Counter(
        raw.strip()
        for raw in raw_lines
        if page_artifact._STAMP.match(raw) or page_artifact._filed_as(raw)
    )
    out |= {i for i, raw in enumerate(raw_lines) if stamps.get(raw.strip(), 0) >= 2}
    counts = Counter(shape for raw, shape in zip(raw_lines, shapes, strict=True) if raw.strip())
    numbered: dict[str, set[str]] = {}
    near: Counter[str] = Counter()
    for i, raw in enumerate(raw_lines):
        if counts[shapes[i]] < 3 or not page_artifact._running(raw.strip()):
            continue
        if "#" in shapes[i]:
            numbered.setdefault(shapes[i], set()).add(raw.strip())
        if page_artifact._beside_break(i, raw_lines, out):
            near[shapes[i]] += 1
    running = {t for t, n in near.items() if n >= 3 and n >= counts[t] * 0.6}
    running |= {t for t, seen in numbered.items() if len(seen) >= 3}
    return out | {i for i, raw in enumerate(raw_lines) if raw.strip() and shapes[i] in running}


def test_page_artifacts_as_when_every_line_was_shaped() -> None:
    texts = [path.read_text("utf-8") for path in sorted(CORPUS.rglob("*.txt"))]
    pages = [
        f"Body text {n}.\n\n  {n}  ISDA\t2002 \n- {n} -\nCONFIDENTIAL # {n}\n" for n in range(9)
    ]
    texts += ["".join(pages), "".join(pages).replace(" ", "\u00a0"), "x\n5\n\u0665 ISDA\n"]
    for text in texts:
        lines = text.split("\n")
        assert page_artifact.page_artifacts(lines) == _page_artifacts_before(lines)


def test_first_characters_rule_out_no_stamp_and_no_contents_title() -> None:
    lines = [line for path in CORPUS.rglob("*.txt") for line in path.read_text("utf-8").split("\n")]
    lines += ["\u017fource: x", " [*] Confidential material", "\u0130NDEX", "Table of  Contents "]
    for raw in lines:
        assert page_artifact._stamped(raw) == bool(page_artifact._STAMP.match(raw)), raw
        first = raw.lstrip()[:1]
        if first.isascii() and first not in toc._TITLE_FIRST:
            assert not toc._TITLE.match(raw), raw


@pytest.mark.parametrize(
    "line, ends",
    [
        ("Signed for and on behalf of Tarn Quarries Limited", True),
        ("EXECUTED as a deed by Wray Haulage Limited", True),
        ("This Agreement has been entered into on the date stated at the beginning of it.", True),
        ("AS WITNESS the hands of the parties", True),
        # a provision's text that only begins as a testimonium does
        ("This Agreement has been entered into between the Parties in consideration of", False),
        ("This Agreement has been executed in reliance on the Guarantee.", False),
        ("executed by the parties thereto, in form and substance satisfactory", False),
        ("Signed copies of each notice shall be kept.", False),
    ],
)
def test_english_execution_clauses_end_the_body(line: str, ends: bool) -> None:
    assert ends_body(line) is ends
