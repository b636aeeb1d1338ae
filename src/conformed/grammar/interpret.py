"""From an amendment item to an operation, using what surrounds it.

The grammar parses instructions; this module decides what to do with the
rest of an amendment.  An item heading ("EXTENSION OF TERM:") is dropped
before a second try; a definitions item takes its Section from the item that
contains it ("Certain definitions contained in Section 1.1 ... as follows:");
an item that changes no text (representations, conditions, governing law) is
recognised by the closed list of no_text_change.py; and a reading that applying
would turn into lost text is refused (guards.py).  What looks operative but does
not parse stays a failure: silence would be the worst answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, cast

from ..change import Change
from ..citation import parse_citation
from ..errors import InstructionParseError
from ..layout.convention import CONVENTION
from ..layout.heads import split_heading
from ..layout.item_patterns import CLOSES_AMENDMENT
from ..layout.items import PAYLOAD_MARK, Item
from ..layout.row_heads import DELETED_WHOLE
from ..layout.rules.article_heading import is_title
from ..layout.says import says_of
from ..lazy_re import lazy_re
from ..operations import (
    DefinitionRef,
    DeleteDefinition,
    DeleteProvision,
    DescribedChange,
    InsertDefinition,
    NoTextChange,
    Operation,
    ReplaceDefinition,
    ReplaceProvision,
    Steps,
)
from ..sentences import split_sentences
from .clauses import NAMES_A_PART, SETS_A_VALUE
from .guards import UNITS, checked, nothing_hidden, part_named
from .in_part import in_part
from .listed_citations import citations_listed
from .no_text_change import IMPERATIVE, OPERATIVE, changes_said, non_textual
from .parser import _check_agreement, is_an_amendment, names_the_agreement, parse_instruction
from .table_rows import rows_as_items


def interpret(item: Item, ancestors: tuple[Item, ...], *, agreement: str = "") -> Operation:
    """The operation an item asks for, or :class:`NoTextChange`; raise if unreadable."""
    item = replace(item, instruction=_as_spelled(item.instruction))
    try:
        op = _parse(item, agreement, ancestors)
    except InstructionParseError as first:
        context = " ".join(
            [*(split_heading(a.instruction)[0] for a in ancestors), _article_title(item)]
        )
        why = non_textual(item.instruction, context)
        if why and (
            OPERATIVE.search(item.payload or "") or first.read or changes_said(item.instruction)
        ):
            why = None  # the item amends the agreement (a sentence or clause of it says so,
            # or was read): never call that "no change"
        first.read = tuple(
            in_part(_with_scope(cast(Operation, op), ancestors, agreement), ancestors, agreement)
            for op in first.read
        )
        if why:
            return NoTextChange(why[0], why[1])
        if _titles_numbered_items(item):
            return NoTextChange("heading", "heading: a title over the items numbered under it")
        raise first
    return in_part(
        _with_scope(checked(nothing_hidden(op, item), item), ancestors, agreement),
        ancestors,
        agreement,
    )


def _titles_numbered_items(item: Item) -> bool:
    """ "4.0 SOURCE" over "4.1 Section 4.1 Source is deleted ...": amendments numbered as
    the agreement's Articles print each Article's title as an item "N.0", which heads the
    items N.1, N.2 after it.  Only a title in capitals, with no words of its own that
    amend and no new text."""
    text = item.instruction.strip()
    return (
        item.number.endswith(".0")
        and item.payload is None
        and text.isupper()
        and is_title(text)
        and not _amends(text)
    )


def _article_title(item: Item) -> str:
    """The title of the ARTICLE over the item, as its container's heading: "(b) NO
    DEFAULTS. No Default has occurred." under "REPRESENTATIONS AND WARRANTIES" changes no
    text.  Never a title that speaks of amending ("AMENDMENTS AND WAIVERS"): what fails
    the grammar there fails."""
    return "" if _AMENDING_TITLE.search(item.article) else item.article


_AMENDING_TITLE = lazy_re(r"(?i)amend|modif|change|supplement|restat")


_CAPS_HEADING = lazy_re(
    r"^(?:(?:[A-Z0-9][A-Z0-9 ,;&'()/.\-]{2,100}?|[\"\u201c][^\"\u201d]{1,60}[\"\u201d])[.:]\s+(?=[A-Z\"\u201c])"
    # or a heading in capitals with no stop, alone on its line over the item's words
    # ("EXTENSION OF THE TERM" / "The definition of ..."): capitals, then a capitalised word
    r"|(?=[A-Z]{3})(?:[A-Z][A-Z0-9&'/\-]*\s+){1,8}(?=[A-Z][a-z]))"
)


# '"Margin" shall be amended by ...': a quoted term that an item amends is its definition.
_TERM_SUBJECT = lazy_re(
    r'^(["\u201c][^"\u201d]{1,80}["\u201d])\s+(?=(?:shall\s+be|is|are)\s+(?:hereby\s+)?'
    r"(?:further\s+)?amended\b)"
)
_CITED_HEAD = lazy_re(
    rf"^(?P<cite>(?i:{UNITS})\s*\d[\w.]*(?:\s?\((?:[a-z]{{1,5}}|[0-9]{{1,3}}|[A-Z]{{1,2}})\))*)"
    r"(?:\s*\([A-Z][^()]{1,60}\))?\s*:?\s+(?=[A-Z])"  # "Section 11 (Notices):", its caption
)
_NEW_NAMED = lazy_re(rf"\b([Aa]\s+new)\s+(?i:{UNITS}),\s+((?i:{UNITS})\s+[^\s,]+),")
# A provision's caption before its citation, and the words that join them ("The Payee
# Representations in Part 2(b)"): shared by the reading without them and the claim it makes
_CAPTION_WORDS = r"[A-Z][\w\-']*(?:\s+[A-Z][\w\-']*){0,5}"
_CAPTION_LINK = r"(?:(?:listed|set\s+forth|contained|described|specified)\s+)?in\s+"
_LEAD = lazy_re(
    # "The provisions set forth in Section 5.2 ...", "The Payee Representations in Part 2(b)":
    # the provision, named by words that mean all of it or by its caption.  Never a
    # description ("the address for notices set forth in Section 1.1(k)"): that is a part
    r"^(?:Subject\s+to\s+[^,]{1,80},\s*)?(?:the\s+(?:provisions?|terms?(?:\s+and\s+(?:provisions|conditions))?|text|language"
    rf"|(?-i:{_CAPTION_WORDS}))\s+{_CAPTION_LINK})"
    rf"(?={UNITS}\s+\d)",
    re.IGNORECASE,
)


# A circumstance before the instruction proper: "Consistent with Paragraph 1(a)(ii), ...";
# two joined by "and": "In reliance on the Hirer's warranties below, and subject to ...,".
_PREAMBLE = lazy_re(
    r"^(?:(?:and\s+)?(?:Consistent\s+with|Subject\s+to|Pursuant\s+to|Solely\s+with\s+respect\s+to|"
    r"Effective\s+as\s+of|With\s+effect\s+from|Notwithstanding|In\s+reliance\s+(?:up)?on)"
    r"\s[^,]{1,160},\s*)+(?=[A-Z]|the\s)",
    re.IGNORECASE,
)
# "Amendment of Section 1.1. The reference in ...": a heading that cites a provision, the
# stops inside its label not its end (the reading without it is the one whose error is told)
_CITING_HEADING = lazy_re(
    rf"^(?:[A-Z][\w\-]*\s+){{1,4}}(?:of|to)\s+(?:the\s+)?(?:{UNITS})\s+\d[\w.()]*?\.\s+(?=[A-Z\"\u201c])"
)
_BARE_HEADING = lazy_re(rf"^(?:[A-Z][\w\-]*\s+){{1,6}}(?={UNITS}\s+\d)")


_HERBY = lazy_re(r"\b([Hh])erby\b")


def _as_spelled(instruction: str) -> str:
    """The instruction in the one vocabulary the grammars read: a unit printed as its sign
    ("\u00a7 4.2") as its word, and "herby", the misspelling a spelling checker passes, as
    "hereby"."""
    instruction = CONVENTION.signs_as_words(instruction)
    if "erby" in instruction:
        instruction = _HERBY.sub(r"\1ereby", instruction)
    return instruction


# A part cited by its bracketed label alone, as a sub-item cites a part of its umbrella's
# subject ("Clause (iii) is amended ...", "Subsection (c) is deleted ...")
_BARE_PART = lazy_re(
    r"(?i)(?:sub)?(?:clause|paragraph|section|subparagraph)\s+\([a-z0-9]{1,6}\)(?:\([a-z0-9]{1,6}\))*"
    r"(?!\s+(?:of|in|to)\b)(?:\s+(?:is|shall|are)\b)"
)


def _parse(item: Item, agreement: str, ancestors: tuple[Item, ...] = ()) -> Operation:
    """Parse the instruction as written, then the readings a person would try next.

    The error reported is the one for the instruction as written, unless the item
    has a heading: then it is the error for the instruction without its heading.
    """
    item = _closing_set_aside(item)
    rows = rows_as_items(item)
    if rows is not None:  # "... as set out in the table below: «TEXT»": a change a row
        return _rows(rows, agreement, ancestors)
    listed = citations_listed(item.instruction, item.payload)
    if listed is not None:  # "deleting the following Sections ...: «TEXT»", the block a list
        item = replace(item, instruction=listed, payload=None)
    instruction = _NEW_NAMED.sub(r"\1 \2", item.instruction)  # "A new section, Section 1(a),"
    original = _TERM_SUBJECT.sub(r"The definition of \1 ", _this_unit_named(item.instruction))
    if original != item.instruction:
        instruction = original  # every reading starts from what the subject means
    if ancestors and _BARE_PART.match(instruction):
        # "(a) Clause (i) is amended by ..." under "The definition of "X" ... is amended as
        # follows:": clause (i) of what the item above amends, never the agreement's own
        composed = _composed(replace(item, instruction=original), ancestors, agreement)
        if composed is not None:
            return composed
    try:
        return _worded(_attempt(instruction, item, agreement), item, original, ancestors, agreement)
    except InstructionParseError as exc:
        error = exc
    for text, reported in _readings(original, instruction):
        try:
            op = _attempt(text, item, agreement)
        except InstructionParseError as exc:
            if reported:
                error = exc
            continue
        if part_named(op, item) is not None:
            continue  # "The following definitions in Section 1.1 are restated": not Section 1.1
        return _worded(_captioned(op, instruction, text), item, original, ancestors, agreement)
    steps, read = _sentence_steps(instruction, item, agreement)
    if steps is not None:
        return steps
    if (
        PAYLOAD_MARK in instruction or ancestors or _amends(instruction)
    ):  # the slow reader, where it can help (the pattern search asked last: it costs most)
        composed = _composed(replace(item, instruction=original), ancestors, agreement)
        if composed is not None:
            return composed
        error = _furthest(error, original)
    error.read = read
    raise error


def _furthest(error: InstructionParseError, original: str) -> InstructionParseError:
    """The error of whichever grammar read further into the instruction: the sentence
    forms stop at the first word of a lead-in they lack, where the composed grammar
    shows the words it could not read."""
    from .instruction import failure

    other = failure(original)
    if other is None or other.unread is None or error.unread is None:
        return error
    return other if other.unread < error.unread else error


def _rows(rows: list[Item], agreement: str, ancestors: tuple[Item, ...]) -> Operation:
    """Each row of a table of changes read as an item headed by its provision; a row not
    read fails the item, naming the row."""
    found: list[Operation] = []
    for row in rows:
        cite = row.instruction.split(":", 1)[0]
        try:
            op = _parse(row, agreement, ancestors)
        except InstructionParseError as exc:
            raise InstructionParseError(
                f"the table's row for {cite}: {exc}", span=row.text
            ) from exc
        if isinstance(op, NoTextChange):  # a table of changes: each row changes something
            raise InstructionParseError(
                f"the table's row for {cite} changes nothing", span=row.text
            )
        found.append(op)
    return Steps(tuple(found))


# A signature block run on after the closing: a party's name in capitals, "By: /s/ ..."
_SIGNATURES = lazy_re(r"^[A-Z][A-Z0-9 ,.&'()-]{2,80}$|\bBy:|/s/|\bName:|\bTitle:")
_PAGE_FOOTER = lazy_re(r"(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4}(?:\s+pages?)?)?", re.IGNORECASE)


def _closing_set_aside(item: Item) -> Item:
    """ "... to read as follows: «TEXT» Except as modified above, the terms of the Agreement
    are hereby ratified.": the amendment's closing, printed after the last item's unquoted
    new text, is not the item's; the item is read without it (its words amend nothing)."""
    mark = item.instruction.rfind("\u00bb")  # the end of the last «TEXT» / «TEXT2»
    if mark < 0 or PAYLOAD_MARK[:-1] not in item.instruction:
        return item
    rest = item.instruction[mark + 1 :].strip()
    if not rest or CLOSES_AMENDMENT.match(rest) is None:
        return item
    # (nothing that could change the agreement: "..., and the Term is extended to June 30,
    # 2030" or a provision named keeps the closing with the item, which then fails loudly)
    first, *others = [t for t in split_sentences(rest) if not _PAGE_FOOTER.fullmatch(t.strip())]
    if not _inert(first):
        return item
    if not all(non_textual(t) or (_SIGNATURES.search(t) and _inert(t)) for t in others):
        return item  # (only "This Amendment may be executed in ...", and the signatures)
    return replace(item, instruction=item.instruction[: mark + 1])


