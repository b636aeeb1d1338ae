"""Markdown in, on markdown-it-py: headings and ordered lists as provisions.

The tokens become the text reader's lines (paragraphs.py), so a Markdown
base gives the tree its text twin gives.  An ordered list item's number is
written out as a label in the conventional legal style of its nesting depth
("1.", "(a)", "(i)", "(A)"), counted as Markdown renders it (so "1." typed
on every item still counts 1, 2, 3).  A heading is a paragraph of its own;
unnumbered over a numbered paragraph it becomes that provision's heading.
Emphasis, links and escapes are read for their text; tables as rows of
cells joined by " | "; raw HTML is dropped.  Nested content is indented four
columns per list level, which is what tells a provision's own later
paragraphs from its parent's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..citation import to_alpha, to_roman
from ..document import Document
from .paragraphs import UNWRAPPED, Block, blocks_text, heading_labels
from .text import read_text_document

INDENT = 4  # columns per list level


def read_markdown_document(text: str, name: str = "") -> Document:
    doc = read_text_document(blocks_text(markdown_blocks(text)), name=name)
    return doc.evolve(layout=replace(doc.layout, width=UNWRAPPED))


@dataclass
class _List:
    ordered: bool
    next: int
    delimiter: str
    pending: str = ""  # the label the item's first paragraph starts with


def markdown_blocks(text: str) -> list[Block]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    source = text.splitlines()
    blocks: list[Block] = []
    lists: list[_List] = []
    quote = 0
    row: list[str] | None = None
    heading = False
    for token in tokens:
        kind = token.type
        indent = " " * (INDENT * (max(len(lists) - 1, 0) + quote))
        if kind in ("ordered_list_open", "bullet_list_open"):
            start = token.attrs.get("start", 1)
            ordered = kind == "ordered_list_open"
            lists.append(
                _List(ordered, int(start) if isinstance(start, int | str) else 1, token.markup)
            )
        elif kind in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists[-1].ordered:
            current = lists[-1]
            depth = sum(1 for x in lists if x.ordered) - 1
            current.pending = list_label(current.next, depth, current.delimiter)
            current.next += 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            heading = True
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append(Block([indent + " | ".join(row)]))
            row = None
        elif kind == "inline" and row is not None:
            row.append(" ".join(inline_text(token).split()))
        elif kind == "inline":
            label = ""
            if lists and lists[-1].pending:
                label, lists[-1].pending = lists[-1].pending, ""
            rows = inline_text(token).split("\n")
            if label:
                rows[0] = f"{label} {rows[0]}"
            if not lists and not quote and token.map:
                indent = " " * (INDENT * _leading_spaces(source[token.map[0]]))
            blocks.append(Block([indent + r.strip() for r in rows], label=label, heading=heading))
            heading = False
        elif kind in ("fence", "code_block"):
            rows = token.content.rstrip("\n").split("\n")
            blocks.append(Block([indent + r.rstrip() for r in rows]))
    return heading_labels([b for b in blocks if any(x.strip() for x in b.lines)])


def _leading_spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def list_label(value: int, depth: int, delimiter: str) -> str:
    """ "3." at the top level ("(3)" for "3)"), then "(c)", "(iii)", "(C)", "(3)"."""
    if depth == 0:
        return f"{value}." if delimiter != ")" else f"({value})"
    core = [to_alpha(value), to_roman(value), to_alpha(value).upper(), str(value)][(depth - 1) % 4]
    return f"({core})"


def inline_text(token: Token) -> str:
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(inline_text(child))
    return "".join(out)
