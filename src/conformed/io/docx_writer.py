"""Word out: a conformed copy as a .docx.

``numbering="auto"`` leaves each paragraph's leading label to real Word list
numbering, so a user who inserts a subsection in Word sees the rest renumber;
``numbering="text"`` types the labels.  Auto lists are built so that Word's
count always gives the conformed label: one abstract list per (depth, number
format, label text such as "(%2)"), and one ``w:num`` per run of consecutive
siblings under one parent, starting where its first label starts
(``w:startOverride``).  No list relies on another num continuing its count,
which Word and LibreOffice do not treat alike.  Labels that Word cannot draw
(an inline "(i)" inside a paragraph, a "5A") stay typed.

Provenance (``annotate``) becomes real Word footnotes.  A document read
from a .docx is written into its own package, styles and numbering
(docx_restyle.py).
"""

from __future__ import annotations

import io
from collections import Counter

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from ..citation import Style
from ..document import Document, Layout
from .docx_numbering import Element
from .docx_paras import Para, body_paras, matter_paras
from .docx_xml import Footnotes, W, append_body, ind_xml, level_xml, paragraph_xml

NUMBERING_MODES = ("auto", "text")
FORMATS = {
    Style.ARABIC: "decimal",
    Style.LOWER_ALPHA: "lowerLetter",
    Style.UPPER_ALPHA: "upperLetter",
    Style.LOWER_ROMAN: "lowerRoman",
    Style.UPPER_ROMAN: "upperRoman",
}
FONT = "Times New Roman"
_GENERIC = [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]
LevelKey = tuple[int, str, str]  # depth, w:numFmt, w:lvlText


def write_docx(doc: Document, *, annotate: bool = False, numbering: str = "auto") -> bytes:
    if numbering not in NUMBERING_MODES:
        raise ValueError(f"numbering must be one of {NUMBERING_MODES}, not {numbering!r}")
    if doc.source_docx is not None:
        from .docx_restyle import restyle

        return restyle(doc, annotate=annotate, numbering=numbering)
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    normal.paragraph_format.space_after = Pt(12)
    body = body_paras(doc, annotate=annotate)
    paras = matter_paras(doc.front, doc.layout) + body + matter_paras(doc.back, doc.layout)
    lists = WordLists(document.part.numbering_part.element, doc.layout, body)
    notes = Footnotes()
    fragments = []
    for para in paras:
        numpr = lists.number(para) if numbering == "auto" else None
        fragments.append(paragraph_xml(para, numpr, [notes.add(n) for n in para.notes]))
    append_body(document.element.body, fragments)
    for p in document.element.body.findall(qn("w:p"))[:1]:
        if not len(p) or (len(p) == 1 and p[0].tag == qn("w:pPr")):
            p.getparent().remove(p)  # the template's empty first paragraph
    lists.attach()
    notes.attach(document.part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def level_key(para: Para) -> LevelKey | None:
    """How Word would draw ``para``'s label, or None if it cannot."""
    label = para.label
    if label is None or para.depth > 8 or "%" in label.prefix + label.suffix:
        return None
    if label.style not in FORMATS:
        return None  # "FIRST:": Word would draw "First"; the label is typed as printed
    return (para.depth, FORMATS[label.style], f"{label.prefix}%{para.depth + 1}{label.suffix}")


class WordLists:
    """The abstract lists and nums that number the provisions, added to numbering.xml."""

    def __init__(self, numbering: Element, layout: Layout, paras: list[Para]) -> None:
        self.root = numbering
        self.layout = layout
        self.next_abstract = 1 + max(
            (int(x.get(qn("w:abstractNumId")) or 0) for x in numbering.iter(qn("w:abstractNum"))),
            default=-1,
        )
        self.next_num = 1 + max(
            (int(x.get(qn("w:numId")) or 0) for x in numbering.iter(qn("w:num"))), default=0
        )
        self.abstracts: dict[LevelKey, int] = {}
        self.xml_abstracts: list[str] = []
        self.xml_nums: list[str] = []
        self.open: dict[int, tuple[int, LevelKey, int]] = {}  # parent uid -> num, key, value
        counts: dict[int, Counter[tuple[str, str]]] = {}
        for para in paras:
            if key := level_key(para):
                counts.setdefault(key[0], Counter())[key[1:]] += 1
        self.defaults = {d: c.most_common(1)[0][0] for d, c in counts.items()}

    def number(self, para: Para) -> tuple[int, int] | None:
        """(numId, ilvl) for a labelled paragraph; the next in its run of siblings or a new run."""
        key = level_key(para)
        if key is None or para.label is None:
            return None
        value = para.label.value
        current = self.open.get(para.parent)
        if current and current[1] == key and current[2] + 1 == value:
            num = current[0]
        else:
            num = self._new_num(key, value)
        self.open[para.parent] = (num, key, value)
        return num, key[0]

    def _new_num(self, key: LevelKey, start: int) -> int:
        if key not in self.abstracts:
            self.abstracts[key] = aid = self.next_abstract
            self.next_abstract += 1
            levels = []
            for ilvl in range(9):
                fmt, text = key[1:] if ilvl == key[0] else self._default(ilvl)
                first, left = self.layout.indent(ilvl)
                levels.append(level_xml(ilvl, fmt, text, 1, ind_xml(first, left)))
            self.xml_abstracts.append(
                f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
                + "".join(levels)
                + "</w:abstractNum>"
            )
        num = self.next_num
        self.next_num += 1
        self.xml_nums.append(
            f'<w:num w:numId="{num}"><w:abstractNumId w:val="{self.abstracts[key]}"/>'
            f'<w:lvlOverride w:ilvl="{key[0]}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            "</w:num>"
        )
        return num

    def _default(self, ilvl: int) -> tuple[str, str]:
        if ilvl in self.defaults:
            return self.defaults[ilvl]
        fmt, text = _GENERIC[ilvl % len(_GENERIC)]
        return fmt, text.replace(text[text.index("%") + 1], str(ilvl + 1))

    def attach(self) -> None:
        """Abstract lists go before every ``w:num``, nums after the last, as the schema orders."""
        if not self.xml_nums:
            return
        new = parse_xml(
            f"<w:numbering {W}>{''.join(self.xml_abstracts + self.xml_nums)}</w:numbering>"
        )
        nums = self.root.findall(qn("w:num"))
        cleanup = self.root.find(qn("w:numIdMacAtCleanup"))
        for node in list(new):
            if node.tag == qn("w:abstractNum") and (nums or cleanup is not None):
                (nums[0] if nums else cleanup).addprevious(node)
            elif node.tag == qn("w:num") and cleanup is not None:
                cleanup.addprevious(node)
            else:
                self.root.append(node)