def _inert(sentence: str) -> bool:
    """Words that could not change the agreement: none that amend, set a value or name a
    provision (a line in capitals after the closing may be a signature, or "SECTION 5 IS
    HEREBY DELETED.")."""
    return not (_amends(sentence) or SETS_A_VALUE.search(sentence) or NAMES_A_PART.search(sentence))


def _this_unit_named(instruction: str) -> str:
    """ "Section 3:  The first sentence of this Section is amended ...": a plan amendment's
    items are headed by the provision they amend, and "this Section" is that provision; and
    "Clause 11.1(c): Deleted in its entirety." deletes it."""
    head = _CITED_HEAD.match(instruction)
    if head is None:
        return instruction
    rest = instruction[head.end() :]
    if head.group(0).rstrip().endswith(":") and DELETED_WHOLE.fullmatch(rest.strip()):
        return f"{head['cite'].rstrip('.')} is hereby deleted in its entirety."
    this = re.compile(rf"\b[Tt]his\s+(?:{UNITS})(?![\w(])")
    if not this.search(rest):
        return instruction
    return this.sub(head.group("cite").rstrip("."), rest)


def _sentence_steps(
    instruction: str, item: Item, agreement: str
) -> tuple[Operation | None, tuple[Operation, ...]]:
    """An item of several sentences, some amending and some not ("A new Exhibit D-1 ...
    shall be attached .... The price shall be .... References in Section 1.5.1 to
    "Exhibit D" shall be amended to include ..."): each amending sentence parsed on its
    own, in order.  The operation only if every amending sentence parses; else what the
    sentences that did parse were read as (the item fails, and its report lists them)."""
    heading, rest = split_heading(instruction)
    sentences = split_sentences(rest if heading else instruction)
    if len(sentences) < 2:
        return None, ()
    found: list[Operation] = []
    unread = 0
    for sentence in sentences:
        marked = PAYLOAD_MARK in sentence
        payload = item.payload if marked else None
        if not _amends(sentence):
            if marked and OPERATIVE.search(item.payload or ""):
                return None, ()  # the text it carries amends the agreement
            unread += says_of(sentence)  # it says something of a provision, not read
            continue
        op = None
        for text in (sentence, *(t for t, _ in _readings(sentence, sentence))):
            try:
                op = parse_instruction(text, payload, agreement=agreement, payload2=item.payload2)
                op = _captioned(op, sentence, text)
                break
            except InstructionParseError:
                continue
        if op is None:
            unread += 1
            continue
        found.append(op)
    if unread or not found:
        return None, tuple(found)
    return (found[0] if len(found) == 1 else Steps(tuple(found))), ()


