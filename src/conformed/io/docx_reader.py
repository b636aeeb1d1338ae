"""Word documents in: the same provision tree the text reader builds.

A .docx is turned into the text the text reader understands -- one line per
paragraph, a blank line between paragraphs, indentation in columns, Word's
automatic numbers written out -- and read by ``read_text_document``.  One
tree builder for both formats means a .docx base and its text twin give the
same tree, so every consolidation that works on one works on the other.

Text is taken from the XML, not python-docx's ``Paragraph.text``, which
drops runs inside ``w:ins``: tracked changes are read accepted (insertions
kept, deletions and moved-from text dropped, a deleted paragraph mark joins
two paragraphs).  Tables are read as text, a row a paragraph, cells joined
by " | ".
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..document import Document
from ..errors import InputError
from ..layout.lines import LEAD
from ..lazy_re import lazy_re
from .docx_numbering import Counters, Element, Numbering, attr
from .paragraphs import BARE_LABEL, UNWRAPPED, Block, blocks_text, heading_labels
from .text import read_text_document

TWIPS_PER_COLUMN = 90  # a half inch is 8 columns, as EDGAR text indents it
PAGE_COLUMNS = 72  # where centred and right-aligned paragraphs are placed
_SKIP = {
    qn(t) for t in ("w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:instrText", "w:drawing", "w:pict")
}
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = lazy_re(r"^(?:heading|title)\b", re.IGNORECASE)


def read_docx_document(data: bytes, name: str = "") -> Document:
    blocks = docx_blocks(open_docx(data, name))
    doc = read_text_document(blocks_text(blocks), name=name)
    return doc.evolve(source_docx=data, layout=replace(doc.layout, width=UNWRAPPED))


# What a damaged package raises from the zip and XML layers under python-docx.
DAMAGED = (
    PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError,
    NotImplementedError, UnicodeDecodeError, IndexError,
)  # fmt: skip

# A .docx is a zip: its parts are checked against these before anything is inflated.
# A 1,000,000-word agreement's document.xml is about 60 MB.
MAX_PARTS = 2_000
MAX_INFLATED = 512 * 1024 * 1024  # all parts together, as their headers declare
MAX_RATIO = 200  # inflated / compressed, per part over 1 MB (Word's XML deflates ~10x)


def open_docx(data: bytes, name: str = "") -> docx.document.Document:
    name = name or "input"
    try:
        check_package(data, name)
        return docx.Document(io.BytesIO(data))
    except DAMAGED as exc:
        raise InputError(f"{name}: not a Word .docx file, or a damaged one ({exc})") from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}: a part of the .docx is not well-formed XML ({exc})") from exc


def check_package(data: bytes, name: str) -> None:
    """Refuse a zip bomb before python-docx inflates it: too many parts, too much
    declared content, or a part that inflates far beyond what XML does.  (zipfile never
    inflates a part past its declared size, so the declared sizes bound the memory.)"""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = package.infolist()
        if len(parts) > MAX_PARTS:
            raise InputError(f"{name}: the .docx has {len(parts):,} parts (at most {MAX_PARTS:,})")
        total = sum(p.file_size for p in parts)
        if total > MAX_INFLATED:
            raise InputError(
                f"{name}: the .docx would inflate to {total // 2**20:,} MB "
                f"(at most {MAX_INFLATED // 2**20} MB)"
            )
        for p in parts:
            if p.file_size > 2**20 and p.file_size > MAX_RATIO * max(p.compress_size, 1):
                raise InputError(
                    f"{name}: part {p.filename} inflates {p.file_size // max(p.compress_size, 1):,} "
                    f"times over (a zip bomb?); not read"
                )


def numbering_of(document: docx.document.Document) -> Numbering:
    """The package's numbering and styles; a package without a numbering part (or whose
    relationship to it is damaged: python-docx then raises NotImplementedError) numbers
    nothing, and its labels are the ones printed in the text."""
    part = document.part
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    return Numbering(numbering, part.styles.element)


def docx_blocks(document: docx.document.Document) -> list[Block]:
    """Every paragraph and table row of the body, in order, as text lines."""
    reader = _Reader(numbering_of(document))
    blocks = list(reader.blocks(document.element.body))
    return heading_labels([b for b in blocks if any(x.strip() for x in b.lines)])


def accept_revisions(body: Element) -> None:
    """Accept every tracked change in place: what a copied paragraph should say."""
    for tag in ("w:del", "w:moveFrom", "w:pPrChange", "w:rPrChange", "w:sectPrChange"):
        for node in list(body.iter(qn(tag))):
            parent = node.getparent()
            if parent is not None and not (tag == "w:del" and parent.tag == qn("w:rPr")):
                parent.remove(node)  # a deleted paragraph mark is handled below
    for p in list(body.iter(qn("w:p"))):
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        deleted = mark.find(qn("w:del")) if mark is not None else None
        nxt = p.getnext()
        if deleted is not None:
            mark.remove(deleted)
            if nxt is not None and nxt.tag == qn("w:p"):
                anchor = nxt.find(qn("w:pPr"))
                for child in [c for c in p if c.tag != qn("w:pPr")]:
                    (anchor.addnext(child) if anchor is not None else nxt.insert(0, child))
                    anchor = child
                p.getparent().remove(p)
    for tag in ("w:ins", "w:moveTo"):
        for node in list(body.iter(qn(tag))):
            parent = node.getparent()
            if parent is None:
                continue
            if parent.tag == qn("w:rPr"):
                parent.remove(node)  # an inserted paragraph mark
                continue
            index = parent.index(node)
            for k, child in enumerate(list(node)):
                parent.insert(index + k, child)
            parent.remove(node)


class _Reader:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counters = Counters(numbering)
        self.indent = 0  # the last paragraph's, for table rows
        self.carry = ""  # text of a paragraph whose mark was deleted

    def blocks(self, container: Element) -> Iterator[Block]:
        for child in container:
            if child.tag == qn("w:p"):
                block = self.paragraph(child)
                if block is not None:
                    yield block
            elif child.tag == qn("w:tbl"):
                yield from self.table(child)
            elif child.tag in (qn("w:sdt"), qn("w:customXml"), qn("w:sdtContent")):
                yield from self.blocks(child)

    def paragraph(self, p: Element) -> Block | None:
        text = self.carry + run_text(p)
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(f"{qn('w:rPr')}/{qn('w:del')}") is not None:
            self.carry = text  # accepted, the deletion joins this paragraph to the next
            return None
        self.carry = ""
        numpr = self.numbering.paragraph_numpr(p)
        label = self.counters.advance(*numpr) if numpr else ""
        if label:
            text = text.lstrip()
            tight = BARE_LABEL.fullmatch(label) and LEAD.match(text) and text[:1] == "("
            text = f"{label}{'' if tight else ' '}{text}"  # "(g)(i)", as the text prints it
        first, left = self._indents(p, numpr, text)
        heading = self._is_heading(ppr)
        if heading and LEAD.match(text.lstrip()):
            first = 0  # a numbered heading owns the text under it, however indented
        rows = text.split("\n")
        lines = [" " * first + rows[0].rstrip()] + [" " * left + r.rstrip() for r in rows[1:]]
        if text.strip():
            self.indent = first
        return Block(lines, p, label, heading)

    def table(self, tbl: Element) -> Iterator[Block]:
        for tr in tbl.iter(qn("w:tr")):
            if tr.getparent() is not tbl:
                continue  # a nested table is read as its cell's text
            cells = []
            for tc in tr.iter(qn("w:tc")):
                if tc.getparent() is tr:
                    cell = " ".join(" ".join(b.lines).strip() for b in self.blocks(tc))
                    if cell.strip():
                        cells.append(" ".join(cell.split()))
            if cells:
                yield Block([" " * self.indent + " | ".join(cells)], tbl)

    def _indents(self, p: Element, numpr: tuple[str, int] | None, text: str) -> tuple[int, int]:
        """First-line and left indentation in columns: the paragraph's own, its
        list level's, then its style's (Word's order of precedence)."""
        ppr = p.find(qn("w:pPr"))
        sources = [ppr.find(qn("w:ind")) if ppr is not None else None]
        if numpr:
            sources.append(self.numbering.level(*numpr).ind)
        style_id = attr(ppr.find(qn("w:pStyle"))) if ppr is not None else None
        sources += [s.find(f"{qn('w:pPr')}/{qn('w:ind')}") for s in self._style_chain(style_id)]
        found = [s for s in sources if s is not None]
        left = next((_twips(s, "w:left", "w:start") for s in found if _has(s, "left")), 0)
        first = next((_first_line(s) for s in found if _has(s, "first")), 0)
        jc = _justification(ppr, self._style_chain(style_id))
        if jc in ("center", "right", "end") and "\n" not in text and len(text) < PAGE_COLUMNS:
            shift = PAGE_COLUMNS - len(text.strip())
            return (shift // 2 if jc == "center" else shift), left // TWIPS_PER_COLUMN
        col = TWIPS_PER_COLUMN
        return max(0, round((left + first) / col)), max(0, round(left / col))

    def _style_chain(self, style_id: str | None) -> list[Element]:
        out: list[Element] = []
        while style_id and style_id in self.numbering.styles and len(out) < 20:
            style = self.numbering.styles[style_id]
            out.append(style)
            style_id = attr(style.find(qn("w:basedOn")))
        return out

    def _is_heading(self, ppr: Element | None) -> bool:
        if ppr is None:
            return False
        if ppr.find(qn("w:outlineLvl")) is not None:
            return True
        for style in self._style_chain(attr(ppr.find(qn("w:pStyle")))):
            name = attr(style.find(qn("w:name"))) or ""
            if _HEADING_STYLE.match(name) or style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}"):
                return True
        return False


def run_text(p: Element) -> str:
    """A paragraph's visible text with tracked changes accepted."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out).replace("\u00a0", " ")


def _collect(node: Element, out: list[str]) -> None:
    for child in node:
        tag = child.tag
        if tag in _SKIP or tag == _FALLBACK:
            continue
        if tag == qn("w:t"):
            out.append(child.text or "")
        elif tag == qn("w:tab") and node.tag == qn("w:r"):
            out.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            out.append("" if attr(child, "w:type") in ("page", "column") else "\n")
        elif tag == qn("w:noBreakHyphen"):
            out.append("-")
        elif not (tag == qn("w:r") and _hidden(child)):
            _collect(child, out)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and attr(vanish) not in ("0", "false")


def _has(ind: Element, what: str) -> bool:
    names = ("w:left", "w:start") if what == "left" else ("w:firstLine", "w:hanging")
    return any(ind.get(qn(n)) is not None for n in names)


def _twips(ind: Element, *names: str) -> int:
    for n in names:
        value = ind.get(qn(n))
        if value is not None and value.lstrip("-").isdigit():
            return int(value)
    return 0


def _first_line(ind: Element) -> int:
    return _twips(ind, "w:firstLine") - _twips(ind, "w:hanging")


def _justification(ppr: Element | None, styles: list[Element]) -> str | None:
    for node in [ppr, *(s.find(qn("w:pPr")) for s in styles)]:
        jc = attr(node.find(qn("w:jc"))) if node is not None else None
        if jc:
            return jc
    return None
