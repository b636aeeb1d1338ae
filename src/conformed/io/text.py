"""Plain-text (EDGAR) documents: read into the tree, write back in the same style.

Reading is the layout engine's (layout/engine.py); it keeps the title,
recitals, signature block and exhibits as raw front and back matter that
Section-level instructions never land in.  The writer prints every
paragraph group whose words did not change from its raw source lines, so untouched text keeps its wrapping; changed or new provisions
are wrapped to the document's own width and indentation.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..document import Document, Layout
from ..layout.engine import read_agreement, read_fragment
from ..layout.heads import Group, iter_groups
from ..layout.lines import blank_separated
from .wrap import fill_lines

__all__ = ["read_fragment", "read_text_document", "render_group", "write_text"]


def read_text_document(text: str, name: str = "") -> Document:
    return read_agreement(text, name)


# --- writer ----------------------------------------------------------------


def write_text(doc: Document, *, annotate: bool = False) -> str:
    sep = [""] if doc.layout.blank_lines else []
    out: list[str] = list(doc.front)
    after = 0  # the source line after the last group's, where it was read from the source
    for group in iter_groups(doc.body):
        if out and not (after and group.leader.line == after and not group.trailing):
            out += sep  # (a group read on the line straight after the last one stays there)
        out += render_group(group, doc.layout)
        after = _line_after(group)
        if annotate:
            notes = provenance_notes(group)
            if notes:
                out += sep
                out += _wrap(" ".join(notes), doc.layout, group.depth)
    if doc.back:
        out += sep + list(doc.back)
    return "\n".join(out) + "\n"


def _line_after(group: Group) -> int:
    """The source line after the group's raw lines; 0 where that is not known."""
    src = group.leader.trailing_source if group.trailing else group.leader.source
    if src is None or group.trailing or not group.leader.line:
        return 0
    return group.leader.line + len(src.lines)


def render_group(group: Group, layout: Layout) -> list[str]:
    src = group.leader.trailing_source if group.trailing else group.leader.source
    if src is not None and src.key == group.printed:
        return list(src.lines)
    renumbered_only = (
        src is not None
        and len(src.labels) == len(group.members)
        and group.printed_with(src.labels) == src.key
    )
    if src is not None and renumbered_only:
        relabelled = relabel_lines(src.lines, src.labels, group.labels)
        if relabelled is not None:
            return relabelled
    swapped = _heading_swapped(src.lines, src.key, group) if src is not None else None
    if swapped is not None:
        return swapped
    if src is not None and layout.blank_lines:
        kept = _paragraphs_kept(src.lines, src.key, group, layout)
        if kept is not None:
            return kept
    sep = [""] if layout.blank_lines else []
    out: list[str] = []
    for k, para in enumerate(group.printed.split("\n\n")):
        if k:
            out += sep
        out += _wrap(para, layout, group.depth)
    return out


def _paragraphs_kept(
    lines: tuple[str, ...], key: str, group: Group, layout: Layout
) -> list[str] | None:
    """A group some of whose paragraphs changed: the paragraphs that did not are printed
    from their raw lines (an Article's "ARTICLE 2" / "DEFINITIONS" head on its two lines,
    the definitions an item did not touch as they were wrapped), the others wrapped anew.
    None where the raw lines do not fall into one run per paragraph of what was read."""
    chunks = blank_separated(lines)
    old, new = key.split("\n\n"), group.printed.split("\n\n")
    if len(chunks) != len(old) or len(old) < 2:
        return None
    if any(" ".join(c).split() != o.split() for c, o in zip(chunks, old, strict=True)):
        return None  # a run that is not its paragraph as printed: a label on the line below
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        parts = (
            chunks[i1:i2] if tag == "equal" else [_wrap(p, layout, group.depth) for p in new[j1:j2]]
        )
        for part in parts:
            out += ([""] if out else []) + part
    return out


def _heading_swapped(lines: tuple[str, ...], key: str, group: Group) -> list[str] | None:
    """A group whose heading alone changed: its raw lines with the heading's changed words
    swapped where they were printed ("ARTICLE 9" / "INSURANCE" on two lines stays two
    lines).  None where the change is not inside the heading, or its old words are not
    printed once on one line."""
    heading = group.leader.heading.strip()
    new = group.printed
    if group.trailing or not heading or heading in key or new == key:
        return None
    start, end = _common(key, new), _common(key[::-1], new[::-1])
    end = min(end, len(key) - start, len(new) - start)
    while start and not key[start - 1].isspace():  # whole words: back to a word's start
        start -= 1
    old_words, new_words = key[start : len(key) - end], new[start : len(new) - end]
    if not old_words.strip() or "\n" in old_words + new_words or new_words not in heading:
        return None
    found = [i for i, line in enumerate(lines) if line.count(old_words) == 1]
    if len(found) != 1 or sum(line.count(old_words) for line in lines) != 1:
        return None
    out = list(lines)
    out[found[0]] = out[found[0]].replace(old_words, new_words)
    return out


def _common(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` begin with in common."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def relabel_lines(
    lines: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]
) -> list[str] | None:
    """Swap renumbered labels in raw lines, leaving every other byte alone."""
    out = list(lines)
    row, col = 0, 0
    for before, after in zip(old, new, strict=True):
        pattern = re.compile(rf"(?<![\w.(]){re.escape(before)}(?=[\s(]|$)")
        while row < len(out):
            m = pattern.search(out[row], col)
            if m:
                out[row] = out[row][: m.start()] + after + out[row][m.end() :]
                col = m.start() + len(after)
                break
            row, col = row + 1, 0
        else:
            return None
    return out


def _wrap(text: str, layout: Layout, depth: int) -> list[str]:
    first, rest = layout.indent(depth)
    return fill_lines(text, layout.width, " " * first, " " * rest) or [" " * first]


def provenance_notes(group: Group) -> list[str]:
    """ "[Amended by Amendment No. 1 dated as of ..., item 3.]" for each change."""
    notes: list[str] = []
    for member in group.members:
        for change in member.changes:
            note = f"[{change.detail or change.action} by {change.amendment}, item {change.item}.]"
            if note not in notes:
                notes.append(note)
    return notes