# A provision named by capitalised words before its citation ("The Payee Representations in
# Part 2(b)"): its caption, if the heading it has says so (checked when applied)
_LEAD_NAME = lazy_re(
    rf"^(?:Subject\s+to\s+[^,]{{1,80}},\s*)?[Tt]he\s+(?P<name>{_CAPTION_WORDS})\s+{_CAPTION_LINK}$"
)
_WHOLE = (ReplaceProvision, DeleteProvision)


def _captioned(op: Operation, instruction: str, reading: str) -> Operation:
    """A reading that left out the capitalised words naming the provision: the op claims
    them as its caption, so that a heading that is not that caption refuses it ("The Base
    Rent set forth in Section 4.1 is hereby deleted" must not delete all of Section 4.1)."""
    if not instruction.endswith(reading):
        return op
    m = _LEAD_NAME.match(instruction[: len(instruction) - len(reading)])
    if m is None or not isinstance(op, _WHOLE):
        return op
    return replace(op, target=replace(op.target, caption=m["name"]))


def _attempt(text: str, item: Item, agreement: str) -> Operation:
    return parse_instruction(text, item.payload, agreement=agreement, payload2=item.payload2)


def _readings(original: str, instruction: str) -> Iterator[tuple[str, bool]]:
    """Alternative texts for an instruction the grammar refused, in the order tried;
    the flag says whether a failure of that reading is the one to report."""
    first = _first_sentence(original)
    if first is not None:
        yield first, False  # "... incorporated therein by reference. The parties acknowledge"
    bare = _BARE_HEADING.match(instruction) or _LEAD.match(instruction)
    if bare:
        yield instruction[bare.end() :], False  # "Additional Termination Event Part 1(i) ..."
    yield from _without_preamble(instruction)
    heading, rest = split_heading(original)
    caps = _CAPS_HEADING.match(original) or _CITING_HEADING.match(original)
    if caps and (not heading or len(caps.group(0)) > len(heading)):
        rest = original[caps.end() :]  # "AMENDMENT OF SECTIONS 3.1 AND 3.2."
    elif not heading:
        return
    if rest:
        yield rest, True
        # "IDIOCRACY": Consistent with Paragraph 1(a)(ii), Exhibit A is ...
        yield from ((t, False) for t, _ in _without_preamble(rest))


