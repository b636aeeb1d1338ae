"""Instruction text -> ``list[Change]``, through the grammar composed of parts.

instruction.lark ``%import``s citation.lark (what), verbs.lark (how),
payload.lark (with what) and leadins.lark (what precedes); each part has its
own transformer (parts.py, verbs.py, and clauses.py for the instruction itself) and
lark's ``merge_transformers`` joins them under the namespaces the imports create.

The parser is Earley: free-standing English (document names, headings, lead-ins)
sits between the fixed words, and the readings are many.  It is the slow path:
the sentence forms of amendment.lark (LALR) are tried first.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer, Tree, UnexpectedInput
from lark.exceptions import VisitError
from lark.visitors import merge_transformers

from ..change import CORRESPONDING, Change, Payload, Selector
from ..citation import attachment_names
from ..errors import InstructionParseError, PayloadError
from ..layout.convention import CONVENTION
from ..lazy_re import lazy_re
from .clauses import Clauses
from .edit_list import make_room
from .parts import CitationParts, LeadinParts, PayloadParts
from .quotes import mask_nested, put_back, set_aside
from .verbs import VerbParts

HERE = Path(__file__).parent
STARTS = ["start", "start_edits", "start_umbrella"]
MAX_CHARS = 1000  # an instruction longer than this is split into sentences first


def _load(base_path: str | None, grammar_path: str) -> tuple[str, str]:
    """Read a part, its unit words taken from the drafting convention."""
    path = HERE / grammar_path
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^UNIT: .*$",
        f"UNIT: /(?:{CONVENTION.grammar_words('section', 'article')})(?![A-Za-z])/i",
        text,
    )
    summary = CONVENTION.summary_title(cited=True)
    text = re.sub(r"(?m)^SUMMARY_NAME: .*$", lambda _: f"SUMMARY_NAME: /{summary}/", text)
    attach = CONVENTION.grammar_words("attachment")
    text = re.sub(r"(?m)^ATTACH: .*$", f"ATTACH: /(?:{attach})(?![A-Za-z])/i", text)
    return str(path), text


@cache
def _lark() -> Lark:
    _, text = _load(None, "instruction.lark")
    return Lark(
        text, parser="earley", lexer="dynamic", start=STARTS, ambiguity="resolve",
        import_paths=[_load], source_path=str(HERE / "instruction.lark"),
    )  # fmt: skip


def prepare(text: str) -> str:
    text = CONVENTION.signs_as_words(mask_nested(" ".join(text.split())))
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    text = text.replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=\d)\.(?=:)", "", text)  # "as Section 4.10.: <text>"
    text = re.sub(r"(?<=\d)(?=is\b|of\b)", " ", text)  # "Item 11is hereby deleted"
    text = _RE_HYPHEN.sub("re", text)  # "re-lettered", "re-numbering": one word
    # "immediately before such renumbered clause (v)": the clause (v) the edit before made
    text = _RENUMBERED_ONE.sub(r"\g<such> ", text)
    # "replacing each reference to "A" with "B" and each reference to "C" with "D"": the verb
    # the second replacement leaves out, said again
    text = _GAPPED_REPLACEMENT.sub(r"\g<first> and replacing ", text)
    # "in Section 1(a) and in Section 25 of the Lease": one place list, "in Sections 1(a) and 25"
    text = _IN_AND_IN.sub(r"in \g<unit>s \g<first> and ", text)
    # "at the end of the Subsection": the Subsection named without a label is the one amended
    text = _THE_UNIT_ITSELF.sub(r"\g<edge> thereof", text)
    return re.sub(r"\(\s*([A-Za-z0-9]{1,6})\s*\)", r"(\1)", text)


_RENUMBERED_ONE = lazy_re(
    r"\b(?P<such>such|said|the)\s+(?:renumbered|relettered|redesignated)\s+(?=(?i:(?:sub)?(?:clause|section|paragraph)\s+\())"
)
_IN_AND_IN = lazy_re(
    r"\bin\s+(?P<unit>Section|Paragraph|Article|Clause|Subsection)\s+(?P<first>\d[\w.()]*)"
    r"\s+and\s+in\s+(?P=unit)\s+(?=\d)"
)
_RE_HYPHEN = lazy_re(r"(?i:re)-(?=(?i:letter|number|designat)\w*)")
_THE_UNIT_ITSELF = lazy_re(
    r"(?P<edge>\b(?:at|to)\s+the\s+(?:end|beginning))\s+of\s+the\s+(?:sub-?)?(?:section|article|clause|paragraph)"
    r"(?![\w(]|\s+\(?[\dIVXivx])",
    re.IGNORECASE,
)
_REFERENCE_WITH = r'(?:each|every|all)\s+references?\s+(?:\w+\s+)?to\s+"[^"]+"\s+with\s+"[^"]+"'
_GAPPED_REPLACEMENT = lazy_re(
    rf"(?P<first>\breplacing\s+{_REFERENCE_WITH})\s+and\s+(?={_REFERENCE_WITH})", re.IGNORECASE
)


def parse_changes(
    instruction: str,
    payload: str | None = None,
    payload2: str | None = None,
    *,
    start: str = "start",
    subject: Selector | None = None,
) -> list[Change]:
    """The changes one instruction makes; raise InstructionParseError if it is not read."""
    text, kept = set_aside(prepare(instruction))
    if len(text) > MAX_CHARS:  # Earley's time grows with the cube of the length: bound it
        raise InstructionParseError(
            f"instruction too long to read as one ({len(text)} characters; at most {MAX_CHARS})",
            span=text[:200],
        )
    tree = _tree(text, start)
    try:
        result = _transformer(payload, payload2, subject).transform(tree)
    except VisitError as exc:  # a reading the transformer cannot make sense of: fail loudly
        if isinstance(exc.orig_exc, PayloadError) and payload is not None:
            # read, but the item's new text does not fit it (without new text, as for an
            # umbrella read for its subject, it is only a reading that does not apply)
            raise PayloadError(str(exc.orig_exc), span=text) from None
        raise InstructionParseError(
            f"instruction not understood ({exc.orig_exc})", span=text
        ) from None
    if isinstance(result, Selector):
        return [Change("umbrella", put_back(result, kept))]
    changes = [one for c in put_back(list(result), kept) for one in _respectively(c)]
    return make_room([_own_attachment(c) for c in changes])


def _own_attachment(c: Change) -> Change:
    """ "Schedule 2.01 and Exhibit C ... are deleted and Schedule 2.01 and Exhibit C attached
    hereto are substituted therefor": each takes the one attached under its own name (a name
    the list does not hold leaves the whole list, and the item is refused when applied); so
    does each part "replaced with the corresponding schedules attached hereto"."""
    if c.payload.kind == "attachment" and c.payload.text == CORRESPONDING:
        if c.selector.kind != "attachment" or len(c.selector.labels) != 1:
            raise InstructionParseError(
                f"{c.selector.printed} is no attachment, so no attachment corresponds to it",
                span=c.selector.printed,
            )
        return replace(c, payload=Payload("attachment", " ".join(c.selector.printed.split())))
    if c.payload.kind != "attachment" or c.selector.kind != "attachment":
        return c
    names = attachment_names(c.payload.text)
    own = [n for n in names if n.lower() == " ".join(c.selector.printed.split()).lower()]
    return replace(c, payload=Payload("attachment", own[0])) if len(names) > 1 and own else c


def _respectively(c: Change) -> list[Change]:
    """'deleting "A" and "B" and substituting "C" and "D", respectively': A becomes C and B
    becomes D, each its own change; new words that do not pair one for one are refused.  (Every
    reference to "A" and "B" replaced with one "C": each becomes C.)"""
    each = c.payload.each
    words = c.selector.words
    if not each and c.selector.every and c.verb == "replace" and len(words) > 1:
        # "Each reference to "A" and "B" is replaced with a reference to "C"": both become C
        each = (c.payload.text,) * len(words) if c.payload.kind == "quoted" else ()
    if not each:
        return [c]
    if c.verb != "replace" or c.selector.kind != "words" or len(words) != len(each):
        raise InstructionParseError(
            f"{len(each)} new words given 'respectively' for {len(words) or 'no'} words replaced: "
            "they do not pair one for one",
            span=c.selector.printed,
        )
    listed = " and ".join(f'"{w}"' for w in words)
    out = []
    for old, new in zip(words, each, strict=True):
        printed = c.selector.printed.replace(listed, f'"{old}"', 1)
        selector = replace(c.selector, words=(old,), printed=printed)
        out.append(replace(c, selector=selector, payload=Payload("quoted", new)))
    return out


def _tree(text: str, start: str) -> Tree[Token]:
    reading = _reading(text, start)
    if isinstance(reading, InstructionParseError):
        raise InstructionParseError(reading.detail, span=text, unread=reading.unread)
    return reading


def failure(instruction: str) -> InstructionParseError | None:
    """Why the composed grammar does not read the instruction (None if it does), for an
    item no reading understood: its error may say where the instruction stops being
    English the tool knows better than the sentence forms' (which stop at a lead-in
    they do not have: "Effective as of ..., Section 4 is amended by ...")."""
    text, _ = set_aside(prepare(instruction))
    if len(text) > MAX_CHARS:
        return None
    reading = _reading(text, "start")
    return reading if isinstance(reading, InstructionParseError) else None


@lru_cache(maxsize=512)
def _reading(text: str, start: str) -> Tree[Token] | InstructionParseError:
    """The reading of one instruction, or why there is none.  Earley is slow and an
    item's text is read more than once (as an item, as its sub-items' umbrella), so
    readings are kept; the transformers build new values and never change a tree."""
    try:
        return _lark().parse(text, start=start)
    except UnexpectedInput as exc:
        col = getattr(exc, "column", 0) or 0
        where = f'column {col}: "{text[max(0, col - 1) : col + 30]}"'
        if col < 1:  # every word read, and more wanted
            where, col = f'the end: "{text[-30:]}"', len(text) + 1
        return InstructionParseError(
            f"not a form the grammar knows (at {where})" + _expected(exc),
            span=text,
            unread=len(text) - (col - 1),
        )
    except RecursionError:  # pragma: no cover - pathological nesting
        return InstructionParseError("instruction too deeply nested to read", span=text)


@cache
def _patterns() -> dict[str, Any]:
    return {t.name: t.pattern for t in _lark().terminals}


def _expected(exc: UnexpectedInput) -> str:
    """What the grammar would have read where it stopped, in words ("quoted part",
    "by"), not the regular expressions of its terminals."""
    allowed = getattr(exc, "allowed", None) or getattr(exc, "expected", None) or ()
    patterns = _patterns()
    words = set()
    for name in allowed:
        pattern = patterns.get(name)
        if pattern is not None and pattern.type == "str":
            words.add(f'"{pattern.value}"')
        elif not name.split("__")[-1].startswith("ANON"):
            words.add(name.split("__")[-1].lower().replace("_", " "))
    return "; expected: " + ", ".join(sorted(words)[:8]) if words else ""


def umbrella_subject(instruction: str) -> Selector | None:
    """The provision an item "... is hereby amended as follows:" amends, for its sub-items."""
    try:
        found = parse_changes(instruction, start="start_umbrella")
    except InstructionParseError:
        return None
    return found[0].selector if found and found[0].verb == "umbrella" else None


def _transformer(payload: str | None, payload2: str | None, subject: Selector | None) -> Any:
    payloads = PayloadParts(payload, payload2)
    verbs = merge_transformers(  # type: ignore[no-untyped-call]
        _Exported(VerbParts(), CitationParts(payload), payloads),
        citation=CitationParts(payload), payload=payloads, leadins=LeadinParts(),
    )  # fmt: skip
    return merge_transformers(  # type: ignore[no-untyped-call]
        _Exported(Clauses(payload, subject), CitationParts(payload), payloads, LeadinParts(), verbs),
        citation=CitationParts(payload), verbs=verbs, payload=payloads, leadins=LeadinParts(),
    )  # fmt: skip


def _Exported(base: Transformer[Token, Any], *parts: Transformer[Token, Any]) -> Any:
    """Rules a grammar imports by name keep their name: give ``base`` their methods."""
    for part in parts:
        for name in dir(part):
            if (
                "__" not in name
                and not name.startswith("_")
                and name != "transform"
                and not hasattr(base, name)
            ):
                setattr(base, name, getattr(part, name))
    return base
