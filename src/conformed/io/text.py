"""Plain-text (EDGAR) documents: read into the tree, write back in the same style.

The reader keeps the title, recitals, signature block and exhibits as raw
front and back matter that Section-level instructions never land in.  The
writer prints every paragraph group whose words did not change from its raw
source lines, so untouched text keeps its wrapping; changed or new provisions
are wrapped to the document's own width and indentation.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter

from ..citation import Label, Style, label_candidates
from ..document import Document, Layout, Provision
from .heads import Group, iter_groups
from .lines import LEAD, Line, classify, clean_raw_lines, indent_of, is_page_number
from .structure import build_tree

_AGREE = re.compile(r"agree\w*\s+as\s+follows|now,?\s+therefore", re.IGNORECASE)
_WITNESS = re.compile(r"^\s*IN\s+WITNESS\s+WHEREOF", re.IGNORECASE)
_EXHIBIT = re.compile(
    r"^\s*(?:EXHIBIT|SCHEDULE|ANNEX|APPENDIX|Exhibit|Schedule|Annex|Appendix)\s+[A-Z0-9.\-]+\s*$"
)


def read_text_document(text: str, name: str = "") -> Document:
    raw_lines = clean_raw_lines(text)
    lines, blank_mode = classify(raw_lines)
    start = _body_start(lines)
    if start is None:
        return Document(body=(), front=_matter(raw_lines), name=name)
    end = _body_end(lines, start)
    body_lines = lines[start:end]
    body = build_tree(body_lines, blank_mode=blank_mode, first_any=True)
    front = _matter(raw_lines[: lines[start].index])
    back = _matter(raw_lines[lines[end].index :]) if end < len(lines) else ()
    layout = _layout(body, body_lines, blank_mode)
    return Document(body=body, front=front, back=back, name=name, layout=layout)


def read_fragment(text: str) -> tuple[Provision, ...]:
    """Parse quoted replacement text into provisions (its labels as printed)."""
    lines, blank_mode = classify(clean_raw_lines(text))
    return build_tree(lines, fragment=True, blank_mode=blank_mode)


def _body_start(lines: list[Line]) -> int | None:
    begin = 0
    for i, line in enumerate(lines):
        if _AGREE.search(line.text):
            begin = i + 1
            while begin < len(lines) and lines[begin].brk == "none":
                begin += 1
            break
    for i in range(begin, len(lines)):
        m = LEAD.match(lines[i].text)
        firsts = label_candidates(m.group("token")) if m and lines[i].brk != "none" else []
        if any(c.value == 1 or _section_number(c, bool(m and m.group("unit"))) for c in firsts):
            return i
    return None


def _section_number(label: Label, unit: bool) -> bool:
    """ "2.5", "5." or "Section 5": how an excerpt that does not start at 1 begins."""
    if label.style is not Style.ARABIC:
        return False
    return unit or label.prefix.rstrip(".").isdigit() or label.suffix == "."


def _body_end(lines: list[Line], start: int) -> int:
    for i in range(start + 1, len(lines)):
        text = lines[i].raw
        if lines[i].brk != "none" and (_WITNESS.match(text) or _EXHIBIT.match(text)):
            return i
    return len(lines)


def _matter(raw_lines: list[str]) -> tuple[str, ...]:
    """Raw lines without page numbers (and the blank lines around them), ends trimmed."""
    out: list[str] = []
    skip_blanks = False
    for raw in raw_lines:
        if is_page_number(raw):
            while out and not out[-1].strip():
                out.pop()
            out.append("")
            skip_blanks = True
            continue
        if skip_blanks and not raw.strip():
            continue
        skip_blanks = False
        out.append(raw)
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return tuple(out)


def _layout(body: tuple[Provision, ...], lines: list[Line], blank_mode: bool) -> Layout:
    width = max((len(line.raw.expandtabs(8)) for line in lines), default=72)
    width = max(50, min(width, 100))
    by_depth: dict[int, Counter[tuple[int, int]]] = {}
    one_line: dict[int, Counter[tuple[int, int]]] = {}  # used where no wrapped sample exists
    for group in iter_groups(body):
        src = group.leader.trailing_source if group.trailing else group.leader.source
        if src is not None and len(src.lines) == 1:
            shape = (_indent(src.lines[0]),) * 2
            one_line.setdefault(group.depth, Counter())[shape] += 1
        if src is None or len(src.lines) < 2:
            continue
        first, second = src.lines[0], src.lines[1]
        if not second.strip():
            continue
        shape = (_indent(first), _indent(second))
        by_depth.setdefault(group.depth, Counter())[shape] += 1
    indents: list[tuple[int, int]] = []
    default = Layout().indents
    for depth, shapes in one_line.items():
        by_depth.setdefault(depth, shapes)
    for depth in range(max(by_depth, default=-1) + 2):
        if depth in by_depth:
            indents.append(by_depth[depth].most_common(1)[0][0])
        elif len(indents) >= 2:
            # A level the source never shows: step in as far again as the last step.
            (f1, r1), (f2, r2) = indents[-2], indents[-1]
            indents.append((f2 + max(f2 - f1, 4), r2 + max(r2 - r1, 0)))
        else:
            indents.append(indents[-1] if indents else default[0])
    return Layout(width=width, blank_lines=blank_mode, indents=tuple(indents) or default)


def _indent(line: str) -> int:
    return indent_of(line)


# --- writer ----------------------------------------------------------------


def write_text(doc: Document, *, annotate: bool = False) -> str:
    sep = [""] if doc.layout.blank_lines else []
    out: list[str] = list(doc.front)
    for group in iter_groups(doc.body):
        if out:
            out += sep
        out += render_group(group, doc.layout)
        if annotate:
            notes = provenance_notes(group)
            if notes:
                out += sep
                out += _wrap(" ".join(notes), doc.layout, group.depth)
    if doc.back:
        out += sep + list(doc.back)
    return "\n".join(out) + "\n"


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
    sep = [""] if layout.blank_lines else []
    out: list[str] = []
    for k, para in enumerate(group.printed.split("\n\n")):
        if k:
            out += sep
        out += _wrap(para, layout, group.depth)
    return out


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
    return textwrap.wrap(
        text,
        width=layout.width,
        initial_indent=" " * first,
        subsequent_indent=" " * rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [" " * first]


def provenance_notes(group: Group) -> list[str]:
    """ "[Amended by Amendment No. 1 dated as of ..., item 3.]" for each change."""
    notes: list[str] = []
    for member in group.members:
        for change in member.changes:
            note = f"[{change.detail or change.action} by {change.amendment}, item {change.item}.]"
            if note not in notes:
                notes.append(note)
    return notes