def _without_preamble(text: str) -> Iterator[tuple[str, bool]]:
    """ "Consistent with Paragraph 1(a)(ii), Exhibit A is ...": the instruction after the
    circumstance, and the readings of that."""
    preamble = _PREAMBLE.match(text)
    if preamble:
        stripped = text[preamble.end() :]
        yield stripped, False
        yield from _readings(stripped, stripped)


# Amending in the active voice: "Exhibit D-1 replaces Exhibit D", "... supersedes Section 4".
_ACTIVE = lazy_re(
    r"\b(?=[adirs])(?:replaces?|supersedes?|amends?|deletes?|inserts?|adds?|substitutes?|restates?)\b"
    r"[^.]{0,80}\b(?:sub-?)?(?:section|exhibit|schedule|annex|paragraph|clause|article|definition)",
    re.IGNORECASE,
)


def _amends(text: str) -> bool:
    """Words that amend, in the passive ("is hereby deleted"), the active voice or the
    imperative ("In Section 3.2, delete ...", also after the item's heading: "Reporting. In
    Section 5(a), replace ...")."""
    if OPERATIVE.search(text) or _ACTIVE.search(text) or IMPERATIVE.match(text):
        return True
    head = _CITED_HEAD.match(text)  # "Clause 9.2: Delete "thirty" and substitute "sixty"."
    if head and head.group(0).rstrip().endswith(":") and IMPERATIVE.match(text[head.end() :]):
        return True
    return any(IMPERATIVE.match(sentence) for sentence in split_sentences(text)[1:])


