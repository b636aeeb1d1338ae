"""A provision's proviso ("...; provided, however, that ..."), named as a part: "The proviso
to Section 6.1 is deleted and the following substituted therefor: "provided that ..."",
"deleting the proviso thereto", "The proviso to Section 2.2(a) is amended by deleting "X"
and inserting "Y"".

A proviso is not a labelled part, so it is found in the provision's text: from the word
"provided" (with the comma or semicolon that sets it off) to the end of its sentence.
Where the text prints no proviso, or more than one, which is meant is a reading, and the
item is refused.  New words for a proviso must be a proviso themselves -- begin with
"provided" -- or where they go is a reading too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..change import Change
from ..citation import PLAIN_PROVISION, parse_citation
from ..document import Document, Path
from ..errors import PlacementError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import Target, WordEdit
from ..sentences import sentence_spans
from .apply import locate_target
from .context import Context
from .run_on import edit_span
from .word_edits import beside

PROVISO_OF = lazy_re(r"(?i)(?:the\s+)?proviso\s+(?:of|to|in|at\s+the\s+end\s+of)\s+(?P<cite>.+)")
# "; provided, however, that", "provided further that" -- not "services provided by Tenant"
# or "as provided in Section 5", which are no provisos
_PROVIDED = lazy_re(
    r"[,;]?\s*\bprovided\b(?=,?\s+(?:however|further|always|that)\b)", re.IGNORECASE
)
_SET_OFF = lazy_re(r"^[,;:]\s*")
_CLOSING = lazy_re(r"[.;]['\")\u201d]*$")


def _proviso(doc: Document, printed: str, ctx: Context) -> tuple[Path, str, re.Match[str]] | None:
    """The provision a "proviso of X" names, its citation and its one proviso; None where
    ``printed`` names no proviso of a provision cited plainly."""
    m = PROVISO_OF.fullmatch(printed)
    if m is None or not PLAIN_PROVISION.fullmatch(m["cite"]):
        return None
    path = locate_target(doc, Target(parse_citation(m["cite"])), ctx)
    found = list(_PROVIDED.finditer(doc.get(path).text))
    if len(found) != 1:
        raise TargetNotFound(
            f"{m['cite']} has {len(found) or 'no'} proviso{'s' if found else ''}; the item names one"
        )
    return path, m["cite"], found[0]


class _Sentence(NamedTuple):
    """A proviso found, with the text it is in and where its sentence ends."""

    path: Path
    cite: str
    proviso: re.Match[str]
    text: str
    end: int  # the end of the proviso's sentence
    close: int | None  # where that sentence's closing mark is, if it prints one


def _in_sentence(doc: Document, printed: str, ctx: Context) -> _Sentence | None:
    found = _proviso(doc, printed, ctx)
    if found is None:
        return None
    path, cite, proviso = found
    text = doc.get(path).text
    end = next((b for a, b in sentence_spans(text) if a <= proviso.end() <= b), len(text))
    close = _CLOSING.search(text[proviso.start() : end])
    return _Sentence(
        path, cite, proviso, text, end, proviso.start() + close.start() if close else None
    )


def proviso_words(doc: Document, c: Change, edit: WordEdit, ctx: Context) -> Document | None:
    """Words edited in the proviso only: from "provided" to the end of the provision's text."""
    found = _proviso(doc, c.selector.scope or c.selector.printed, ctx)
    if found is None:
        return None
    path, cite, proviso = found
    span = (proviso.start(), len(doc.get(path).text))
    return edit_span(doc, path, span, edit, f"the proviso of {cite}", ctx)


def restate_proviso(doc: Document, c: Change, ctx: Context) -> Document | None:
    """The proviso replaced by new words, or deleted: from its "provided" (or, deleted, the
    mark that sets it off) to the end of its sentence, that sentence's closing mark kept
    unless the new words print their own.  None for any other change."""
    sel = c.selector
    if sel.kind != "sentence" or sel.qualifiers or c.verb not in ("replace", "delete"):
        return None
    found = _in_sentence(doc, sel.printed, ctx)
    if found is None:
        return None
    path, cite, proviso, text, end, close = found
    stop = end if close is None else close
    if c.verb == "delete":
        if c.payload.kind != "none":
            return None
        start, new = proviso.start(), ""
    else:
        new = " ".join(c.payload.text.split())
        if c.payload.kind not in ("text", "quoted") or not c.payload.one_paragraph:
            return None
        if not _PROVIDED.match(new):
            raise PlacementError(
                f'the new words for the proviso of {cite} do not begin with "provided"; '
                "where they go in its sentence is a reading"
            )
        set_off = _SET_OFF.match(new) is not None  # "; provided that ...": its own mark
        start = proviso.start() if set_off else proviso.end() - len("provided")
        if not set_off and text[start - 1 : start] not in (" ", ""):
            new = " " + new
        if _CLOSING.search(new):
            stop = end
    edit = WordEdit("replace_words" if new else "delete_words", old=text[start:stop], new=new)
    return edit_span(doc, path, (start, stop), edit, f"the proviso of {cite}", ctx)


# "immediately before the period at the end of such proviso", "at the end thereof"
_AT_PROVISOS_END = lazy_re(
    r"(?i)(?:(?:immediately\s+)?(?:before|prior\s+to|preceding)\s+(?:the\s+)?(?P<mark>period|"
    r"full\s+stop|semi-?colon)\s+)?at\s+the\s+end(?:\s+(?:thereof|of\s+(?:such|the|said)\s+proviso))?"
)


def words_at_provisos_end(doc: Document, c: Change, ctx: Context) -> Document | None:
    """Words added at the end of a proviso ("The proviso to Section 6.2 is amended by
    inserting the following immediately before the period at the end of such proviso:
    ", it being agreed ...""): just before the mark that ends the proviso's sentence (or
    after the proviso, where no mark is named); None for any other change."""
    sel = c.selector
    place = _AT_PROVISOS_END.fullmatch(c.position)
    if c.verb != "insert" or sel.kind != "sentence" or sel.qualifiers or place is None:
        return None
    if c.payload.kind not in ("text", "quoted") or not c.payload.one_paragraph:
        return None
    found = _in_sentence(doc, sel.printed, ctx)
    if found is None:
        return None
    path, cite, proviso, text, end, close = found
    words = " ".join(c.payload.text.split())
    if place["mark"] and close is None:
        raise PlacementError(f"the proviso of {cite} does not end with a {place['mark']}")
    stop = close if close is not None and place["mark"] else end
    new = beside(text[:stop].rstrip(), words)[proviso.start() :] + text[stop:end]
    edit = WordEdit("replace_words", old=text[proviso.start() : end], new=new)
    return edit_span(doc, path, (proviso.start(), end), edit, f"the proviso of {cite}", ctx)
