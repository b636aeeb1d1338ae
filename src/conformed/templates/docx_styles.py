"""The Word package every .docx draft is written into, built once with python-docx.

python-docx defines the styles, the page and the footer, so a draft opened in
Word carries real, editable styles (Title, Body Text, Quote, ...) rather than
direct formatting.  Building and saving a Document costs about 30 ms, which
1,000 drafts cannot pay each; so it is done once per process, and each draft
only writes its own body (docx_out.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

FONT = "Times New Roman"
STAMP = (1980, 1, 1, 0, 0, 0)  # fixed zip dates: the same draft gives the same bytes
BODY_PART, CORE_PART = "word/document.xml", "docProps/core.xml"
# Parts python-docx's default template carries that a draft has no use for.
UNUSED = ("stylesWithEffects", "thumbnail", "customXml")


@dataclass(frozen=True)
class Package:
    """The parts every draft shares, and its body's frame: ``head`` + paragraphs + ``tail``."""

    parts: bytes  # a zip of every part but the body and the core properties
    head: str
    tail: str
    ids: dict[str, str]  # style name -> style id, as the body XML cites them


@cache
def package() -> Package:
    doc = Document()
    _trim(doc)
    styles(doc)
    _page(doc)
    for paragraph in list(doc.paragraphs):  # the template's empty paragraph
        paragraph._element.getparent().remove(paragraph._element)
    buffer = io.BytesIO()
    doc.save(buffer)
    parts, body = io.BytesIO(), ""
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(parts, "w") as out:
        for info in src.infolist():
            if info.filename == BODY_PART:
                body = src.read(info).decode("utf-8")
            elif info.filename != CORE_PART:
                stamped = zipfile.ZipInfo(info.filename, STAMP)
                out.writestr(stamped, src.read(info), zipfile.ZIP_DEFLATED)
    head, tail = re.split(r"(?<=<w:body>)", body, maxsplit=1)
    ids = {s.name: s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    return Package(parts.getvalue(), head, tail, ids)


def styles(doc: Any) -> None:
    """Times 12 pt throughout; what each kind of paragraph looks like is its style's business."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    normal = _reset(doc.styles["Normal"])
    normal.font.name, normal.font.size = FONT, Pt(12)
    _format(normal, after=0)
    body = _format(_reset(doc.styles["Body Text"]), after=12, justify=True)
    title = _format(_reset(doc.styles["Title"]), after=24, keep=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.font.bold = True
    _format(_add(doc, "Body Text First Indent", body), first=0.5)
    item = _format(_add(doc, "Amendment Item", body), left=0.5, first=-0.5, keep=True)
    item.paragraph_format.tab_stops.add_tab_stop(Inches(0.5))
    quote = _format(_reset(doc.styles["Quote"]), left=1.0, right=0.5, after=12, justify=True)
    quote.base_style = normal
    _format(_add(doc, "Quote Continued", quote), first=0.5)
    _format(_add(doc, "Testimonium", body), keep=True)
    signature = _format(_add(doc, "Signature", normal), keep=True)
    line = _format(_add(doc, "Signature Line", signature), before=24)
    _border(line, "bottom")
    footer = doc.styles["Footer"]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.font.size = Pt(10)


def _trim(doc: Any) -> None:
    """Drop the template's unused parts and table styles: a smaller file, the same styles used."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if any(name in rel.target_ref for name in UNUSED):
                rels.pop(rel_id)
    for style in list(doc.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name != "Normal Table":
            style.delete()


def _page(doc: Any) -> None:
    """US Letter, one-inch margins, the page number centred in the footer."""
    section = doc.sections[0]
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Inches(1))
    paragraph = section.footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def _reset(style: Any) -> Any:
    """The style with the template's own formatting (theme fonts, colours, borders) removed."""
    for tag in ("w:pPr", "w:rPr"):
        for child in style.element.findall(qn(tag)):
            style.element.remove(child)
    return style


def _add(doc: Any, name: str, base: Any) -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = base
    style.quick_style = True
    return style


def _format(
    style: Any,
    *,
    before: float | None = None,
    after: float | None = None,
    left: float | None = None,
    right: float | None = None,
    first: float | None = None,
    keep: bool | None = None,
    justify: bool = False,
) -> Any:
    pf = style.paragraph_format
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if left is not None:
        pf.left_indent = Inches(left)
    if right is not None:
        pf.right_indent = Inches(right)
    if first is not None:
        pf.first_line_indent = Inches(first)
    if keep is not None:
        pf.keep_with_next = keep
    if justify:
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return style


def _border(style: Any, side: str) -> None:
    """A thin rule on one side of every paragraph in the style (the line signed on)."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl"
    )