def _first_sentence(instruction: str) -> str | None:
    """An instruction followed by freestanding sentences ("... by reference. The parties
    acknowledge ..."): its first sentence, provided the rest amends nothing and says
    nothing of a provision."""
    m = re.match(r"(.+?[.])\s+(?=[A-Z])", instruction)
    if not m or PAYLOAD_MARK in instruction[m.end() :]:
        return None
    rest = instruction[m.end() :]
    if _amends(rest) or any(says_of(s) for s in split_sentences(rest)):
        return None
    return m.group(1)


def _beside(sentence: str) -> bool:
    """Words an item may carry beside its instruction: a sentence that amends nothing and
    says nothing of a provision, a term or a named value."""
    return not _amends(sentence) and not says_of(sentence)


_DEFINITIONS_IN = lazy_re(
    r"definitions?\b[^.:]*?\b(?:in|of)\s+(Section\s+[\d.]+(?:\([a-z0-9]+\))*)", re.IGNORECASE
)
_SECTION_AMENDED = lazy_re(
    r"(?:[^,]{1,80},\s*)?(Section\s+[\d.]+(?:\([a-z0-9]+\))*)(?:\s+of\s+(?:the|this)\s+[^,.:]{1,80})?"
    r",?\s+(?:is|shall\s+be)\s+(?:hereby\s+)?(?:further\s+)?amended\b[^.]*:\s*$",
    re.IGNORECASE,
)

