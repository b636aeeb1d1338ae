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
from dataclasses import replace
from typing import cast

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
    InsertDefinition,
    NoTextChange,
    Operation,
    ReplaceDefinition,
    Steps,
)
from ..sentences import split_sentences
from .amends import CITED_HEAD, amends
from .clauses import NAMES_A_PART, SETS_A_VALUE
from .composed_reading import read_composed, worded
from .guards import UNITS, checked, nothing_hidden, part_named
from .in_part import in_part
from .listed_citations import citations_listed
from .no_text_change import OPERATIVE, changes_said, non_textual
from .parser import names_the_agreement, parse_instruction
from .readings import captioned, readings, without_agreeing, without_circumstance
from .table_rows import rows_as_items
from .whole_text import whole_text


def interpret(item: Item, ancestors: tuple[Item, ...], *, agreement: str = "") -> Operation:
    """The operation an item asks for, or :class:`NoTextChange`; raise if unreadable."""
    item = replace(item, instruction=_as_spelled(item.instruction))
    try:
        op = _parse(item, agreement, ancestors)
    except InstructionParseError as first:
        context = " ".join(
            [
                *(split_heading(a.instruction)[0] for a in ancestors),
                # a lead that is itself a form of the closed list ("The Borrower represents and
                # warrants as follows:"): what is listed under it is of that form
                *(a.instruction for a in ancestors if non_textual(a.instruction)),
                _article_title(item),
            ]
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
        _with_scope(checked(nothing_hidden(whole_text(op), item), item), ancestors, agreement),
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
        and not amends(text)
    )


def _article_title(item: Item) -> str:
    """The title of the ARTICLE over the item, as its container's heading: "(b) NO
    DEFAULTS. No Default has occurred." under "REPRESENTATIONS AND WARRANTIES" changes no
    text.  Never a title that speaks of amending ("AMENDMENTS AND WAIVERS"): what fails
    the grammar there fails."""
    return "" if _AMENDING_TITLE.search(item.article) else item.article


_AMENDING_TITLE = lazy_re(r"(?i)amend|modif|change|supplement|restat")


# '"Margin" shall be amended by ...': a quoted term that an item amends is its definition.
_TERM_SUBJECT = lazy_re(
    r'^(["\u201c][^"\u201d]{1,80}["\u201d])\s+(?=(?:shall\s+be|is|are)\s+(?:hereby\s+)?'
    r"(?:further\s+)?amended\b)"
)
_NEW_NAMED = lazy_re(rf"\b([Aa]\s+new)\s+(?i:{UNITS}),\s+((?i:{UNITS})\s+[^\s,]+),")


_HERBY = lazy_re(r"\b([Hh])erby\b")


# "after the definition of "A" and before the definition of "B"": the place between them
_AFTER_AND_BEFORE = lazy_re(
    r"(?:immediately\s+)?(?:after|following)\s+the\s+definition\s+of\s+"
    r"(?P<a>[\"\u201c][^\"\u201c\u201d]{1,80}[\"\u201d]),?\s+and\s+(?:immediately\s+)?"
    r"(?:before|preceding|prior\s+to)\s+the\s+definition\s+of\s+"
    r"(?P<b>[\"\u201c][^\"\u201c\u201d]{1,80}[\"\u201d])",
    re.IGNORECASE,
)


# "replace "." with "; and" at the end of clause (j) thereof": the place said after the new
# words, as "replace "." at the end of clause (j) thereof with "; and"" says it before them
_WITH_AT_END = lazy_re(
    r"\b(?P<verb>replac(?:e|es|ing))\s+(?P<old>[\"\u201c][^\"\u201c\u201d]{1,12}[\"\u201d])\s+with\s+"
    r"(?P<new>[\"\u201c][^\"\u201c\u201d]{1,60}[\"\u201d])\s+(?P<at>at\s+the\s+end\s+of\s+[^,;:\"\u201c\u201d«]{1,80}?)"
    r"(?=\s*(?:[,;:]|\.\s*$|\.\s+[A-Z]|\s+and\b|$))",
    re.IGNORECASE,
)


def _as_spelled(instruction: str) -> str:
    """The instruction in the one vocabulary the grammars read: a unit printed as its sign
    ("\u00a7 4.2") as its word, "herby", the misspelling a spelling checker passes, as
    "hereby", and a place "after the definition of "A" and before the definition of "B""
    as the place "between the definitions of "A" and "B"" (checked as such when applied:
    A and B side by side, the new definition where the alphabet puts it); "replace "." with
    "; and" at the end of clause (j)" as "replace "." at the end of clause (j) with "; and""."""
    instruction = CONVENTION.signs_as_words(instruction)
    if "erby" in instruction:
        instruction = _HERBY.sub(r"\1ereby", instruction)
    if "at the end of" in instruction:
        instruction = _WITH_AT_END.sub(r"\g<verb> \g<old> \g<at> with \g<new>", instruction)
    if "efinition of" in instruction:
        instruction = _AFTER_AND_BEFORE.sub(
            r"between the definitions of \g<a> and \g<b>", instruction
        )
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
    original = without_circumstance(without_agreeing(original))
    if original != item.instruction:
        instruction = original  # every reading starts from what the subject means
    if ancestors and _BARE_PART.match(instruction):
        # "(a) Clause (i) is amended by ..." under "The definition of "X" ... is amended as
        # follows:": clause (i) of what the item above amends, never the agreement's own
        composed = read_composed(replace(item, instruction=original), ancestors, agreement)
        if composed is not None:
            return composed
    try:
        return worded(_attempt(instruction, item, agreement), item, original, ancestors, agreement)
    except InstructionParseError as exc:
        error = exc
    for text, reported in readings(original, instruction):
        try:
            op = _attempt(text, item, agreement)
        except InstructionParseError as exc:
            if reported:
                error = exc
            continue
        if part_named(op, item) is not None:
            continue  # "The following definitions in Section 1.1 are restated": not Section 1.1
        return worded(captioned(op, instruction, text), item, original, ancestors, agreement)
    steps, read = _sentence_steps(instruction, item, agreement)
    if steps is not None:
        return steps
    if (
        PAYLOAD_MARK in instruction or ancestors or amends(instruction)
    ):  # the slow reader, where it can help (the pattern search asked last: it costs most)
        composed = read_composed(replace(item, instruction=original), ancestors, agreement)
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
    return not (amends(sentence) or SETS_A_VALUE.search(sentence) or NAMES_A_PART.search(sentence))


def _this_unit_named(instruction: str) -> str:
    """ "Section 3:  The first sentence of this Section is amended ...": a plan amendment's
    items are headed by the provision they amend, and "this Section" is that provision; and
    "Clause 11.1(c): Deleted in its entirety." deletes it."""
    head = CITED_HEAD.match(instruction)
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
        if not amends(sentence):
            if marked and OPERATIVE.search(item.payload or ""):
                return None, ()  # the text it carries amends the agreement
            unread += says_of(sentence)  # it says something of a provision, not read
            continue
        op = None
        for text in (sentence, *(t for t, _ in readings(sentence, sentence))):
            try:
                op = parse_instruction(text, payload, agreement=agreement, payload2=item.payload2)
                op = captioned(op, sentence, text)
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


def _attempt(text: str, item: Item, agreement: str) -> Operation:
    return parse_instruction(text, item.payload, agreement=agreement, payload2=item.payload2)


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
