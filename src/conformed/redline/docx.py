"""Word output: every change a real tracked revision.

The only place that writes ``w:ins`` / ``w:del``.  A reviewer opens the file
in Word or LibreOffice and sees the amendment's changes as revisions by
``author`` on ``date``: accepting them all gives NEW, rejecting them all
gives OLD (``tests/redline/docx_views.py`` checks both with its own reader).

- Inserted text is a ``w:r`` inside ``w:ins``; deleted text a ``w:r`` inside
  ``w:del`` whose text is in ``w:delText`` (Word ignores ``w:t`` there).
- A whole inserted or deleted paragraph also marks its paragraph mark
  (``w:pPr/w:rPr/w:ins|w:del``), or accepting would leave an empty paragraph.
- A renumbered label is the old label deleted and the new one inserted.

python-docx supplies the package (styles, header, footer); the revisions
are lxml elements, which python-docx has no API for.  The title ("Blackline
of X against Y") and page numbers go in the header and footer, so the body
holds exactly the two documents' text.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from ..lazy_re import lazy_re
from .edits import BACK, DELETED, FRONT, INSERTED, MOVED, Entry, Redline, separator
from .words import DELETE, INSERT, Segment

DEFAULT_AUTHOR = "conformed"
_INDENT = 360  # twips per level (a quarter inch)
_XML_INVALID = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PIECES = lazy_re(r"(\n|\t)")


def now() -> str:
    """The revision date: UTC, to the second, as Word writes it."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_docx(redline: Redline, *, author: str = DEFAULT_AUTHOR, date: str | None = None) -> bytes:
    document = docx.Document()
    body = document.element.body
    end = body.find(qn("w:sectPr"))
    writer = _Revisions(author, date or now())
    last = None
    for entry in redline.entries:
        last = writer.paragraph(entry)
        end.addprevious(last)
    if last is not None and last.find(f"{qn('w:pPr')}/{qn('w:rPr')}") is not None:
        end.addprevious(OxmlElement("w:p"))  # a tracked last mark needs a paragraph after it
    _header_footer(document, f"Blackline of {redline.new_name} against {redline.old_name}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Revisions:
    def __init__(self, author: str, date: str) -> None:
        self.author, self.date = author, date
        self.ids = itertools.count(1)

    def mark(self, tag: str) -> etree._Element:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(next(self.ids)))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el

    def paragraph(self, entry: Entry) -> etree._Element:
        p = OxmlElement("w:p")
        ppr = etree.SubElement(p, qn("w:pPr"))
        if entry.depth:
            ind = etree.SubElement(ppr, qn("w:ind"))
            ind.set(qn("w:left"), str(_INDENT * entry.depth))
        whole = _whole(entry)
        if whole:
            rpr = etree.SubElement(ppr, qn("w:rPr"))
            rpr.append(self.mark(whole))
        mono = entry.part in (FRONT, BACK)
        parts = [(entry.label, False), (entry.heading, True), (entry.text, False)]
        done: list[Segment] = []
        for segs, bold in parts:
            if not segs:
                continue
            if done:
                self.segment(p, separator(done, segs), False, mono)
            for seg in segs:
                self.segment(p, seg, bold, mono)
            done += segs
        return p

    def segment(self, p: etree._Element, seg: Segment, bold: bool, mono: bool) -> None:
        if not seg.text:
            return
        parent = p
        if seg.op != "equal":
            parent = self.mark("w:ins" if seg.op == INSERT else "w:del")
            p.append(parent)
        run = etree.SubElement(parent, qn("w:r"))
        if bold or mono:
            rpr = etree.SubElement(run, qn("w:rPr"))
            if mono:
                fonts = etree.SubElement(rpr, qn("w:rFonts"))
                fonts.set(qn("w:ascii"), "Courier New")
                fonts.set(qn("w:hAnsi"), "Courier New")
                # 8.5 pt: an EDGAR line of 80 characters fits the 6.5" text width unbroken
                for tag in ("w:sz", "w:szCs"):
                    etree.SubElement(rpr, qn(tag)).set(qn("w:val"), "17")
            if bold:
                etree.SubElement(rpr, qn("w:b"))
        text_tag = qn("w:delText") if seg.op == DELETE else qn("w:t")
        for piece in _PIECES.split(_XML_INVALID.sub(" ", seg.text)):
            if piece == "\n":
                etree.SubElement(run, qn("w:br"))
            elif piece == "\t":
                etree.SubElement(run, qn("w:tab"))
            elif piece:
                t = etree.SubElement(run, text_tag)
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _whole(entry: Entry) -> str:
    """ "w:ins" or "w:del" when the whole paragraph is new or gone, else ""."""
    if entry.status == INSERTED or (entry.status == MOVED and entry.moved == "to"):
        return "w:ins"
    if entry.status == DELETED or (entry.status == MOVED and entry.moved == "from"):
        return "w:del"
    return ""


def _header_footer(document: docx.document.Document, title: str) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    footer._p.append(_field("PAGE"))
    footer.add_run(" of ")
    footer._p.append(_field("NUMPAGES"))


def _field(instr: str) -> etree._Element:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = etree.SubElement(fld, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "1"
    return fld