# "(b) Modifications to Section 1.1 of the Loan Agreement." over "(i) The definition of ...":
# a heading, alone, that names the provision its sub-items amend
_SECTION_HEADING = lazy_re(
    r"(?:[A-Z][\w\-]*\s+){1,3}(?:to|of|in)\s+(Section\s+[\d.]+(?:\([a-z0-9]+\))*)"
    r"(?:\s+of\s+(?:the|this)\s+(?P<document>[^,.:]{1,80}))?\s*[.:]?",
    re.IGNORECASE,
)


def _with_scope(op: Operation, ancestors: tuple[Item, ...], agreement: str = "") -> Operation:
    """A definitions item without a Section takes the one its container names (never a
    Section of another instrument: in_part.py names that part instead)."""
    if not isinstance(op, ReplaceDefinition | DeleteDefinition | InsertDefinition):
        return op
    definition = op.definition
    if definition.scope is not None:
        return op
    for ancestor in reversed(ancestors):
        # "... the definitions in Section 1.1 are amended as follows:", or "Section 1.1 of the
        # Credit Agreement is hereby amended as follows:" over "(a) The definition of ..."
        m = (
            _DEFINITIONS_IN.search(ancestor.instruction)
            or _SECTION_AMENDED.match(ancestor.instruction)
            or _SECTION_HEADING.fullmatch(ancestor.instruction.strip())
        )
        named = m.groupdict().get("document") if m else None
        if named and agreement and not names_the_agreement(named, agreement):
            return op  # "Modifications to Section 1.1 of the Security Agreement."
        if m:
            scope = parse_citation(m.group(1).rstrip("."))
            return replace(op, definition=DefinitionRef(definition.term, scope))
    return op


def _worded(
    op: Operation, item: Item, original: str, ancestors: tuple[Item, ...], agreement: str
) -> Operation:
    """ "amended by deleting the second sentence thereof and replacing it with the following:
    <text>": the words are given, so it is no change described; the slow reader says what is
    replaced, else the description stands (and is refused).  Any reading the sentence forms
    make -- the item as written, or without its heading ("Forecasts. Section 3 ...")."""
    if not (isinstance(op, DescribedChange) and item.payload):
        return op
    composed = _composed(replace(item, instruction=original), ancestors, agreement)
    if composed is None or getattr(composed, "verb", "") == "describe":
        return op
    return composed


