"""Exhibits and schedules in the back matter, replaced by attached forms.

"Exhibit 6.11 ... is hereby amended and restated in its entirety in the form
of Exhibit 6.11 attached hereto" needs the attachment: from ``--attach
"Exhibit 6.11=FILE"`` or from the amendment itself, after its signature
block.  Without it the item fails; with ``--allow-partial`` the superseded
exhibit is replaced by a bracketed note, never silently kept.
"""

from __future__ import annotations

import re

from ..change import Change
from ..document import Document
from ..errors import AmbiguousTarget, PayloadError, TargetNotFound
from ..lazy_re import lazy_re
from ..operations import AddToExhibit, InsertExhibits, ReplaceExhibit, TextEdits
from .context import Context
from .titled import headed_by_title, is_title_line, is_titled, titled_span
from .word_edits import edit_words

_HEADING = lazy_re(
    r"^\s*(?P<name>(?:EXHIBIT|SCHEDULE|ANNEX|APPENDIX)\s+[A-Z0-9][A-Z0-9.\-]*?(?:\([A-Z0-9]{1,4}\))*)\.?\s*$",
    re.IGNORECASE,
)


class AttachmentMissing(PayloadError):
    """The form an exhibit is restated in was not supplied."""

    reason = "attachment_missing"

    def __init__(self, message: str, partial: Document) -> None:
        super().__init__(message)
        self.partial = partial


def exhibit_key(name: str) -> str:
    return " ".join(name.lower().split()).rstrip(".")


def find_exhibit(lines: tuple[str, ...], name: str) -> tuple[int, int] | None:
    """Line range of the exhibit headed ``name`` (heading included)."""
    key = exhibit_key(name)
    start = None
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if not m:
            continue
        if start is not None:
            return start, i
        if exhibit_key(m.group("name")) == key:
            start = i
    return (start, len(lines)) if start is not None else None


def attachments_in(text: str) -> dict[str, str]:
    """Exhibits printed after an amendment's signature block, by name."""
    lines = tuple(text.splitlines())
    found: dict[str, str] = {}
    for line in lines:
        m = _HEADING.match(line)
        if m:
            span = find_exhibit(lines, m.group("name"))
            if span:
                found[exhibit_key(m.group("name"))] = "\n".join(lines[span[0] : span[1]]).strip()
        elif is_title_line(line) and exhibit_key(line) not in found:
            try:  # "RATE SCHEDULE": a form named by its title ("the Rate Schedule attached ...")
                span = titled_span(lines, line.strip(), _HEADING)
            except AmbiguousTarget:
                continue  # printed twice: neither is taken for it
            if span:
                found[exhibit_key(line)] = "\n".join(lines[span[0] : span[1]]).strip()
    return found


def exhibit_span(doc: Document, name: str) -> tuple[int, int]:
    span = find_exhibit(doc.back, name)
    if span is None and is_titled(name):
        span = titled_span(doc.back, name, _HEADING)
    if span is None:
        raise TargetNotFound(f"{name} is not in the agreement's exhibits and schedules")
    return span


def not_supplied(name: str, what: str = "") -> str:
    return (
        f'attachment not supplied: {name}{what} (give it with --attach "{name}=FILE" or '
        "after the amendment's signatures)"
    )


def attachment(ctx: Context, name: str, what: str = "") -> str:
    """The attached form called ``name``, from --attach or after the amendment's signatures."""
    text = ctx.attachments.get(exhibit_key(name))
    if text is None:
        raise PayloadError(not_supplied(name, what))
    return text


def apply_replace_exhibit(doc: Document, op: ReplaceExhibit, ctx: Context) -> Document:
    span = exhibit_span(doc, op.exhibit)
    start, end = span
    heading = doc.back[start]
    text = ctx.attachments.get(exhibit_key(op.replacement))
    if text is None:
        note = (
            f"[{op.exhibit} was amended and restated by {ctx.amendment}, item {ctx.item}, "
            f"in the form of {op.replacement} attached to it; that form was not supplied.]"
        )
        partial = doc.evolve(back=(*doc.back[:start], heading, "", note, "", *doc.back[end:]))
        raise AttachmentMissing(not_supplied(op.replacement), partial)
    new = _as_restated(tuple(text.splitlines()), op.exhibit, heading)
    trailer = ("",) if end < len(doc.back) else ()
    change = ctx.change("replace", f"Amended and restated in the form of {op.replacement}")
    return doc.evolve(
        back=(*doc.back[:start], *new, *trailer, *doc.back[end:]),
        matter_changes=(*doc.matter_changes, (op.exhibit, change)),
    )


