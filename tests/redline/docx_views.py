"""An independent reader of a .docx's tracked changes: the accept-all and reject-all views.

Written from the WordprocessingML rules with zipfile and xml.etree only (not
python-docx, not conformed), so the tests check our writer against the
format rather than against itself:

- accept view: all ``w:t`` text except inside ``w:del``;
- reject view: ``w:t`` outside ``w:ins``, plus ``w:delText`` inside ``w:del``;
- ``w:br`` is a line break and ``w:tab`` a tab in the view its run belongs to;
- a paragraph whose mark is deleted (accept) or inserted (reject) is not a
  paragraph in that view: its text runs on into the next paragraph.

Paragraphs are whitespace-folded; trailing empty paragraphs are dropped.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ACCEPT, REJECT = "accept", "reject"


def fold(text: str) -> str:
    return " ".join(text.split())


def document_xml(data: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return ET.fromstring(z.read("word/document.xml"))


def view(data: bytes, which: str) -> list[str]:
    body = document_xml(data).find(f"{W}body")
    assert body is not None
    out: list[str] = []
    carry = ""
    for p in body.findall(f"{W}p"):
        text = carry + "".join(_runs(p, which, None))
        mark = p.find(f"{W}pPr/{W}rPr")
        gone = W + ("del" if which == ACCEPT else "ins")
        if mark is not None and mark.find(gone) is not None:
            carry = text
            continue
        out.append(text)
        carry = ""
    if carry:
        out.append(carry)
    folded = [fold(t) for t in out]
    while folded and not folded[-1]:
        folded.pop()
    return folded


def _runs(el: ET.Element, which: str, inside: str | None):
    for child in el:
        tag = child.tag
        if tag == f"{W}pPr":
            continue
        if tag in (f"{W}ins", f"{W}del"):
            yield from _runs(child, which, tag[len(W) :])
        elif tag == f"{W}r":
            if (which == ACCEPT and inside == "del") or (which == REJECT and inside == "ins"):
                continue
            for x in child:
                if x.tag == f"{W}t" or (x.tag == f"{W}delText" and inside == "del"):
                    yield x.text or ""
                elif x.tag in (f"{W}br", f"{W}cr"):
                    yield "\n"
                elif x.tag == f"{W}tab":
                    yield "\t"
        else:
            yield from _runs(child, which, inside)


@dataclass(frozen=True)
class Revision:
    kind: str  # "ins" or "del"
    id: str
    author: str | None
    date: str | None
    paragraph_mark: bool


def revisions(data: bytes) -> list[Revision]:
    root = document_xml(data)
    marks = {id(m) for m in root.iter() if m.tag == f"{W}rPr"}
    out = []
    for parent in root.iter():
        for el in parent:
            if el.tag in (f"{W}ins", f"{W}del"):
                out.append(
                    Revision(
                        el.tag[len(W) :],
                        el.get(f"{W}id", ""),
                        el.get(f"{W}author"),
                        el.get(f"{W}date"),
                        id(parent) in marks,
                    )
                )
    return out


def paragraph_xml(data: bytes) -> list[ET.Element]:
    body = document_xml(data).find(f"{W}body")
    assert body is not None
    return body.findall(f"{W}p")
