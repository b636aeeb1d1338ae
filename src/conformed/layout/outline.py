"""How the engine read a document, for a person to check before trusting a conformed copy.

An agreement is shown as its provision tree; an amendment as its items.

``conformed outline FILE`` prints the provision tree: each provision's line,
label, heading and first words, indented by depth; a "?" marks what the reader
was unsure of (a label that breaks its sequence, a duplicate, a heading it
attached from a line of its own, text it could not place).  ``--json`` gives
the same as a documented, stable structure (see the README).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..document import Document, LayoutNote, Path, Provision
from .items import Item

if TYPE_CHECKING:
    from ..amendment import Amendment

FIRST_WORDS = 12


def outline_json(doc: Document, *, kind: str = "agreement") -> dict[str, Any]:
    notes = _notes_by_line(doc.notes)
    return {
        "file": doc.name,
        "kind": kind,
        "body": {"first_line": doc.span[0], "last_line": doc.span[1]},
        "front_lines": len(doc.front),
        "back_lines": len(doc.back),
        "provisions": [_node(doc, (i,), p, notes) for i, p in enumerate(doc.body)],
        "notes": [n.to_json() for n in doc.notes],
    }


def _node(doc: Document, path: Path, p: Provision, notes: dict[int, list[str]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "label": p.label_text,
        "citation": doc.cite(path) if p.label else "",
        "kind": p.kind or ("definition" if p.label is None else "provision"),
        "heading": p.heading,
        "first_words": first_words(p.text),
        "line": p.line,
        "unsure": notes.get(p.line, []) if p.line else [],
        "children": [_node(doc, (*path, i), c, notes) for i, c in enumerate(p.children)],
    }
    return data


def outline_text(doc: Document) -> str:
    notes = _notes_by_line(doc.notes)
    out = [f"{doc.name}: body from line {doc.span[0]} to {doc.span[1]}"]
    for path, node in doc.walk():
        depth = len(path) - 1
        mark = "?" if node.line in notes else " "
        head = " ".join(x for x in (node.label_text, node.heading) if x)
        words = first_words(node.text)
        out.append(
            f"{node.line or '':>6} {mark} {'  ' * depth}{head}{'  ' + words if words else ''}"
        )
    if doc.notes:
        out.append("")
        out.append("unsure:")
        out += [f"  line {n.line}: {n.message}" for n in doc.notes]
    return "\n".join(out) + "\n"


def first_words(text: str, n: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


def _notes_by_line(notes: tuple[LayoutNote, ...]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for note in notes:
        out.setdefault(note.line, []).append(note.message)
    return out


# --- amendments ---------------------------------------------------------------


def amendment_outline_json(amendment: Amendment) -> dict[str, Any]:
    """An amendment as read: its items (the leaves are what is applied), each with its
    lines, the first words of its instruction and of the new text it carries."""
    return {
        "file": amendment.source,
        "kind": "amendment",
        "title": amendment.title,
        "agreement": amendment.agreement_name,
        "items": [_item(i) for i in amendment.items],
        "problems": [str(p) for p in amendment.problems],
    }


def _item(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "line": item.line,
        "end_line": item.end_line,
        "instruction": first_words(item.instruction),
        "new_text": first_words(item.payload) if item.payload is not None else None,
        "children": [_item(c) for c in item.children],
    }


def amendment_outline_text(amendment: Amendment) -> str:
    out = [f"{amendment.source}: {amendment.title or '(no title)'}"]

    def walk(items: tuple[Item, ...], depth: int) -> None:
        for item in items:
            pad = "  " * depth
            out.append(f"{item.line:>6}   {pad}{item.number}  {first_words(item.instruction)}")
            if item.payload is not None:
                out.append(f"{'':>6}   {pad}    new text: {first_words(item.payload)}")
            walk(item.children, depth + 1)

    walk(amendment.items, 0)
    if amendment.problems:
        out += ["", "problems:"] + [f"  {p}" for p in amendment.problems]
    return "\n".join(out) + "\n"
