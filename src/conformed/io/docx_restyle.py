"""Word out for a document read from Word: the conformed copy in the source's own package.

The source .docx (``Document.source_docx``) is reopened with its tracked
changes accepted, its body emptied, and refilled: styles, numbering,
headers, footers and page set-up stay as they were.  A paragraph group no
amendment touched is the source's own paragraphs, copied whole (runs,
fields, footnote references); one that was only renumbered is copied too
when Word's numbering draws its label.  A changed or new provision gets
plain runs in the paragraph properties of its source paragraph, or of a
provision at the same depth, with the heading and text in the source's run
formatting.

Labels left to Word's list numbering are then checked by counting as Word
does (docx_numbering.py): wherever Word would draw another number than the
conformed label -- a provision deleted without renumbering, a "5A" -- that
paragraph's number is typed instead, so the file never shows a wrong label.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from ..document import Document, Layout
from ..layout.heads import Group, iter_groups
from ..layout.lines import blank_separated
from .docx_labels import Item, check_labels, unnumber
from .docx_numbering import Element, Numbering
from .docx_paras import Para, body_paras, matter_paras
from .docx_reader import accept_revisions, docx_blocks, numbering_of, open_docx
from .docx_xml import Footnotes, W, footnotes_part, note_refs, paragraph_xml, runs_xml
from .paragraphs import HEADING, LABEL, TEXT, Block


def restyle(doc: Document, *, annotate: bool, numbering: str) -> bytes:
    assert doc.source_docx is not None
    document = open_docx(doc.source_docx, doc.name)
    body = document.element.body
    accept_revisions(body)
    nb = numbering_of(document)
    writer = _Writer(nb, docx_blocks(document), auto=numbering == "auto")
    writer.learn(doc)
    end = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not end:
            body.remove(child)
    notes = Footnotes(_first_note_id(document.part))
    writer.matter(doc.front, doc.layout)
    paras = body_paras(doc, annotate=annotate)
    for group_paras in _by_group(paras):
        writer.group(group_paras, [notes.add(n) for n in group_paras[-1].notes])
    writer.matter(doc.back, doc.layout)
    for element in check_labels(writer.items, nb, auto=numbering == "auto"):
        if end is not None:
            end.addprevious(element)
        else:
            body.append(element)
    notes.attach(document.part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, nb: Numbering, blocks: list[Block], *, auto: bool) -> None:
        self.nb = nb
        self.auto = auto
        self.items: list[Item] = []
        self.source: dict[tuple[str, ...], Block] = {}
        for block in blocks:
            self.source.setdefault(tuple(block.lines), block)
        self.exemplars: dict[tuple[int, bool], Element] = {}  # (depth, not a head) -> paragraph
        self.heads: dict[int, Element] = {}  # provision uid -> its source head paragraph
        self.siblings: dict[int, tuple[int, ...]] = {}

    def learn(self, doc: Document) -> None:
        """Where each provision's head came from, to dress a new sibling like its neighbours."""
        for group in iter_groups(doc.body):
            blocks = self._source_blocks(group)
            for k, block in enumerate(blocks or []):
                self.exemplars.setdefault((group.depth, k > 0 or group.trailing), block.element)
            if blocks and not group.trailing and blocks[0].element.tag == qn("w:p"):
                self.heads[group.leader.uid] = blocks[0].element
        lists = [doc.body] + [p.children for _, p in doc.walk()]
        for nodes in lists:
            uids = tuple(p.uid for p in nodes)
            for uid in uids:
                self.siblings[uid] = uids

    def matter(self, lines: tuple[str, ...], layout: Layout) -> None:
        last = None
        for para_lines in _paragraphs(lines):
            block = self.source.get(tuple(para_lines))
            if block is None:
                for para in matter_paras(tuple(para_lines), layout):
                    self.items.append((_parse(paragraph_xml(para, None, [])), None))
            elif block.element is not last:  # a table's rows share their table
                self.items.append((copy.deepcopy(block.element), block.label or None))
            last = block.element if block else None

    def group(self, paras: list[Para], notes: list[int]) -> None:
        group = paras[0].group
        assert group is not None
        blocks = self._source_blocks(group)
        start = len(self.items)
        if blocks and self._copyable(group, blocks):
            for k, block in enumerate(blocks):
                if k and block.element is blocks[k - 1].element:
                    continue
                want = group.labels[0] if k == 0 and group.labels else block.label
                self.items.append((copy.deepcopy(block.element), want or None))
        else:
            for k, para in enumerate(paras):
                own = blocks[k].element if blocks and k < len(blocks) else None
                self.items.append(self._new(para, own))
        if notes and len(self.items) > start:
            last = self.items[-1][0]
            if last.tag == qn("w:p"):
                for run in parse_xml(f"<w:p {W}>{note_refs(notes)}</w:p>"):
                    last.append(run)

    def _source_blocks(self, group: Group) -> list[Block] | None:
        src = group.leader.trailing_source if group.trailing else group.leader.source
        if src is None:
            return None
        found = [self.source.get(tuple(p)) for p in _paragraphs(src.lines)]
        return [b for b in found if b is not None] if all(found) else None

    def _copyable(self, group: Group, blocks: list[Block]) -> bool:
        src = group.leader.trailing_source if group.trailing else group.leader.source
        assert src is not None
        if src.key == group.printed:
            return True
        numbered = blocks[0].element.tag == qn("w:p") and self.nb.paragraph_numpr(blocks[0].element)
        return bool(
            numbered
            and self.auto
            and blocks[0].label == src.labels[0]
            and src.labels[1:] == group.labels[1:]
            and group.printed_with(src.labels) == src.key
        )

    def _new(self, para: Para, own: Element | None) -> Item:
        """A changed paragraph: plain runs in its own (or a sibling's) paragraph properties."""
        group = para.group
        assert group is not None
        template = own if own is not None and own.tag == qn("w:p") else None
        if template is None and para.index == 0 and not group.trailing:
            template = self._sibling_head(group.leader.uid)
        if template is None:
            template = self.exemplars.get((para.depth, para.index > 0 or group.trailing))
        if template is None or template.tag != qn("w:p"):
            return _parse(paragraph_xml(para, None, [])), None
        runs = para.runs
        p = _parse(f"<w:p {W}>{runs_xml(runs, _formats(template))}</w:p>")
        ppr = template.find(qn("w:pPr"))
        if ppr is not None:
            ppr = copy.deepcopy(ppr)
            if template is not own and ppr.find(qn("w:sectPr")) is not None:
                ppr._remove_sectPr()
            p.insert(0, ppr)
        numpr = self.nb.paragraph_numpr(p)
        if numpr and self.auto and para.label is not None and runs and runs[0].kind == LABEL:
            drop = 2 if len(runs) > 1 and runs[1].text == " " else 1
            p = _parse(f"<w:p {W}>{runs_xml(runs[drop:], _formats(template))}</w:p>")
            if ppr is not None:
                p.insert(0, ppr)
            return p, para.label.text
        if numpr:
            unnumber(p, self.nb, numpr)
        return p, None

    def _sibling_head(self, uid: int) -> Element | None:
        """The source paragraph of the nearest sibling, the previous one first."""
        siblings = self.siblings.get(uid, ())
        at = siblings.index(uid) if uid in siblings else 0
        for other in (*reversed(siblings[:at]), *siblings[at + 1 :]):
            if other in self.heads:
                return self.heads[other]
        return None