def _composed(item: Item, ancestors: tuple[Item, ...], agreement: str) -> Operation | None:
    """The compositional grammar's reading (grammar/instruction.lark): the whole item,
    else each of its sentences, else a sub-item's edits ("(b) deleting clause (iv)
    thereof") read against the provision its parent amends.  None if not read.  (Its
    grammar is loaded here, when the sentence forms have failed, not on every start.)"""
    from .instruction import umbrella_subject

    subject = next(
        (s for a in reversed(ancestors) if (s := umbrella_subject(a.instruction)) is not None),
        None,
    )
    head = _CITED_HEAD.match(item.instruction) if subject is None else None
    if head is not None and head.group(0).rstrip().endswith(":"):
        # "Section 3(a): The amount ... appearing in the first sentence is changed to ...": an
        # item headed by the provision it amends; what it says without naming one is said
        # of that provision, as a sub-item's of the provision its umbrella names
        subject = umbrella_subject(f"{head['cite'].rstrip('.')} is hereby amended as follows:")
    changes = _changes(item.instruction, item, subject=subject)
    if changes is None and subject is not None:
        changes = _changes(item.instruction, item, start="start_edits", subject=subject)
    if not changes:
        return None
    try:
        _check_agreement(
            [d for c in changes for d in c.selector.documents], agreement, item.instruction
        )
    except InstructionParseError:
        # An amendment of several instruments ("... and Section 4 of the Trust Agreement"):
        # understood, and refused when applied to this agreement.
        changes = [_elsewhere(c, agreement) for c in changes]
    if any(c.verb == "umbrella" for c in changes):
        raise InstructionParseError(
            f"the item says {changes[0].selector.printed} is amended, but no change follows it",
            span=item.instruction,
        )
    return changes[0] if len(changes) == 1 else Steps(tuple(changes))


def _elsewhere(change: Change, agreement: str) -> Change:
    names = [
        d
        for d in change.selector.documents
        if is_an_amendment(d) or not names_the_agreement(d, agreement)
    ]
    return replace(change, other_document=names[0]) if names else change


_DEFERRED_TEXT = lazy_re(
    rf"(?P<head>.*?\bas\s+follows)\s*,\s*(?P<rest>(?:and\s+)?(?:by|the\s+(?:existing|current))\s+[^«:]+?)"
    rf"\s*:\s*{PAYLOAD_MARK}\s*\.?",
    re.DOTALL,
)


_AFTER_QUOTED_TEXT = lazy_re(rf"{PAYLOAD_MARK}\s+(?=[A-Z][a-z])")


def _ended_after_text(text: str, quoted: bool) -> str:
    """The item's words with a sentence ended after its new text, where one goes on there.

    New text quoted whole ends its sentence: '... at the end thereof: "(d) ..." The Borrower
    shall pay ...' goes on in a sentence of its own -- one that must then be known to change
    no text, or the item fails.  Block text, unquoted, gives no such end; but the item's words
    that go on after it, where they amend, are a sentence of their own: "... in alphabetical
    order: «TEXT» The definition of "Code" in Section 1 is amended by ..." (the layout ended
    the block at that paragraph because it instructs).  Only where the first sentence after
    it amends: a closing there ("Except as modified above, ..."), then words that amend,
    keeps the item failing loudly."""
    if quoted:
        return _AFTER_QUOTED_TEXT.sub(f"{PAYLOAD_MARK}. ", text)
    after = _AFTER_QUOTED_TEXT.search(text)
    if after is None or not _amends(split_sentences(text[after.end() :])[0]):
        return text
    return f"{text[: after.start()]}{PAYLOAD_MARK}. {text[after.end() :]}"


def _changes(text: str, item: Item, **how: Any) -> list[Change] | None:
    from .instruction import parse_changes

    try:
        return parse_changes(text, item.payload, item.payload2, **how)
    except InstructionParseError:
        pass
    moved = _DEFERRED_TEXT.fullmatch(text)
    if moved and text.count(PAYLOAD_MARK) == 1:
        # "adding a new Section 3.3 ... to read as follows, and by redesignating current
        # Section 3.3 as Section 3.4: «TEXT»": the new text belongs to the edit that says so
        said = f"{moved['head']}: {PAYLOAD_MARK}, {moved['rest']}."
        try:
            return parse_changes(said, item.payload, item.payload2, **how)
        except InstructionParseError:
            pass
    split = _ended_after_text(text, item.quoted)
    sentences = split_sentences(split)
    if len(sentences) < 2:
        return None
    found: list[Change] = []
    after_text = False  # a sentence after the quoted new text's
    for sentence in sentences:
        try:
            found += parse_changes(sentence, item.payload, item.payload2, **how)
        except InstructionParseError:
            if PAYLOAD_MARK in sentence or not _beside(sentence):
                return None  # a sentence that may change the agreement, not read: the item fails
            if after_text and split != text and non_textual(sentence) is None:
                return None
        after_text = after_text or PAYLOAD_MARK in sentence
    return found or None
