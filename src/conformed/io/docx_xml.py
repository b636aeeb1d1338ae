"""WordprocessingML for the writers: paragraphs, list definitions and footnotes as XML text.

Strings rather than python-docx objects: a 150,000-word agreement is a few
thousand paragraphs, and building them as text then parsing once is several
times faster than element-by-element construction.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from lxml import etree

from ..lazy_re import lazy_re
from .docx_numbering import Element
from .docx_paras import Para
from .paragraphs import HEADING, LABEL, Run

TWIPS = 90  # per column of indentation, as the reader counts them
_INVALID = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
W = nsdecls("w")
_NOTE_RPR = '<w:rPr><w:sz w:val="20"/></w:rPr>'  # 10 point


def text_xml(text: str, rpr: str = "") -> str:
    """Runs for ``text``: tabs and line breaks as Word's own elements."""
    out = []
    for piece in re.split(r"(\t|\n)", _INVALID.sub("", text)):
        if piece == "\t":
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        elif piece == "\n":
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        elif piece:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def runs_xml(runs: list[Run], rprs: dict[str, str] | None = None) -> str:
    rprs = rprs or {HEADING: "<w:rPr><w:b/></w:rPr>"}
    return "".join(text_xml(r.text, rprs.get(r.kind, "")) for r in runs)


def ind_xml(first: int, left: int) -> str:
    hang = (first - left) * TWIPS
    edge = f'w:firstLine="{hang}"' if hang >= 0 else f'w:hanging="{-hang}"'
    return f'<w:ind w:left="{left * TWIPS}" {edge}/>'


def paragraph_xml(para: Para, numpr: tuple[int, int] | None, notes: list[int]) -> str:
    """A paragraph; given ``numpr`` its label run is left to Word's numbering."""
    runs = para.runs
    if numpr is not None and runs and runs[0].kind == LABEL:
        runs = runs[2:] if len(runs) > 1 and runs[1].text == " " else runs[1:]
    ppr = ""
    if numpr is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{numpr[1]}"/><w:numId w:val="{numpr[0]}"/></w:numPr>'
    ppr += ind_xml(para.first, para.left) if not para.center else ""
    ppr += '<w:jc w:val="center"/>' if para.center else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs_xml(runs)}{note_refs(notes)}</w:p>"


def note_refs(ids: list[int]) -> str:
    return "".join(
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{i}"/></w:r>'
        for i in ids
    )


def append_body(body: Element, fragments: list[str]) -> None:
    """Parse paragraphs once and put them before the section properties."""
    parsed = parse_xml(f"<w:body {W}>{''.join(fragments)}</w:body>")
    end = body.find(qn("w:sectPr"))
    for child in list(parsed):
        if end is not None:
            end.addprevious(child)
        else:
            body.append(child)


def level_xml(ilvl: int, fmt: str, text: str, start: int, ind: str) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="space"/><w:lvlText w:val={quoteattr(text)}/>'
        f'<w:lvlJc w:val="left"/><w:pPr>{ind}</w:pPr></w:lvl>'
    )


class Footnotes:
    """Notes collected while writing, then put in the package's footnotes part."""

    def __init__(self, first_id: int = 1) -> None:
        self.next_id = first_id
        self.notes: list[tuple[int, str]] = []

    def add(self, text: str) -> int:
        self.notes.append((self.next_id, text))
        self.next_id += 1
        return self.next_id - 1

    def xml(self) -> list[str]:
        return [
            f'<w:footnote {W} w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f"{text_xml(' ' + text, _NOTE_RPR)}"
            "</w:p></w:footnote>"
            for i, text in self.notes
        ]

    def attach(self, document_part: Part) -> None:
        """Add the notes to the footnotes part, creating it (with Word's separators) if need be."""
        if not self.notes:
            return
        part = footnotes_part(document_part)
        if isinstance(part, XmlPart):  # should python-docx come to load footnotes itself
            root = part.element
        elif part is not None:
            root = parse_xml(part.blob)  # python-docx's parser: entities never expanded
        else:
            root = parse_xml(f"<w:footnotes {W}>{_SEPARATORS}</w:footnotes>")
        for note in self.xml():
            root.append(parse_xml(note))
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if part is None:
            uri = PackURI("/word/footnotes.xml")
            part = Part(uri, CT.WML_FOOTNOTES, blob, document_part.package)
            document_part.relate_to(part, RT.FOOTNOTES)
        elif not isinstance(part, XmlPart):
            part._blob = blob


def footnotes_part(document_part: Part) -> Part | None:
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            target: Part = rel.target_part
            return target
    return None


_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/>'
    "</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
)