def _formats(p: Element) -> dict[str, str]:
    """Run properties for label, heading and text, from the source paragraph's runs."""
    runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    out: dict[str, str] = {}

    def rpr(run: Element | None) -> str:
        node = run.find(qn("w:rPr")) if run is not None else None
        return etree.tostring(node).decode() if node is not None else ""

    bold = [r for r in runs if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None]
    plain = [r for r in runs if r not in bold]
    out[LABEL] = rpr(runs[0] if runs else None)
    out[HEADING] = rpr(bold[0]) if bold else "<w:rPr><w:b/></w:rPr>"
    out[TEXT] = rpr(plain[-1] if plain else None)
    return out


def _paragraphs(lines: tuple[str, ...] | list[str]) -> list[list[str]]:
    return [[line.rstrip() for line in run] for run in blank_separated(lines)]


def _by_group(paras: list[Para]) -> Iterator[list[Para]]:
    current: list[Para] = []
    for para in paras:
        if current and para.index == 0:
            yield current
            current = []
        current.append(para)
    if current:
        yield current


def _parse(xml: str) -> Element:
    node: Element = parse_xml(xml.replace("<w:p>", f"<w:p {W}>", 1))
    return node


def _first_note_id(document_part: object) -> int:
    part = footnotes_part(document_part)  # type: ignore[arg-type]
    if part is None:
        return 1
    notes = parse_xml(part.blob).iter(qn("w:footnote"))  # entities never expanded
    ids = [int(i) for n in notes if (i := n.get(qn("w:id")) or "0").isdigit() and len(i) < 7]
    return max([0, *ids]) + 1
