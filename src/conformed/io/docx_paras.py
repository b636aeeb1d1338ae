"""The paragraphs a Word document prints, before any XML is written.

Each paragraph group (see heads.py) becomes one or more Word paragraphs
(``group_runs``: the label its own run, so it can be left to Word's
numbering, the heading bold).  Indentation comes from the source lines while they are unchanged,
otherwise from the document's layout, so that reading the .docx back gives
the same tree as the text did.  Front and back matter keep their lines,
except that wrapped prose is joined into one paragraph and centred lines
are centred.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..citation import Label
from ..document import Document, Layout
from ..layout.heads import Group, iter_groups
from ..layout.lines import indent_of
from .paragraphs import LABEL, Run, group_runs
from .text import provenance_notes


@dataclass
class Para:
    runs: list[Run]
    first: int = 0  # first-line indent, in columns
    left: int = 0
    label: Label | None = None  # the provision label the first run prints
    depth: int = 0
    parent: int = 0  # uid of the labelled provision's parent (0: the top level)
    center: bool = False
    notes: list[str] = field(default_factory=list)
    group: Group | None = None  # None for front and back matter
    index: int = 0  # which paragraph of its group

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def body_paras(doc: Document, *, annotate: bool) -> list[Para]:
    parents = {c.uid: p.uid for _, p in doc.walk() for c in p.children}
    out: list[Para] = []
    for group in iter_groups(doc.body):
        paras = group_runs(group)
        indents = _indents(group, len(paras), doc.layout)
        leader = group.leader
        for k, runs in enumerate(paras):
            first, left = indents[k]
            para = Para(runs, first, left, depth=group.depth, group=group, index=k)
            if k == 0 and not group.trailing and runs and runs[0].kind == LABEL:
                para.label, para.parent = leader.label, parents.get(leader.uid, 0)
            out.append(para)
        if annotate and out and (notes := provenance_notes(group)):
            out[-1].notes = [n.strip("[]") for n in notes]
    return out


def _indents(group: Group, count: int, layout: Layout) -> list[tuple[int, int]]:
    """(first, left) per paragraph: the source's while its paragraphs line up, else the layout's."""
    src = group.leader.trailing_source if group.trailing else group.leader.source
    default = layout.indent(group.depth)
    if src is not None:
        blocks = "\n".join(src.lines).split("\n\n")
        lines = [[x for x in b.split("\n") if x.strip()] for b in blocks]
        lines = [x for x in lines if x]
        if len(lines) == count:
            return [(indent_of(b[0]), indent_of(b[1]) if len(b) > 1 else default[1]) for b in lines]
    return [default] * count


def matter_paras(lines: tuple[str, ...], layout: Layout) -> list[Para]:
    """Raw front or back matter: a paragraph per blank-separated block, and in a
    single-spaced document also at each line indented past its neighbours."""
    width = min(layout.width, 100)
    out: list[Para] = []
    block: list[str] = []
    for line in (*lines, ""):
        if line.strip():
            block.append(line.rstrip())
        elif block:
            pieces = [block] if layout.blank_lines else _split_indented(block)
            out += [_matter_para(piece, width) for piece in pieces]
            block = []
    return out


def _split_indented(block: list[str]) -> list[list[str]]:
    indents = [indent_of(x) for x in block]
    out: list[list[str]] = []
    for i, line in enumerate(block):
        after = indents[i + 1] if i + 1 < len(block) else indents[i]
        if not out or indents[i] > indents[i - 1] or indents[i] > after:
            out.append([])
        out[-1].append(line)
    return out


def _matter_para(block: list[str], width: int) -> Para:
    texts = [x.strip() for x in block]
    indents = [indent_of(x) for x in block]
    if all(
        abs(i - (width - len(t)) / 2) <= 3 and i >= 4 for i, t in zip(indents, texts, strict=True)
    ):
        runs = _breaks(texts)
        return Para(runs, center=True)
    prose = len(block) > 1 and all(len(x.expandtabs(8)) >= 0.6 * width for x in block[:-1])
    if prose and len(set(indents[1:])) == 1 and "\t" not in "".join(block):
        return Para([Run(" ".join(texts))], indents[0], indents[1])
    left = min(indents)
    return Para(_breaks([x.expandtabs(8)[left:] for x in block]), left, left)


def _breaks(lines: list[str]) -> list[Run]:
    runs: list[Run] = []
    for k, line in enumerate(lines):
        if k:
            runs.append(Run("\n"))
        runs.append(Run(line))
    return runs