def _as_restated(lines: tuple[str, ...], name: str, heading: str) -> tuple[str, ...]:
    """The attached form as the agreement's exhibit, under a heading that names it.

    A form headed as the exhibit, or as a version of it ("EXHIBIT B-1" for Exhibit B),
    keeps its heading, as does a form that prints an attachment's title as its title heads
    it.  Any other heading ("ANNEX 1") is the amendment's label for the form, not the
    agreement's: Exhibit A replaced by it stays "EXHIBIT A", unless the form goes on to
    print that heading itself.
    """
    own = _HEADING.match(lines[0]) if lines else None
    if own and not _names(own.group("name"), name):
        lines = _drop_leading_blanks(lines[1:])
        own = _HEADING.match(lines[0]) if lines else None
    if own and _names(own.group("name"), name):
        return lines
    if headed_by_title(lines, name) and not _HEADING.match(heading):
        return lines  # "BERTH SCHEDULE" heads the form as it heads the attachment
    return (heading, "", *lines)


def _names(heading: str, name: str) -> bool:
    """``heading`` names exhibit ``name`` or a version of it (B-1, B.1 or B(1) of B)."""
    head, key = exhibit_key(heading), exhibit_key(name)
    return head == key or (head.startswith(key) and head[len(key)] in "-.(")


def apply_insert_exhibits(doc: Document, op: InsertExhibits, ctx: Context) -> Document:
    """New exhibits go at the end of the back matter, from the amendment or --attach."""
    for name in op.names:
        if find_exhibit(doc.back, name) is not None:
            raise PayloadError(f"{name} already exists in the agreement")
        text = op.text if op.text and len(op.names) == 1 else attachment(ctx, name)
        lines = tuple(text.strip("\n").splitlines())
        if not (lines and _HEADING.match(lines[0])):
            lines = (name.upper(), "", *lines)
        change = ctx.change("insert", "Added")
        doc = doc.evolve(
            back=(*doc.back, "", *lines), matter_changes=(*doc.matter_changes, (name, change))
        )
    return doc


def apply_add_to_exhibit(doc: Document, op: AddToExhibit, ctx: Context) -> Document:
    """Text added at the end of an exhibit, printed in the amendment or attached to it."""
    span = exhibit_span(doc, op.exhibit)
    text = op.text or attachment(ctx, op.attachment)
    start, end = span
    body = list(doc.back[start:end])
    while body and not body[-1].strip():
        body.pop()
    added = tuple(text.strip("\n").splitlines())
    own = _HEADING.match(added[0]) if added and not op.text else None
    if own and exhibit_key(own.group("name")) == exhibit_key(op.attachment):
        added = _drop_leading_blanks(added[1:])  # the amendment's own "SCHEDULE 2" heading
    rest = ("",) if end < len(doc.back) else ()
    detail = f'Section "{op.title}" added' if op.title else "Supplemented"
    change = ctx.change("insert" if op.title else "amend_text", detail)
    # a list printed a line each ("Chief Executive Officer" / "Chief Financial Officer") goes
    # on a line each; anything else after a blank line, as a paragraph of its own
    gap = () if not op.title and _line_by_line(body) else ("",)
    return doc.evolve(
        back=(*doc.back[:start], *body, *gap, *added, *rest, *doc.back[end:]),
        matter_changes=(*doc.matter_changes, (op.exhibit, change)),
    )


def _line_by_line(body: list[str]) -> bool:
    """The exhibit's last three lines are entries of one list, printed without blank lines."""
    last = body[-3:]
    return len(last) == 3 and all(line.strip() for line in last) and not _HEADING.match(last[0])


def append_to_attachment(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "Schedule I is hereby amended by adding the following entry at the end thereof: ...":
    the new lines after the schedule's last, as its entries are printed; None for any other
    change."""
    sel = c.selector
    at_end = c.position in ("at the end", f"at the end of {sel.printed}")
    if c.verb != "insert" or sel.kind != "attachment" or sel.qualifiers or not at_end:
        return None
    if c.payload.kind not in ("text", "quoted") or not c.payload.text.strip():
        return None
    return apply_add_to_exhibit(doc, AddToExhibit(sel.printed, text=c.payload.text), ctx)


def is_exhibit(name: str) -> bool:
    return bool(re.match(r"(?i)(?:exhibit|schedule|annex|appendix)\s+\S", name))


def edit_exhibit(doc: Document, op: TextEdits, ctx: Context) -> Document:
    """Word edits inside an exhibit in the back matter (its heading is never edited)."""
    name = op.target.citation.printed
    start, end = exhibit_span(doc, name)
    text = "\n".join(doc.back[start + 1 : end])
    for edit in op.edits:
        if edit.kind == "append_text":
            text = f"{text.rstrip()}\n\n{' '.join(edit.new.split())}\n"
        else:
            text = edit_words(text, edit, name)
    details = ", ".join(e.kind.replace("_", " ") for e in op.edits)
    change = ctx.change("amend_text", f"Amended ({details})")
    return doc.evolve(
        back=(*doc.back[: start + 1], *text.split("\n"), *doc.back[end:]),
        matter_changes=(*doc.matter_changes, (name, change)),
    )


def _drop_leading_blanks(lines: tuple[str, ...]) -> tuple[str, ...]:
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    return lines[start:]
